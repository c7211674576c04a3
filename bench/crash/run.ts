// The long crash campaign: the real server (and CLI bulk imports beside it) killed with SIGKILL at
// random points, many times, on each store, with the invariants checked after every kill. Figures go
// to bench/out/crash-<store>-<seed>.json and a table for BENCHMARKS.md ("Crash safety") is printed.
//
//   node --import tsx bench/crash/run.ts --stores sqlite,postgres --kills 60 --budget-min 30 --seed 7
//   (--pg-url postgres://postgres@127.0.0.1:5432/congthuong_crash_bench  --provinces 30)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intFlag, listFlag, parseFlags } from '../args.ts';
import { runCampaign, type CampaignResult } from '../../src/ops/crash/campaign.ts';

const flags = parseFlags();
const stores = listFlag(flags, 'stores', ['sqlite', 'postgres']) as Array<'sqlite' | 'postgres'>;
const kills = intFlag(flags, 'kills', 60);
const budgetMin = intFlag(flags, 'budget-min', 30);
const seed = intFlag(flags, 'seed', Date.now() % 1_000_000);
const pgUrl = flags.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/congthuong_crash_bench';
const out = join(import.meta.dirname, '..', 'out');
mkdirSync(out, { recursive: true });

const results: CampaignResult[] = [];
for (const store of stores) {
  console.log(`== ${store}: up to ${kills} kills or ${budgetMin} min, seed ${seed}`);
  const r = await runCampaign({
    store, kills, minKills: Math.min(kills, 3), budgetMs: budgetMin * 60_000, seed, pgUrl,
    provinces: intFlag(flags, 'provinces', 30), log: (s) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${s}`),
  });
  results.push(r);
  writeFileSync(join(out, `crash-${store}-${seed}.json`), JSON.stringify({ seed, ...r }, null, 1));
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);
console.log('\n| store | kills (during start / during a CLI bulk load) | operations (acknowledged / unknown / refused) | rows acknowledged | checks | invariant violations | doctor problems | median restart to ready | duration |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.store} | ${r.kills} (${r.killsDuringStart} / ${r.killsDuringBulk}) | ${r.ops.acked! + r.ops.unknown! + r.ops.refused!} ` +
    `(${r.ops.acked} / ${r.ops.unknown} / ${r.ops.refused}) | ${r.rowsAcknowledged.toLocaleString('en')} | ${r.checks} | ${r.violations.length} | ` +
    `${r.doctorProblems.length} | ${(median(r.startMs) / 1000).toFixed(1)} s | ${(r.ms / 60_000).toFixed(1)} min |`);
}
console.log('\n| store | operations by kind | Excel uploads (acknowledged / unknown / refused) | reports requested |');
console.log('|---|---|---|---|');
for (const r of results) {
  const kinds = Object.entries(r.opsByKind).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`| ${r.store} | ${kinds} | ${r.uploads.acked ?? 0} / ${r.uploads.unknown ?? 0} / ${r.uploads.refused ?? 0} | ${r.reportsRequested} |`);
}
const bad = results.filter((r) => r.violations.length || r.doctorProblems.length);
for (const r of bad) console.log(`\n${r.store}:\n${[...r.violations, ...r.doctorProblems].slice(0, 20).join('\n')}`);
process.exit(bad.length ? 1 : 0);
