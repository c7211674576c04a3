// The monthly brief: one page per region — the month's main figures against the same month last
// year, the cumulative figures since January, coverage, and a small table.
import type { Db } from '../../db/database.ts';
import type { UnitRef } from '../../catalogue/reference.ts';
import { endDate, formatPeriod, makePeriod, periodCode, type Period } from '../../periods/period.ts';
import { FactReader, type Facts } from '../data.ts';
import type { Block, Report, Table, TableCell } from '../model.ts';
import { rungFor } from '../quantity.ts';
import { reportBadRequest, reportNotFound, reportWrongPlace } from './errors.ts';
import type { BuildOptions } from './shared.ts';
import { numberCell, textCell } from './tables.ts';
import { numberSections, para, Writer, type SectionDraft } from './writer.ts';

const CODES = ['iip', 'industrial_output_value', 'retail_services', 'exports', 'imports'];

/** region: one region's page; null: a page for every region in force (the country excluded). */
export async function buildMonthlyBrief(db: Db, regionSlug: string | null, period: Period, o: BuildOptions): Promise<Report> {
  if (period.kind !== 'month') throw reportBadRequest('Bản tin tháng cần một tháng (ví dụ T10/2024).', 'The monthly brief needs a month (e.g. T10/2024).', 'period');
  const reader = await FactReader.open(db);
  const ref = reader.ref;
  let regions: UnitRef[];
  if (regionSlug) {
    const r = ref.unitsBySlug.get(regionSlug);
    if (!r) throw reportNotFound('vùng', 'region', regionSlug, 'region');
    if (r.level !== 'region' && r.level !== 'country') throw reportWrongPlace(r, 'một vùng', 'a region', 'region');
    regions = [r];
  } else {
    const d = endDate(period);
    regions = [...ref.unitsById.values()].filter((u) => u.level === 'region' && u.validFrom <= d && (u.validTo === null || d <= u.validTo));
  }
  const w = new Writer(ref, o.lang);
  const t = w.t;
  const month = w.period(period);
  const cumulative = period.n > 1 ? makePeriod('ytd', period.year, period.n) : null;
  const inds = CODES.map((c) => ref.indicatorsByCode.get(c)).filter((i) => !!i);
  const pages: SectionDraft[] = [];
  for (const [i, region] of regions.entries()) {
    const monthFacts = await Promise.all(inds.map((ind) => reader.region(region, ind, period)));
    const cumFacts = cumulative ? await Promise.all(inds.map((ind) => reader.region(region, ind, cumulative))) : [];
    pages.push({ title: t.titles.regionPage(w.placeLabel(region)), blocks: pageBlocks(w, region, monthFacts, cumFacts, period, cumulative), pageBreakBefore: i > 0 });
  }
  const where = regionSlug && regions[0] ? w.placeLabel(regions[0]) : o.lang === 'vi' ? 'các khu vực' : 'the regions';
  return {
    type: 'monthly', lang: o.lang,
    header: { parentAgency: null, agency: t.header.ministry, number: t.header.number('BC-BCT'), motto: t.header.motto, placeDate: t.header.placeDate(t.header.ministryPlace, o.date) },
    docType: t.header.briefType,
    subject: t.subject.monthly(where, month),
    intro: [para(t.intro.monthly(month))],
    sections: numberSections(pages),
    closing: [para(t.closing.monthly)],
    signature: { lines: t.signature.ministry, signer: null, note: t.signature.note },
    recipients: { heading: t.recipients.heading, items: t.recipients.monthly },
    annexTitle: t.annexTitle,
    tables: w.tables, charts: w.charts, figures: w.figures, missing: w.missing,
    fileBase: `${t.fileBase.monthly}_${regionSlug ?? 'all'}_${periodCode(period).replace('/', '-')}_${o.lang}`,
    meta: {
      title: `${t.header.briefType} — ${t.subject.monthly(where, month)[0]}`, place: regionSlug ?? 'all', period: periodCode(period),
      periodLabel: month, generatedAt: o.generatedAt, query: { ...(regionSlug ? { region: regionSlug } : {}), period: periodCode(period), lang: o.lang },
    },
  };
}

