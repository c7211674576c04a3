// Fresh benchmark stores: SQLite files under a scratch directory, PostgreSQL schemas in a dedicated
// database (created when missing). Both are opened through openDb, so pragmas and pool settings are
// exactly the application's.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../src/db/database.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface StoreConfig {
  sqliteDir: string;
  pgUrl: string;
}

const sqliteFiles = (path: string) => [path, `${path}-wal`, `${path}-shm`];

export function sqlitePath(cfg: StoreConfig, name: string): string {
  return join(cfg.sqliteDir, `${name}.db`);
}

/** Opens a store named `name`; `fresh` wipes it first (file or schema). */
export async function openStore(kind: StoreKind, cfg: StoreConfig, name: string, fresh: boolean): Promise<Db> {
  if (kind === 'sqlite') {
    mkdirSync(cfg.sqliteDir, { recursive: true });
    const path = sqlitePath(cfg, name);
    if (fresh) for (const f of sqliteFiles(path)) rmSync(f, { force: true });
    return openDb({ kind, url: path });
  }
  await ensureDatabase(cfg.pgUrl);
  if (fresh) await dropSchema(cfg, name);
  return openDb({ kind, url: cfg.pgUrl, schema: name, poolSize: 4 });
}

export async function dropStore(kind: StoreKind, cfg: StoreConfig, name: string): Promise<void> {
  if (kind === 'sqlite') for (const f of sqliteFiles(sqlitePath(cfg, name))) rmSync(f, { force: true });
  else await dropSchema(cfg, name);
}

export function sqliteBytes(cfg: StoreConfig, name: string): number {
  return sqliteFiles(sqlitePath(cfg, name)).reduce((s, f) => s + (existsSync(f) ? statSync(f).size : 0), 0);
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  await withClient(u.toString(), async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
}

async function dropSchema(cfg: StoreConfig, schema: string): Promise<void> {
  await withClient(cfg.pgUrl, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** Runs one statement outside any transaction (VACUUM, CHECKPOINT) on a store's own connection. */
export async function pgCommand(db: Db, text: string): Promise<void> {
  if (db.raw.kind !== 'postgres') return;
  const c = await db.raw.pool.connect();
  try {
    await c.query(text);
  } finally {
    c.release();
  }
}

export async function pgBytes(db: Db, table: string): Promise<number> {
  if (db.raw.kind !== 'postgres') return 0;
  const { rows } = await db.raw.pool.query('SELECT pg_total_relation_size(to_regclass($1))::float8 AS b', [table]);
  return Number(rows[0]?.b ?? 0);
}
