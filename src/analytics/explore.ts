// The pivot explorer's data: any indicators × places (regions and provinces) × periods × disaggregations,
// each cell with its value, growth against the same period last year, share and % of the annual plan.
// Regions come from the regional pivot (rollups), falling back to the figures published for the region;
// provinces from their own values, their past summed over predecessors across July 2025.
import type { Db } from '../db/database.ts';
import { reference, type IndicatorRef, type Reference, type UnitRef } from '../catalogue/reference.ts';
import { readValues } from '../collection/valueRepository.ts';
import { STATUS_NAME, type ValueRecord } from '../collection/valueModel.ts';
import { endDate, formatPeriod, monthsCovered, periodCode, periodKey, samePeriodLastYear, makePeriod, type Period } from '../periods/period.ts';
import { UserError } from '../server/errors.ts';
import { regionalPivot } from './pivot.ts';
import { regionalIndicator } from './regional.ts';
import { evalFormula } from './math/formulaEval.ts';
import { formulaVariables, parseFormula } from './math/formulaParse.ts';
import { sum } from './math/compensated.ts';
import { growthPct } from './math/growth.ts';
import type { ExploreBreakdown, ExploreRecord, ExploreResult } from './exploreTable.ts';

export const MAX_EXPLORE_CELLS = 20_000;

export interface ExploreQuery {
  places: string[];
  indicators: string[];
  periods: Period[];
  /** Breakdown signatures ("commodity_group=rice"); '' is the total. */
  breakdowns: string[];
}

const TOTAL = '';

export async function explore(db: Db, q: ExploreQuery): Promise<ExploreResult> {
  const ref = await reference(db);
  const unknownPlaces = q.places.filter((p) => !ref.unitsBySlug.has(p));
  const unknownIndicators = q.indicators.filter((i) => !ref.indicatorsByCode.has(i));
  if (unknownPlaces.length || unknownIndicators.length) {
    const what = [...unknownPlaces.map((p) => `đơn vị "${p}"`), ...unknownIndicators.map((i) => `chỉ tiêu "${i}"`)].join(', ');
    const whatEn = [...unknownPlaces.map((p) => `place "${p}"`), ...unknownIndicators.map((i) => `indicator "${i}"`)].join(', ');
    throw new UserError(404, 'not_found', `Không tìm thấy ${what}.`, `Not found: ${whatEn}.`);
  }
  const cells = q.places.length * q.indicators.length * q.periods.length * Math.max(1, q.breakdowns.length);
  if (cells > MAX_EXPLORE_CELLS) {
    throw new UserError(400, 'too_large', `Bảng quá lớn (${cells} ô, tối đa ${MAX_EXPLORE_CELLS}): hãy bớt đơn vị, chỉ tiêu, kỳ hoặc phân tổ.`,
      `The table is too large (${cells} cells, at most ${MAX_EXPLORE_CELLS}): choose fewer places, indicators, periods or breakdowns.`);
  }
  const places = q.places.map((p) => ref.unitsBySlug.get(p)!);
  const indicators = q.indicators.map((c) => ref.indicatorsByCode.get(c)!);
  const breakdowns = await describeBreakdowns(db, q.breakdowns.length ? q.breakdowns : [TOTAL]);
  const regions = places.filter((p) => p.level === 'region' || p.level === 'country');
  const provinces = places.filter((p) => p.level !== 'region' && p.level !== 'country');

  const records: ExploreRecord[] = [];
  for (const b of breakdowns) {
    for (const period of q.periods) {
      if (b.id === null) {
        for (const p of places) for (const i of indicators) records.push(emptyRecord(p.slug, i.code, periodCode(period), b.signature));
        continue;
      }
      if (regions.length) records.push(...await regionRecords(db, regions, indicators, period, b));
      if (provinces.length) records.push(...await provinceRecords(db, ref, provinces, indicators, period, b));
    }
  }
  addShares(records, places, indicators);
  const order = new Map(places.map((p, i) => [p.slug, i]));
  records.sort((a, b) => (order.get(a.place)! - order.get(b.place)!));
  return {
    places: places.map((p) => ({ id: p.slug, level: p.level, code: p.code, name_vi: p.nameVi, name_en: p.nameEn, short_vi: p.shortVi, short_en: p.shortEn })),
    indicators: indicators.map((i) => ({
      code: i.code, name_vi: i.nameVi, name_en: i.nameEn, short_vi: i.shortVi, short_en: i.shortEn, base_unit: i.baseUnit,
      base_unit_en: unitEn(i), decimals: i.decimals, aggregation: i.aggregation, nature: i.nature,
    })),
    periods: q.periods.map((p) => ({ code: periodCode(p), label_vi: formatPeriod(p, 'vi'), label_en: formatPeriod(p, 'en') })),
    breakdowns,
    records,
  };
}

