// A time series of one indicator for one place: a region (from its rollups, falling back to members'
// values where the rollup cannot be exact, and to the region's published figures where no province
// reported) or a province (its own values).
import type { Db } from '../db/database.ts';
import { reference } from '../catalogue/reference.ts';
import { readValues } from '../collection/valueRepository.ts';
import { STATUS_NAME } from '../collection/valueModel.ts';
import { fromKey, makePeriod, periodCode, periodKey, samePeriodLastYear, type Period, type PeriodKind } from '../periods/period.ts';
import { regionalPivot } from './pivot.ts';
import { notFoundError } from './errors.ts';

export interface SeriesPoint {
  period: string;
  value: number | null;
  growthPct: number | null;
  status: string | null;
  source: 'computed' | 'published' | 'reported' | null;
  coverage?: { reported: number; of: number };
}

export interface SeriesQuery {
  place: string;
  indicator: string;
  kind: PeriodKind;
  n?: number; // for ytd: which cumulative (9 = first 9 months each year)
  fromYear: number;
  toYear: number;
}

export function periodsOf(q: Pick<SeriesQuery, 'kind' | 'n' | 'fromYear' | 'toYear'>): Period[] {
  const out: Period[] = [];
  for (let y = q.fromYear; y <= q.toYear; y++) {
    if (q.kind === 'month') for (let m = 1; m <= 12; m++) out.push(makePeriod('month', y, m));
    else if (q.kind === 'quarter') for (let m = 1; m <= 4; m++) out.push(makePeriod('quarter', y, m));
    else if (q.kind === 'half') for (let m = 1; m <= 2; m++) out.push(makePeriod('half', y, m));
    else if (q.kind === 'ytd') out.push(makePeriod('ytd', y, q.n ?? 12));
    else out.push(makePeriod('year', y, 0));
  }
  return out;
}

export async function series(db: Db, q: SeriesQuery): Promise<SeriesPoint[]> {
  const ref = await reference(db);
  const place = ref.unitsBySlug.get(q.place);
  if (!place) throw notFoundError('đơn vị', 'Place', q.place);
  const ind = ref.indicatorsByCode.get(q.indicator);
  if (!ind) throw notFoundError('chỉ tiêu', 'Indicator', q.indicator);
  const periods = periodsOf(q);
  const keys = periods.map(periodKey);
  const own = await readValues(db.k, { periods: [...keys, ...periods.map((p) => periodKey(samePeriodLastYear(p)))], indicatorIds: [ind.id], unitIds: [place.id], measure: 0 });
  const byKey = new Map(own.map((r) => [r.period, r]));
  const isRegion = place.level === 'region' || place.level === 'country';
  const points: SeriesPoint[] = [];
  for (const p of periods) {
    const k = periodKey(p);
    if (isRegion) {
      const [cell] = await regionalPivot(db, { period: p, regions: [place.slug], indicators: [ind.code] });
      if (cell && cell.value !== null) {
        points.push({ period: periodCode(p), value: cell.value, growthPct: cell.growthPct, status: cell.estimates ? 'estimate' : 'official', source: 'computed', coverage: cell.coverage });
        continue;
      }
    }
    const r = byKey.get(k);
    const prev = byKey.get(periodKey(samePeriodLastYear(p)));
    const growth = r?.growthPct ?? (r?.value != null && prev?.value ? (r.value / prev.value - 1) * 100 : null);
    points.push({
      period: periodCode(fromKey(k)), value: r?.value ?? null, growthPct: r ? growth : null,
      status: r ? STATUS_NAME[r.status]! : null, source: r ? (isRegion ? 'published' : 'reported') : null,
    });
  }
  return points;
}
