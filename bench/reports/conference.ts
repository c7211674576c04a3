// A region's full conference report as Word (model built from the store + .docx rendered), on the
// synthetic national dataset of bench/generate.ts, loaded through the same bulk path as `npm run bench`.
//
//   node --import tsx bench/reports/conference.ts --values 80000000 --keep      # load once, measure, keep the store
//   node --import tsx bench/reports/conference.ts --values 80000000 --reuse     # measure on the kept store
//
// Flags: --values N (80 M) · --store sqlite|postgres · --dir /tmp/congthuong-bench-reports · --pg-url URL ·
// --runs 30 · --regions syn-r3,national · --period 9T/2025 · --formats docx,pdf,xlsx,html · --keep · --reuse.
// The store is its own (never another benchmark's), and results go to bench/out/reports-*.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intFlag, listFlag, parseFlags } from '../args.ts';
import { buildModel, catalogueIds, createCatalogue, planDataset } from '../generate.ts';
import { oursLoad } from '../ingest.ts';
import { log, now, round, summarize } from '../stats.ts';
import { dropStore, openStore, type StoreConfig, type StoreKind } from '../stores.ts';
import { buildReport } from '../../src/reports/build/index.ts';
import { render } from '../../src/reports/generate.ts';
import type { ReportFormat } from '../../src/reports/model.ts';
import { parseCode } from '../../src/periods/period.ts';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const flags = parseFlags();
  const plan = planDataset(intFlag(flags, 'values', 80_000_000));
  const kind = (flags.get('store') ?? 'sqlite') as StoreKind;
  const cfg: StoreConfig = {
    sqliteDir: flags.get('dir') ?? '/tmp/congthuong-bench-reports',
    pgUrl: flags.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/congthuong_bench_reports',
  };
  const name = kind === 'sqlite' ? `reports-${plan.rows}` : `bench_reports_${plan.rows}`;
  const runs = intFlag(flags, 'runs', 30);
  const regions = listFlag(flags, 'regions', ['syn-r3', 'national']);
  const period = parseCode(flags.get('period') ?? '9T/2025');
  const formats = listFlag(flags, 'formats', ['docx']) as ReportFormat[];
  const model = buildModel(plan);
  log(`dataset: ${JSON.stringify(plan)}`);

  const reuse = flags.has('reuse');
  const db = await openStore(kind, cfg, name, !reuse);
  let loadMs = 0;
  if (reuse) {
    await catalogueIds(db, model);
    log(`${kind}: reusing ${name}`);
  } else {
    const t0 = now();
    const cat = await createCatalogue(db, model);
    const loaded = await oursLoad(db, cat, `${kind} load`);
    loadMs = now() - t0;
    log(`${kind}: loaded ${loaded.rows} values in ${(loadMs / 1000).toFixed(0)} s`);
  }

  const results: Array<Record<string, unknown>> = [];
  for (const region of regions) {
    for (const format of formats) {
      const build: number[] = [];
      const draw: number[] = [];
      const total: number[] = [];
      let bytes = 0;
      let shape = '';
      const load: number[] = [];
      for (let i = -2; i < runs; i++) { // two warm-up runs (module loading, JIT, page cache)
        const t0 = now();
        const report = await buildReport(db, { type: 'conference', region, period, lang: 'vi', date: '2026-01-05' });
        const t1 = now();
        const out = await render(report, format);
        const t2 = now();
        if (i < 0) continue;
        build.push(t1 - t0);
        draw.push(t2 - t1);
        total.push(t2 - t0);
        load.push(loadavg()[0]!);
        bytes = Buffer.byteLength(out.body);
        shape = `${Object.keys(report.figures).length} figures, ${report.tables.length} tables (${report.tables.reduce((s, t) => s + t.rows.length, 0)} rows), ${report.charts.length} charts`;
      }
      const s = summarize(total);
      const row = {
        region, format, period: flags.get('period') ?? '9T/2025', bytes, shape,
        totalMs: { p50: round(s.p50), p95: round(s.p95), max: round(s.max), mean: round(s.mean) },
        buildMs: { p50: round(summarize(build).p50) }, renderMs: { p50: round(summarize(draw).p50) },
        loadAvg: { mean: round(load.reduce((a, b) => a + b, 0) / load.length), max: round(Math.max(...load)) },
      };
      results.push(row);
      log(`${region} ${format}: p50 ${row.totalMs.p50} ms, p95 ${row.totalMs.p95} ms, max ${row.totalMs.max} ms (build ${row.buildMs.p50}, render ${row.renderMs.p50}) — ${shape}, ${bytes} bytes, load ${row.loadAvg.mean}`);
    }
  }
  await db.close();
  if (!flags.has('keep') && !reuse) await dropStore(kind, cfg, name);
  const out = join(here, '..', 'out');
  mkdirSync(out, { recursive: true });
  const file = join(out, `reports-${plan.rows}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), store: kind, plan, loadMs: round(loadMs), runs, results }, null, 2));
  log(`results: ${file}`);
}

await main();
