// One indicator for one region and period, computed from its members' values: the regional level
// with coverage, growth against the same period last year over the same units (across the July 2025
// reorganisation through predecessors), the units above the regional rate, ranks, shares, the plan,
// and every input behind the figures. The pivot falls back here whenever its rollups cannot be exact.
import type { Db } from '../db/database.ts';
import { reference, type IndicatorRef, type Reference, type UnitRef } from '../catalogue/reference.ts';
import { readValues } from '../collection/valueRepository.ts';
import { STATUS_CODE, STATUS_NAME, type ValueRecord } from '../collection/valueModel.ts';
import { endDate, monthsCovered, periodCode, periodKey, samePeriodLastYear, type Period } from '../periods/period.ts';
import { sum } from './math/compensated.ts';
import { growthOfSums, growthPct as rate } from './math/growth.ts';
import { planProgress } from './math/planProgress.ts';
import { rank } from './math/rank.ts';
import { regionalTotal } from './math/regionalTotal.ts';
import { unitGrowths, unitsAboveAverage } from './math/unitGrowths.ts';
import { weightedIndex } from './math/weightedIndex.ts';
import type { Observation } from './math/types.ts';
import { evalFormula } from './math/formulaEval.ts';
import { formulaVariables, parseFormula } from './math/formulaParse.ts';
import { notFoundError } from './errors.ts';

export interface RegionalQuery {
  region: string;
  indicator: string;
  period: Period;
  breakdownId?: number;
}

export interface UnitFigure {
  unit: string;
  value: number | null;
  previous: number | null;
  previousFrom: string[]; // units whose values make up `previous` (predecessors across 2025)
  growthPct: number | null;
  status: 'estimate' | 'official' | 'plan' | null;
  rank: number | null;
  sharePct: number | null;
  plan: number | null;
  pctOfPlan: number | null;
  aboveAverage: boolean;
  version: number | null;
}

export interface PublishedFigure {
  measure: 'actual' | 'plan';
  value: number | null;
  growthPct: number | null;
  pctOfPlan: number | null;
  qualifier: string | null;
  status: 'estimate' | 'official' | 'plan';
  note: string | null;
  changeSetId: number;
  version: number;
}

export interface RegionalFigure {
  region: string;
  indicator: string;
  period: string;
  previousPeriod: string;
  method: 'sum' | 'weighted' | 'derived' | 'none';
  value: number | null;
  previous: number | null;
  growthPct: number | null;
  coverage: { reported: number; of: number; missing: string[] };
  growthBasis: { matched: string[]; excluded: { unit: string; reason: string }[] };
  estimates: number;
  plan: number | null;
  pctOfPlan: number | null;
  remaining: number | null;
  monthlyPaceNeeded: number | null;
  aboveAverage: { count: number; of: number; units: string[] };
  units: UnitFigure[];
  published: PublishedFigure[];
}

export async function regionalIndicator(db: Db, q: RegionalQuery): Promise<RegionalFigure> {
  const ref = await reference(db);
  const region = ref.unitsBySlug.get(q.region);
  if (!region || (region.level !== 'region' && region.level !== 'country')) throw notFoundError('vùng', 'Region', q.region);
  const ind = ref.indicatorsByCode.get(q.indicator);
  if (!ind) throw notFoundError('chỉ tiêu', 'Indicator', q.indicator);
  const prevPeriod = samePeriodLastYear(q.period);
  const members = ref.membersOn(region.id, endDate(q.period));
  const covering = new Map(members.map((m) => [m.id, ref.unitsCoveringOn(m.id, endDate(prevPeriod))]));
  const keys = { cur: periodKey(q.period), prev: periodKey(prevPeriod), plan: periodKey({ kind: 'year', year: q.period.year, n: 0 }) };
  // (prev is read for the region itself too: a derived figure's growth from published components)
  const components = ind.aggregation === 'derived' ? formulaVariables(parseFormula(ind.formula ?? '')) : [ind.code];
  const componentIds = components.map((c) => ref.indicatorsByCode.get(c)?.id ?? -1);
  const unitIds = [region.id, ...members.map((m) => m.id), ...[...covering.values()].flat()];
  const rows = await readValues(db.k, {
    periods: [...new Set(Object.values(keys))], indicatorIds: componentIds, unitIds: [...new Set(unitIds)], breakdownId: q.breakdownId ?? 0,
  });
  const table = new ValueTableView(rows, ref, ind, components);
  return compute(ref, region, ind, q.period, prevPeriod, members, covering, keys, table);
}

