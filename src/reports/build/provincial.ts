// The provincial period review (seed 003: a Department's nine-month review): results against the same
// period of the previous year, the province's rank in its region, % of the annual plan; then the
// year's targets and what each requires per month over the months left; tasks and recommendations.
import type { Db } from '../../db/database.ts';
import { monthsCovered, periodCode, periodKey, type Period } from '../../periods/period.ts';
import { conferenceContext } from '../context.ts';
import { FactReader, periodFor, type Facts } from '../data.ts';
import type { Block, Report, Table, TableCell } from '../model.ts';
import { growthText, rungFor } from '../quantity.ts';
import { itemsSection, recommendationsSection } from './contextSections.ts';
import { reportNotFound, reportWrongPlace } from './errors.ts';
import { resultBlocks, type BuildOptions } from './shared.ts';
import { numberCell, textCell } from './tables.ts';
import { numberSections, para, Writer, type SectionDraft } from './writer.ts';

const CODES = ['iip', 'industrial_output_value', 'retail_services', 'exports', 'imports', 'clusters_count', 'clusters_operating', 'clusters_area_ha'];

export async function buildProvincialReport(db: Db, provinceSlug: string, period: Period, o: BuildOptions): Promise<Report> {
  const reader = await FactReader.open(db);
  const ref = reader.ref;
  const unit = ref.unitsBySlug.get(provinceSlug);
  if (!unit) throw reportNotFound('tỉnh, thành phố', 'province', provinceSlug, 'province');
  if (unit.level !== 'province') throw reportWrongPlace(unit, 'một tỉnh, thành phố', 'a province', 'province');
  const w = new Writer(ref, o.lang);
  const t = w.t;
  const inds = CODES.map((c) => ref.indicatorsByCode.get(c)).filter((i) => !!i);
  const facts = await reader.province(unit, inds, period);
  const get = (c: string) => facts.get(c);
  const ctx = await (o.context ? Promise.resolve(o.context) : conferenceContext(db, { place: provinceSlug, period, lang: o.lang, reader: o.reader }));
  const periodText = w.period(period);
  const versus = period.year - 1;
  const isCity = unit.meta.kind === 'thanh-pho';
  // "Thành phố Hồ Chí Minh" → "Hồ Chí Minh" for "UBND THÀNH PHỐ HỒ CHÍ MINH"; the place line keeps the short name.
  const name = unit.unidentified ? null : o.lang === 'vi' ? unit.nameVi.replace(/^(Tỉnh|Thành phố)\s+/, '') : unit.nameEn.replace(/\s+(City|Province)$/i, '');
  const place = unit.unidentified ? null : o.lang === 'vi' ? unit.shortVi : unit.shortEn;
  const self = o.lang === 'vi' ? (isCity ? 'thành phố' : 'tỉnh') : isCity ? 'the city' : 'the province';

  // The province's standing in its region (the first region it belongs to on the period's end date).
  const regionId = ref.regionsOf(unit.id, periodKey(period))[0];
  const region = regionId === undefined ? null : ref.unitsById.get(regionId) ?? null;
  const rankBlocks = async (code: string): Promise<Block[]> => {
    const ind = ref.indicatorsByCode.get(code);
    if (!region || !ind || ind.aggregation !== 'sum') return [];
    const rf = await reader.region(region, ind, periodFor(ind, period));
    const me = rf.regional?.units.find((u) => u.unit === unit.slug);
    const ranked = rf.regional?.units.filter((u) => u.rank !== null).length ?? 0;
    if (!me?.rank || ranked < 2) return [];
    return [para(t.rankInRegion(w.indName(ind), me.rank, ranked, w.placeLabel(region)))];
  };
  const results = async (codes: string[], opening: boolean): Promise<Block[]> => {
    const out: Block[] = [];
    for (const c of codes) {
      const f = get(c);
      if (!f) continue;
      out.push(...resultBlocks(w, f, { opening: opening && !out.length ? periodText : null, where: null, versus }));
      out.push(...(await rankBlocks(c)));
    }
    return out;
  };

  const left = 12 - monthsCovered(period).at(-1)!;
  const clusterFacts = ['clusters_count', 'clusters_operating', 'clusters_area_ha'].map(get).filter((f): f is Facts => !!f && f.value !== null);
  const resultSections: SectionDraft[] = [
    { title: t.titles.industry, blocks: await results(['iip', 'industrial_output_value'], true) },
    { title: t.titles.trade, blocks: await results(['retail_services'], false) },
    { title: t.titles.exportsImports, blocks: await results(['exports', 'imports'], false) },
  ];
  if (clusterFacts.length) {
    const v = (c: string, bare: boolean) => {
      const f = get(c);
      return f && f.value !== null ? w.value(f, bare) : null;
    };
    resultSections.push({
      title: t.titles.clusters,
      blocks: [para(t.clusters({
        asOf: w.period(clusterFacts[0]!.period), where: self, count: v('clusters_count', true), area: v('clusters_area_ha', false),
        operating: v('clusters_operating', true), projects: null, capital: null, jobs: null,
      }))],
    });
  }
  resultSections.push(itemsSection(w, upperFirstLower(t.titles.difficulties), ctx.difficulties, t.noContext.difficulties));

  const targets = targetBlocks(w, [...facts.values()], period);
  const drafts: SectionDraft[] = [
    { title: t.titles.provincialResults(periodText), blocks: [], sections: resultSections },
    {
      title: t.titles.provincialTargets(left, period.year), blocks: [],
      sections: [{ title: t.titles.targets(period.year), blocks: targets }, itemsSection(w, t.titles.provincialTasks, ctx.tasks, t.noContext.tasks)],
    },
    recommendationsSection(w, t.titles.provincialRecommendations, ctx.recommendations),
  ];
  w.addTable(planTable(w, [...facts.values()], period));

  return {
    type: 'provincial', lang: o.lang,
    header: {
      parentAgency: t.header.provincialCommittee(typeof unit.meta.kind === 'string' ? unit.meta.kind : null, name),
      agency: t.header.department, number: t.header.number('BC-SCT'), motto: t.header.motto, placeDate: t.header.placeDate(place, o.date),
    },
    docType: t.header.docType,
    subject: t.subject.provincial(periodText, period.year, left),
    intro: [para(t.intro.provincial(periodText))],
    sections: numberSections(drafts),
    closing: [para(t.closing.provincial(periodText))],
    signature: { lines: t.signature.department, signer: null, note: t.signature.note },
    recipients: { heading: t.recipients.heading, items: t.recipients.provincial },
    annexTitle: t.annexTitle,
    tables: w.tables, charts: w.charts, figures: w.figures, missing: w.missing,
    fileBase: `${t.fileBase.provincial}_${unit.slug}_${periodCode(period).replace('/', '-')}_${o.lang}`,
    meta: {
      title: `${t.header.docType} — ${t.subject.provincial(periodText, period.year, left)[0]}`, place: unit.slug, period: periodCode(period),
      periodLabel: periodText, generatedAt: o.generatedAt, query: { province: unit.slug, period: periodCode(period), lang: o.lang },
    },
  };
}

