// The annex tables: the main indicators of a place, the provinces side by side, the main products.
// Each numeric cell keeps its number and Excel format, so the Excel annex holds numbers, not text.
import type { IndicatorRef } from '../../catalogue/reference.ts';
import type { PivotCell } from '../../analytics/pivot.ts';
import type { Facts } from '../data.ts';
import { formatPeriod, parseCode } from '../../periods/period.ts';
import type { Table, TableCell } from '../model.ts';
import { qualifierIn, rungFor, tableNumber } from '../quantity.ts';
import { formatNumber } from '../../shared/format.ts';
import type { Writer } from './writer.ts';

const fmt = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');

export function numberCell(w: Writer, x: number | null | undefined, decimals: number, figure?: string): TableCell {
  return { text: tableNumber(x ?? null, w.lang, decimals), value: x ?? null, numFmt: fmt(decimals), figure };
}

export const textCell = (text: string, bold = false): TableCell => ({ text, bold });

/** Value in the rung the prose uses, its unit, growth and % of plan. */
function factCells(w: Writer, f: Facts): { unit: string; value: TableCell; growth: TableCell; pct: TableCell } {
  const isIndex = f.ind.aggregation === 'weighted_index' || f.ind.nature === 'index';
  const fig = f.source === 'none' ? undefined : w.figure(f).id;
  if (isIndex) {
    return { unit: '%', value: numberCell(w, f.value, 2, fig), growth: numberCell(w, f.growthPct, 2, fig), pct: numberCell(w, null, 2) };
  }
  const rung = rungFor(f.ind, f.value ?? f.plan ?? 0);
  const unit = w.lang === 'en' ? rung.unitEn ?? rung.unit : rung.unit;
  const value = f.value === null ? null : f.value / rung.factor;
  const cell = f.source === 'published' && value !== null ? publishedCell(w, f, value, fig) : numberCell(w, value, rung.decimals, fig);
  return { unit, value: cell, growth: numberCell(w, f.growthPct, 2, fig), pct: numberCell(w, f.pctOfPlan, 2, fig) };
}

/** A published value as printed (its own digits, its qualifier); derived from published figures: "khoảng".
 *  A qualified value goes to Excel as text, so no cell claims an exactness nobody published. */
function publishedCell(w: Writer, f: Facts, value: number, figure: string | undefined): TableCell {
  const q = f.ind.aggregation === 'derived' ? (w.lang === 'vi' ? 'khoảng' : 'about') : qualifierIn(f.qualifier, w.lang);
  const text = [q, formatNumber(Math.abs(value) * Math.sign(value), w.lang, { decimals: 6 })].filter(Boolean).join(' ');
  return q ? { text, value: null, figure } : { text, value, numFmt: '#,##0.##', figure };
}

export function mainTable(w: Writer, title: string, period: string, facts: Facts[]): Omit<Table, 'id' | 'label'> {
  const c = w.t.tables.col;
  const rows = facts.map((f, i) => {
    const cells = factCells(w, f);
    const stock = f.ind.nature === 'stock' ? ` (${w.period(f.period)})` : '';
    const cov = f.source === 'computed' && f.coverage ? `${f.coverage.reported}/${f.coverage.of}` : '—';
    return [
      textCell(String(i + 1)), textCell(w.indName(f.ind) + stock), textCell(cells.unit), cells.value, cells.growth, cells.pct,
      textCell(cov), textCell(w.t.tables.source[f.source === 'published' && f.ind.aggregation === 'derived' ? 'derived' : f.source]),
    ];
  });
  const notes = [w.t.tables.notes.growth];
  if (facts.some((f) => f.source === 'computed')) notes.push(w.t.tables.notes.computed);
  const cited = new Set<string>();
  for (const f of facts) {
    if (f.source !== 'published' || !f.citation?.document || !f.citation.quote) continue;
    const n = w.t.tables.notes.published(f.citation.document, f.citation.quote);
    if (!cited.has(n)) cited.add(n);
  }
  notes.push(...cited);
  const missing = facts.filter((f) => f.source === 'none').map((f) => w.indName(f.ind));
  if (missing.length) notes.push(w.t.tables.notes.missing(missing.join('; ')));
  return {
    title,
    columns: [
      { title: c.no, align: 'center', width: 4 }, { title: c.indicator, align: 'left', width: 30 }, { title: c.unit, align: 'center', width: 10 },
      { title: c.value(period), align: 'right', width: 12 }, { title: c.growth, align: 'right', width: 10 }, { title: c.pctPlan, align: 'right', width: 10 },
      { title: c.coverage, align: 'center', width: 8 }, { title: c.source, align: 'left', width: 14 },
    ],
    rows,
    notes,
  };
}

