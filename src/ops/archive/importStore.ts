// Loading archive events into an empty store of either kind, in one transaction: the target's schema is
// brought to the archive's version first (so an old backup restores into new code, then migrates up),
// every table is filled in dependency order, the copy is re-read and compared table by table (count and
// hash) before the commit, and PostgreSQL's id sequences are moved past the restored ids.
import { migrateToLatest } from '../../db/migrate.ts';
import { openDb, type Db } from '../../db/database.ts';
import { invalidateReference } from '../../catalogue/reference.ts';
import { dependencyOrder, listTables, type TableInfo } from '../store/introspect.ts';
import { currentSchema, knownMigrations, migrateStoreTo } from '../store/migrationState.ts';
import { quote, rawConnection, type RawConnection } from '../store/rawConnection.ts';
import { digestTables, TableDigest, type Row } from '../store/tableRows.ts';
import { ArchiveError, type ArchiveEvent, type ArchiveHeader } from './events.ts';

export interface TableCopy {
  table: string;
  rows: number;
  hash: string;
}

export interface ImportSummary {
  header: ArchiveHeader;
  tables: TableCopy[];
  rows: number;
}

export async function importStore(target: Db, events: AsyncIterable<ArchiveEvent>): Promise<ImportSummary> {
  const it = events[Symbol.asyncIterator]();
  try {
    return await importFrom(target, it);
  } finally {
    // The source's generator must finish: an export holds a transaction open until it does.
    await it.return?.();
  }
}

