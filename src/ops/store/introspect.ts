// What tables a store holds, read from the store itself (not from schema.ts), so that backups, the
// doctor and the move keep working when a later migration adds tables: columns with their declared
// types, primary keys, foreign keys, auto-numbered ids. Bookkeeping tables are left out: migrations', and
// the change counters (`access_epoch`, `catalogue_epoch`) that only tell running servers that something
// moved — triggers refill them as a restore writes the tables they watch.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface ColumnInfo {
  name: string;
  /** Declared type, lower-case (`integer`, `bigint`, `text`, `double precision`, `real`, …). */
  type: string;
  notNull: boolean;
}

export interface ForeignKey {
  columns: string[];
  parent: string;
  parentColumns: string[];
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** The auto-numbered id column (serial on PostgreSQL, AUTOINCREMENT on SQLite), if any. */
  serial: string | null;
}

const isBookkeeping = (t: string) => t.startsWith('kysely_') || t.startsWith('sqlite_') || t.endsWith('_epoch');

export async function listTables(db: Db): Promise<TableInfo[]> {
  return db.kind === 'sqlite' ? sqliteTables(db) : postgresTables(db);
}

async function sqliteTables(db: Db): Promise<TableInfo[]> {
  const names = (await sql<{ name: string; ddl: string }>`SELECT name, sql AS ddl FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db.k)).rows
    .filter((r) => !isBookkeeping(r.name));
  const out: TableInfo[] = [];
  for (const { name, ddl } of names) {
    const cols = (await sql<{ name: string; type: string; notnull: number; pk: number }>`SELECT name, type, "notnull", pk FROM pragma_table_info(${name})`.execute(db.k)).rows;
    const fks = (await sql<{ id: number; seq: number; table: string; from: string; to: string | null }>`SELECT id, seq, "table", "from", "to" FROM pragma_foreign_key_list(${name}) ORDER BY id, seq`.execute(db.k)).rows;
    const byId = new Map<number, ForeignKey>();
    for (const f of fks) {
      const fk = byId.get(f.id) ?? { columns: [], parent: f.table, parentColumns: [] };
      fk.columns.push(f.from);
      fk.parentColumns.push(f.to ?? 'id');
      byId.set(f.id, fk);
    }
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    out.push({
      name,
      columns: cols.map((c) => ({ name: c.name, type: c.type.toLowerCase(), notNull: c.notnull === 1 || c.pk > 0 })),
      primaryKey: pk,
      foreignKeys: [...byId.values()],
      serial: pk.length === 1 && /autoincrement/i.test(ddl) ? pk[0]! : null,
    });
  }
  return out;
}

async function postgresTables(db: Db): Promise<TableInfo[]> {
  const cols = (await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>`
    SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db.k)).rows;
  const pks = (await sql<{ table_name: string; cols: string[] }>`
    SELECT cl.relname AS table_name,
      (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols
    FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace ns ON ns.oid = cl.relnamespace
    WHERE c.contype = 'p' AND ns.nspname = current_schema()`.execute(db.k)).rows;
  const fks = (await sql<{ table_name: string; parent: string; cols: string[]; parent_cols: string[] }>`
    SELECT cl.relname AS table_name, pcl.relname AS parent,
      (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
      (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS parent_cols
    FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      JOIN pg_class pcl ON pcl.oid = c.confrelid
    WHERE c.contype = 'f' AND ns.nspname = current_schema()
    ORDER BY cl.relname, c.conname`.execute(db.k)).rows;
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    if (isBookkeeping(c.table_name)) continue;
    let t = tables.get(c.table_name);
    if (!t) tables.set(c.table_name, (t = { name: c.table_name, columns: [], primaryKey: [], foreignKeys: [], serial: null }));
    t.columns.push({ name: c.column_name, type: c.data_type.toLowerCase(), notNull: c.is_nullable === 'NO' });
    if (c.column_default?.startsWith('nextval(')) t.serial = c.column_name;
  }
  for (const p of pks) tables.get(p.table_name) && (tables.get(p.table_name)!.primaryKey = p.cols);
  for (const f of fks) tables.get(f.table_name)?.foreignKeys.push({ columns: f.cols, parent: f.parent, parentColumns: f.parent_cols });
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Tables ordered so that every table comes after the tables it references (self-references aside),
 * alphabetical among equals so that two stores of the same schema list them identically.
 */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) throw new Error(`Vòng tham chiếu giữa các bảng / reference cycle at table ${t.name}`);
    visiting.add(t.name);
    for (const fk of t.foreignKeys) {
      const p = byName.get(fk.parent);
      if (p && p.name !== t.name) visit(p);
    }
    visiting.delete(t.name);
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

/** Columns whose integers may exceed 2^53 and are therefore carried as text. */
export const isBigint = (c: ColumnInfo) => c.type === 'bigint' || c.type === 'int8';
