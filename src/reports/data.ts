// What a report knows about one indicator of one place and period, read from the analytics: the
// figure it will print and where it comes from. A region's figure is computed from its provinces when
// all of them reported; otherwise the region's published figure is used when there is one (with its
// citation); otherwise a partial sum, labelled with its coverage; otherwise nothing, and said so.
import type { Db } from '../db/database.ts';
import { reference, type IndicatorRef, type Reference, type UnitRef } from '../catalogue/reference.ts';
import { readValues } from '../collection/valueRepository.ts';
import { STATUS_NAME, type ValueRecord } from '../collection/valueModel.ts';
import { regionalIndicator, type PublishedFigure, type RegionalFigure } from '../analytics/regional.ts';
import { planProgress } from '../analytics/math/planProgress.ts';
import { isCumulative, monthsCovered, makePeriod, periodCode, periodKey, samePeriodLastYear, monthRange, type Period } from '../periods/period.ts';

export type FactSource = 'computed' | 'published' | 'reported' | 'none';

export interface AboveAverageFact {
  count: number;
  of: number;
  units: string[];
  average: number;
  source: 'computed' | 'published';
  citation: Citation | null;
}

export interface Citation {
  document: string | null;
  quote: string | null;
}

export interface Facts {
  ind: IndicatorRef;
  place: UnitRef;
  period: Period;
  source: FactSource;
  value: number | null;
  growthPct: number | null;
  qualifier: string | null;
  estimate: boolean;
  coverage: { reported: number; of: number; missing: string[] } | null;
  regional: RegionalFigure | null;
  plan: number | null;
  /** The published plan's own growth target ("mục tiêu tăng 16,5%"). */
  planGrowthPct: number | null;
  pctOfPlan: number | null;
  /** % of plan as published, without a value behind it (seed 003: "đạt 72% kế hoạch"). */
  pctOfPlanPublishedOnly: boolean;
  remaining: number | null;
  monthsLeft: number;
  monthlyPaceNeeded: number | null;
  citation: Citation | null;
  planCitation: Citation | null;
  aboveAverage: AboveAverageFact | null;
}

/** The month whose end a stock indicator is read at: "đến hết tháng 9/2024" for 9T/2024. */
export function stockPeriod(p: Period): Period {
  return makePeriod('month', p.year, monthRange(p).last);
}

/** Flows for the period itself; stocks at the end of its last month. */
export function periodFor(ind: IndicatorRef, p: Period): Period {
  return ind.nature === 'stock' ? stockPeriod(p) : p;
}

function emptyFacts(ind: IndicatorRef, place: UnitRef, period: Period): Facts {
  return {
    ind, place, period, source: 'none', value: null, growthPct: null, qualifier: null, estimate: false, coverage: null,
    regional: null, plan: null, planGrowthPct: null, pctOfPlan: null, pctOfPlanPublishedOnly: false, remaining: null,
    monthsLeft: 12 - monthsCovered(period).length, monthlyPaceNeeded: null, citation: null, planCitation: null, aboveAverage: null,
  };
}

const hasContent = (p: PublishedFigure | undefined): p is PublishedFigure => !!p && (p.value !== null || p.growthPct !== null || p.pctOfPlan !== null);

/** Progress against the annual plan where the figure runs from January and is a flow. */
function progress(f: Facts): void {
  if (f.value === null || f.plan === null || f.ind.nature !== 'flow' || !isCumulative(f.period)) return;
  const pp = planProgress(f.value, f.plan, monthsCovered(f.period).length);
  f.pctOfPlan = pp.pctOfPlan;
  f.remaining = pp.remaining;
  f.monthlyPaceNeeded = pp.monthlyPaceNeeded;
}

export class FactReader {
  private docsCache: Promise<PublishedComparison[]> | null = null;
  private readonly changeSets = new Map<number, Citation>();

  private constructor(readonly db: Db, readonly ref: Reference) {}

  static async open(db: Db): Promise<FactReader> {
    return new FactReader(db, await reference(db));
  }

  indicator(code: string): IndicatorRef | null {
    return this.ref.indicatorsByCode.get(code) ?? null;
  }

  /** A region's (or the country's) figure for one indicator. */
  async region(region: UnitRef, ind: IndicatorRef, period: Period): Promise<Facts> {
    const f = emptyFacts(ind, region, period);
    const r = await regionalIndicator(this.db, { region: region.slug, indicator: ind.code, period });
    f.regional = r;
    const pub = r.published.find((p) => p.measure === 'actual' && hasContent(p));
    const planPub = r.published.find((p) => p.measure === 'plan');
    const complete = r.coverage.reported > 0 && r.coverage.reported === r.coverage.of;
    if (complete || (!pub && r.coverage.reported > 0)) {
      f.source = 'computed';
      f.value = r.value;
      f.growthPct = r.growthPct;
      f.estimate = r.estimates > 0;
      f.coverage = r.coverage;
      f.plan = r.plan;
      if (r.growthPct !== null && r.aboveAverage.of > 0) {
        f.aboveAverage = { count: r.aboveAverage.count, of: r.aboveAverage.of, units: r.aboveAverage.units, average: r.growthPct, source: 'computed', citation: null };
      }
    } else if (pub) {
      f.source = 'published';
      f.value = pub.value;
      f.growthPct = pub.growthPct;
      f.qualifier = pub.qualifier;
      f.estimate = pub.status === 'estimate';
      f.pctOfPlan = pub.pctOfPlan;
      f.pctOfPlanPublishedOnly = pub.pctOfPlan !== null && pub.value === null;
      f.citation = await this.citation(pub.changeSetId);
      if (f.growthPct !== null) {
        const cmp = (await this.publishedComparisons()).find((c) => c.place === region.slug && c.indicator === ind.code && c.period === periodCode(period));
        if (cmp) f.aboveAverage = { count: cmp.count, of: cmp.of, units: cmp.members, average: f.growthPct, source: 'published', citation: cmp.citation };
      }
    }
    if (f.plan === null && planPub) {
      f.plan = planPub.value;
      f.planGrowthPct = planPub.growthPct;
      f.planCitation = await this.citation(planPub.changeSetId);
    }
    if (f.pctOfPlan === null) progress(f);
    return f;
  }