function unitEn(i: IndicatorRef): string {
  const ladder = (i.meta.ladder as Array<{ unit: string; unit_en?: string }> | undefined) ?? [];
  return ladder.find((l) => l.unit === i.baseUnit)?.unit_en ?? i.baseUnit;
}

function emptyRecord(place: string, indicator: string, period: string, breakdown: string): ExploreRecord {
  return { place, indicator, period, breakdown, value: null, growthPct: null, sharePct: null, pctOfPlan: null, status: null, source: null, coverage: null, qualifier: null };
}

/** Labels of the requested breakdowns, and their ids (null: nothing was ever recorded with it). */
async function describeBreakdowns(db: Db, signatures: string[]): Promise<ExploreBreakdown[]> {
  const wanted = [...new Set(signatures)];
  const named = wanted.filter((s) => s !== TOTAL);
  const ids = new Map<string, number>([[TOTAL, 0]]);
  if (named.length) {
    const rows = await db.k.selectFrom('breakdown').select(['id', 'signature']).where('signature', 'in', named).execute();
    for (const r of rows) ids.set(r.signature, r.id);
  }
  const options = named.length
    ? await db.k.selectFrom('dimension_option as o').innerJoin('dimension as d', 'd.id', 'o.dimension_id')
      .select(['d.code as dim', 'o.code as opt', 'o.name_vi', 'o.name_en']).execute()
    : [];
  const label = new Map(options.map((o) => [`${o.dim}=${o.opt}`, o]));
  return wanted.map((signature) => {
    if (signature === TOTAL) return { signature, id: 0, label_vi: 'Tổng số', label_en: 'Total' };
    const parts = signature.split(';').map((p) => label.get(p));
    return {
      signature,
      id: ids.get(signature) ?? null,
      label_vi: parts.map((p, k) => p?.name_vi ?? signature.split(';')[k]).join(' · '),
      label_en: parts.map((p, k) => p?.name_en ?? signature.split(';')[k]).join(' · '),
    };
  });
}

async function regionRecords(db: Db, regions: UnitRef[], indicators: IndicatorRef[], period: Period, b: ExploreBreakdown): Promise<ExploreRecord[]> {
  const cells = await regionalPivot(db, { period, regions: regions.map((r) => r.slug), indicators: indicators.map((i) => i.code), breakdownId: b.id! });
  const at = new Map(cells.map((c) => [`${c.region}|${c.indicator}`, c]));
  const out: ExploreRecord[] = [];
  const code = periodCode(period);
  for (const r of regions) {
    for (const i of indicators) {
      const c = at.get(`${r.slug}|${i.code}`);
      if (c && c.value !== null) {
        out.push({
          place: r.slug, indicator: i.code, period: code, breakdown: b.signature, value: c.value, growthPct: c.growthPct, sharePct: null,
          pctOfPlan: c.pctOfPlan, status: c.estimates ? 'estimate' : 'official', source: 'computed', coverage: c.coverage, qualifier: null,
        });
        continue;
      }
      // No province reported: the figures published for the region itself, if any.
      const f = await regionalIndicator(db, { region: r.slug, indicator: i.code, period, breakdownId: b.id! });
      const pub = f.published.find((p) => p.measure === 'actual');
      out.push({
        place: r.slug, indicator: i.code, period: code, breakdown: b.signature,
        value: f.value ?? pub?.value ?? null, growthPct: f.growthPct ?? pub?.growthPct ?? null, sharePct: null,
        pctOfPlan: f.pctOfPlan ?? pub?.pctOfPlan ?? null,
        status: pub ? (pub.status === 'plan' ? null : pub.status) : null,
        source: f.coverage.reported > 0 ? 'computed' : pub ? 'published' : null,
        coverage: { reported: f.coverage.reported, of: f.coverage.of }, qualifier: f.coverage.reported > 0 ? null : pub?.qualifier ?? null,
      });
    }
  }
  return out;
}

