// Results: a console table, JSON under bench/out/, and the BENCHMARKS.md sections between markers
// (<!-- bench:sqlite --> … <!-- /bench:sqlite -->) so the prose around them is never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DatasetPlan } from './generate.ts';
import type { LoadMeasure } from './ingest.ts';
import type { PivotReport } from './pivot.ts';
import type { StoreKind } from './stores.ts';

export interface StoreResult {
  kind: StoreKind;
  order: string;
  ingestAt?: string; // set when the pivot was re-measured on a store loaded by an earlier run
  catalogueMs: number;
  raw: LoadMeasure | null;
  ours: (LoadMeasure & { result: unknown }) | null;
  ratio: number | null;
  postLoad: { what: string; ms: number };
  bytes: Record<string, number>;
  pivot: PivotReport;
}

export interface RunResult {
  at: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memGiB: number; node: string };
  plan: DatasetPlan;
  stores: StoreResult[];
}

export const machine = () => ({
  cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version,
});

const M = (x: number | undefined | null) => (x == null || !Number.isFinite(x) ? '—' : `${(x / 1e6).toFixed(3)} M`);
const ms = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

export function consoleTable(r: RunResult): string {
  const head = ['store', 'rows', 'raw rows/s', 'ours rows/s', 'ours/raw', 'pivot p50/p95/p99 ms', 'repeated p50', '9T p50', 'raw GROUP BY p50', 'write+read p50', 'agree'];
  const lines = r.stores.map((s) => [
    s.kind, M(s.ours?.rows ?? s.raw?.rows), M(s.raw?.rowsPerSec), M(s.ours?.rowsPerSec), pct(s.ratio),
    `${ms(s.pivot.all.p50)} / ${ms(s.pivot.all.p95)} / ${ms(s.pivot.all.p99)}`, s.pivot.cached ? ms(s.pivot.cached.p50) : '—',
    ms(median(s.pivot.nineMonths.ms)), ms(s.pivot.raw.p50), ms(s.pivot.freshness.totalMs.p50),
    `${s.pivot.agreement.valueMismatches + s.pivot.agreement.growthMismatches === 0 ? 'yes' : 'NO'}`,
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => l.map((c, i) => c.padEnd(w[i]!)).join('  ');
  return [fmt(head), fmt(w.map((n) => '-'.repeat(n))), ...lines.map(fmt)].join('\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

export function writeJson(r: RunResult, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${r.plan.rows}-${r.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(r, null, 2));
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(r, null, 2));
  return file;
}

/** The markdown of one store's results. */
const rr = (x: PivotReport['rollupRead']['lean']) =>
  !x ? '—' : `${ms(x.p50)} ms (${ms(x.cpuP50)}${x.backendMean === null ? '' : ` + ${ms(x.backendMean)}`})`;

export function storeMarkdown(r: RunResult, s: StoreResult): string {
  const p = s.pivot;
  const f = p.freshness;
  const a = p.agreement;
  const rows: Array<[string, string]> = [
    ['dataset', `${r.plan.rows.toLocaleString('en')} values, ${r.plan.firstYear}–${r.plan.lastYear}, ${r.plan.commodities}×${r.plan.markets} commodity×market, ${r.plan.sectors} sectors (seed ${r.plan.seed})`],
    ['run', `${r.at.slice(0, 16).replace('T', ' ')} UTC, ${r.machine.cpus} cores, ${r.machine.memGiB} GiB, Node ${r.machine.node}` +
      (s.ingestAt ? `; ingest figures from the load of ${s.ingestAt.slice(0, 16).replace('T', ' ')} UTC` : `; ingest order ${s.order}`)],
    ['raw bulk insert', s.raw ? `${M(s.raw.rowsPerSec)} rows/s (${(s.raw.storeMs / 1000).toFixed(1)} s in the store; load avg ${s.raw.load.mean} mean, ${s.raw.load.max} max)` : '—'],
    ['ours: bulkLoad() + rollups', s.ours ? `${M(s.ours.rowsPerSec)} rows/s (${(s.ours.storeMs / 1000).toFixed(1)} s in the store; load avg ${s.ours.load.mean} mean, ${s.ours.load.max} max)` : '—'],
    ['generation (excluded)', s.ours ? `${(s.ours.genMs / 1000).toFixed(1)} s` : '—'],
    ['ours / raw', `**${pct(s.ratio)}** (target ≥ 70 %)`],
    ['after the load', `${s.postLoad.what}: ${(s.postLoad.ms / 1000).toFixed(1)} s (not counted)`],
    ['size on disk', Object.entries(s.bytes).map(([k, v]) => `${k} ${(v / 2 ** 30).toFixed(2)} GiB`).join(', ')],
    ['regionalPivot computed (as after a write: the answer cache dropped before each call)', `p50 **${ms(p.all.p50)}** / p95 **${ms(p.all.p95)}** / p99 ${ms(p.all.p99)} ms over ${p.all.runs} runs (${p.cells} cells each; ${p.fallbackCells} cells fell back to unit values)`],
    ['regionalPivot repeated (no write between: from memory)', p.cached ? `p50 **${ms(p.cached.p50)}** / p95 **${ms(p.cached.p95)}** / p99 ${ms(p.cached.p99)} ms over ${p.cached.runs} runs` : '—'],
    ['… CPU time per call', `this process p50 ${ms(p.cpu.nodeP50)} / p95 ${ms(p.cpu.nodeP95)} ms${p.cpu.backendMean === null ? '' : `; PostgreSQL backend mean ${ms(p.cpu.backendMean)} ms`} (what an idle machine would show)`],
    ['… months / cumulatives', `p50 ${ms(p.months.p50)} / p95 ${ms(p.months.p95)} ms (${p.months.runs}) · p50 ${ms(p.cumulative.p50)} / p95 ${ms(p.cumulative.p95)} ms (${p.cumulative.runs})`],
    [`… ${p.nineMonths.period}`, `p50 ${ms(median(p.nineMonths.ms))} ms over ${p.nineMonths.ms.length} runs`],
    ['raw GROUP BY pivot', `p50 **${ms(p.raw.p50)}** / p95 ${ms(p.raw.p95)} ms over ${p.raw.runs} runs`],
    ['agreement (1e-9 rel.)', `${a.cells} cells over ${a.periods.length} periods: ${a.valueMismatches} value, ${a.growthMismatches} growth mismatches; other fields ${JSON.stringify(a.otherMismatches)}`],
    ['rollup read alone: wall p50 (CPU p50 here + backend mean)', [
      `as the pivot issues it ${rr(p.rollupRead.asPivot)}, ${p.rollupRead.rows.asPivot} rows`,
      `indicator ids bound ${rr(p.rollupRead.withIndicatorIds)}`,
      `+ needed columns and measure per period ${rr(p.rollupRead.lean)}, ${p.rollupRead.rows.lean} rows`,
      `same rows as arrays ${rr(p.rollupRead.leanArrays)}`].join('; ')],
    ['load avg during the pivot runs', `${p.load.mean} mean, ${p.load.max} max`],
    ['freshness', `${f.ok}/${f.runs} writes visible in the next answer; writeValues p50 ${ms(f.writeMs.p50)} ms + next pivot p50 ${ms(f.readMs.p50)} ms = p50 ${ms(f.totalMs.p50)} / max ${ms(f.totalMs.max)} ms`],
  ];
  return [`Command: \`${r.command}\``, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

export function updateMarkdown(path: string, r: RunResult): void {
  if (!existsSync(path)) return;
  let text = readFileSync(path, 'utf8');
  for (const s of r.stores) {
    const open = `<!-- bench:${s.kind} -->`;
    const close = `<!-- /bench:${s.kind} -->`;
    const i = text.indexOf(open);
    const j = text.indexOf(close);
    if (i < 0 || j < i) continue;
    text = `${text.slice(0, i + open.length)}\n${storeMarkdown(r, s)}\n${text.slice(j)}`;
  }
  writeFileSync(path, text);
}
