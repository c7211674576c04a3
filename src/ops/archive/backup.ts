// The three operations an operator runs: back up a store to a file, restore a file into an empty store,
// and move a deployment from one store to another (SQLite → PostgreSQL), all over the same events.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Db } from '../../db/database.ts';
import { readArchive, writeArchive } from './archiveFile.ts';
import { exportStore } from './exportStore.ts';
import { importStore, type ImportSummary } from './importStore.ts';
import { openSqliteReadOnly, sqliteOnlineBackup, SQLITE_MAGIC } from './sqliteBackup.ts';
import { ArchiveError } from './events.ts';

export type BackupFormat = 'sqlite' | 'archive';

/** SQLite stores get a page-level copy unless a portable archive is asked for; PostgreSQL always the archive. */
export function backupFormatFor(db: Db, file: string, logical: boolean): BackupFormat {
  return db.kind === 'sqlite' && !logical && !/\.jsonl\.gz$/i.test(file) ? 'sqlite' : 'archive';
}

export interface BackupResult {
  format: BackupFormat;
  bytes: number;
  rows: number | null;
  tables: number | null;
  ms: number;
}

export async function backupStore(db: Db, file: string, opts: { logical?: boolean } = {}): Promise<BackupResult> {
  const t0 = performance.now();
  const format = backupFormatFor(db, file, opts.logical ?? false);
  if (format === 'sqlite') {
    const r = await sqliteOnlineBackup(db, file);
    return { format, bytes: r.bytes, rows: null, tables: null, ms: performance.now() - t0 };
  }
  const r = await writeArchive(exportStore(db), file);
  return { format, bytes: r.bytes, rows: r.rows, tables: r.tables, ms: performance.now() - t0 };
}

export function fileFormat(file: string): BackupFormat {
  const head = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new ArchiveError(`Không mở được tệp ${file}.`, `Cannot open ${file}.`);
  }
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(SQLITE_MAGIC)) return 'sqlite';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'archive';
  throw new ArchiveError(`${file} không phải bản sao lưu (SQLite hoặc .jsonl.gz).`, `${file} is not a backup (SQLite or .jsonl.gz).`);
}

/** Restores a SQLite backup file or an archive into `target`, which must be empty. */
export async function restoreStore(target: Db, file: string): Promise<ImportSummary & { ms: number }> {
  const t0 = performance.now();
  if (fileFormat(file) === 'archive') return { ...(await importStore(target, readArchive(file))), ms: performance.now() - t0 };
  const source = openSqliteReadOnly(file);
  try {
    return { ...(await importStore(target, exportStore(source))), ms: performance.now() - t0 };
  } finally {
    await source.close();
  }
}

/** Copies every row of `source` into the empty `target`, checked table by table. */
export async function moveStore(source: Db, target: Db): Promise<ImportSummary & { ms: number }> {
  const t0 = performance.now();
  return { ...(await importStore(target, exportStore(source))), ms: performance.now() - t0 };
}
