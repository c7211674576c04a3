// The pivot explorer's table, laid out the same way on screen and in the exported CSV / Excel files:
// one row per place (× disaggregation), one column per indicator × period × measure (value, growth,
// share, % of plan). Pure TypeScript, shared by the server (exports) and the web app.

export type Lang = 'vi' | 'en';
export type Measure = 'value' | 'growth' | 'share' | 'plan';
export const MEASURES: readonly Measure[] = ['value', 'growth', 'share', 'plan'];

export interface ExplorePlace {
  id: string;
  level: string;
  code: string | null;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
}

export interface ExploreIndicator {
  code: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  base_unit: string;
  base_unit_en: string;
  decimals: number;
  aggregation: string;
  nature: string;
}

export interface ExplorePeriod {
  code: string;
  label_vi: string;
  label_en: string;
}

export interface ExploreBreakdown {
  signature: string;
  /** null: nothing was ever recorded with this disaggregation. */
  id: number | null;
  label_vi: string;
  label_en: string;
}

export interface ExploreRecord {
  place: string;
  indicator: string;
  period: string;
  breakdown: string;
  value: number | null;
  growthPct: number | null;
  sharePct: number | null;
  pctOfPlan: number | null;
  status: 'estimate' | 'official' | null;
  source: 'computed' | 'published' | 'reported' | null;
  coverage: { reported: number; of: number } | null;
  qualifier: string | null;
}

export interface ExploreResult {
  places: ExplorePlace[];
  indicators: ExploreIndicator[];
  periods: ExplorePeriod[];
  breakdowns: ExploreBreakdown[];
  records: ExploreRecord[];
}

export interface TableColumn {
  key: string;
  indicator: string;
  period: string;
  measure: Measure;
  /** "Tổng mức bán lẻ (tỷ đồng)" */
  indicatorLabel: string;
  /** "9 tháng đầu năm 2024" */
  periodLabel: string;
  /** "Giá trị", "Tăng so với cùng kỳ (%)" … */
  measureLabel: string;
  /** One line: indicator — period — measure (the CSV header). */
  header: string;
  decimals: number;
}

export interface TableCell {
  value: number | null;
  status: ExploreRecord['status'];
  qualifier: string | null;
  source: ExploreRecord['source'];
}

export interface TableRow {
  place: string;
  placeLabel: string;
  level: string;
  breakdown: string;
  breakdownLabel: string;
  cells: TableCell[];
}

export interface PivotTable {
  columns: TableColumn[];
  rows: TableRow[];
  /** Leading columns' headers: unit, (disaggregation). */
  leading: { code: string; place: string; breakdown: string | null };
  showBreakdown: boolean;
}

const WORDS = {
  vi: {
    value: 'Giá trị', growth: 'Tăng/giảm so với cùng kỳ (%)', share: 'Tỷ trọng (%)', plan: 'So với kế hoạch năm (%)',
    code: 'Mã', place: 'Đơn vị', breakdown: 'Phân tổ',
  },
  en: {
    value: 'Value', growth: 'Change year on year (%)', share: 'Share (%)', plan: 'Of the annual plan (%)',
    code: 'Id', place: 'Place', breakdown: 'Breakdown',
  },
} as const;

export function measureLabel(m: Measure, lang: Lang): string {
  return WORDS[lang][m];
}

export function indicatorLabel(i: ExploreIndicator, lang: Lang): string {
  const name = lang === 'vi' ? i.short_vi : i.short_en;
  const unit = lang === 'vi' ? i.base_unit : i.base_unit_en;
  return unit && unit !== '%' ? `${name} (${unit})` : name;
}

/** The measures that mean something for an indicator (no share of an index, no plan of a stock). */
export function measureApplies(i: ExploreIndicator, m: Measure): boolean {
  const index = i.aggregation === 'weighted_index' || i.nature === 'index' || i.base_unit === '%';
  if (m === 'share') return !index;
  if (m === 'plan') return !index && i.nature === 'flow';
  return true;
}

export function buildTable(res: ExploreResult, measures: readonly Measure[], lang: Lang): PivotTable {
  const wanted = MEASURES.filter((m) => m === 'value' || measures.includes(m));
  const columns: TableColumn[] = [];
  for (const i of res.indicators) {
    for (const p of res.periods) {
      for (const m of wanted) {
        if (!measureApplies(i, m)) continue;
        const il = indicatorLabel(i, lang);
        const pl = lang === 'vi' ? p.label_vi : p.label_en;
        const ml = measureLabel(m, lang);
        columns.push({
          key: `${i.code}|${p.code}|${m}`, indicator: i.code, period: p.code, measure: m, indicatorLabel: il, periodLabel: pl, measureLabel: ml,
          header: m === 'value' ? `${il} — ${pl}` : `${il} — ${pl} — ${ml}`,
          decimals: m === 'value' ? i.decimals : 2,
        });
      }
    }
  }
  const at = new Map(res.records.map((r) => [`${r.place}|${r.breakdown}|${r.indicator}|${r.period}`, r]));
  const rows: TableRow[] = [];
  for (const pl of res.places) {
    for (const b of res.breakdowns) {
      rows.push({
        place: pl.id,
        placeLabel: lang === 'vi' ? pl.short_vi : pl.short_en,
        level: pl.level,
        breakdown: b.signature,
        breakdownLabel: lang === 'vi' ? b.label_vi : b.label_en,
        cells: columns.map((c) => {
          const r = at.get(`${pl.id}|${b.signature}|${c.indicator}|${c.period}`);
          const v = !r ? null : c.measure === 'value' ? r.value : c.measure === 'growth' ? r.growthPct : c.measure === 'share' ? r.sharePct : r.pctOfPlan;
          return { value: v ?? null, status: r?.status ?? null, qualifier: c.measure === 'value' ? r?.qualifier ?? null : null, source: r?.source ?? null };
        }),
      });
    }
  }
  const showBreakdown = res.breakdowns.length > 1 || (res.breakdowns[0]?.signature ?? '') !== '';
  return {
    columns, rows, showBreakdown,
    leading: { code: WORDS[lang].code, place: WORDS[lang].place, breakdown: showBreakdown ? WORDS[lang].breakdown : null },
  };
}

/** Header and body as plain arrays: what the CSV and the Excel sheet hold (numbers stay numbers). */
export function tableMatrix(t: PivotTable): { header: string[]; body: Array<Array<string | number | null>> } {
  const header = [t.leading.code, t.leading.place, ...(t.showBreakdown ? [t.leading.breakdown!] : []), ...t.columns.map((c) => c.header)];
  const body = t.rows.map((r) => [
    r.place, r.placeLabel, ...(t.showBreakdown ? [r.breakdownLabel] : []), ...r.cells.map((c) => c.value),
  ]);
  return { header, body };
}
