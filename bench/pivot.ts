// The regional pivot on the loaded store: latency of regionalPivot() over random months and cumulative
// periods, against the raw baseline (one GROUP BY over the values joined to the memberships), an
// agreement check between the two, and freshness: a value written with writeValues() must show in
// the very next answer.
import { sql } from 'kysely';
import { regionalPivot, type PivotCell } from '../src/analytics/pivot.ts';
import { noteStoreChanged } from '../src/analytics/answerCache.ts';
import { reference } from '../src/catalogue/reference.ts';
import { writeValues } from '../src/collection/writeValues.ts';
import type { Db } from '../src/db/database.ts';
import { endDate, makePeriod, periodCode, periodKey, samePeriodLastYear, type Period } from '../src/periods/period.ts';
import type { SynCatalogue } from './generate.ts';
import { backendCpuMs, measureRollupRead, type ReadSummary } from './diagnostics.ts';
import { LoadSampler, now, summarize, type Summary } from './stats.ts';

export interface PivotOptions {
  runs: number; // regionalPivot calls (≥ 200)
  rawRuns: number; // raw GROUP BY calls (each scans two periods of raw rows)
  freshnessRuns: number;
  seed: number;
}

export interface PivotReport {
  cells: number;
  fallbackCells: number;
  // CPU time per call: the process's own (all of SQLite's work, the driver and the JS) and, on PostgreSQL,
  // the server backends' mean. On a shared machine this is what an idle one would show as latency.
  cpu: { nodeP50: number; nodeP95: number; backendMean: number | null }; // cells the pivot had to recompute from unit values (method 'units')
  all: Summary; // computed from the rollups (the cache dropped before each call)
  cached: Summary; // the same call repeated with no write between
  months: Summary;
  cumulative: Summary;
  nineMonths: { period: string; ms: number[] };
  raw: Summary;
  agreement: { periods: string[]; cells: number; valueMismatches: number; growthMismatches: number; otherMismatches: Record<string, number>; examples: string[] };
  rollupRead: {
    asPivot: ReadSummary; withIndicatorIds: ReadSummary; lean: ReadSummary | null; leanArrays: ReadSummary | null;
    rows: { asPivot: number; lean: number }; plans: { asPivot: string; withIndicatorIds: string; lean?: string };
  };
  load: { mean: number; max: number };
  freshness: { runs: number; ok: number; writeMs: Summary; readMs: Summary; totalMs: Summary; failures: string[] };
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random periods that have a same period last year: 70 % months, 30 % cumulatives (2T..11T, year). */
function samplePeriods(cat: SynCatalogue, n: number, rnd: () => number): Period[] {
  const { firstYear, lastYear } = cat.model.plan;
  const out: Period[] = [];
  for (let k = 0; k < n; k++) {
    const year = firstYear + 1 + Math.floor(rnd() * (lastYear - firstYear));
    out.push(rnd() < 0.7 ? makePeriod('month', year, 1 + Math.floor(rnd() * 12)) : makePeriod('ytd', year, 2 + Math.floor(rnd() * 11)));
  }
  return out;
}

const isMonth = (p: Period) => p.kind === 'month';

export async function measurePivot(db: Db, cat: SynCatalogue, opts: PivotOptions, log: (m: string) => void): Promise<PivotReport> {
  const rnd = rng(opts.seed);
  const load = new LoadSampler();
  const periods = samplePeriods(cat, opts.runs, rnd);
  const last = cat.model.plan.lastYear;
  await regionalPivot(db, { period: makePeriod('month', last, 1) }); // loads the reference snapshot
  for (const p of periods.slice(0, 10)) await regionalPivot(db, { period: p }); // warm-up, not counted

  const times: number[] = [];
  const cpuMs: number[] = [];
  let cells = 0;
  let fallbackCells = 0;
  const backend0 = await backendCpuMs(db);
  const cachedMs: number[] = [];
  for (const period of periods) {
    // Computed: as after a write (the answer cache dropped), so every call reads the rollups.
    noteStoreChanged(db);
    const c0 = process.cpuUsage();
    const t0 = now();
    const out = await regionalPivot(db, { period });
    times.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    cells = out.length;
    if (times.length % 20 === 0) load.sample();
    fallbackCells += out.filter((c) => c.method !== 'rollup').length;
    // The same question again with no write between: answered from memory.
    const t1 = now();
    await regionalPivot(db, { period });
    cachedMs.push(now() - t1);
  }
  const backend1 = await backendCpuMs(db);
  const cpu = {
    nodeP50: summarize(cpuMs).p50, nodeP95: summarize(cpuMs).p95,
    backendMean: backend0 === null || backend1 === null ? null : (backend1 - backend0) / periods.length,
  };
  const nine = makePeriod('ytd', last - 1, 9);
  const nineMs: number[] = [];
  for (let k = 0; k < 20; k++) {
    noteStoreChanged(db);
    const t0 = now();
    await regionalPivot(db, { period: nine });
    nineMs.push(now() - t0);
  }
  log(`pivot: p50 ${summarize(times).p50.toFixed(2)} ms over ${times.length} runs, ${cells} cells`);

  const rawTimes: number[] = [];
  const agreement: PivotReport['agreement'] = { periods: [], cells: 0, valueMismatches: 0, growthMismatches: 0, otherMismatches: {}, examples: [] };
  const rawPeriods = [nine, ...periods.slice(0, Math.max(1, opts.rawRuns - 1))];
  for (const period of rawPeriods) {
    const t0 = now();
    const expected = await rawPivot(db, period);
    rawTimes.push(now() - t0);
    compare(expected, await regionalPivot(db, { period }), periodCode(period), agreement);
  }
  log(`raw GROUP BY: p50 ${summarize(rawTimes).p50.toFixed(1)} ms; agreement: ${agreement.valueMismatches} value / ${agreement.growthMismatches} growth mismatches in ${agreement.cells} cells`);

  const rollupRead = await measureRollupRead(db, cat, periods.slice(0, 200));
  const freshness = await measureFreshness(db, cat, opts.freshnessRuns, rnd);
  log(`freshness: ${freshness.ok}/${freshness.runs} visible in the next answer, write+read p50 ${freshness.totalMs.p50.toFixed(1)} ms`);
  return {
    cells, fallbackCells, cpu, all: summarize(times), cached: summarize(cachedMs), months: summarize(times.filter((_, i) => isMonth(periods[i]!))),
    cumulative: summarize(times.filter((_, i) => !isMonth(periods[i]!))), nineMonths: { period: periodCode(nine), ms: nineMs },
    raw: summarize(rawTimes), agreement, rollupRead, freshness, load: load.summary(),
  };
}

interface RawGroup {
  region_id: number;
  indicator_id: number;
  period: number;
  measure: number;
  n: number;
  total: number | null;
  wsum: number | null;
  wtotal: number | null;
}

/** The pivot from raw rows: one GROUP BY over the values of the period, the same period last year and
 *  the year's plans, joined to the memberships in force at each period's end; cells assembled in JS.
 *  CROSS JOIN keeps the values as SQLite's outer loop (each period's rows scanned once); with a plain
 *  JOIN it put the 68 memberships outside and rescanned the periods per membership (7 s at 80 M). */
export async function rawPivot(db: Db, period: Period): Promise<PivotCell[]> {
  const ref = await reference(db);
  const cur = periodKey(period);
  const prevP = samePeriodLastYear(period);
  const prev = periodKey(prevP);
  const plan = periodKey(makePeriod('year', period.year));
  const dCur = endDate(period);
  const dPrev = endDate(prevP);
  const asOf = sql`(CASE WHEN v.period = ${prev} THEN ${dPrev} ELSE ${dCur} END)`;
  const { rows } = await sql<RawGroup>`
    SELECT m.region_id, v.indicator_id, v.period, v.measure, COUNT(v.value) AS n, SUM(v.value) AS total,
           SUM(v.value * w.weight) AS wsum, SUM(CASE WHEN v.value IS NOT NULL THEN w.weight END) AS wtotal
      FROM value v
     CROSS JOIN region_membership m
      LEFT JOIN unit_weight w ON w.unit_id = v.unit_id AND w.indicator_id = v.indicator_id
     WHERE v.period IN (${cur}, ${prev}, ${plan}) AND v.breakdown_id = 0
       AND m.unit_id = v.unit_id AND m.valid_from <= ${asOf} AND (m.valid_to IS NULL OR m.valid_to >= ${asOf})
     GROUP BY m.region_id, v.indicator_id, v.period, v.measure`.execute(db.k);
  const at = new Map(rows.map((r) => [`${r.region_id}|${r.indicator_id}|${r.period}|${r.measure}`, r]));
  const regions = [...ref.unitsById.values()].filter((u) => u.level === 'region' || u.level === 'country');
  const inds = [...ref.indicatorsById.values()].filter((i) => i.aggregation === 'sum' || i.aggregation === 'weighted_index');
  const cells: PivotCell[] = [];
  for (const region of regions) {
    const members = ref.membersOn(region.id, dCur).length;
    for (const ind of inds) {
      const get = (p: number, m: number) => at.get(`${region.id}|${ind.id}|${p}|${m}`);
      const level = (g: RawGroup | undefined) =>
        !g || Number(g.n) === 0 ? null : ind.aggregation === 'sum' ? Number(g.total) : g.wtotal ? Number(g.wsum) / Number(g.wtotal) : null;
      const c = get(cur, 0);
      const value = level(c);
      const previous = level(get(prev, 0));
      const pl = get(plan, 1);
      const planTotal = pl && Number(pl.n) > 0 ? Number(pl.total) : null;
      cells.push({
        region: region.slug, indicator: ind.code, value, previous,
        growthPct: ind.aggregation === 'weighted_index' ? (value === null ? null : value - 100) : value !== null && previous ? (value / previous - 1) * 100 : null,
        coverage: { reported: c ? Number(c.n) : 0, of: members }, estimates: 0, plan: planTotal,
        pctOfPlan: value !== null && planTotal && Number(pl!.n) === members && ind.aggregation === 'sum' ? (value / planTotal) * 100 : null,
        rank: null, method: 'rollup',
      });
    }
  }
  const byInd = new Map<string, PivotCell[]>();
  for (const c of cells) (byInd.get(c.indicator) ?? byInd.set(c.indicator, []).get(c.indicator)!).push(c);
  for (const list of byInd.values()) {
    const ranked = list.filter((c) => c.value !== null).sort((a, b) => b.value! - a.value!);
    ranked.forEach((c, i) => (c.rank = i > 0 && ranked[i - 1]!.value === c.value ? ranked[i - 1]!.rank : i + 1));
  }
  return cells;
}

const close = (a: number | null, b: number | null, floor = 0) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), floor);

