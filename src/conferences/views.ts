// What the API, the CLI and the reports read: conferences with names resolved, sources attached,
// the region's host history and the next host.
import type { Db } from '../db/database.ts';
import { toRoman, type Lang } from '../shared/format.ts';
import { conferenceTitle, dateLabel, ordinalIrregularities, ordinalLabel, type TradeFair } from './conference.ts';
import { isSuccessorOf, lookup, ministryName, slugOf, unitName, type Lookup } from './lookup.ts';
import { parseJson, type FieldSource, type Source } from './sources.ts';
import { agendaOf, documentsOf, handoversOf, listConferenceRows, partiesOf, requireConference, vietnamToday, type ConferenceRow } from './store.ts';
import { rotation, type Rotation } from './rotation.ts';
import { UserError } from '../server/errors.ts';

type Row = NonNullable<ConferenceRow>;

export interface ConferenceSummary {
  id: number;
  slug: string;
  region: string;
  region_name: string;
  ordinal: number | null;
  ordinal_roman: string | null;
  ordinal_label: string | null;
  year: number;
  title: string;
  date_label: string;
  starts_on: string | null;
  ends_on: string | null;
  host: string | null;
  host_name: string | null;
  venue: string | null;
  status: string;
  origin: string;
  review_periods: string[];
  url: string;
}

export function summarize(l: Lookup, c: Row, lang: Lang = 'vi'): ConferenceSummary {
  const region = l.ref.unitsById.get(c.region_id)!;
  const ord = ordinalLabel(c.ordinal, lang);
  return {
    id: c.id, slug: c.slug, region: region.slug, region_name: lang === 'vi' ? region.nameVi : region.nameEn,
    ordinal: c.ordinal, ordinal_roman: c.ordinal ? toRoman(c.ordinal) : null, ordinal_label: ord,
    year: c.year,
    title: conferenceTitle(c, { conferenceNameVi: (region.meta.conference_name_vi as string | null) ?? null, nameEn: region.nameEn }, lang),
    date_label: dateLabel(c, lang), starts_on: c.starts_on, ends_on: c.ends_on, host: slugOf(l, c.host_unit_id),
    host_name: unitName(l, c.host_unit_id, lang), venue: c.venue, status: c.status, origin: c.origin,
    review_periods: parseJson<string[]>(c.review_periods, []), url: `/api/conferences/${c.slug}`,
  };
}

export interface HandoverView {
  id: number;
  conference: string;
  from: string | null;
  from_name: string | null;
  to: string;
  to_name: string | null;
  for_ordinal: number | null;
  for_ordinal_label: string | null;
  for_year: number | null;
  note: string | null;
  source: Source | null;
}

export async function conferenceDetail(db: Db, idOrSlug: number | string, lang: Lang = 'vi') {
  const c = await requireConference(db, idOrSlug);
  const l = await lookup(db);
  const [parties, agenda, docs, handovers] = await Promise.all([partiesOf(db, c.id), agendaOf(db, c.id), documentsOf(db, c.id), handoversOf(db, [c.id])]);
  const party = (p: (typeof parties)[number]) => ({
    id: p.id, unit: p.kind === 'province' ? slugOf(l, p.unit_id) : l.ministryById.get(p.ministry_unit_id!)?.slug ?? null,
    name: p.kind === 'province' ? unitName(l, p.unit_id, lang) : ministryName(l, p.ministry_unit_id, lang),
    role: p.role, note: p.note, source: parseJson<Source | null>(p.source, null),
  });
  return {
    ...summarize(l, c, lang),
    chair: c.chair, organisers: c.organisers,
    summary: lang === 'vi' ? c.summary_vi : c.summary_en ?? c.summary_vi,
    attendance: {
      note: c.attendance_note,
      provinces: parties.filter((p) => p.kind === 'province').map(party),
      ministry_units: parties.filter((p) => p.kind === 'ministry_unit').map(party),
    },
    agenda: agenda.map((a) => ({ position: a.position, time: a.time_text, title: a.title, presenter: a.presenter, note: a.note })),
    documents: docs.map((d) => ({
      id: d.id, kind: d.kind, title: d.title, public: d.public === 1, document_id: d.document_id, url: d.url,
      file: d.attachment_id ? { id: d.attachment_id, file_name: d.file_name, mime: d.mime, size: Number(d.size), url: `/api/attachments/${d.attachment_id}` } : null,
    })),
    trade_fair: parseJson<TradeFair | null>(c.trade_fair, null),
    handovers: handovers.map((h) => handoverView(l, c.slug, h, lang)),
    task_groups_stated: c.task_groups_stated,
    notes: parseJson<{ vi: string; en: string }[]>(c.notes, []),
    sources: parseJson<FieldSource[]>(c.sources, []),
    version: c.version,
  };
}

export type ConferenceDetail = Awaited<ReturnType<typeof conferenceDetail>>;

