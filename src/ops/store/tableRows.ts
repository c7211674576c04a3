// Reading a whole table page by page in primary-key order (keyset pagination: each page is one index
// seek, whatever the table's size), and the per-table fingerprint that proves two copies identical.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { isBigint, listTables, type TableInfo } from './introspect.ts';
import { quote, rawConnection, type RawConnection } from './rawConnection.ts';

export type Row = unknown[];

/** Integers beyond 2^53 are carried as their decimal text; everything else as it is. */
function normaliseBig(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

export async function* readTable(conn: RawConnection, t: TableInfo, pageSize = 5000): AsyncGenerator<Row[]> {
  const select = t.columns.map((c) => (isBigint(c) ? `CAST(${quote(c.name)} AS TEXT)` : quote(c.name))).join(', ');
  const big = t.columns.map(isBigint);
  const fix = (r: Row) => {
    for (let i = 0; i < r.length; i++) if (big[i]) r[i] = normaliseBig(r[i]);
    return r;
  };
  const from = `SELECT ${select} FROM ${quote(t.name)}`;
  if (!t.primaryKey.length) {
    yield (await conn.rows(from)).map(fix); // no key to page on: one read (no such table today)
    return;
  }
  const pkIdx = t.primaryKey.map((k) => t.columns.findIndex((c) => c.name === k));
  const order = ` ORDER BY ${t.primaryKey.map(quote).join(', ')} LIMIT ${pageSize}`;
  const after = ` WHERE (${t.primaryKey.map(quote).join(', ')}) > (${t.primaryKey.map(() => '?').join(', ')})`;
  let last: unknown[] | null = null;
  for (;;) {
    const rows: Row[] = last ? await conn.rows(from + after + order, last) : await conn.rows(from + order);
    if (rows.length) yield rows.map(fix);
    if (rows.length < pageSize) return;
    const l: Row = rows[rows.length - 1]!;
    last = pkIdx.map((i) => l[i]);
  }
}

/**
 * Row count and an order-free hash of a table's content: the lane-wise sum (mod 2^32) of each row's
 * SHA-256, the row written as JSON with its columns in name order. Order-free because the two stores
 * sort text differently; a sum, not an XOR, so that no two rows can cancel each other.
 */
export class TableDigest {
  rows = 0;
  private readonly lanes = new Float64Array(8);
  private readonly order: number[];

  constructor(columns: string[]) {
    this.order = columns.map((c, i) => [c, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, i]) => i);
  }

  add(row: Row): void {
    const canonical = JSON.stringify(this.order.map((i) => canonicalValue(row[i])));
    const d = createHash('sha256').update(canonical).digest();
    for (let k = 0; k < 8; k++) this.lanes[k] = (this.lanes[k]! + d.readUInt32BE(k * 4)) % 4294967296;
    this.rows++;
  }

  get hash(): string {
    return [...this.lanes].map((x) => x.toString(16).padStart(8, '0')).join('');
  }
}

/** The same value read from either store writes the same way: -0 is 0, big integers are text. */
function canonicalValue(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return v;
}

/** Count and hash of every table of a connection's store, read in the connection's transaction. */
export async function digestTables(conn: RawConnection, tables: TableInfo[]): Promise<Map<string, { rows: number; hash: string }>> {
  const out = new Map<string, { rows: number; hash: string }>();
  for (const t of tables) {
    const d = new TableDigest(t.columns.map((c) => c.name));
    for await (const page of readTable(conn, t)) for (const r of page) d.add(r);
    out.set(t.name, { rows: d.rows, hash: d.hash });
  }
  return out;
}

/** Count and hash of every table of a store, read in one transaction. */
export async function digestStore(db: Db): Promise<Map<string, { rows: number; hash: string }>> {
  const tables = await listTables(db);
  const conn = await rawConnection(db);
  try {
    await conn.run(db.kind === 'postgres' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    try {
      return await digestTables(conn, tables);
    } finally {
      await conn.run('COMMIT');
    }
  } finally {
    await conn.release();
  }
}