  /** A province's own figures (value, growth from its own past or as published, plan). */
  async province(unit: UnitRef, inds: IndicatorRef[], period: Period): Promise<Map<string, Facts>> {
    const plain = inds.filter((i) => i.aggregation !== 'derived');
    const periodsOf = (i: IndicatorRef) => periodFor(i, period);
    const keys = new Set<number>();
    for (const i of plain) {
      const p = periodsOf(i);
      keys.add(periodKey(p)).add(periodKey(samePeriodLastYear(p))).add(periodKey({ kind: 'year', year: p.year, n: 0 }));
    }
    const rows = await readValues(this.db.k, { periods: [...keys], indicatorIds: plain.map((i) => i.id), unitIds: [unit.id] });
    const at = (i: IndicatorRef, key: number, measure: number): ValueRecord | undefined =>
      rows.find((r) => r.indicatorId === i.id && r.period === key && r.measure === measure);
    const out = new Map<string, Facts>();
    for (const ind of plain) {
      const p = periodsOf(ind);
      const f = emptyFacts(ind, unit, p);
      const cur = at(ind, periodKey(p), 0);
      const prev = at(ind, periodKey(samePeriodLastYear(p)), 0);
      const plan = at(ind, periodKey({ kind: 'year', year: p.year, n: 0 }), 1);
      if (cur && (cur.value !== null || cur.growthPct !== null || cur.pctOfPlan !== null)) {
        f.source = 'reported';
        f.value = cur.value;
        f.qualifier = cur.qualifier;
        f.estimate = STATUS_NAME[cur.status] === 'estimate';
        f.growthPct = cur.growthPct ?? growthFrom(ind, cur.value, prev?.value ?? null);
        f.pctOfPlan = cur.pctOfPlan;
        f.pctOfPlanPublishedOnly = cur.pctOfPlan !== null && cur.value === null;
        f.citation = await this.citation(cur.changeSetId);
      }
      if (plan) {
        f.plan = plan.value;
        f.planGrowthPct = plan.growthPct;
        f.planCitation = await this.citation(plan.changeSetId);
      }
      if (f.pctOfPlan === null) progress(f);
      out.set(ind.code, f);
    }
    return out;
  }

  /** The change set's source document and sentence: the citation of a published figure. */
  async citation(changeSetId: number): Promise<Citation | null> {
    const hit = this.changeSets.get(changeSetId);
    if (hit) return hit;
    const cs = await this.db.k.selectFrom('change_set').select(['source_document', 'source_quote']).where('id', '=', changeSetId).executeTakeFirst();
    const c = cs && (cs.source_document || cs.source_quote) ? { document: cs.source_document, quote: cs.source_quote } : null;
    if (c) this.changeSets.set(changeSetId, c);
    return c;
  }

  /** Comparisons an article published that the catalogue cannot hold as values ("6/20 tỉnh … gồm: …"),
   *  kept with their documents; a report may restate them, with their source, when it cannot compute them. */
  publishedComparisons(): Promise<PublishedComparison[]> {
    this.docsCache ??= readPublishedComparisons(this.db);
    return this.docsCache;
  }
}

function growthFrom(ind: IndicatorRef, value: number | null, previous: number | null): number | null {
  if (value === null) return null;
  if (ind.aggregation === 'weighted_index' || ind.nature === 'index') return value - 100;
  return previous ? (value / previous - 1) * 100 : null;
}

export interface PublishedComparison {
  place: string;
  indicator: string;
  period: string;
  count: number;
  of: number;
  members: string[];
  citation: Citation;
}

async function readPublishedComparisons(db: Db): Promise<PublishedComparison[]> {
  const docs = await db.k.selectFrom('document').select(['id', 'unmapped']).execute();
  const out: PublishedComparison[] = [];
  for (const d of docs) {
    let list: unknown;
    try {
      list = JSON.parse(d.unmapped);
    } catch {
      continue;
    }
    if (!Array.isArray(list)) continue;
    for (const u of list as Array<Record<string, any>>) {
      if (u?.kind !== 'provinces_above_average' || typeof u.value !== 'number' || typeof u.of !== 'number') continue;
      out.push({
        place: String(u.place), indicator: String(u.related_indicator), period: String(u.period), count: u.value, of: u.of,
        members: Array.isArray(u.members) ? u.members.map(String) : [],
        citation: { document: u.source?.document ?? d.id, quote: u.source?.quote ?? null },
      });
    }
  }
  return out;
}
