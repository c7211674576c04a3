#!/usr/bin/env node
// `npm test`: the whole suite, first on SQLite, then on PostgreSQL (TEST_STORES=sqlite to skip it).
// Browser tests (files ending .e2e.test.ts) run once, on SQLite, with Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const stores = (process.env.TEST_STORES ?? 'sqlite,postgres').split(',').filter(Boolean);
const only = process.argv.slice(2);

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

async function ensurePostgresDatabase(url) {
  const target = new URL(url);
  const dbName = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (e) {
    console.error(`PostgreSQL không kết nối được tại ${admin.host} / cannot reach PostgreSQL: ${e.message}\n` +
      `Khởi động / start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
      `hoặc chỉ chạy SQLite / or run SQLite only: TEST_STORES=sqlite npm test`);
    process.exit(2);
  }
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (!rowCount) await client.query(`CREATE DATABASE "${dbName}"`);
  await client.end();
}

// Each test file migrates its own schema, t_<run id>_<random>; they are dropped here, never while a
// file of this run is running: this run's schemas at its end, and those of runs over a day old (a run
// that was killed). Runs going on at the same time (several people, one database) keep theirs.
const runId = Date.now().toString(36);
async function dropTestSchemas(url, which) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(String.raw`SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\_%\_%'`);
  const dayAgo = Date.now() - 86_400_000;
  const drop = rows.map((r) => r.nspname).filter((name) => {
    const run = name.split('_')[1];
    return which === 'mine' ? run === runId : parseInt(run, 36) < dayAgo;
  });
  for (const name of drop) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await client.end();
}

const all = ['src', 'test'].filter((d) => existsSync(join(root, d))).flatMap((d) => findTests(join(root, d)));
const selected = only.length ? all.filter((f) => only.some((o) => f.includes(o))) : all;
const unitTests = selected.filter((f) => !f.endsWith('.e2e.test.ts'));
const browserTests = selected.filter((f) => f.endsWith('.e2e.test.ts'));
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/congthuong_test';

const totals = { pass: 0, fail: 0 };
function run(files, env, label) {
  if (!files.length) return;
  console.log(`\n=== ${label}: ${files.length} test files ===`);
  const r = spawnSync(process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
  process.stdout.write(r.stdout);
  const pass = Number(/ℹ pass (\d+)/.exec(r.stdout)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(r.stdout)?.[1] ?? 0);
  totals.pass += pass;
  totals.fail += fail + (r.status !== 0 && fail === 0 ? 1 : 0);
}

for (const store of stores) {
  if (store === 'postgres') {
    await ensurePostgresDatabase(pgUrl);
    await dropTestSchemas(pgUrl, 'stale');
  }
  run(unitTests, { TEST_STORE: store, TEST_DATABASE_URL: pgUrl, TEST_RUN_ID: runId }, `store ${store}`);
  if (store === 'postgres') await dropTestSchemas(pgUrl, 'mine');
}
run(browserTests, { TEST_STORE: 'sqlite' }, 'browser');
console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed`);
process.exit(totals.fail ? 1 : 0);
