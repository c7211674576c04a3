// Recommendations as the API, the exports and the reports read them: names resolved, states and
// overdue flags computed for today, answers and files attached.
import type { Db } from '../../db/database.ts';
import type { Lang } from '../../shared/format.ts';
import { fieldLabel } from '../../conferences/fields.ts';
import { lookup, ministryName, slugOf, unitName, type Lookup } from '../../conferences/lookup.ts';
import { richTextToPlain } from '../../conferences/richText.ts';
import { parseJson, type Source } from '../../conferences/sources.ts';
import { listAttachments } from '../../conferences/attachments/store.ts';
import { listConferenceRows } from '../../conferences/store.ts';
import { summarize } from '../../conferences/views.ts';
import { vietnamDate, vietnamToday } from '../dates.ts';
import { ASSIGNMENT_STATE_LABELS, assignmentState, isAnswered, isAnsweredOnTime, isOverdue, nextDue, type RecDates } from './deadlines.ts';
import { CLOSE_REASON_LABELS, REC_STATUS_LABELS, type CloseReason, type RecStatus } from './status.ts';
import { recommendationFigures } from './figures.ts';
import { assignmentsOf, eventsOf, getRecommendationRow, queryRecommendationRows, type AssignmentRow, type RecRow, type ScopedQuery } from './store.ts';
import { paginate, type PageRequest } from '../../conferences/paging.ts';

export function recDates(r: RecRow, as: AssignmentRow[]): RecDates & { field: string; assignments: (RecDates['assignments'][number] & { unit: string })[] } {
  return {
    status: r.status as RecStatus, submittedOn: vietnamDate(r.submitted_at), closeReason: r.close_reason, field: r.field,
    assignments: as.map((a) => ({ dueOn: a.due_on, answeredOn: a.answered_at ? vietnamDate(a.answered_at) : null, unit: String(a.ministry_unit_id) })),
  };
}

export async function buildViews(db: Db, rows: RecRow[], opts: { lang?: Lang; today?: string; withFiles?: boolean } = {}) {
  const lang = opts.lang ?? 'vi';
  const today = opts.today ?? vietnamToday();
  const l = await lookup(db);
  const assignments = await assignmentsOf(db, rows.map((r) => r.id));
  const byRec = new Map<number, AssignmentRow[]>();
  for (const a of assignments) byRec.set(a.recommendation_id, [...(byRec.get(a.recommendation_id) ?? []), a]);
  const confs = new Map((await listConferenceRows(db)).map((c) => [c.id, summarize(l, c, lang)]));
  const files = opts.withFiles === false ? new Map() : await listAttachments(db, 'recommendation', rows.map((r) => r.id));
  const answerFiles = opts.withFiles === false ? new Map() : await listAttachments(db, 'assignment', assignments.map((a) => a.id));
  return rows.map((r) => view(l, r, byRec.get(r.id) ?? [], { lang, today, conference: r.conference_id ? confs.get(r.conference_id) ?? null : null, files: files.get(r.id) ?? [], answerFiles }));
}

function view(
  l: Lookup, r: RecRow, as: AssignmentRow[],
  o: { lang: Lang; today: string; conference: ReturnType<typeof summarize> | null; files: unknown[]; answerFiles: Map<number, unknown[]> },
) {
  const d = recDates(r, as);
  const status = r.status as RecStatus;
  return {
    id: r.id,
    conference: o.conference ? { id: o.conference.id, slug: o.conference.slug, title: o.conference.title } : null,
    region: slugOf(l, r.region_id), region_name: unitName(l, r.region_id, o.lang),
    province: slugOf(l, r.province_unit_id), province_name: unitName(l, r.province_unit_id, o.lang),
    via: r.via, field: r.field, field_label: fieldLabel(r.field, o.lang), title: r.title, body: r.body, text: richTextToPlain(r.body),
    status, status_label: REC_STATUS_LABELS[status]?.[o.lang] ?? status,
    submitted_at: r.submitted_at, submitted_by: r.submitted_by, next_due: nextDue(d), overdue: isOverdue(d, o.today),
    answered: isAnswered(d), answered_on_time: isAnsweredOnTime(d),
    assignments: as.map((a, i) => {
      const state = assignmentState(d.assignments[i]!, o.today);
      return {
        id: a.id, unit: l.ministryById.get(a.ministry_unit_id)?.slug ?? null, unit_name: ministryName(l, a.ministry_unit_id, o.lang),
        ministry_unit_id: a.ministry_unit_id, role: a.role, due_on: a.due_on, state, state_label: ASSIGNMENT_STATE_LABELS[state][o.lang],
        answer: a.answer, answer_text: a.answer ? richTextToPlain(a.answer) : null, answered_at: a.answered_at, answered_by: a.answered_by,
        assigned_at: a.assigned_at, files: o.answerFiles.get(a.id) ?? [],
      };
    }),
    closed_at: r.closed_at, close_reason: r.close_reason,
    close_reason_label: r.close_reason ? CLOSE_REASON_LABELS[r.close_reason as CloseReason]?.[o.lang] ?? r.close_reason : null,
    close_note: r.close_note, published: r.published === 1, origin: r.origin, source: parseJson<Source | null>(r.source, null),
    files: o.files, version: r.version, updated_at: r.updated_at,
  };
}

export type RecommendationView = ReturnType<typeof view>;

export async function recommendationDetail(db: Db, id: number, lang: Lang = 'vi') {
  const row = await getRecommendationRow(db, id);
  const [v] = await buildViews(db, [row], { lang });
  const events = await eventsOf(db, id);
  return { ...v!, events: events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, note: e.note })) };
}

/** The consolidated list with its figures, for a conference, a region or any filter. The figures
 *  count every recommendation the filter finds; with `page`, the items are that page of them. */
export async function consolidated(db: Db, q: ScopedQuery, opts: { lang?: Lang; today?: string; page?: PageRequest } = {}) {
  const today = opts.today ?? vietnamToday();
  let rows = await queryRecommendationRows(db, q);
  if (q.overdue) {
    const as = await assignmentsOf(db, rows.map((r) => r.id));
    rows = rows.filter((r) => isOverdue(recDates(r, as.filter((a) => a.recommendation_id === r.id)), today) === (q.overdue === 'true'));
  }
  const page = opts.page ? paginate(rows, (r) => [r.submitted_at, r.id], opts.page) : null;
  const items = await buildViews(db, page ? page.items : rows, { lang: opts.lang, today });
  const figures = await figuresOf(db, rows, today, opts.lang ?? 'vi');
  return { today, items, total: rows.length, limit: page?.limit ?? rows.length, next_cursor: page?.next_cursor ?? null, figures };
}

export async function figuresOf(db: Db, rows: RecRow[], today: string, lang: Lang = 'vi') {
  const l = await lookup(db);
  const as = await assignmentsOf(db, rows.map((r) => r.id));
  const f = recommendationFigures(rows.map((r) => recDates(r, as.filter((a) => a.recommendation_id === r.id))), today);
  return {
    ...f,
    by_unit: f.by_unit.map((u) => ({ ...u, unit: l.ministryById.get(Number(u.unit))?.slug ?? u.unit, unit_name: ministryName(l, Number(u.unit), lang) })),
    by_field: f.by_field.map((x) => ({ ...x, field_label: fieldLabel(x.field, lang) })),
  };
}
