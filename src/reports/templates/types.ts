// The sentences a report is written with, one implementation per language (vi.ts, en.ts). Builders
// decide what to say from the data; these decide how it is said. Slots are already-formatted
// figure runs (null when the figure is missing), so a template never formats or invents a number.
import type { Run } from '../model.ts';

export type F = Run | null;

/** Compare with "the same period last year" or with a named year ("cùng kỳ năm 2018"). */
export type Versus = 'previous' | number;

export interface ResultArgs {
  /** Open with the period: "Trong 9 tháng đầu năm 2024, …" */
  opening: string | null;
  name: string;
  /** "khu vực phía Nam", "khu vực" (already named), or null when the report's place is implicit. */
  where: string | null;
  value: F;
  growth: F;
  estimate: boolean;
  versus: Versus;
  period: string;
  /** Partial coverage: "18/20" and the names of those missing. */
  coverage: { reported: number; of: number; missing: string } | null;
}

export interface ClusterArgs {
  asOf: string;
  where: string;
  count: F;
  area: F;
  operating: F;
  projects: F;
  capital: F;
  jobs: F;
}

export interface TargetArgs {
  name: string;
  year: number;
  plan: F;
  planGrowth: F;
  /** How far the period got: value done, % of plan, remaining and the monthly pace needed. */
  periodLabel: string;
  done: F;
  pct: F;
  remaining: F;
  pace: F;
  monthsLeft: number;
  exceeded: boolean;
}

export interface MonthlyArgs {
  name: string;
  month: string;
  monthValue: F;
  monthGrowth: F;
  monthEstimate: boolean;
  cumulative: string | null;
  cumValue: F;
  cumGrowth: F;
  cumEstimate: boolean;
}

export interface Phrasebook {
  lang: 'vi' | 'en';
  header: {
    motto: [string, string];
    ministry: string;
    department: string;
    provincialCommittee(kind: string | null, name: string | null): string;
    number(symbol: string): string;
    placeDate(place: string | null, isoDate: string): string;
    ministryPlace: string;
    docType: string;
    briefType: string;
  };
  subject: {
    conference(where: string, period: string, conference: string | null): string[];
    provincial(period: string, year: number, monthsLeft: number): string[];
    monthly(where: string, month: string): string[];
  };
  intro: {
    conference(countedWhere: string, period: string): Run[];
    provincial(period: string): Run[];
    monthly(month: string): Run[];
    dataNote: Run[];
  };
  titles: {
    results(period: string): string;
    industry: string;
    clusters: string;
    trade: string;
    exportsImports: string;
    plan(year: number): string;
    difficulties: string;
    tasks(monthsLeft: number, year: number): string;
    recommendations: string;
    provincialResults(period: string): string;
    provincialTargets(monthsLeft: number, year: number): string;
    targets(year: number): string;
    provincialTasks: string;
    provincialRecommendations: string;
    regionPage(where: string): string;
  };
  result(a: ResultArgs): Run[];
  missing(name: string, where: string | null, period: string): Run[];
  /** `area`: the aggregate compared with ("khu vực", "cả nước"). */
  aboveAverage(count: number, of: number, average: F, names: string, area: string): Run[];
  rankInRegion(name: string, rank: number, of: number, where: string): Run[];
  clusters(a: ClusterArgs): Run[];
  clustersMissing(where: string, asOf: string): Run[];
  infrastructure(asOf: string, where: string, items: Array<{ code: string; count: F }>): Run[];
  balance(where: string, value: F, surplus: boolean | null, estimate: boolean): Run[];
  pctOfPlanOnly(name: string, pct: F, year: number, valueMissing: boolean): Run[];
  planProgress(a: TargetArgs): Run[];
  noPlans(year: number): Run[];
  target(a: TargetArgs): Run[];
  products(up: number, down: number, total: number, annex: string): Run[];
  monthly(a: MonthlyArgs): Run[];
  coverageLine(reported: number, of: number, missing: string): Run[];
  /** A published regional figure used because the provinces' figures are incomplete. */
  publishedOverPartial(reported: number, of: number, missing: string): Run[];
  noContext: { difficulties: Run[]; tasks: Run[]; recommendations: Run[] };
  recommendation(text: string, by: string | null, to: string | null, answer: string | null, answeredBy: string | null): Run[];
  fieldOther: string;
  closing: { conference(countedWhere: string, period: string): Run[]; provincial(period: string): Run[]; monthly: Run[] };
  signature: { ministry: string[]; department: string[]; note: string };
  recipients: { heading: string; conference(countedWhere: string): string[]; provincial: string[]; monthly: string[] };
  annexTitle: string;
  tables: {
    label(n: number): string;
    main(where: string, period: string): string;
    provinces(period: string): string;
    products(where: string, period: string): string;
    provincial(period: string, year: number): string;
    monthly(where: string, month: string): string;
    col: {
      no: string; indicator: string; unit: string; value(period: string): string; growth: string; pctPlan: string;
      coverage: string; source: string; province: string; plan(year: number): string; remaining: string; pace: string;
      month(m: string): string; cumulative(p: string): string; product: string;
    };
    source: { computed: string; published: string; reported: string; derived: string; none: string };
    notes: {
      growth: string;
      published(doc: string, quote: string): string;
      missing(list: string): string;
      computed: string;
    };
  };
  charts: {
    label(n: number): string;
    growth(period: string): string;
    byProvince(name: string, period: string): string;
    average: string;
    growthUnit: string;
  };
  inputs: {
    regional: string;
    provinces: string;
    history: string;
    document(id: string): string;
  };
  ui: {
    title: string;
    download: string;
    otherLanguage: string;
    inputsHeading: string;
    inputsIntro: string;
    source: Record<'computed' | 'published' | 'reported' | 'derived', string>;
    generated(at: string): string;
    missingHeading: string;
    coverage(reported: number, of: number): string;
    page: string;
  };
  fileBase: Record<'conference' | 'provincial' | 'monthly', string>;
}
