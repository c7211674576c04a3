// The regional conference report: the region's results for the period indicator by indicator, the
// provinces above the regional rate, industrial clusters, trade infrastructure, progress against the
// plan; then difficulties, tasks and recommendations from the conference context; tables and charts.
import type { Db } from '../../db/database.ts';
import type { UnitRef } from '../../catalogue/reference.ts';
import { regionalPivot } from '../../analytics/pivot.ts';
import { endDate, monthsCovered, periodCode, type Period } from '../../periods/period.ts';
import { conferenceContext } from '../context.ts';
import { FactReader, periodFor, stockPeriod, type Facts } from '../data.ts';
import type { Block, Report, Run } from '../model.ts';
import { byProvinceChart, growthChart } from './charts.ts';
import { itemsSection, recommendationsSection } from './contextSections.ts';
import { mainTable, productsTable, provincesTable } from './tables.ts';
import { numberSections, para, Writer, type SectionDraft } from './writer.ts';
import { balanceRuns, planSection, resultBlocks, type BuildOptions } from './shared.ts';
import { reportNotFound, reportWrongPlace } from './errors.ts';

const CLUSTERS = ['clusters_count', 'clusters_area_ha', 'clusters_operating', 'clusters_projects', 'clusters_capital', 'clusters_jobs'];
const INFRA = ['markets', 'supermarkets', 'malls', 'fuel_stations'];
const MAIN = ['iip', 'industrial_output_value', 'retail_services', 'exports', 'imports', 'trade_balance'];

export async function buildConferenceReport(db: Db, regionSlug: string, period: Period, o: BuildOptions): Promise<Report> {
  const reader = await FactReader.open(db);
  const ref = reader.ref;
  const region = ref.unitsBySlug.get(regionSlug);
  if (!region) throw reportNotFound('vùng', 'region', regionSlug, 'region');
  if (region.level !== 'region' && region.level !== 'country') throw reportWrongPlace(region, 'một vùng', 'a region', 'region');
  const w = new Writer(ref, o.lang);
  const t = w.t;
  const members = ref.membersOn(region.id, endDate(period));
  const codes = [...MAIN, ...CLUSTERS, ...INFRA].filter((c) => ref.indicatorsByCode.has(c));
  const all = await Promise.all(codes.map((c) => {
    const ind = ref.indicatorsByCode.get(c)!;
    return reader.region(region, ind, periodFor(ind, period));
  }));
  const facts = new Map(all.map((f) => [f.ind.code, f]));
  const productCodes = [...ref.indicatorsByCode.keys()].filter((c) => c.startsWith('product_'));
  const products = productCodes.length ? await regionalPivot(db, { period, regions: [regionSlug], indicators: productCodes }) : [];
  const ctx = await (o.context ? Promise.resolve(o.context) : conferenceContext(db, { place: regionSlug, period, lang: o.lang, reader: o.reader }));

  const where = w.placeLabel(region);
  const periodText = w.period(period);
  const counted = w.countedLabel(region, members.length);
  const get = (c: string) => facts.get(c);
  const results: SectionDraft[] = [];

  // Annex tables first, so the text can refer to them by number.
  const mainFacts = [...MAIN, ...CLUSTERS, ...INFRA].map(get).filter((f): f is Facts => !!f);
  w.addTable(mainTable(w, t.tables.main(where, periodText), periodText, mainFacts));
  const prov = provincesTable(w, t.tables.provinces(periodText), ['iip', 'retail_services', 'exports', 'imports'].map(get).filter((f): f is Facts => !!f));
  if (prov) w.addTable(prov);
  const productCells = products.filter((c) => c.value !== null);
  const productsT = productsTable(w, t.tables.products(where, periodText), periodText, productCells);
  const productsAnnex = productsT ? w.addTable(productsT) : null;

  // 1. Industry: IIP (with the provinces above the regional rate), output value, main products.
  const industry: Block[] = [];
  const iip = get('iip');
  if (iip) industry.push(...resultBlocks(w, iip, { opening: periodText, where }));
  const output = get('industrial_output_value');
  if (output) industry.push(...resultBlocks(w, output, { opening: iip ? null : periodText, where }));
  if (productsAnnex) {
    const table = productsAnnex;
    const up = productCells.filter((c) => (c.growthPct ?? 0) > 0).length;
    const down = productCells.filter((c) => (c.growthPct ?? 0) < 0).length;
    industry.push(para(t.products(up, down, productCells.length, table.label)));
  }
  if (iip) chartBlock(w, industry, byProvinceChart(w, iip, periodText));
  results.push({ title: t.titles.industry, blocks: industry });

  // 2. Industrial clusters, stocks at the end of the period's last month.
  results.push({ title: t.titles.clusters, blocks: clusterBlocks(w, region, period, CLUSTERS.map(get).filter((f): f is Facts => !!f)) });

  // 3. Domestic trade: retail (and the provinces above the rate), trade infrastructure.
  const trade: Block[] = [];
  const retail = get('retail_services');
  if (retail) trade.push(...resultBlocks(w, retail, { opening: null, where }));
  trade.push(...infraBlocks(w, region, period, INFRA.map(get).filter((f): f is Facts => !!f)));
  if (retail) chartBlock(w, trade, byProvinceChart(w, retail, periodText));
  results.push({ title: t.titles.trade, blocks: trade });

  // 4. Exports and imports, and the balance.
  const xnk: Block[] = [];
  const exp = get('exports');
  const imp = get('imports');
  if (exp) xnk.push(...resultBlocks(w, exp, { opening: null, where }));
  if (imp) xnk.push(...resultBlocks(w, imp, { opening: null, where: exp ? w.areaShort(region) : where }));
  const bal = get('trade_balance');
  if (bal) {
    const runs = balanceRuns(w, bal, w.areaShort(region), [exp, imp].filter((f): f is Facts => !!f));
    if (runs) xnk.push(para(runs));
  }
  results.push({ title: t.titles.exportsImports, blocks: xnk });

  // 5. Progress against the annual plan (flows from January only).
  if (monthsCovered(period)[0] === 1) results.push(planSection(w, period, all));

  const resultsBlocks: Block[] = [];
  chartBlock(w, resultsBlocks, growthChart(w, [iip, output, retail, exp, imp].filter((f): f is Facts => !!f), periodText));
  const left = 12 - monthsCovered(period).at(-1)!;
  const drafts: SectionDraft[] = [
    { title: t.titles.results(periodText), blocks: resultsBlocks, sections: results },
    itemsSection(w, t.titles.difficulties, ctx.difficulties, t.noContext.difficulties),
    itemsSection(w, t.titles.tasks(left, period.year), ctx.tasks, t.noContext.tasks),
    recommendationsSection(w, t.titles.recommendations, ctx.recommendations),
  ];


  return {
    type: 'conference', lang: o.lang,
    header: {
      parentAgency: null, agency: t.header.ministry, number: t.header.number('BC-BCT'), motto: t.header.motto,
      placeDate: t.header.placeDate(t.header.ministryPlace, o.date),
    },
    docType: t.header.docType,
    subject: t.subject.conference(where, periodText, ctx.conference?.title ?? null),
    intro: [para(t.intro.conference(counted, periodText)), para(t.intro.dataNote, 'note')],
    sections: numberSections(drafts),
    closing: [para(t.closing.conference(counted, periodText))],
    signature: { lines: t.signature.ministry, signer: null, note: t.signature.note },
    recipients: { heading: t.recipients.heading, items: t.recipients.conference(counted) },
    annexTitle: t.annexTitle,
    tables: w.tables, charts: w.charts, figures: w.figures, missing: w.missing,
    fileBase: `${t.fileBase.conference}_${region.slug}_${periodCode(period).replace('/', '-')}_${o.lang}`,
    meta: {
      title: `${t.header.docType} — ${t.subject.conference(where, periodText, null)[0]}`, place: region.slug, period: periodCode(period),
      periodLabel: periodText, generatedAt: o.generatedAt, query: { region: region.slug, period: periodCode(period), lang: o.lang },
    },
  };
}

