// English sentences: the same report for readers without Vietnamese, in plain official English.
import { formatDate } from '../../shared/format.ts';
import type { Run } from '../model.ts';
import { join, lowerFirst, p, upperFirst } from './runs.ts';
import type { Phrasebook, ResultArgs, TargetArgs, Versus } from './types.ts';

const versus = (v: Versus) => (v === 'previous' ? 'year on year' : `on the same period of ${v}`);
const of = (name: string, where: string | null) => (where ? `${name} of ${where}` : name);
const UP = (s: string) => s.toUpperCase();

function result(a: ResultArgs): Run[] {
  const subject = a.opening ? `In ${a.opening}, ${lowerFirst(of(a.name, a.where))}` : of(a.name, a.where);
  const cov = a.coverage
    ? p` (from the figures of ${String(a.coverage.reported)} of ${String(a.coverage.of)} provinces${a.coverage.missing ? `; no figures yet from ${a.coverage.missing}` : ''})`
    : [];
  const reached = 'reached';
  const est = a.estimate ? ' (estimate)' : '';
  if (a.value && a.growth) return p`${subject} ${reached} ${a.value}${est}, ${a.growth} ${versus(a.versus)}${cov}.`;
  if (a.growth) return p`${subject} ${plural(a.name) ? 'were' : 'was'} ${a.growth} ${versus(a.versus)}${cov}.`;
  if (a.value) return p`${subject} ${reached} ${a.value}${est}${cov}; no figure for the same period of the previous year is available for comparison.`;
  return missing(a.name, a.where, a.period);
}

/** "Retail sales …", "Merchandise exports" take a plural verb: the head noun (before "of") ends in s. */
const plural = (name: string) => /s$/.test(name.split(' of ')[0]!.trim());

function missing(name: string, where: string | null, period: string): Run[] {
  return p`No figures yet for ${lowerFirst(of(name, where))} for ${period}.`;
}

function progressTail(a: TargetArgs): Run[] {
  if (a.exceeded) return p`, so the ${String(a.year)} plan is already met`;
  if (a.pace && a.monthsLeft > 0) return p`; meeting the plan requires an average of ${a.pace} a month over the last ${String(a.monthsLeft)} months`;
  return [];
}

