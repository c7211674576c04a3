// SQLite's online backup: pages copied while the server keeps reading and writing (better-sqlite3's
// backup API), into a temporary file that becomes the backup only once complete and checked. The copy
// is switched out of WAL so that it is one self-contained file, readable without its -wal and -shm.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db, SqliteHandle } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { ArchiveError } from './events.ts';

export interface SqliteBackupResult {
  bytes: number;
  pages: number;
}

export async function sqliteOnlineBackup(db: Db, file: string): Promise<SqliteBackupResult> {
  if (db.raw.kind !== 'sqlite') throw new Error('sqliteOnlineBackup needs a SQLite store');
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    const r = await (db.raw as SqliteHandle).sqlite.backup(tmp);
    const copy = new BetterSqlite3(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new ArchiveError(`Bản sao lưu không toàn vẹn: ${String(check)}`, `The backup copy fails its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    renameSync(tmp, file);
    return { bytes: statSync(file).size, pages: r.totalPages };
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A SQLite file begins with these 16 bytes; an archive with gzip's 1f 8b. */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Opens a SQLite file (a backup) for reading only: no migration, no journal change, nothing written. */
export function openSqliteReadOnly(path: string): Db {
  if (!existsSync(path)) throw new ArchiveError(`Không có tệp ${path}.`, `No such file: ${path}.`);
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kind: 'sqlite', k, raw: { kind: 'sqlite', sqlite }, close: async () => { await k.destroy(); } };
}