function pageBlocks(w: Writer, region: UnitRef, month: Facts[], cum: Facts[], period: Period, cumulative: Period | null): Block[] {
  const t = w.t;
  const where = w.placeLabel(region);
  const monthText = w.period(period);
  if (month.every((f) => f.source === 'none') && cum.every((f) => f.source === 'none')) {
    month.forEach((f) => w.noteMissing(f));
    return [para(t.missing(o(w), where, monthText), 'missing')];
  }
  const blocks: Block[] = [];
  month.forEach((m, i) => {
    const c = cum[i] ?? null;
    if (m.source === 'none') w.noteMissing(m);
    if (c && c.source === 'none') w.noteMissing(c);
    blocks.push(para(t.monthly({
      name: w.indName(m.ind), month: monthText, monthValue: w.value(m), monthGrowth: w.growth(m), monthEstimate: m.estimate,
      cumulative: cumulative ? w.period(cumulative) : null, cumValue: c ? w.value(c) : null, cumGrowth: c ? w.growth(c) : null, cumEstimate: c?.estimate ?? false,
    })));
  });
  const covered = month.find((f) => f.source === 'computed' && f.coverage);
  if (covered?.coverage) blocks.push(para(t.coverageLine(covered.coverage.reported, covered.coverage.of, w.names(covered.coverage.missing)), 'note'));
  const table = w.addTable(monthTable(w, where, period, cumulative, month, cum));
  blocks.push({ kind: 'table', table: table.id });
  return blocks;
}

// "Chưa có số liệu các chỉ tiêu chủ yếu của …": the whole page is missing.
const o = (w: Writer) => (w.lang === 'vi' ? 'các chỉ tiêu chủ yếu' : 'the main indicators');

function monthTable(w: Writer, where: string, period: Period, cumulative: Period | null, month: Facts[], cum: Facts[]): Omit<Table, 'id' | 'label'> {
  const c = w.t.tables.col;
  const short = (p: Period) => formatPeriod(p, w.lang, { style: 'short' });
  const rows = month.map((m, i): TableCell[] => {
    const k = cum[i];
    const isIndex = m.ind.aggregation === 'weighted_index';
    const rung = rungFor(m.ind, m.value ?? k?.value ?? 0);
    const scale = (x: number | null | undefined) => (x === null || x === undefined || isIndex ? x ?? null : x / rung.factor);
    const d = isIndex ? 2 : rung.decimals;
    const fig = (f: Facts | undefined) => (f && f.source !== 'none' ? w.figure(f).id : undefined);
    const row = [
      textCell(w.shortName(m.ind)), textCell(isIndex ? '%' : w.lang === 'en' ? rung.unitEn ?? rung.unit : rung.unit),
      numberCell(w, scale(m.value), d, fig(m)), numberCell(w, m.growthPct, 2, fig(m)),
    ];
    if (cumulative) row.push(numberCell(w, scale(k?.value), d, fig(k)), numberCell(w, k?.growthPct ?? null, 2, fig(k)));
    return row;
  });
  return {
    title: w.t.tables.monthly(where, w.period(period)),
    columns: [
      { title: c.indicator, align: 'left', width: 22 }, { title: c.unit, align: 'center', width: 12 },
      { title: c.month(short(period)), align: 'right', width: 13 }, { title: c.growth, align: 'right', width: 12 },
      ...(cumulative ? [{ title: c.cumulative(short(cumulative)), align: 'right' as const, width: 13 }, { title: c.growth, align: 'right' as const, width: 12 }] : []),
    ],
    rows,
    notes: [w.t.tables.notes.growth],
    inline: true,
  };
}
