// Tasks as the API, the board and the reports read them: who is responsible (explicitly, or every
// province of the region on the conference's day), each one's latest report and status, the task's.
import type { Db } from '../../db/database.ts';
import type { Lang } from '../../shared/format.ts';
import { fieldLabel } from '../../conferences/fields.ts';
import { lookup, ministryName, slugOf, unitBySlug, ministryBySlug, unitName, type Lookup } from '../../conferences/lookup.ts';
import { richTextToPlain } from '../../conferences/richText.ts';
import { parseJson, type Source } from '../../conferences/sources.ts';
import { findConference, listConferenceRows } from '../../conferences/store.ts';
import { summarize } from '../../conferences/views.ts';
import { listAttachments } from '../../conferences/attachments/store.ts';
import { UserError } from '../../server/errors.ts';
import { vietnamToday } from '../dates.ts';
import { partyProgress, taskProgress, TASK_STATUS_LABELS, type TaskStatus } from './progress.ts';
import { board, type BoardTask } from './board.ts';
import type { TaskQuery } from './input.ts';
import { getTaskRow } from './store.ts';
import type { Party } from '../policy.ts';

type TaskRow = Awaited<ReturnType<typeof getTaskRow>>;
type ConfRow = Awaited<ReturnType<typeof listConferenceRows>>[number];

export interface ResponsibleParty extends Party {
  key: string;
  slug: string;
  name: string;
  role: string;
}

const conferenceDay = (c: ConfRow) => c.starts_on ?? `${c.year}-07-01`;

/** The parties a task names, plus every member of the region on the conference's day when it says "the localities". */
export function responsibleParties(l: Lookup, t: TaskRow, parties: { kind: string; unit_id: number | null; ministry_unit_id: number | null; role: string }[], conf: ConfRow, lang: Lang): ResponsibleParty[] {
  const out = new Map<string, ResponsibleParty>();
  for (const p of parties) {
    if (p.kind === 'province' && p.unit_id !== null) {
      const slug = slugOf(l, p.unit_id)!;
      out.set(`province:${slug}`, { kind: 'province', id: p.unit_id, key: `province:${slug}`, slug, name: unitName(l, p.unit_id, lang) ?? slug, role: p.role });
    } else if (p.ministry_unit_id !== null) {
      const slug = l.ministryById.get(p.ministry_unit_id)?.slug ?? String(p.ministry_unit_id);
      out.set(`ministry_unit:${slug}`, { kind: 'ministry_unit', id: p.ministry_unit_id, key: `ministry_unit:${slug}`, slug, name: ministryName(l, p.ministry_unit_id, lang) ?? slug, role: p.role });
    }
  }
  if (t.all_region_members) {
    for (const m of l.ref.membersOn(conf.region_id, conferenceDay(conf))) {
      const key = `province:${m.slug}`;
      if (!out.has(key)) out.set(key, { kind: 'province', id: m.id, key, slug: m.slug, name: lang === 'vi' ? m.shortVi : m.shortEn, role: 'lead' });
    }
  }
  return [...out.values()];
}