/** Values by (period, unit, measure), with derived indicators evaluated unit by unit. */
class ValueTableView {
  private readonly byKey = new Map<string, ValueRecord>();
  constructor(readonly rows: ValueRecord[], private readonly ref: Reference, private readonly ind: IndicatorRef, private readonly components: string[]) {
    for (const r of rows) this.byKey.set(`${r.period}|${r.unitId}|${r.measure}|${r.indicatorId}`, r);
  }
  record(period: number, unitId: number, measure: number): ValueRecord | null {
    if (this.ind.aggregation !== 'derived') return this.byKey.get(`${period}|${unitId}|${measure}|${this.ind.id}`) ?? null;
    return null;
  }
  value(period: number, unitId: number, measure: number): number | null {
    if (this.ind.aggregation !== 'derived') return this.record(period, unitId, measure)?.value ?? null;
    const vals: Record<string, number | null> = {};
    for (const c of this.components) {
      const id = this.ref.indicatorsByCode.get(c)?.id ?? -1;
      vals[c] = this.byKey.get(`${period}|${unitId}|${measure}|${id}`)?.value ?? null;
    }
    return evalFormula(this.ind.formula ?? '', vals);
  }
}

function compute(
  ref: Reference, region: UnitRef, ind: IndicatorRef, period: Period, prevPeriod: Period, members: readonly UnitRef[],
  covering: Map<number, number[]>, keys: { cur: number; prev: number; plan: number }, t: ValueTableView,
): RegionalFigure {
  const slug = (id: number) => ref.unitsById.get(id)?.slug ?? String(id);
  const ids = members.map((m) => m.slug);
  const current: Observation[] = members.map((m) => ({ unitId: m.slug, value: t.value(keys.cur, m.id, 0) }));
  // A member's value a year earlier: its own, or the sum of the units it was made of then.
  const previous: Observation[] = members.map((m) => {
    const parts = covering.get(m.id) ?? [];
    const vals = parts.map((p) => t.value(keys.prev, p, 0));
    return { unitId: m.slug, value: parts.length && vals.every((v) => v !== null) ? sum(vals as number[]) : null };
  });
  const plans: Observation[] = members.map((m) => ({ unitId: m.slug, value: t.value(keys.plan, m.id, 1) }));
  const total = regionalTotal(current, ids);
  const weighted = ind.aggregation === 'weighted_index';
  const growth = growthOfSums(current, previous, ids);
  let value = total.total;
  let regionGrowth = growth.growthPct;
  let uGrowth = unitGrowths(current, previous);
  if (weighted) {
    const wi = weightedIndex(current, members.map((m) => ({ unitId: m.slug, weight: ref.weightOf(m.id, ind.id) })));
    value = wi.index;
    regionGrowth = value === null ? null : value - 100;
    uGrowth = current.map((o) => ({ unitId: o.unitId, growthPct: o.value === null ? null : o.value - 100 }));
  }
  const above = regionGrowth === null ? { above: [], count: 0, of: 0 } : unitsAboveAverage(uGrowth, regionGrowth);
  const ranks = new Map(rank(current, { by: (o) => o.value, direction: 'desc' }).map((r: any) => [r.item.unitId, r.rank]));
  const plan = planFigures(ind, period, current, plans);
  const units: UnitFigure[] = members.map((m, i) => {
    const rec = t.record(keys.cur, m.id, 0);
    const v = current[i]!.value;
    const pv = previous[i]!.value;
    const pl = plans[i]!.value;
    return {
      unit: m.slug, value: v, previous: weighted ? null : pv,
      previousFrom: (covering.get(m.id) ?? []).map(slug),
      growthPct: uGrowth.find((g) => g.unitId === m.slug)?.growthPct ?? null,
      status: rec ? STATUS_NAME[rec.status]! : null,
      rank: ranks.get(m.slug) ?? null,
      sharePct: !weighted && v !== null && total.total ? (v / total.total) * 100 : null,
      plan: pl, pctOfPlan: v !== null && pl ? (v / pl) * 100 : null,
      aboveAverage: above.above.includes(m.slug),
      version: rec?.version ?? null,
    };
  });
  return {
    region: region.slug, indicator: ind.code, period: periodCode(period), previousPeriod: periodCode(prevPeriod),
    method: weighted ? 'weighted' : ind.aggregation === 'derived' ? 'derived' : ind.aggregation === 'sum' ? 'sum' : 'none',
    value, previous: weighted ? null : growth.previous, growthPct: regionGrowth,
    coverage: { reported: total.coverage.reported, of: total.coverage.of, missing: total.missing },
    growthBasis: { matched: growth.matched, excluded: growth.excluded.map((e) => ({ unit: e.unitId, reason: e.reason })) },
    estimates: units.filter((u) => u.status === 'estimate').length,
    ...plan,
    aboveAverage: { count: above.count, of: above.of, units: above.above },
    units,
    published: ind.aggregation === 'derived' ? publishedDerived(t, region.id, keys) : published(t, region.id, keys),
  };
}

