// The one data layer: a Kysely instance over SQLite (embedded, default) or PostgreSQL (production),
// plus the raw driver handle that the bulk paths use (prepared statements on SQLite, COPY on PostgreSQL).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { StoreKind } from '../config/config.ts';
import type { Database } from './schema.ts';
import { migrateToLatest } from './migrate.ts';

// PostgreSQL returns BIGINT (COUNT, SUM of integers) as text by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type SqliteHandle = { kind: 'sqlite'; sqlite: BetterSqlite3.Database };
export type PostgresHandle = { kind: 'postgres'; pool: pg.Pool };

export interface Db {
  kind: StoreKind;
  k: Kysely<Database>;
  raw: SqliteHandle | PostgresHandle;
  close(): Promise<void>;
}

export interface OpenOptions {
  kind: StoreKind;
  url: string;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  schema?: string;
  migrate?: boolean;
  poolSize?: number;
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  const db = opts.kind === 'sqlite' ? openSqlite(opts.url) : await openPostgres(opts);
  if (opts.migrate !== false) await migrateToLatest(db.k, opts.kind === 'postgres' ? opts.schema : undefined);
  return db;
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL: readers never wait for the writer; synchronous=NORMAL is durable across process crashes in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -262144'); // 256 MiB page cache
  const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCache(sqlite) }) });
  return {
    kind: 'sqlite',
    k,
    raw: { kind: 'sqlite', sqlite },
    close: async () => {
      await k.destroy();
    },
  };
}

/** Kysely prepares every query anew; on the dashboard's reads that was ~17% of the server's CPU
 *  (bench/load, profiled). Most SQL repeats with new parameters, so statements are kept by their text
 *  (a statement still busy iterating is never handed out twice; SQLite re-prepares after DDL itself). */
function statementCache(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): BetterSqlite3.Statement {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const s = sqlite.prepare(sql);
      if (cache.size >= 2000) cache.delete(cache.keys().next().value!);
      cache.set(sql, s);
      return s;
    },
    close(): void {
      cache.clear();
      sqlite.close();
    },
  };
}

async function openPostgres(opts: OpenOptions): Promise<Db> {
  const options = opts.schema ? `-c search_path=${opts.schema}` : undefined;
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, options });
  if (opts.schema) {
    const c = await pool.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    } finally {
      c.release();
    }
  }
  const k = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    k,
    raw: { kind: 'postgres', pool },
    close: async () => {
      await k.destroy(); // ends the pool too
    },
  };
}
