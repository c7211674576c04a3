// The regional pivot: every indicator × every region for one period, with growth against the same
// period last year, rank among regions and % of the annual plan, answered from the rollups.
// A rollup answer is exact only when the same units stand behind both periods; where coverage is
// partial or the membership changed (July 2025), that cell is recomputed from the units' values.
import type { Db } from '../db/database.ts';
import { reference, type IndicatorRef, type Reference, type UnitRef } from '../catalogue/reference.ts';
import { endDate, fromKey, periodKey, samePeriodLastYear, type Period } from '../periods/period.ts';
import { readPivotRollups, type PivotRollup } from './rollupRepository.ts';
import { cachedAnswer } from './answerCache.ts';
import { fromMicro } from './rollupDeltas.ts';
import { regionalIndicator, type RegionalFigure } from './regional.ts';
import { evalFormula } from './math/formulaEval.ts';
import { formulaVariables, parseFormula } from './math/formulaParse.ts';

export interface PivotCell {
  region: string;
  indicator: string;
  value: number | null;
  previous: number | null;
  growthPct: number | null;
  coverage: { reported: number; of: number };
  estimates: number;
  plan: number | null;
  pctOfPlan: number | null;
  rank: number | null; // among regions, by value, 1 = largest
  method: 'rollup' | 'units';
}

export interface PivotQuery {
  period: Period;
  regions?: string[];
  indicators?: string[];
  breakdownId?: number;
}

/** The pivot, kept in memory until the store changes (answerCache.ts); each caller gets its own cells. */
export async function regionalPivot(db: Db, q: PivotQuery): Promise<PivotCell[]> {
  const key = `pivot|${periodKey(q.period)}|${q.breakdownId ?? 0}|${q.regions?.join(',') ?? '*'}|${q.indicators?.join(',') ?? '*'}`;
  const cells = await cachedAnswer(db, key, () => computePivot(db, q));
  return cells.map((c) => ({ ...c, coverage: { ...c.coverage } }));
}

async function computePivot(db: Db, q: PivotQuery): Promise<PivotCell[]> {
  const ref = await reference(db);
  const regions = pickRegions(ref, q.regions);
  const indicators = pickIndicators(ref, q.indicators);
  const cur = periodKey(q.period);
  const prev = periodKey(samePeriodLastYear(q.period));
  const planKey = periodKey({ kind: 'year', year: q.period.year, n: 0 });
  const at = indexRollups(await readPivotRollups(db, cur, prev, planKey, q.breakdownId ?? 0), cur);
  const cells: PivotCell[] = [];
  const slow: Array<[UnitRef, IndicatorRef]> = [];
  const curEnd = endDate(q.period);
  const prevEnd = endDate(fromKey(prev));
  for (const region of regions) {
    const members = ref.membersOn(region.id, curEnd).length;
    const prevMembers = ref.membersOn(region.id, prevEnd).length;
    const same = sameUnitsBehind(ref, region.id, q.period);
    for (const ind of indicators) {
      const c = at(CUR, ind.id, region.id);
      const p = at(PREV, ind.id, region.id);
      const plan = at(PLAN, ind.id, region.id);
      const exact = same && c !== undefined && c[N] === members && (p === undefined || p[N] === prevMembers);
      if (!exact && c !== undefined && c[N] > 0) {
        slow.push([region, ind]);
        continue;
      }
      cells.push(cellFromRollups(region, ind, c, p, plan, members));
    }
  }
  for (const [region, ind] of slow) {
    const f = await regionalIndicator(db, { region: region.slug, indicator: ind.code, period: q.period, breakdownId: q.breakdownId });
    cells.push(cellFromFigure(region, ind, f));
  }
  cells.push(...derivedCells(ref, regions, q.indicators, cells));
  const shown = q.indicators?.length ? cells.filter((c) => q.indicators!.includes(c.indicator)) : cells;
  rankCells(shown);
  return shown;
}

/**
 * Derived indicators (trade balance = exports − imports) from their components' cells. Linear formulas
 * of sums are sums of the formula, so this equals evaluating unit by unit when coverage is the same;
 * when the components' coverage differs the cell is left empty rather than mixing different provinces.
 */
function derivedCells(ref: Reference, regions: UnitRef[], codes: string[] | undefined, cells: PivotCell[]): PivotCell[] {
  const derived = [...ref.indicatorsById.values()].filter((i) => i.aggregation === 'derived' && i.formula && (!codes?.length || codes.includes(i.code)));
  const out: PivotCell[] = [];
  for (const region of regions) {
    for (const ind of derived) {
      const operands = formulaVariables(parseFormula(ind.formula!));
      const parts = operands.map((c) => cells.find((x) => x.region === region.slug && x.indicator === c));
      if (parts.some((p) => !p)) continue;
      const ps = parts as PivotCell[];
      const sameCoverage = ps.every((p) => p.coverage.reported === ps[0]!.coverage.reported);
      const at = (f: (p: PivotCell) => number | null) => evalFormula(ind.formula!, Object.fromEntries(operands.map((c, i) => [c, f(ps[i]!)])));
      const value = sameCoverage ? at((p) => p.value) : null;
      const previous = sameCoverage ? at((p) => p.previous) : null;
      out.push({
        region: region.slug, indicator: ind.code, value, previous,
        growthPct: value !== null && previous !== null && previous > 0 ? (value / previous - 1) * 100 : null,
        coverage: ps[0]!.coverage, estimates: Math.max(...ps.map((p) => p.estimates)), plan: null, pctOfPlan: null,
        rank: null, method: ps.every((p) => p.method === 'rollup') ? 'rollup' : 'units',
      });
    }
  }
  return out;
}

