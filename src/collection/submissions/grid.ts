// The entry grid of one report: every item with this period's figure, the same period last year,
// growth, the annual plan and % of plan, the checks' findings, and the report's state and deadline.
// The same structure serves the province (to fill it) and the reviewer (to compare it with history).
import type { Actor } from '../../access/roles.ts';
import { canWriteProvince } from '../../access/policy.ts';
import type { Db } from '../../db/database.ts';
import { formatPeriod, fromKey, periodCode } from '../../periods/period.ts';
import { boardCell, vnDate, STATUS_NAMES } from '../datasets/calendar.ts';
import { loadContext } from '../validation/context.ts';
import { growthPct, pctOfPlan, type Issue } from '../validation/rules.ts';
import { cellKey, cellOf, cellsOf, checkCells, entryMap } from './cells.ts';
import { calendarOf, type ReportRef } from './report.ts';
import { entriesOf, findSubmission, type SubmissionRow } from './submissionStore.ts';

export function submissionView(s: SubmissionRow | null, deadline: string) {
  const cell = boardCell(s, deadline, vnDate());
  return {
    id: s?.id ?? null, status: cell.workflowStatus, board_status: cell.status, status_name: STATUS_NAMES[cell.status],
    days_late: cell.daysLate, revision: s?.revision ?? 0, version: s?.version ?? 0,
    submitted_at: s?.submitted_at ?? null, submitted_by: s?.submitted_by ?? null, first_submitted_at: s?.first_submitted_at ?? null,
    reviewed_at: s?.reviewed_at ?? null, reviewed_by: s?.reviewed_by ?? null, review_comment: s?.review_comment ?? null,
    correction_reason: s?.correction_reason ?? null, updated_at: s?.updated_at ?? null,
  };
}

export async function buildGrid(db: Db, actor: Actor | null, r: ReportRef) {
  const { ds, unit, period: p, ref } = r;
  const sub = await findSubmission(db.k, { datasetId: ds.id, unitId: unit.id, period: r.key });
  const entries = entryMap(sub ? await entriesOf(db.k, sub.id) : []);
  const ctx = await loadContext(db, ref, ds, unit.id, p, ds.items);
  const cal = (await calendarOf(db, ds, [p])).get(r.key)!;
  const cells = cellsOf(ds, p);
  const valueOf = (c: ReturnType<typeof cellOf>) => {
    const e = entries.get(cellKey(c));
    return { value: e?.value ?? null, comment: e?.comment ?? null };
  };
  const issues = checkCells(ref, cells, valueOf, ctx, true);
  const editable = canWriteProvince(actor, unit.id) && (!sub || sub.status === 'draft' || sub.status === 'returned');
  const rows = ds.items.map((it) => {
    const ind = ref.indicatorsById.get(it.indicatorId)!;
    const actual = cellOf(it, 'actual', p);
    const e = entries.get(cellKey(actual));
    const c = ctx.cells.get(it.position)!;
    const plan = it.withPlan ? cellOf(it, 'plan', p) : null;
    const pe = plan ? entries.get(cellKey(plan)) : undefined;
    const planValue = pe?.value ?? ctx.publishedPlan.get(it.position) ?? null;
    const value = e?.value ?? null;
    const cp = fromKey(actual.period);
    return {
      item: it.position, indicator: ind.code, name_vi: ind.nameVi, name_en: ind.nameEn, unit: ind.baseUnit, decimals: ind.decimals,
      nature: ind.nature, breakdown: it.breakdown, basis: it.basis, required: it.required, integer: it.integerOnly, min: it.min ?? 0, max: it.max,
      period: periodCode(cp), period_vi: formatPeriod(cp, 'vi'), period_en: formatPeriod(cp, 'en'),
      last_year: c.lastYear, previous_cumulative: c.previousCumulative,
      value, comment: e?.comment ?? null, version: e?.version ?? 0, updated_by: e?.updated_by ?? null, updated_at: e?.updated_at ?? null,
      growth_pct: growthPct(ind, value, c.lastYear),
      growth_kind: ind.nature === 'index' ? 'index' : 'ratio',
      plan: plan ? { value: pe?.value ?? null, version: pe?.version ?? 0, published: ctx.publishedPlan.get(it.position) ?? null, period: periodCode(fromKey(plan.period)) } : null,
      pct_of_plan: it.basis === 'ytd' || ds.periodicity === 'year' ? pctOfPlan(value, planValue) : null,
      history: ctx.pastValues.get(it.position)!.map((h) => ({ period: periodCode(fromKey(h.period)), value: h.value })),
      issues: issues.filter((i) => i.item === it.position).map(issueView),
    };
  });
  return {
    dataset: { code: ds.code, name_vi: ds.nameVi, name_en: ds.nameEn, periodicity: ds.periodicity, version: ds.version },
    province: { slug: unit.slug, name_vi: unit.nameVi, name_en: unit.nameEn },
    period: { code: periodCode(p), name_vi: formatPeriod(p, 'vi'), name_en: formatPeriod(p, 'en') },
    calendar: { window_from: cal.windowFrom, window_to: cal.windowTo, deadline: cal.deadline, overridden: cal.overridden, note: cal.note },
    submission: submissionView(sub, cal.deadline),
    editable,
    rows,
    summary: {
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      warnings_without_comment: issues.filter((i) => i.severity === 'warning' && !i.commented).length,
      filled: rows.filter((x) => x.value !== null).length, of: rows.length,
    },
  };
}

export const issueView = (i: Issue) => ({
  item: i.item, measure: i.measure, severity: i.severity, code: i.code, message: i.messageVi, messageEn: i.messageEn, commented: i.commented ?? false,
});