const isIndex = (f: Facts) => f.ind.aggregation === 'weighted_index' || f.ind.nature === 'index';
const upperFirstLower = (s: string) => s.charAt(0) + s.slice(1).toLocaleLowerCase('vi');

/** The year's targets: the plan, how far the period got, what remains and the monthly pace it needs. */
function targetBlocks(w: Writer, facts: Facts[], period: Period): Block[] {
  const blocks: Block[] = [];
  for (const f of facts) {
    if ((f.plan === null || isIndex(f)) && f.planGrowthPct === null) continue;
    const fromPct = f.pctOfPlanPublishedOnly && f.pctOfPlan !== null && f.plan !== null;
    const remaining = f.remaining ?? (fromPct ? f.plan! * (1 - f.pctOfPlan! / 100) : null);
    const pace = f.monthlyPaceNeeded ?? (remaining !== null && remaining > 0 && f.monthsLeft > 0 ? remaining / f.monthsLeft : null);
    const q = (x: number) => (fromPct ? w.approx(f, x) : w.exact(f, x));
    const fig = w.figure(f);
    blocks.push(para(w.t.target({
      name: w.indName(f.ind), year: period.year, periodLabel: w.period(f.period),
      plan: f.plan === null || isIndex(f) ? null : w.exact(f, f.plan),
      planGrowth: f.planGrowthPct === null ? null : w.run(growthText(f.planGrowthPct, w.lang), fig),
      done: w.value(f), pct: f.pctOfPlan === null ? null : w.pct(f, f.pctOfPlan),
      remaining: remaining !== null && remaining > 0 ? q(remaining) : null, pace: pace !== null && pace > 0 ? q(pace) : null,
      monthsLeft: f.monthsLeft, exceeded: remaining !== null && remaining <= 0,
    })));
  }
  if (!blocks.length) blocks.push(para(w.t.noPlans(period.year), 'missing'));
  return blocks;
}

function planTable(w: Writer, facts: Facts[], period: Period): Omit<Table, 'id' | 'label'> {
  const c = w.t.tables.col;
  const periodText = w.period(period);
  const rows = facts.filter((f) => f.source !== 'none' || f.plan !== null).map((f, i): TableCell[] => {
    const isIndex = f.ind.aggregation === 'weighted_index' || f.ind.nature === 'index';
    const rung = rungFor(f.ind, f.value ?? f.plan ?? 0);
    const scale = (x: number | null) => (x === null || isIndex ? x : x / rung.factor);
    const fig = f.source === 'none' && f.plan === null ? undefined : w.figure(f).id;
    const d = isIndex ? 2 : rung.decimals;
    return [
      textCell(String(i + 1)), textCell(w.indName(f.ind)), textCell(isIndex ? '%' : w.lang === 'en' ? rung.unitEn ?? rung.unit : rung.unit),
      numberCell(w, scale(f.value), d, fig), numberCell(w, f.growthPct, 2, fig), numberCell(w, isIndex ? null : scale(f.plan), d, fig),
      numberCell(w, f.pctOfPlan, 2, fig), numberCell(w, f.remaining === null ? null : scale(f.remaining), d, fig),
      numberCell(w, f.monthlyPaceNeeded === null ? null : scale(f.monthlyPaceNeeded), d, fig),
    ];
  });
  const missing = facts.filter((f) => f.source === 'none').map((f) => w.indName(f.ind));
  return {
    title: w.t.tables.provincial(periodText, period.year),
    columns: [
      { title: c.no, align: 'center', width: 4 }, { title: c.indicator, align: 'left', width: 26 }, { title: c.unit, align: 'center', width: 9 },
      { title: c.value(periodText), align: 'right', width: 11 }, { title: c.growth, align: 'right', width: 9 }, { title: c.plan(period.year), align: 'right', width: 11 },
      { title: c.pctPlan, align: 'right', width: 9 }, { title: c.remaining, align: 'right', width: 10 }, { title: c.pace, align: 'right', width: 11 },
    ],
    rows,
    notes: [w.t.tables.notes.growth, ...(missing.length ? [w.t.tables.notes.missing(missing.join('; '))] : [])],
  };
}