/** Provinces side by side: value (base unit) and growth of each indicator with provincial figures. */
export function provincesTable(w: Writer, title: string, facts: Facts[]): Omit<Table, 'id' | 'label'> | null {
  const withUnits = facts.filter((f) => f.source === 'computed' && f.regional && f.regional.units.some((u) => u.value !== null));
  if (!withUnits.length) return null;
  const c = w.t.tables.col;
  const members = withUnits[0]!.regional!.units.map((u) => u.unit);
  const columns: Table['columns'] = [{ title: c.no, align: 'center', width: 4 }, { title: c.province, align: 'left', width: 16 }];
  for (const f of withUnits) {
    const isIndex = f.ind.aggregation === 'weighted_index';
    if (!isIndex) columns.push({ title: `${w.shortName(f.ind)} (${baseUnit(w, f.ind)})`, align: 'right', width: 11 });
    columns.push({ title: `${w.shortName(f.ind)}: ${c.growth}`, align: 'right', width: 9 });
  }
  const rows = members.map((slug, i) => {
    const row: TableCell[] = [textCell(String(i + 1)), textCell(w.unitName(slug))];
    for (const f of withUnits) {
      const u = f.regional!.units.find((x) => x.unit === slug);
      const fig = w.figure(f).id;
      if (f.ind.aggregation !== 'weighted_index') row.push(numberCell(w, u?.value ?? null, 2, fig));
      row.push(numberCell(w, u?.growthPct ?? null, 2, fig));
    }
    return row;
  });
  const total: TableCell[] = [textCell(''), textCell(w.placeLabel(withUnits[0]!.place), true)];
  for (const f of withUnits) {
    if (f.ind.aggregation !== 'weighted_index') total.push({ ...numberCell(w, f.value, 2, w.figure(f).id), bold: true });
    total.push({ ...numberCell(w, f.growthPct, 2, w.figure(f).id), bold: true });
  }
  rows.push(total);
  return { title, columns, rows, notes: [w.t.tables.notes.growth] };
}

function baseUnit(w: Writer, ind: IndicatorRef): string {
  const rung = rungFor(ind, 0);
  return w.lang === 'en' ? rung.unitEn ?? rung.unit : rung.unit;
}

export function productsTable(w: Writer, title: string, period: string, cells: PivotCell[]): Omit<Table, 'id' | 'label'> | null {
  const rows = cells.filter((x) => x.value !== null).map((x, i) => {
    const ind = w.ref.indicatorsByCode.get(x.indicator)!;
    const rung = rungFor(ind, x.value!);
    return [
      textCell(String(i + 1)), textCell(w.indName(ind)), textCell(w.lang === 'en' ? rung.unitEn ?? rung.unit : rung.unit),
      numberCell(w, x.value! / rung.factor, rung.decimals), numberCell(w, x.growthPct, 2),
    ];
  });
  if (!rows.length) return null;
  const c = w.t.tables.col;
  return {
    title,
    columns: [
      { title: c.no, align: 'center', width: 5 }, { title: c.product, align: 'left', width: 40 }, { title: c.unit, align: 'center', width: 14 },
      { title: c.value(period), align: 'right', width: 16 }, { title: c.growth, align: 'right', width: 14 },
    ],
    rows,
    notes: [w.t.tables.notes.growth],
  };
}

export const shortPeriod = (code: string, lang: 'vi' | 'en') => formatPeriod(parseCode(code), lang, { style: 'short' });
