// Backup, restore and move timings on the synthetic national dataset (bench/generate.ts): a SQLite store
// of --values rows, then its online copy, its logical archive, the archive restored into SQLite, the
// move to PostgreSQL, the PostgreSQL archive and its restore. Every copy is verified by the import
// itself (row count and hash per table). Figures for BENCHMARKS.md ("Crash safety").
//
//   node --import tsx bench/crash/backup.ts --values 1M [--dir /tmp/ct-backup-bench] [--pg-url …/congthuong_crash_bench]
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { intFlag, parseFlags } from '../args.ts';
import { buildModel, createCatalogue, generateBatches, planDataset } from '../generate.ts';
import { bulkLoad } from '../../src/collection/bulk/bulkLoad.ts';
import { openDb, type Db } from '../../src/db/database.ts';
import { backupStore, moveStore, restoreStore } from '../../src/ops/archive/backup.ts';

const flags = parseFlags();
const values = intFlag(flags, 'values', 1_000_000);
const dir = flags.get('dir') ?? '/tmp/ct-backup-bench';
const pgUrl = flags.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/congthuong_crash_bench';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

async function freshSchema(name: string): Promise<Db> {
  const admin = new URL(pgUrl);
  admin.pathname = '/postgres';
  const a = new pg.Client({ connectionString: admin.toString() });
  await a.connect();
  const dbName = new URL(pgUrl).pathname.slice(1);
  if (!(await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount) await a.query(`CREATE DATABASE "${dbName}"`);
  await a.end();
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await c.end();
  return openDb({ kind: 'postgres', url: pgUrl, schema: name, migrate: false, poolSize: 4 });
}

const rows: Array<[string, string, string]> = [];
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const t0 = performance.now();
const src = await openDb({ kind: 'sqlite', url: join(dir, 'source.db') });
const cat = await createCatalogue(src, buildModel(planDataset(values)));
const loaded = await bulkLoad(src, generateBatches(cat), { actor: 'bench', kind: 'bulk', note: 'synthetic (bench/generate.ts)' });
const srcBytes = statSync(join(dir, 'source.db')).size;
console.log(`source: ${loaded.inserted} values in ${s(performance.now() - t0)}, ${mb(srcBytes)}`);

const online = await backupStore(src, join(dir, 'online.db'));
rows.push(['SQLite online backup (`backup x.db`)', s(online.ms), mb(online.bytes)]);
const arch = await backupStore(src, join(dir, 'sqlite.jsonl.gz'));
rows.push([`logical archive of SQLite (${arch.rows?.toLocaleString('en')} rows)`, s(arch.ms), mb(arch.bytes)]);

const lite = await openDb({ kind: 'sqlite', url: join(dir, 'restored.db'), migrate: false });
const r1 = await restoreStore(lite, join(dir, 'sqlite.jsonl.gz'));
rows.push(['archive restored into SQLite (verified)', s(r1.ms), mb(statSync(join(dir, 'restored.db')).size)]);
await lite.close();

const moved = await freshSchema('ops_bench_move');
const m = await moveStore(src, moved);
rows.push(['move SQLite → PostgreSQL (verified)', s(m.ms), '—']);
const parch = await backupStore(moved, join(dir, 'postgres.jsonl.gz'));
rows.push(['logical archive of PostgreSQL', s(parch.ms), mb(parch.bytes)]);
const pgRestore = await freshSchema('ops_bench_restore');
const r2 = await restoreStore(pgRestore, join(dir, 'postgres.jsonl.gz'));
rows.push(['archive restored into PostgreSQL (verified)', s(r2.ms), '—']);
await Promise.all([src.close(), moved.close(), pgRestore.close()]);

console.log(`\n${values.toLocaleString('en')} synthetic values (${loaded.inserted.toLocaleString('en')} rows in \`value\`, SQLite file ${mb(srcBytes)}):\n`);
console.log('| operation | time | size |\n|---|---|---|');
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
rmSync(dir, { recursive: true, force: true });
