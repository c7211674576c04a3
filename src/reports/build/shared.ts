// Paragraphs several reports write the same way: an indicator's result (or that it is missing), the
// provinces above the regional rate, the trade balance, progress against the annual plan.
import type { Lang } from '../../shared/format.ts';
import type { Period } from '../../periods/period.ts';
import type { ConferenceContext, ContextQuery } from '../context.ts';
import type { Facts } from '../data.ts';
import type { Block, Run } from '../model.ts';
import { growthText } from '../quantity.ts';
import type { Versus } from '../templates/types.ts';
import { para, type SectionDraft, type Writer } from './writer.ts';

export interface BuildOptions {
  lang: Lang;
  /** The report's date (ISO), printed in the place-and-date line. */
  date: string;
  generatedAt: string;
  /** Overrides the registered conference context provider (tests, the lead's wiring). */
  context?: ConferenceContext;
  reader?: ContextQuery['reader'];
}

export interface ResultPlace {
  opening: string | null;
  where: string | null;
  versus?: Versus;
}

export function resultBlocks(w: Writer, f: Facts, at: ResultPlace): Block[] {
  const t = w.t;
  const name = w.indName(f.ind);
  const periodText = w.period(f.period);
  if (f.source === 'none') {
    w.noteMissing(f);
    return [para(t.missing(name, at.where, periodText), 'missing')];
  }
  const value = w.value(f);
  const growth = w.growth(f);
  const blocks: Block[] = [];
  if (value || growth) {
    blocks.push(para(t.result({
      opening: at.opening, name, where: at.where, value, growth, estimate: f.estimate, versus: at.versus ?? 'previous',
      period: periodText, coverage: w.coverage(f),
    })));
  }
  if (f.pctOfPlanPublishedOnly && f.pctOfPlan !== null) {
    const subject = value || growth ? name : at.opening ? `${name} ${periodText}` : name;
    blocks.push(para(t.pctOfPlanOnly(subject, w.pct(f, f.pctOfPlan), f.period.year, !value && !growth)));
  }
  const partial = f.source === 'published' ? f.regional?.coverage : null;
  if (partial && partial.reported > 0) blocks.push(para(t.publishedOverPartial(partial.reported, partial.of, w.names(partial.missing)), 'note'));
  if (f.aboveAverage) {
    const a = f.aboveAverage;
    const avg = w.run(growthText(a.average, w.lang), w.figure(f));
    blocks.push(para(t.aboveAverage(a.count, a.of, avg, w.names(a.units), w.areaAdjective(f.place))));
  }
  return blocks;
}

/** "Khu vực ước xuất siêu khoảng 11,99 tỷ USD." — approximate when computed from rounded published figures. */
export function balanceRuns(w: Writer, f: Facts, where: string, components: Facts[] = []): Run[] | null {
  if (f.value === null) return null;
  const derivedFromPublished = f.source === 'published' && f.ind.aggregation === 'derived';
  const value = derivedFromPublished ? w.approx(f, f.value) : w.value(f);
  const surplus = f.value > 0 ? true : f.value < 0 ? false : null;
  // A balance computed from an estimate is an estimate ("ước xuất siêu").
  return w.t.balance(where, value, surplus, f.estimate || components.some((c) => c.estimate));
}

/** % of the annual plan, what remains and the monthly pace needed, for each flow with a plan. */
export function planSection(w: Writer, period: Period, facts: Facts[]): SectionDraft {
  const t = w.t;
  const year = period.year;
  const blocks: Block[] = [];
  for (const f of facts) {
    if (f.pctOfPlan === null || f.ind.nature !== 'flow' || f.ind.aggregation === 'derived') continue;
    const fromPublishedPct = f.pctOfPlanPublishedOnly;
    const remaining = f.remaining ?? (fromPublishedPct && f.plan !== null ? f.plan * (1 - f.pctOfPlan / 100) : null);
    const pace = f.monthlyPaceNeeded ?? (remaining !== null && remaining > 0 && f.monthsLeft > 0 ? remaining / f.monthsLeft : null);
    const q = (x: number) => (fromPublishedPct ? w.approx(f, x) : w.exact(f, x));
    blocks.push(para(t.planProgress({
      name: w.indName(f.ind), year, plan: f.plan === null ? null : w.exact(f, f.plan), planGrowth: null, periodLabel: w.period(f.period),
      done: null, pct: w.pct(f, f.pctOfPlan), remaining: remaining !== null && remaining > 0 ? q(remaining) : null,
      pace: pace !== null && pace > 0 ? q(pace) : null, monthsLeft: f.monthsLeft, exceeded: remaining !== null && remaining <= 0,
    })));
  }
  if (!blocks.length) blocks.push(para(t.noPlans(year), 'missing'));
  return { title: t.titles.plan(year), blocks };
}
