// The bounded crash campaign of CI: the real server killed with SIGKILL at random points of real writes
// (API batches, CSV imports, Excel uploads submitted and approved, reports being written, a CLI bulk
// import beside it, its own start), restarted, and checked after
// every kill. About a minute per store (CRASH_BUDGET_S); bench/crash/run.ts runs the long campaign.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testPostgresUrl, testStoreKind } from '../../db/testing.ts';
import { runCampaign } from './campaign.ts';

const budgetS = Number(process.env.CRASH_BUDGET_S ?? 50);

test(`crash campaign on ${testStoreKind}: every acknowledged write survives SIGKILL, nothing is half-written`, { timeout: (budgetS + 240) * 1000 }, async () => {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
  const pgUrl = new URL(testPostgresUrl);
  pgUrl.pathname = '/congthuong_crash'; // a database of its own: its schema is reset, no test schema is touched
  const r = await runCampaign({
    store: testStoreKind, kills: 12, minKills: 3, budgetMs: budgetS * 1000, seed, pgUrl: pgUrl.toString(),
    log: (s) => console.log(`  ${s}`),
  });
  console.log(`  seed ${seed}: ${JSON.stringify({ kills: r.kills, ops: r.ops, byKind: r.opsByKind, uploads: r.uploads, reports: r.reportsRequested, rows: r.rowsAcknowledged, startMs: r.startMs })}`);
  assert.deepEqual(r.violations, [], `seed ${seed}`);
  assert.deepEqual(r.doctorProblems, [], `seed ${seed}`);
  assert.ok(r.kills >= 3, 'at least three kills');
  assert.equal(r.checks, r.kills, 'the invariants were checked after every kill');
  assert.ok(r.ops.acked! > 0, 'writes were acknowledged between kills');
});