function compare(expected: PivotCell[], actual: PivotCell[], period: string, acc: PivotReport['agreement']): void {
  acc.periods.push(period);
  const got = new Map(actual.map((c) => [`${c.region}|${c.indicator}`, c]));
  const note = (what: string, e: PivotCell, a: PivotCell | undefined, field: keyof PivotCell) => {
    if (acc.examples.length < 8) acc.examples.push(`${period} ${e.region} ${e.indicator} ${what}: raw ${JSON.stringify(e[field])} vs pivot ${JSON.stringify(a?.[field])}`);
  };
  for (const e of expected) {
    const a = got.get(`${e.region}|${e.indicator}`);
    acc.cells++;
    if (!a || !close(e.value, a.value) || !close(e.previous, a.previous)) {
      acc.valueMismatches++;
      note('value', e, a, 'value');
      continue;
    }
    // growth in percent: relative to the growth factor's scale, so a growth near 0 is not over-strict
    if (!close(e.growthPct, a.growthPct, 1)) {
      acc.growthMismatches++;
      note('growth', e, a, 'growthPct');
    }
    for (const f of ['plan', 'pctOfPlan', 'rank'] as const) {
      const ok = f === 'rank' ? e.rank === a.rank : close(e[f], a[f]);
      if (!ok) {
        acc.otherMismatches[f] = (acc.otherMismatches[f] ?? 0) + 1;
        note(f, e, a, f);
      }
    }
    if (e.coverage.reported !== a.coverage.reported) acc.otherMismatches.coverage = (acc.otherMismatches.coverage ?? 0) + 1;
  }
}