function cellFromRollups(
  region: UnitRef, ind: IndicatorRef, c: PivotRollup | undefined, p: PivotRollup | undefined,
  plan: PivotRollup | undefined, members: number,
): PivotCell {
  const value = levelOf(ind, c);
  const previous = levelOf(ind, p);
  const growthPct =
    ind.aggregation === 'weighted_index'
      ? value === null ? null : value - 100
      : value !== null && previous ? (value / previous - 1) * 100 : null;
  const planTotal = plan && plan[N] > 0 ? fromMicro(plan[TOTAL]) : null;
  const planComplete = plan !== undefined && plan[N] === members;
  return {
    region: region.slug, indicator: ind.code, value, previous, growthPct,
    coverage: { reported: c?.[N] ?? 0, of: members },
    estimates: c?.[N_ESTIMATE] ?? 0,
    plan: planTotal,
    pctOfPlan: value !== null && planTotal && planComplete && ind.aggregation === 'sum' ? (value / planTotal) * 100 : null,
    rank: null,
    method: 'rollup',
  };
}

function levelOf(ind: IndicatorRef, r: PivotRollup | undefined): number | null {
  if (!r || r[N] === 0) return null;
  if (ind.aggregation === 'weighted_index') return r[WTOTAL] > 0 ? r[WSUM] / r[WTOTAL] : null;
  if (ind.aggregation === 'sum') return fromMicro(r[TOTAL]);
  return null;
}

function cellFromFigure(region: UnitRef, ind: IndicatorRef, f: RegionalFigure): PivotCell {
  return {
    region: region.slug, indicator: ind.code, value: f.value, previous: f.previous, growthPct: f.growthPct,
    coverage: { reported: f.coverage.reported, of: f.coverage.of }, estimates: f.estimates,
    plan: f.plan, pctOfPlan: f.pctOfPlan, rank: null, method: 'units',
  };
}

/** Rank regions per indicator by value (competition ranking: 1, 2, 2, 4). */
function rankCells(cells: PivotCell[]): void {
  const byInd = new Map<string, PivotCell[]>();
  for (const c of cells) (byInd.get(c.indicator) ?? byInd.set(c.indicator, []).get(c.indicator)!).push(c);
  for (const list of byInd.values()) {
    const ranked = list.filter((c) => c.value !== null).sort((a, b) => b.value! - a.value!);
    ranked.forEach((c, i) => {
      c.rank = i > 0 && ranked[i - 1]!.value === c.value ? ranked[i - 1]!.rank : i + 1;
    });
  }
}

// Columns of a PivotRollup, and the three slots a row can fill: this period, last year's, the plan.
const [PERIOD, MEASURE, INDICATOR, REGION, N, N_ESTIMATE, TOTAL, WSUM, WTOTAL] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
const [CUR, PREV, PLAN] = [0, 1, 2] as const;

/** Rows by slot × region × indicator as one number (ids below 2^21: exact in a double). */
function indexRollups(rows: PivotRollup[], cur: number) {
  const m = new Map<number, PivotRollup>();
  for (const r of rows) {
    const slot = r[MEASURE] === 1 ? PLAN : r[PERIOD] === cur ? CUR : PREV;
    m.set((slot * 2_097_152 + r[REGION]) * 2_097_152 + r[INDICATOR], r);
  }
  return (slot: number, ind: number, region: number) => m.get((slot * 2_097_152 + region) * 2_097_152 + ind);
}

const sameCache = new WeakMap<Reference, Map<string, boolean>>();

/** Do the region's members now cover exactly the units that were its members a year earlier? */
export function sameUnitsBehind(ref: Reference, regionId: number, period: Period): boolean {
  const d = endDate(period);
  const dPrev = endDate(samePeriodLastYear(period));
  const k = `${regionId}|${d}|${dPrev}`;
  let cache = sameCache.get(ref);
  if (!cache) sameCache.set(ref, (cache = new Map()));
  const hit = cache.get(k);
  if (hit !== undefined) return hit;
  const now = new Set(ref.membersOn(regionId, d).flatMap((u) => ref.unitsCoveringOn(u.id, dPrev)));
  const before = ref.membersOn(regionId, dPrev).map((u) => u.id);
  const same = now.size === before.length && before.every((id) => now.has(id));
  cache.set(k, same);
  return same;
}

function pickRegions(ref: Reference, slugs?: string[]): UnitRef[] {
  const all = [...ref.unitsById.values()].filter((u) => u.level === 'region' || u.level === 'country');
  return slugs?.length ? all.filter((u) => slugs.includes(u.slug)) : all;
}

/** Indicators read from rollups: the requested ones, plus the components of requested derived ones. */
function pickIndicators(ref: Reference, codes?: string[]): IndicatorRef[] {
  const all = [...ref.indicatorsById.values()].filter((i) => i.aggregation === 'sum' || i.aggregation === 'weighted_index');
  if (!codes?.length) return all;
  const wanted = new Set(codes);
  for (const c of codes) {
    const d = ref.indicatorsByCode.get(c);
    if (d?.aggregation === 'derived' && d.formula) for (const v of formulaVariables(parseFormula(d.formula))) wanted.add(v);
  }
  return all.filter((i) => wanted.has(i.code));
}
