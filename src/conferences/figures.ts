// A conference page's figures: the region's indicators for each period the conference reviews,
// straight from the analytics (computed from provinces where they reported, else the figures
// published for the region, each with its sentence and coverage).
import type { Db } from '../db/database.ts';
import { reference } from '../catalogue/reference.ts';
import { regionalIndicator, type RegionalFigure } from '../analytics/regional.ts';
import { regionalPivot, type PivotCell } from '../analytics/pivot.ts';
import { describeRegionalFigure, type FigureText } from '../analytics/describe.ts';
import { formatPeriod, makePeriod, monthRange, parseCode, periodCode, periodKey } from '../periods/period.ts';
import type { Lang } from '../shared/format.ts';

export interface ConferenceFigure {
  indicator: string;
  /** The period the figure is for: the reviewed period, or its last month for stocks. */
  period: string;
  name: string;
  value: number | null;
  growthPct: number | null;
  unit: string;
  coverage: RegionalFigure['coverage'];
  published: RegionalFigure['published'];
  aboveAverage: RegionalFigure['aboveAverage'];
  text: FigureText;
}

export interface PeriodFigures {
  period: string;
  label: string;
  figures: ConferenceFigure[];
  pivot: PivotCell[];
}

export async function conferenceFigures(db: Db, region: string, periods: string[], lang: Lang = 'vi'): Promise<PeriodFigures[]> {
  const ref = await reference(db);
  const regionRef = ref.unitsBySlug.get(region);
  if (!regionRef) return [];
  const out: PeriodFigures[] = [];
  for (const code of periods) {
    const period = parseCode(code);
    // Stocks (clusters, markets) are read at the period's last month: "đến hết tháng 9/2024".
    const endMonth = makePeriod('month', period.year, monthRange(period).last);
    const periodOf = (code: string) => (ref.indicatorsByCode.get(code)?.nature === 'stock' ? endMonth : period);
    const pivot = [
      ...(await regionalPivot(db, { period, regions: [region] })).filter((c) => c.value !== null && periodOf(c.indicator) === period),
      ...(period.kind === 'month' ? [] : (await regionalPivot(db, { period: endMonth, regions: [region] })).filter((c) => c.value !== null && periodOf(c.indicator) === endMonth)),
    ];
    // Figures published for the region itself (articles' regional totals) are values on the region unit.
    const published = await db.k.selectFrom('value').select(['indicator_id', 'period']).distinct()
      .where('unit_id', '=', regionRef.id).where('period', 'in', [periodKey(period), periodKey(endMonth)]).where('breakdown_id', '=', 0).execute();
    const publishedCodes = published
      .map((p) => ({ code: ref.indicatorsById.get(p.indicator_id)?.code, period: p.period }))
      .filter((p): p is { code: string; period: number } => !!p.code && p.period === periodKey(periodOf(p.code)))
      .map((p) => p.code);
    const codes = new Set([...pivot.map((c) => c.indicator), ...publishedCodes]);
    const order = [...ref.indicatorsById.values()].map((i) => i.code);
    const figures: ConferenceFigure[] = [];
    for (const indicator of order.filter((c) => codes.has(c))) {
      const f = await regionalIndicator(db, { region, indicator, period: periodOf(indicator) });
      const ind = ref.indicatorsByCode.get(indicator)!;
      figures.push({
        indicator, period: periodCode(periodOf(indicator)), name: lang === 'vi' ? ind.nameVi : ind.nameEn, value: f.value, growthPct: f.growthPct, unit: ind.baseUnit,
        coverage: f.coverage, published: f.published, aboveAverage: f.aboveAverage, text: describeRegionalFigure(ref, f, lang),
      });
    }
    out.push({ period: code, label: formatPeriod(period, lang), figures, pivot });
  }
  return out;
}
