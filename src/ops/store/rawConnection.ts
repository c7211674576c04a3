// One dedicated connection to a store, below Kysely: rows come back as arrays (no object per row) and a
// transaction spans an export or an import from start to end. Backups, restores and the move are bulk
// paths, like collection/bulk: the dialect differences stay in this file.
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Db, PostgresHandle, SqliteHandle } from '../../db/database.ts';

export interface RawConnection {
  kind: Db['kind'];
  /** Rows as arrays in the order of the select list. Parameters are written `?` for both stores. */
  rows(text: string, params?: unknown[]): Promise<unknown[][]>;
  run(text: string, params?: unknown[]): Promise<void>;
  /** Appends rows (arrays in `columns` order) to a table, in as few round trips as the store allows. */
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  release(): Promise<void>;
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function rawConnection(db: Db): Promise<RawConnection> {
  return db.raw.kind === 'sqlite' ? sqliteConnection(db.raw) : postgresConnection(await (db.raw as PostgresHandle).pool.connect());
}

function sqliteConnection(h: SqliteHandle): RawConnection {
  const s = h.sqlite;
  const cache = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  const prepared = (text: string) => {
    let st = cache.get(text);
    if (!st) cache.set(text, (st = s.prepare(text)));
    return st;
  };
  return {
    kind: 'sqlite',
    async rows(text, params = []) {
      return prepared(text).raw(true).all(...(params as unknown[])) as unknown[][];
    },
    async run(text, params = []) {
      if (params.length === 0 && !/^\s*(select|insert|update|delete)/i.test(text)) s.exec(text);
      else prepared(text).run(...(params as unknown[]));
    },
    async insert(table, columns, rows) {
      const st = prepared(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const r of rows) st.run(...r);
    },
    async release() {},
  };
}

/** `?` placeholders become `$1, $2, …` (no `?` appears in our identifiers or literals). */
function numbered(text: string): string {
  let i = 0;
  return text.replace(/\?/g, () => `$${++i}`);
}

function postgresConnection(c: pg.PoolClient): RawConnection {
  return {
    kind: 'postgres',
    async rows(text, params = []) {
      const r = await c.query({ text: numbered(text), values: params, rowMode: 'array' });
      return r.rows as unknown[][];
    },
    async run(text, params = []) {
      await c.query(numbered(text), params);
    },
    async insert(table, columns, rows) {
      // One multi-row INSERT per slice, under PostgreSQL's limit of 65,535 parameters per statement.
      const per = Math.max(1, Math.min(1000, Math.floor(60_000 / columns.length)));
      const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
      for (let i = 0; i < rows.length; i += per) {
        const part = rows.slice(i, i + per);
        let p = 0;
        const tuples = part.map(() => `(${columns.map(() => `$${++p}`).join(', ')})`).join(', ');
        await c.query(head + tuples, part.flat());
      }
    },
    async release() {
      c.release();
    },
  };
}