async function importFrom(target: Db, it: AsyncIterator<ArchiveEvent>): Promise<ImportSummary> {
  const first = await it.next();
  if (first.done || first.value.kind !== 'header') throw new ArchiveError('Thiếu phần đầu của bản sao lưu.', 'The archive has no header.');
  const header = first.value.header;
  checkSchemaVersion(header);
  await assertEmpty(target);
  await migrateStoreTo(target, header.migrations[header.migrations.length - 1]!);

  const tables = new Map((await listTables(target)).map((t) => [t.name, t]));
  const conn = await rawConnection(target);
  const copied: TableCopy[] = [];
  try {
    await conn.run(target.kind === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
    // A table that refers to itself (a unit's parent) may list a child before its parent.
    if (target.kind === 'sqlite') await conn.run('PRAGMA defer_foreign_keys = ON');
    for (const t of [...dependencyOrder([...tables.values()])].reverse()) await conn.run(`DELETE FROM ${quote(t.name)}`);
    await loadTables(conn, tables, it, copied);
    const stored = await digestTables(conn, copied.map((c) => tables.get(c.table)!));
    for (const c of copied) {
      const s = stored.get(c.table)!;
      if (s.rows !== c.rows || s.hash !== c.hash) {
        throw new ArchiveError(
          `Bảng ${c.table} sau khi nạp khác bản sao lưu (${s.rows}/${c.rows} dòng); không có gì được ghi.`,
          `Table ${c.table} differs from the archive once loaded (${s.rows}/${c.rows} rows); nothing was written.`,
        );
      }
    }
    if (target.kind === 'postgres') await resetSequences(conn, [...tables.values()]);
    await conn.run('COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await conn.release();
  }
  await migrateToLatest(target.k, await currentSchema(target));
  invalidateReference(target);
  return { header, tables: copied, rows: copied.reduce((s, c) => s + c.rows, 0) };
}

function checkSchemaVersion(h: ArchiveHeader): void {
  const known = knownMigrations();
  const newer = h.migrations.filter((m) => !known.includes(m));
  if (newer.length) {
    throw new ArchiveError(
      `Bản sao lưu được tạo bởi phiên bản mới hơn (migration ${newer.join(', ')}); hãy cập nhật chương trình trước.`,
      `The archive comes from a newer version (migrations ${newer.join(', ')}); upgrade the program first.`,
    );
  }
  if (!h.migrations.length || h.migrations.some((m, i) => m !== known[i])) {
    throw new ArchiveError(
      'Phiên bản lược đồ của bản sao lưu không khớp với chuỗi migration của chương trình.',
      'The archive\'s schema version does not match this program\'s sequence of migrations.',
    );
  }
}

/** Rows a freshly migrated store already holds (the total breakdown, id 0): these do not make it "used". */
let seedCounts: Promise<Map<string, number>> | null = null;
function seeds(): Promise<Map<string, number>> {
  seedCounts ??= (async () => {
    const fresh = await openDb({ kind: 'sqlite', url: ':memory:' });
    try {
      const conn = await rawConnection(fresh);
      const out = new Map<string, number>();
      for (const t of await listTables(fresh)) out.set(t.name, Number((await conn.rows(`SELECT COUNT(*) FROM ${quote(t.name)}`))[0]![0]));
      return out;
    } finally {
      await fresh.close();
    }
  })();
  return seedCounts;
}

async function assertEmpty(target: Db): Promise<void> {
  const seed = await seeds();
  const conn = await rawConnection(target);
  try {
    for (const t of await listTables(target)) {
      const n = Number((await conn.rows(`SELECT COUNT(*) FROM ${quote(t.name)}`))[0]![0]);
      if (n > (seed.get(t.name) ?? 0)) {
        throw new ArchiveError(
          `Kho đích đã có dữ liệu (bảng ${t.name}: ${n} dòng); chỉ khôi phục vào một kho trống.`,
          `The target store already holds data (table ${t.name}: ${n} rows); restore only into an empty store.`,
        );
      }
    }
  } finally {
    await conn.release();
  }
}

async function loadTables(
  conn: RawConnection, tables: Map<string, TableInfo>, it: AsyncIterator<ArchiveEvent>, copied: TableCopy[],
): Promise<void> {
  let current: { info: TableInfo; columns: string[]; digest: TableDigest; held: Row[] | null } | null = null;
  for (;;) {
    const r = await it.next();
    if (r.done) throw new ArchiveError('Bản sao lưu kết thúc giữa chừng.', 'The archive ends half-way.');
    const e = r.value;
    if (e.kind === 'table') {
      const info = tables.get(e.table);
      if (!info) throw new ArchiveError(`Kho đích không có bảng ${e.table}.`, `The target store has no table ${e.table}.`);
      const want = info.columns.map((c) => c.name).sort().join(',');
      if ([...e.columns].sort().join(',') !== want) {
        throw new ArchiveError(`Các cột của bảng ${e.table} không khớp với kho đích.`, `The columns of table ${e.table} do not match the target store.`);
      }
      const selfRef = info.foreignKeys.some((f) => f.parent === info.name);
      current = { info, columns: e.columns, digest: new TableDigest(e.columns), held: selfRef ? [] : null };
    } else if (e.kind === 'rows') {
      if (!current) throw new ArchiveError('Dòng dữ liệu nằm ngoài bảng nào.', 'Rows outside any table.');
      for (const row of e.rows) current.digest.add(row);
      if (current.held) current.held.push(...e.rows);
      else await conn.insert(current.info.name, current.columns, e.rows);
    } else if (e.kind === 'tableEnd') {
      if (!current || current.info.name !== e.table) throw new ArchiveError('Bản sao lưu sai cấu trúc.', 'The archive is malformed.');
      if (current.held) await conn.insert(current.info.name, current.columns, parentsFirst(current.info, current.columns, current.held));
      if (current.digest.rows !== e.rows || current.digest.hash !== e.hash) {
        throw new ArchiveError(
          `Bảng ${e.table} trong tệp sao lưu bị hỏng (số dòng hoặc mã kiểm tra sai).`,
          `Table ${e.table} is damaged in the archive (row count or checksum differs).`,
        );
      }
      copied.push({ table: e.table, rows: e.rows, hash: e.hash });
      current = null;
    } else if (e.kind === 'complete') {
      return;
    }
  }
}

/** Orders the rows of a self-referencing table so that every referenced row comes before its referrers. */
function parentsFirst(t: TableInfo, columns: string[], rows: Row[]): Row[] {
  const self = t.foreignKeys.filter((f) => f.parent === t.name && f.columns.length === 1);
  if (!self.length || t.primaryKey.length !== 1) return rows;
  const pk = columns.indexOf(t.primaryKey[0]!);
  const refs = self.map((f) => columns.indexOf(f.columns[0]!));
  const byId = new Map(rows.map((r) => [r[pk], r]));
  const placed = new Set<unknown>();
  const out: Row[] = [];
  const place = (r: Row, depth: number) => {
    if (placed.has(r[pk]) || depth > rows.length) return;
    for (const i of refs) {
      const parent = r[i] == null ? undefined : byId.get(r[i]);
      if (parent && parent !== r) place(parent, depth + 1);
    }
    placed.add(r[pk]);
    out.push(r);
  };
  for (const r of rows) place(r, 0);
  return out;
}

/** After explicit ids were inserted, the next id PostgreSQL hands out must be past them (ids start at 1; breakdown 0 is data). */
async function resetSequences(conn: RawConnection, tables: TableInfo[]): Promise<void> {
  for (const t of tables) {
    if (!t.serial) continue;
    const col = t.serial.replace(/'/g, "''");
    await conn.rows(
      `SELECT setval(pg_get_serial_sequence('${quote(t.name).replace(/'/g, "''")}', '${col}'), ` +
      `GREATEST(COALESCE(MAX(${quote(t.serial)}), 0), 1), COALESCE(MAX(${quote(t.serial)}), 0) >= 1) FROM ${quote(t.name)}`,
    );
  }
}