export async function loadTasks(db: Db, q: TaskQuery, opts: { lang?: Lang; today?: string; withHistory?: boolean; ids?: number[] } = {}) {
  const lang = opts.lang ?? 'vi';
  const today = opts.today ?? vietnamToday();
  const l = await lookup(db);
  const confs = await listConferenceRows(db);
  const confById = new Map(confs.map((c) => [c.id, c]));
  let s = db.k.selectFrom('task as t').innerJoin('task_group as g', 'g.id', 't.group_id').innerJoin('conference as c', 'c.id', 'g.conference_id')
    .selectAll('t').select(['g.title as group_title', 'g.conference_id', 'g.position as group_position', 'g.field as group_field']);
  if (q.conference) {
    const c = await findConference(db, q.conference);
    if (!c) throw new UserError(404, 'not_found', `Không tìm thấy hội nghị "${q.conference}".`, `Conference "${q.conference}" not found.`);
    s = s.where('g.conference_id', '=', c.id);
  }
  if (q.region) s = s.where('c.region_id', '=', unitBySlug(l, q.region, 'region').id);
  if (q.group) s = s.where('t.group_id', '=', q.group);
  if (q.field) s = s.where('t.field', '=', q.field);
  if (opts.ids) s = s.where('t.id', 'in', opts.ids.length ? opts.ids : [-1]);
  const rows = await s.orderBy('c.year').orderBy('g.conference_id').orderBy('g.position').orderBy('t.position').execute();
  const ids = rows.map((r) => r.id);
  const parties = ids.length ? await db.k.selectFrom('task_party').selectAll().where('task_id', 'in', ids).orderBy('id').execute() : [];
  const reports = ids.length ? await db.k.selectFrom('progress_report').selectAll().where('task_id', 'in', ids).orderBy('reported_on').orderBy('id').execute() : [];
  const files = opts.withHistory ? await listAttachments(db, 'progress', reports.map((r) => r.id)) : new Map();
  const views = rows.map((t) => {
    const conf = confById.get(t.conference_id)!;
    const resp = responsibleParties(l, t, parties.filter((p) => p.task_id === t.id), conf, lang);
    const mine = reports.filter((r) => r.task_id === t.id);
    const schedule = { startsOn: t.starts_on, dueOn: t.due_on };
    const partyViews = resp.map((p) => {
      const theirs = mine.filter((r) => (p.kind === 'province' ? r.unit_id === p.id : r.ministry_unit_id === p.id));
      const last = theirs.at(-1) ?? null;
      const pp = partyProgress(last ? { percent: last.percent, reportedOn: last.reported_on } : null, schedule, today);
      return {
        kind: p.kind, unit: p.slug, name: p.name, role: p.role, key: p.key, status: pp.status, status_label: TASK_STATUS_LABELS[pp.status][lang],
        percent: pp.percent, expected: pp.expected, overdue: pp.overdue, done_late: pp.doneLate,
        latest: last ? { percent: last.percent, narrative: last.narrative, text: richTextToPlain(last.narrative), reported_on: last.reported_on, reported_by: last.reported_by } : null,
        party_id: p.id,
      };
    });
    const tp = taskProgress(partyViews.map((p) => ({ status: p.status, percent: p.percent, expected: p.expected, overdue: p.overdue, doneLate: p.done_late })));
    const c = summarize(l, conf, lang);
    return {
      id: t.id, conference: { id: c.id, slug: c.slug, title: c.title, year: c.year }, region: c.region,
      group: { id: t.group_id, title: t.group_title, position: t.group_position }, position: t.position,
      title: t.title, body: t.body, text: t.body ? richTextToPlain(t.body) : null, field: t.field, field_label: t.field ? fieldLabel(t.field, lang) : null,
      legal_basis: parseJson<string[]>(t.legal_basis, []), starts_on: t.starts_on, due_on: t.due_on, due_note: t.due_note,
      all_region_members: t.all_region_members === 1, responsible_note: t.responsible_note,
      parties: partyViews, status: tp.status, status_label: TASK_STATUS_LABELS[tp.status][lang], percent: tp.percent,
      coverage: { reported: tp.reported, of: tp.of }, overdue: tp.overdue, origin: t.origin, source: parseJson<Source | null>(t.source, null),
      history: opts.withHistory ? mine.map((r) => ({
        id: r.id, kind: r.kind, unit: r.kind === 'province' ? slugOf(l, r.unit_id) : l.ministryById.get(r.ministry_unit_id!)?.slug ?? null,
        name: r.kind === 'province' ? unitName(l, r.unit_id, lang) : ministryName(l, r.ministry_unit_id, lang), percent: r.percent,
        narrative: r.narrative, reported_on: r.reported_on, reported_at: r.reported_at, reported_by: r.reported_by, files: files.get(r.id) ?? [],
      })) : undefined,
    };
  });
  let out = views;
  if (q.unit) {
    const key = l.ref.unitsBySlug.has(q.unit) ? `province:${unitBySlug(l, q.unit, 'province').slug}` : `ministry_unit:${ministryBySlug(l, q.unit).slug}`;
    out = out.filter((t) => t.parties.some((p) => p.key === key));
  }
  if (q.status) out = out.filter((t) => t.status === q.status);
  return out;
}

export type TaskView = Awaited<ReturnType<typeof loadTasks>>[number];

export async function taskDetail(db: Db, id: number, lang: Lang = 'vi') {
  await getTaskRow(db, id);
  const [t] = await loadTasks(db, {}, { lang, withHistory: true, ids: [id] });
  return t!;
}

/** Groups with their tasks, for a conference page and the reports. */
export async function conferenceTasks(db: Db, conference: number | string, lang: Lang = 'vi') {
  const c = await findConference(db, conference);
  if (!c) throw new UserError(404, 'not_found', `Không tìm thấy hội nghị "${conference}".`, `Conference "${conference}" not found.`);
  const l = await lookup(db);
  const groups = await db.k.selectFrom('task_group').selectAll().where('conference_id', '=', c.id).orderBy('position').execute();
  const tasks = await loadTasks(db, { conference: String(c.id) }, { lang });
  return {
    conference: summarize(l, c, lang),
    groups_stated: c.task_groups_stated,
    groups_recorded: groups.length,
    groups: groups.map((g) => ({
      id: g.id, position: g.position, title: g.title, field: g.field, field_label: g.field ? fieldLabel(g.field, lang) : null, note: g.note,
      origin: g.origin, source: parseJson<Source | null>(g.source, null), tasks: tasks.filter((t) => t.group.id === g.id),
    })),
  };
}

export async function followUpBoard(db: Db, q: TaskQuery, lang: Lang = 'vi') {
  const tasks = await loadTasks(db, q, { lang });
  const bt: BoardTask[] = tasks.map((t) => ({
    id: t.id, region: t.region, conference: t.conference.slug, group: { id: t.group.id, title: t.group.title }, status: t.status as TaskStatus,
    parties: t.parties.map((p) => ({ key: p.key, name: p.name, status: p.status as TaskStatus })),
  }));
  const b = board(bt);
  const labels = Object.fromEntries(Object.entries(TASK_STATUS_LABELS).map(([k, v]) => [k, v[lang]]));
  return { ...b, status_labels: labels, tasks };
}