function handoverView(l: Lookup, conference: string, h: { id: number; from_unit_id: number | null; to_unit_id: number; for_ordinal: number | null; for_year: number | null; note: string | null; source: string | null }, lang: Lang): HandoverView {
  return {
    id: h.id, conference, from: slugOf(l, h.from_unit_id), from_name: unitName(l, h.from_unit_id, lang), to: slugOf(l, h.to_unit_id)!,
    to_name: unitName(l, h.to_unit_id, lang), for_ordinal: h.for_ordinal, for_ordinal_label: ordinalLabel(h.for_ordinal, lang), for_year: h.for_year,
    note: h.note, source: parseJson<Source | null>(h.source, null),
  };
}

export async function listConferences(db: Db, q: { region?: string; year?: number } = {}, lang: Lang = 'vi'): Promise<ConferenceSummary[]> {
  const l = await lookup(db);
  let regionId: number | undefined;
  if (q.region) {
    const r = l.ref.unitsBySlug.get(q.region);
    if (!r || r.level !== 'region') throw new UserError(404, 'not_found', `Không có vùng "${q.region}".`, `No region "${q.region}".`);
    regionId = r.id;
  }
  const rows = await listConferenceRows(db, { regionId, year: q.year });
  return rows.map((r) => summarize(l, r, lang));
}

/** The region's page: its conferences, who hosted them, handovers and their outcome, the next host. */
export async function regionConferences(db: Db, region: string, opts: { asOf?: string; lang?: Lang } = {}) {
  const lang = opts.lang ?? 'vi';
  const l = await lookup(db);
  const r = l.ref.unitsBySlug.get(region);
  if (!r || r.level !== 'region') throw new UserError(404, 'not_found', `Không có vùng "${region}".`, `No region "${region}".`);
  const rows = await listConferenceRows(db, { regionId: r.id });
  const hs = await handoversOf(db, rows.map((c) => c.id));
  const bySlug = new Map(rows.map((c) => [c.id, c.slug]));
  const asOf = opts.asOf ?? vietnamToday();
  const rot: Rotation = rotation(
    rows.map((c) => ({ id: c.id, slug: c.slug, ordinal: c.ordinal, year: c.year, startsOn: c.starts_on, status: c.status, host: slugOf(l, c.host_unit_id) })),
    hs.map((h) => ({ id: h.id, conferenceId: h.conference_id, from: slugOf(l, h.from_unit_id), to: slugOf(l, h.to_unit_id)!, forOrdinal: h.for_ordinal, forYear: h.for_year })),
    asOf, (a, b) => isSuccessorOf(l, a, b),
  );
  const name = (slug: string | null) => (slug ? unitName(l, l.ref.unitsBySlug.get(slug)?.id ?? null, lang) : null);
  const outcomeText: Record<string, [string, string]> = {
    held_by_recipient: ['Đã tổ chức tại tỉnh nhận cờ', 'Held by the province that received the flag'],
    held_by_successor: ['Tổ chức tại tỉnh mới sau sáp nhập của tỉnh nhận cờ', 'Held by the province the recipient merged into'],
    held_elsewhere: ['Tổ chức tại tỉnh khác', 'Held by another province'],
    not_recorded: ['Chưa có thông tin về hội nghị kế tiếp đó', 'No record of that next conference'],
    pending: ['Chưa tổ chức', 'Not held yet'],
  };
  return {
    region: r.slug, region_name: lang === 'vi' ? r.nameVi : r.nameEn, as_of: asOf,
    conferences: rows.map((c) => summarize(l, c, lang)),
    past_hosts: rot.pastHosts.map((p) => ({
      conference: p.conference, host: p.host, host_name: name(p.host), year: p.year, ordinal: p.ordinal,
      ordinal_label: ordinalLabel(p.ordinal, lang), starts_on: p.startsOn,
    })),
    handovers: rot.handovers.map((h) => {
      const raw = hs.find((x) => x.id === h.id)!;
      return { ...handoverView(l, bySlug.get(h.conferenceId)!, raw, lang), outcome: h.outcome, outcome_text: outcomeText[h.outcome]![lang === 'vi' ? 0 : 1], fulfilled_by: h.fulfilledBy };
    }),
    next_host: rot.next ? {
      host: rot.next.host, host_name: name(rot.next.host), for_ordinal: rot.next.forOrdinal, ordinal_label: ordinalLabel(rot.next.forOrdinal, lang),
      for_year: rot.next.forYear, basis: rot.next.basis, conference: rot.next.conference, handover_id: rot.next.handoverId,
    } : null,
    next_host_text: rot.next ? null : (lang === 'vi' ? 'Chưa có thông tin về tỉnh đăng cai kế tiếp.' : 'The next host is not known yet.'),
    numbering_notes: ordinalIrregularities(rows).map((n) => ({ conference: n.slug, text: lang === 'vi' ? n.vi : n.en })),
  };
}
