// Where a pivot call spends its time, on a store kept by `npm run bench -- --keep`:
// `node --import tsx [--cpu-prof] bench/profilePivot.ts --values 1000000 --stores sqlite [--runs 500]`.
// Prints p50/p95 per store; with --cpu-prof, Node writes a profile to open in Chrome DevTools.
import { regionalPivot } from '../src/analytics/pivot.ts';
import { noteStoreChanged } from '../src/analytics/answerCache.ts';
import { intFlag, listFlag, parseFlags } from './args.ts';
import { buildModel, planDataset } from './generate.ts';
import { openStore, type StoreKind } from './stores.ts';
import { makePeriod } from '../src/periods/period.ts';
import { loadavg } from 'node:os';
import { now, summarize } from './stats.ts';

const flags = parseFlags();
const plan = planDataset(intFlag(flags, 'values', 1_000_000), intFlag(flags, 'seed', 20_251_231));
const model = buildModel(plan);
const cfg = { sqliteDir: flags.get('dir') ?? '/tmp/congthuong-bench', pgUrl: flags.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/congthuong_bench' };
const runs = intFlag(flags, 'runs', 500);
for (const kind of listFlag(flags, 'stores', ['sqlite', 'postgres']) as StoreKind[]) {
  const db = await openStore(kind, cfg, kind === 'sqlite' ? `ours-${plan.rows}` : `bench_ours_${plan.rows}`, false);
  const periods = Array.from({ length: runs }, (_, i) => {
    const year = plan.firstYear + 1 + (i % (plan.lastYear - plan.firstYear));
    return i % 3 ? makePeriod('month', year, 1 + (i % 12)) : makePeriod('ytd', year, 2 + (i % 11));
  });
  for (const p of periods.slice(0, 20)) await regionalPivot(db, { period: p });
  const ms: number[] = [];
  const cpu: number[] = [];
  let cells = 0;
  for (const p of periods) {
    noteStoreChanged(db); // computed, as after a write
    const c0 = process.cpuUsage();
    const t0 = now();
    cells = (await regionalPivot(db, { period: p })).length;
    ms.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const s = summarize(ms);
  const c = summarize(cpu);
  console.log(`${kind}: ${cells} cells, wall p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms · this process's CPU p50 ${c.p50.toFixed(2)} ms, p95 ${c.p95.toFixed(2)} ms · load ${loadavg()[0]!.toFixed(1)}`);
  await db.close();
}