function chartBlock(w: Writer, blocks: Block[], chart: ReturnType<typeof growthChart>): void {
  if (chart) blocks.push({ kind: 'chart', chart: w.addChart(chart).id });
}

function clusterBlocks(w: Writer, region: UnitRef, period: Period, list: Facts[]): Block[] {
  const asOf = w.period(stockPeriod(period));
  const where = w.placeLabel(region);
  const by = (c: string) => list.find((f) => f.ind.code === c);
  const present = list.filter((f) => f.value !== null);
  if (!present.length) {
    list.forEach((f) => w.noteMissing(f));
    return [para(w.t.clustersMissing(where, asOf), 'missing')];
  }
  const v = (c: string, bare: boolean): Run | null => {
    const f = by(c);
    return f && f.value !== null ? w.value(f, bare) : null;
  };
  const out: Block[] = [para(w.t.clusters({
    asOf, where, count: v('clusters_count', true), area: v('clusters_area_ha', false), operating: v('clusters_operating', true),
    projects: v('clusters_projects', true), capital: v('clusters_capital', false), jobs: v('clusters_jobs', true),
  }))];
  const missing = list.filter((f) => f.value === null);
  missing.forEach((f) => w.noteMissing(f));
  if (missing.length) out.push(para(w.t.missing(missing.map((f) => w.indName(f.ind)).join(', '), where, asOf), 'missing'));
  return out;
}

function infraBlocks(w: Writer, region: UnitRef, period: Period, list: Facts[]): Block[] {
  const present = list.filter((f) => f.value !== null);
  if (!present.length) return [];
  const asOf = w.period(stockPeriod(period));
  const runs = w.t.infrastructure(asOf, w.placeLabel(region), present.map((f) => ({ code: f.ind.code, count: w.value(f, true) })));
  return [para(runs)];
}