/** A derived indicator of a region from the region's own published components (exports − imports). */
function publishedDerived(t: ValueTableView, regionId: number, keys: { cur: number; prev: number }): PublishedFigure[] {
  const value = t.value(keys.cur, regionId, 0);
  if (value === null) return [];
  const previous = t.value(keys.prev, regionId, 0);
  const parts = t.rows.filter((r) => r.unitId === regionId && r.period === keys.cur && r.measure === 0);
  return [{
    measure: 'actual', value, growthPct: previous ? rate(value, previous) : null, pctOfPlan: null, qualifier: null,
    status: parts.some((p) => p.status === STATUS_CODE.estimate) ? 'estimate' : 'official',
    note: 'derived from published components', changeSetId: Math.max(...parts.map((p) => p.changeSetId)), version: 0,
  }];
}

/** % of plan over the units that have both a cumulative value and an annual plan. */
function planFigures(ind: IndicatorRef, period: Period, current: Observation[], plans: Observation[]) {
  const months = monthsCovered(period);
  const fromJanuary = months[0] === 1;
  const none = { plan: null, pctOfPlan: null, remaining: null, monthlyPaceNeeded: null };
  if (ind.aggregation !== 'sum' && ind.aggregation !== 'derived') return none;
  const both = current.filter((o, i) => o.value !== null && plans[i]!.value !== null);
  const planTotal = plans.some((p) => p.value !== null) ? sum(plans.filter((p) => p.value !== null).map((p) => p.value!)) : null;
  if (!fromJanuary || !both.length || ind.nature !== 'flow') return { ...none, plan: planTotal };
  const idx = new Set(both.map((o) => o.unitId));
  const v = sum(both.map((o) => o.value!));
  const p = sum(plans.filter((o) => idx.has(o.unitId)).map((o) => o.value!));
  const progress = planProgress(v, p, months.length);
  return { plan: planTotal, pctOfPlan: progress.pctOfPlan, remaining: progress.remaining, monthlyPaceNeeded: progress.monthlyPaceNeeded };
}

function published(t: ValueTableView, regionId: number, keys: { cur: number; plan: number }): PublishedFigure[] {
  const out: PublishedFigure[] = [];
  for (const [period, measure] of [[keys.cur, 0], [keys.cur, 1], [keys.plan, 1]] as const) {
    const r = t.rows.find((x) => x.period === period && x.unitId === regionId && x.measure === measure);
    if (!r || out.some((o) => o.changeSetId === r.changeSetId && o.version === r.version && o.measure === (measure ? 'plan' : 'actual'))) continue;
    out.push({
      measure: measure ? 'plan' : 'actual', value: r.value, growthPct: r.growthPct, pctOfPlan: r.pctOfPlan,
      qualifier: r.qualifier, status: STATUS_NAME[r.status]!, note: r.note, changeSetId: r.changeSetId, version: r.version,
    });
  }
  return out;
}

export { rate as growthRate, STATUS_CODE };