async function provinceRecords(
  db: Db, ref: Reference, provinces: UnitRef[], indicators: IndicatorRef[], period: Period, b: ExploreBreakdown,
): Promise<ExploreRecord[]> {
  const prev = samePeriodLastYear(period);
  const keys = { cur: periodKey(period), prev: periodKey(prev), plan: periodKey(makePeriod('year', period.year, 0)) };
  const covering = new Map(provinces.map((p) => [p.id, ref.unitsCoveringOn(p.id, endDate(prev))]));
  const componentCodes = new Set<string>();
  for (const i of indicators) {
    if (i.aggregation === 'derived' && i.formula) for (const v of formulaVariables(parseFormula(i.formula))) componentCodes.add(v);
    else componentCodes.add(i.code);
  }
  const indicatorIds = [...componentCodes].map((c) => ref.indicatorsByCode.get(c)?.id).filter((x): x is number => x !== undefined);
  const unitIds = [...new Set([...provinces.map((p) => p.id), ...[...covering.values()].flat()])];
  const rows = await readValues(db.k, { periods: [...new Set(Object.values(keys))], indicatorIds, unitIds, breakdownId: b.id! });
  const byKey = new Map<string, ValueRecord>();
  for (const r of rows) byKey.set(`${r.period}|${r.unitId}|${r.measure}|${r.indicatorId}`, r);
  const rec = (period: number, unit: number, measure: number, ind: IndicatorRef) => byKey.get(`${period}|${unit}|${measure}|${ind.id}`) ?? null;
  const value = (period: number, unit: number, measure: number, ind: IndicatorRef): number | null => {
    if (ind.aggregation !== 'derived') return rec(period, unit, measure, ind)?.value ?? null;
    const vals: Record<string, number | null> = {};
    for (const c of formulaVariables(parseFormula(ind.formula ?? ''))) {
      const ci = ref.indicatorsByCode.get(c);
      vals[c] = ci ? rec(period, unit, measure, ci)?.value ?? null : null;
    }
    return evalFormula(ind.formula ?? '', vals);
  };
  const fromJanuary = monthsCovered(period)[0] === 1;
  const code = periodCode(period);
  const out: ExploreRecord[] = [];
  for (const p of provinces) {
    for (const i of indicators) {
      const r = rec(keys.cur, p.id, 0, i);
      const v = value(keys.cur, p.id, 0, i);
      let growth: number | null = null;
      if (i.aggregation === 'weighted_index' || i.nature === 'index') {
        growth = r?.growthPct ?? (v !== null ? v - 100 : null);
      } else {
        const parts = covering.get(p.id) ?? [];
        const pv = parts.map((u) => value(keys.prev, u, 0, i));
        const previous = parts.length && pv.every((x) => x !== null) ? sum(pv as number[]) : null;
        growth = v !== null && previous ? growthPct(v, previous) : r?.growthPct ?? null;
      }
      const plan = value(keys.plan, p.id, 1, i);
      const planApplies = fromJanuary && i.nature === 'flow' && (i.aggregation === 'sum' || i.aggregation === 'derived');
      const pctOfPlan = planApplies && v !== null && plan ? (v / plan) * 100 : r?.pctOfPlan ?? null;
      const status = r ? STATUS_NAME[r.status] : null;
      out.push({
        place: p.slug, indicator: i.code, period: code, breakdown: b.signature, value: v, growthPct: growth, sharePct: null, pctOfPlan,
        status: status === 'estimate' || status === 'official' ? status : null,
        source: v !== null || r ? 'reported' : null, coverage: null, qualifier: r?.qualifier ?? null,
      });
    }
  }
  return out;
}

/** Share of each value in the total of the places of the same level chosen, per column. */
function addShares(records: ExploreRecord[], places: UnitRef[], indicators: IndicatorRef[]): void {
  const level = new Map(places.map((p) => [p.slug, p.level === 'province' ? 'province' : p.level]));
  const shareable = new Set(indicators.filter((i) => i.aggregation !== 'weighted_index' && i.nature !== 'index' && i.baseUnit !== '%').map((i) => i.code));
  const groups = new Map<string, ExploreRecord[]>();
  for (const r of records) {
    if (!shareable.has(r.indicator) || r.value === null) continue;
    const k = `${r.indicator}|${r.period}|${r.breakdown}|${level.get(r.place)}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  for (const g of groups.values()) {
    const total = sum(g.map((r) => r.value!));
    if (!total || g.some((r) => r.value! < 0)) continue;
    for (const r of g) r.sharePct = (r.value! / total) * 100;
  }
}