export const en: Phrasebook = {
  lang: 'en',
  header: {
    motto: ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness'],
    ministry: 'MINISTRY OF INDUSTRY AND TRADE',
    department: 'DEPARTMENT OF INDUSTRY AND TRADE',
    provincialCommittee: (kind, name) => `PEOPLE'S COMMITTEE OF ${name ? UP(name) : '……'} ${kind === 'thanh-pho' ? 'CITY' : 'PROVINCE'}`,
    number: (symbol) => `No.:${'\u00a0'.repeat(8)}/${symbol}`,
    placeDate: (place, iso) => `${place ?? '……'}, ${formatDate(iso, 'en', 'article')}`,
    ministryPlace: 'Ha Noi',
    docType: 'REPORT',
    briefType: 'BRIEF',
  },
  subject: {
    conference: (where, period, conference) => [
      `Industry and trade in ${where} in ${period}`,
      'and the tasks and solutions ahead',
      ...(conference ? [`(For the ${conference})`] : []),
    ],
    provincial: (period, year, left) => [
      `Review of the industry and trade sector in ${period}`,
      left > 0 ? `and the direction and tasks for the rest of ${year}` : `and the direction and tasks for ${year + 1}`,
    ],
    monthly: (where, month) => [`Industry and trade in ${where}, ${month}`],
  },
  intro: {
    conference: (counted, period) => p`The Ministry of Industry and Trade reports on the industry and trade sector of ${counted} in ${period} and on the tasks and solutions ahead, as follows:`,
    provincial: (period) => p`The Department of Industry and Trade reports on production and business in ${period} and on the direction and tasks ahead, as follows:`,
    monthly: (month) => p`The Ministry of Industry and Trade reports briefly on industry and trade in ${month}:`,
    dataNote: p`Regional figures are summed from the provinces that reported; where these are incomplete, the report uses the region's published figures and cites them. Figures not yet available are stated as such.`,
  },
  titles: {
    results: (period) => `RESULTS IN ${UP(period)}`,
    industry: 'Industrial production',
    clusters: 'Industrial clusters',
    trade: 'Domestic trade',
    exportsImports: 'Exports and imports',
    plan: (year) => `Progress against the ${year} plan`,
    difficulties: 'LIMITATIONS, DIFFICULTIES AND OBSTACLES',
    tasks: (left, year) => (left > 0 ? `TASKS AND SOLUTIONS FOR THE LAST ${left} MONTHS OF ${year}` : `TASKS AND SOLUTIONS FOR ${year + 1}`),
    recommendations: 'RECOMMENDATIONS AND THE MINISTRY UNITS\' ANSWERS',
    provincialResults: (period) => `RESULTS IN ${UP(period)}`,
    provincialTargets: (left, year) => (left > 0 ? `DIRECTION AND TASKS FOR THE REST OF ${year}` : `DIRECTION AND TASKS FOR ${year + 1}`),
    targets: (year) => `The ${year} targets and what they require`,
    provincialTasks: 'Tasks and solutions',
    provincialRecommendations: 'RECOMMENDATIONS',
    regionPage: (where) => UP(where.replace(/^the /, '')),
  },
  result,
  missing,
  aboveAverage: (count, total, average, names, area) =>
    count > 0
      ? p`${String(count)} of ${String(total)} provinces grew faster than the ${area} average (${average}): ${names}.`
      : p`None of the ${String(total)} provinces with figures grew faster than the ${area} average (${average}).`,
  rankInRegion: (name, rank, total, where) => p`${name} ranks ${String(rank)} of the ${String(total)} provinces with figures in ${where}.`,
  clusters: (a) => {
    const first = a.count
      ? p`${a.where} had ${a.count} industrial clusters${a.area ? p` covering ${a.area}` : ''}`
      : a.area ? p`the industrial clusters of ${a.where} covered ${a.area}` : null;
    const rest = join([
      a.operating ? p`${a.operating} were in operation` : null,
      a.projects ? p`attracting ${a.projects} investment projects` : null,
      a.capital ? p`with ${a.capital} of registered capital` : null,
      a.jobs ? p`employing ${a.jobs} workers` : null,
    ], ', ');
    if (first && rest.length) return p`By the end of ${a.asOf}, ${first}. ${a.operating ? p`Of these, ${rest}` : p`The clusters were ${rest}`}.`;
    if (first) return p`By the end of ${a.asOf}, ${first}.`;
    return p`By the end of ${a.asOf}, in the industrial clusters of ${a.where}: ${rest}.`;
  },
  clustersMissing: (where, asOf) => p`No figures yet on the industrial clusters of ${where} at the end of ${asOf}.`,
  infrastructure: (asOf, where, items) => {
    const noun: Record<string, string> = { markets: 'markets', supermarkets: 'supermarkets', malls: 'shopping malls', fuel_stations: 'fuel retail stations' };
    const parts = items.filter((i) => i.count).map((i) => p`${i.count} ${noun[i.code] ?? i.code}`);
    return p`As for trade infrastructure, by the end of ${asOf} ${where} had ${join(parts, ', ', ' and ')}.`;
  },
  balance: (where, value, surplus, estimate) => {
    if (surplus === null || !value) return p`The merchandise trade of ${where} was balanced.`;
    return p`${upperFirst(where)} had ${estimate ? 'an estimated' : 'a'} trade ${surplus ? 'surplus' : 'deficit'} of ${value}.`;
  },
  pctOfPlanOnly: (name, pct, year, valueMissing) =>
    p`${name} stood at ${pct} of the ${String(year)} plan${valueMissing ? '; no figures yet for its value or its change year on year' : ''}.`,
  planProgress: (a) => p`${a.name} in ${a.periodLabel} stood at ${a.pct} of the ${String(a.year)} plan${progressTail(a)}.`,
  noPlans: (year) => p`No ${String(year)} plan figures are available to assess progress.`,
  target: (a) => {
    const head = a.plan
      ? p`${a.name}, ${String(a.year)}: plan ${a.plan}${a.planGrowth ? p` (${a.planGrowth} on ${String(a.year - 1)})` : ''}`
      : p`${a.name}, ${String(a.year)}: target ${a.planGrowth} on ${String(a.year - 1)}`;
    if (!a.plan) return p`${head}.`;
    if (a.exceeded) return p`${head}; it reached ${a.done ?? a.pct} in ${a.periodLabel}, meeting the plan.`;
    if (a.pct && a.remaining) {
      const done = a.done ? p`reached ${a.done}, ${a.pct} of the plan` : p`stood at ${a.pct} of the plan`;
      const pace = a.pace && a.monthsLeft > 0 ? p`; the last ${String(a.monthsLeft)} months require an average of ${a.pace} a month` : '';
      return p`${head}; in ${a.periodLabel} it ${done}, leaving ${a.remaining}${pace}.`;
    }
    return p`${head}; with no cumulative figure for ${a.periodLabel}, the monthly pace needed cannot be computed.`;
  },
  products: (up, down, total, annex) =>
    p`Of the ${String(total)} main industrial products with figures, ${String(up)} rose and ${String(down)} fell year on year (details in ${annex}).`,
  monthly: (a) => {
    const reached = (e: boolean) => (e ? 'estimated at' : 'reached');
    const m = a.monthValue || a.monthGrowth
      ? p`${a.month} ${a.monthValue ? p`${reached(a.monthEstimate)} ${a.monthValue}` : ''}${a.monthValue && a.monthGrowth ? ', ' : ''}${a.monthGrowth ? p`${a.monthGrowth} year on year` : ''}`
      : p`${a.month}: no figures yet`;
    const c = !a.cumulative ? null : a.cumValue || a.cumGrowth
      ? p`${a.cumulative} ${a.cumValue ? p`${reached(a.cumEstimate)} ${a.cumValue}` : ''}${a.cumValue && a.cumGrowth ? ', ' : ''}${a.cumGrowth ?? ''}`
      : p`${a.cumulative}: no figures yet`;
    return p`${a.name}: ${m}${c ? p`; ${c}` : ''}.`;
  },
  coverageLine: (reported, total, missingNames) =>
    p`Monthly figures from ${String(reported)} of ${String(total)} provinces${missingNames ? `; none yet from ${missingNames}` : ''}.`,
  publishedOverPartial: (reported, total, missingNames) =>
    p`This is the region's published figure: only ${String(reported)} of ${String(total)} provinces have reported (not yet ${missingNames}), too few to sum.`,
  noContext: {
    difficulties: p`No data yet on the limitations, difficulties and obstacles of the period (compiled from the provincial departments' reports and the conference when available).`,
    tasks: p`No data yet on the tasks and solutions agreed for the period ahead.`,
    recommendations: p`No data yet on the localities' recommendations or the ministry units' answers.`,
  },
  recommendation: (t, by, to, answer, answeredBy) =>
    p`${by ? `${by}: ` : ''}${t}${to ? ` (to ${to})` : ''}. ${answer ? `Answer${answeredBy ? ` from ${answeredBy}` : ''}: ${answer}` : 'Not answered yet.'}`,
  fieldOther: 'Other fields',
  closing: {
    conference: (counted, period) => p`This concludes the report on the industry and trade sector of ${counted} in ${period} and the tasks and solutions ahead.`,
    provincial: (period) => p`This concludes the Department's review of ${period} and the direction and tasks ahead.`,
    monthly: p`Figures will be updated as the provinces report official data.`,
  },
  signature: { ministry: ['FOR THE MINISTER', 'DEPUTY MINISTER'], department: ['DIRECTOR'], note: '' },
  recipients: {
    heading: 'Recipients:',
    conference: (counted) => ['The Minister (for reporting);', 'The Deputy Ministers;', `The People's Committees and Departments of Industry and Trade of ${counted};`, 'The ministry units;', 'Archive: VT, KH.'],
    provincial: ['The Ministry of Industry and Trade (for reporting);', 'The Provincial People\'s Committee (for reporting);', 'Relevant departments;', 'Archive: VT, KHTC.'],
    monthly: ['The ministry leadership (for reporting);', 'The ministry units;', 'Archive: VT, KH.'],
  },
  annexTitle: 'ANNEX',
  tables: {
    label: (n) => `Annex ${n}`,
    main: (where, period) => `Main indicators of ${where}, ${period}`,
    provinces: (period) => `Results of the provinces, ${period}`,
    products: (where, period) => `Output of main industrial products, ${where}, ${period}`,
    provincial: (period, year) => `Results in ${period} and the ${year} plan`,
    monthly: (where, month) => `Selected indicators of ${where}, ${month}`,
    col: {
      no: 'No.', indicator: 'Indicator', unit: 'Unit', value: (period) => upperFirst(period.replace(/^the /, '')),
      growth: 'Change year on year (%)', pctPlan: '% of annual plan', coverage: 'Provinces reporting',
      source: 'Source', province: 'Province', plan: (year) => `Plan ${year}`, remaining: 'Remaining',
      pace: 'Average needed per month', month: (m) => m, cumulative: (c) => `Cumulative, ${c}`, product: 'Product',
    },
    source: { computed: 'Summed from provinces', published: 'Published regional figure', reported: 'Reported', derived: 'Derived from published figures', none: 'No figures yet' },
    notes: {
      growth: 'Change year on year: "-" is a decrease. The regional industrial production index (IIP) is weighted by the provinces\' base-year value added.',
      published: (doc, quote) => `Source ${doc}: "${quote}"`,
      missing: (list) => `No figures yet: ${list}.`,
      computed: 'Regional figures are summed over the provinces that reported; growth is computed over the provinces with figures in both periods.',
    },
  },
  charts: {
    label: (n) => `Chart ${n}`,
    growth: (period) => `Change year on year of selected indicators, ${period} (%)`,
    byProvince: (name, period) => `${name}: change year on year by province, ${period} (%)`,
    average: 'Regional average',
    growthUnit: '%',
  },
  inputs: {
    regional: 'Regional aggregate and each province\'s figure (analytics API)',
    provinces: 'The provinces\' figures',
    history: 'Revision history of the figure',
    document: (id) => `Source document ${id}`,
  },
  ui: {
    title: 'Report preview',
    download: 'Download',
    otherLanguage: 'Tiếng Việt',
    inputsHeading: 'Figures and sources',
    inputsIntro: 'Every number in the report links to what it is computed from: the regional aggregate, each province\'s figure, the revision history and the source document.',
    source: { computed: 'summed from provinces', published: 'published figure', reported: 'reported figure', derived: 'derived from published figures' },
    generated: (at) => `Generated at ${at}`,
    missingHeading: 'Figures not yet available',
    coverage: (r, o) => `${r} of ${o} provinces reported`,
    page: 'Page',
  },
  fileBase: { conference: 'conference-report', provincial: 'period-review', monthly: 'monthly-brief' },
};