/** Revises one province's value (estimate → official, or a later revision) and reads the pivot at once. */
async function measureFreshness(db: Db, cat: SynCatalogue, runs: number, rnd: () => number): Promise<PivotReport['freshness']> {
  const { plan, specs } = cat.model;
  const sums = specs.map((s, i) => ({ s, id: cat.indicatorIds[i]! })).filter((x) => x.s.aggregation === 'sum');
  const writeMs: number[] = [];
  const readMs: number[] = [];
  const totalMs: number[] = [];
  const failures: string[] = [];
  for (let k = 0; k < runs; k++) {
    // the latest month first (the usual case: an estimate made official), then random months
    const period = k === 0 ? makePeriod('month', plan.lastYear, 12) : makePeriod('month', plan.firstYear + Math.floor(rnd() * (plan.lastYear - plan.firstYear + 1)), 1 + Math.floor(rnd() * 12));
    const p = Math.floor(rnd() * plan.provinces);
    const ind = sums[Math.floor(rnd() * sums.length)]!;
    const unitId = cat.provinceIds[p]!;
    const key = { period: periodKey(period), indicatorId: ind.id, breakdownId: 0, unitId, measure: 0 };
    const before = await db.k.selectFrom('value').select(['value']).where('period', '=', key.period).where('indicator_id', '=', key.indicatorId)
      .where('breakdown_id', '=', 0).where('unit_id', '=', unitId).where('measure', '=', 0).executeTakeFirst();
    const cellsBefore = await regionalPivot(db, { period, indicators: [ind.s.code] });
    const delta = 1000 + k;
    const t0 = now();
    await writeValues(db, [{ ...key, value: (before?.value ?? 0) + delta, status: 1, growthPct: null, pctOfPlan: null, qualifier: null, note: null }],
      { actor: 'bench', kind: 'edit', note: 'freshness check' });
    const t1 = now();
    const cells = await regionalPivot(db, { period });
    const t2 = now();
    writeMs.push(t1 - t0);
    readMs.push(t2 - t1);
    totalMs.push(t2 - t0);
    const regionSlugs = [cat.model.regionOf[p]! + 1].map((r) => `syn-r${r}`).concat('national');
    const bad = regionSlugs.filter((slug) => {
      const b = cellsBefore.find((c) => c.region === slug && c.indicator === ind.s.code)?.value ?? 0;
      const a = cells.find((c) => c.region === slug && c.indicator === ind.s.code)?.value ?? null;
      return a === null || Math.abs(a - (b + delta)) > 1e-9 * Math.max(Math.abs(a), 1);
    });
    if (bad.length) failures.push(`${periodCode(period)} ${ind.s.code} syn-${p + 1}: not visible in ${bad.join(', ')}`);
  }
  return { runs, ok: runs - failures.length, writeMs: summarize(writeMs), readMs: summarize(readMs), totalMs: summarize(totalMs), failures };
}

