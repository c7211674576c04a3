// The conferences' thin store: rows in, rows out, each write in one transaction. Rules live in
// conference.ts; names are resolved through lookup.ts.
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { UserError } from '../server/errors.ts';
import {
  checkConference, defaultStatus, slugFor, type ConferenceParsed, type ConferencePatch,
} from './conference.ts';
import { isMemberOn, lookup, ministryBySlug, unitBySlug, type Lookup } from './lookup.ts';
import type { z } from 'zod';
import type { agendaItemSchema, handoverSchema, partySchema } from './conference.ts';
import { writeAudit, type AuditNote } from './audit.ts';
import { deleteAttachmentRows, saveAttachment, type AttachmentView, type FileStorage } from './attachments/store.ts';

type Tx = Transaction<Database>;
export type PartyInput = z.output<typeof partySchema>;
export type HandoverInput = z.output<typeof handoverSchema>;
export type AgendaInput = z.output<typeof agendaItemSchema>;

export type ConferenceRow = Awaited<ReturnType<typeof findConference>>;

export const vietnamToday = (now = new Date()): string => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

function validate(l: Lookup, c: ConferenceParsed) {
  const problems = checkConference(c, {
    unit: (slug) => {
      const u = l.ref.unitsBySlug.get(slug);
      return u ? { validFrom: u.validFrom, validTo: u.validTo, level: u.level } : null;
    },
    isMemberOn: (r, u, d) => isMemberOn(l, r, u, d),
  });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new UserError(422, 'invalid_conference', 'Thông tin hội nghị chưa đúng: ' + errors.map((e) => e.vi).join(' '),
      'The conference is not valid: ' + errors.map((e) => e.en).join(' '), errors);
  }
  return problems.filter((p) => p.severity === 'warning');
}

export async function findConference(db: Db | Tx, idOrSlug: number | string) {
  const k = 'k' in db ? db.k : db;
  const q = k.selectFrom('conference').selectAll();
  const byId = typeof idOrSlug === 'number' || /^\d+$/.test(idOrSlug);
  return (byId ? q.where('id', '=', Number(idOrSlug)) : q.where('slug', '=', String(idOrSlug))).executeTakeFirst();
}

export async function requireConference(db: Db, idOrSlug: number | string) {
  const c = await findConference(db, idOrSlug);
  if (!c) throw new UserError(404, 'not_found', `Không tìm thấy hội nghị "${idOrSlug}".`, `Conference "${idOrSlug}" not found.`);
  return c;
}

export async function createConference(
  db: Db, c: ConferenceParsed, opts: { origin?: 'user' | 'seed' | 'primer'; today?: string; audit?: AuditNote } = {},
): Promise<{ id: number; slug: string; warnings: { vi: string; en: string }[] }> {
  const l = await lookup(db);
  const warnings = validate(l, c);
  const region = unitBySlug(l, c.region, 'region');
  const host = c.host ? unitBySlug(l, c.host, 'province') : null;
  const slug = c.slug ?? slugFor(c);
  if (await findConference(db, slug)) {
    throw new UserError(409, 'conflict', `Đã có hội nghị "${slug}".`, `Conference "${slug}" already exists.`);
  }
  const now = new Date().toISOString();
  const id = await db.k.transaction().execute(async (tx) => {
    const row = await tx.insertInto('conference').values({
      slug, region_id: region.id, ordinal: c.ordinal ?? null, year: c.year, title_vi: c.title_vi ?? null, title_en: c.title_en ?? null,
      starts_on: c.starts_on ?? null, ends_on: c.ends_on ?? null, host_unit_id: host?.id ?? null, venue: c.venue ?? null,
      chair: c.chair ?? null, organisers: c.organisers ?? null, review_periods: JSON.stringify(c.review_periods ?? []),
      status: c.status ?? defaultStatus(c.starts_on, c.year, opts.today ?? vietnamToday()), summary_vi: c.summary_vi ?? null,
      summary_en: c.summary_en ?? null, attendance_note: c.attendance_note ?? null,
      trade_fair: c.trade_fair ? JSON.stringify(c.trade_fair) : null, task_groups_stated: c.task_groups_stated ?? null,
      notes: JSON.stringify(c.notes ?? []), sources: JSON.stringify(c.sources ?? []), origin: opts.origin ?? 'user',
      created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await writeParties(tx, l, row.id, c.parties ?? []);
    await writeAgenda(tx, row.id, c.agenda ?? []);
    for (const h of c.handovers ?? []) await writeHandover(tx, l, row.id, h);
    await writeAudit(tx, opts.audit, { entityId: row.id, after: { slug, region: c.region, ordinal: c.ordinal ?? null, year: c.year, host: c.host ?? null } });
    return row.id;
  });
  return { id, slug, warnings: warnings.map((w) => ({ vi: w.vi, en: w.en })) };
}

export async function updateConference(db: Db, idOrSlug: number | string, patch: ConferencePatch, audit?: AuditNote) {
  const cur = await requireConference(db, idOrSlug);
  if (patch.expected_version !== undefined && patch.expected_version !== cur.version) {
    throw new UserError(409, 'conflict', 'Hội nghị vừa được người khác sửa; hãy tải lại rồi sửa tiếp.',
      'Someone else changed this conference; reload and try again.', { current_version: cur.version });
  }
  const l = await lookup(db);
  const merged: ConferenceParsed = {
    slug: cur.slug, region: l.ref.unitsById.get(cur.region_id)!.slug, ordinal: cur.ordinal, year: cur.year,
    starts_on: cur.starts_on, ends_on: cur.ends_on, host: cur.host_unit_id ? l.ref.unitsById.get(cur.host_unit_id)!.slug : null,
    ...stripUndefined(patch),
  } as ConferenceParsed;
  const warnings = validate(l, merged);
  const set: Record<string, unknown> = {};
  const plain = ['ordinal', 'year', 'title_vi', 'title_en', 'starts_on', 'ends_on', 'venue', 'chair', 'organisers', 'status',
    'summary_vi', 'summary_en', 'attendance_note', 'task_groups_stated'] as const;
  for (const k of plain) if (patch[k] !== undefined) set[k] = patch[k];
  if (patch.region !== undefined) set.region_id = unitBySlug(l, patch.region, 'region').id;
  if (patch.host !== undefined) set.host_unit_id = patch.host ? unitBySlug(l, patch.host, 'province').id : null;
  if (patch.review_periods !== undefined) set.review_periods = JSON.stringify(patch.review_periods);
  if (patch.trade_fair !== undefined) set.trade_fair = patch.trade_fair ? JSON.stringify(patch.trade_fair) : null;
  if (patch.notes !== undefined) set.notes = JSON.stringify(patch.notes);
  if (patch.sources !== undefined) set.sources = JSON.stringify(patch.sources);
  await db.k.transaction().execute(async (tx) => {
    const res = await tx.updateTable('conference')
      .set({ ...set, updated_at: new Date().toISOString(), version: cur.version + 1 })
      .where('id', '=', cur.id).where('version', '=', cur.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      throw new UserError(409, 'conflict', 'Hội nghị vừa được người khác sửa; hãy tải lại rồi sửa tiếp.', 'Someone else changed this conference; reload and try again.');
    }
    await writeAudit(tx, audit, { entityId: cur.id, before: Object.fromEntries(Object.keys(set).map((k) => [k, (cur as Record<string, unknown>)[k]])), after: set });
  });
  return { id: cur.id, version: cur.version + 1, warnings: warnings.map((w) => ({ vi: w.vi, en: w.en })) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function writeParties(tx: Tx, l: Lookup, conferenceId: number, parties: PartyInput[]) {
  for (const p of parties) {
    const unit = p.kind === 'province' ? unitBySlug(l, p.unit, 'province').id : null;
    const mu = p.kind === 'ministry_unit' ? ministryBySlug(l, p.unit).id : null;
    await tx.insertInto('conference_party').values({
      conference_id: conferenceId, kind: p.kind, unit_id: unit, ministry_unit_id: mu, role: p.role,
      note: p.note ?? null, source: p.source ? JSON.stringify(p.source) : null,
    }).execute();
  }
}

async function writeAgenda(tx: Tx, conferenceId: number, items: AgendaInput[]) {
  for (const [i, a] of items.entries()) {
    await tx.insertInto('conference_agenda_item').values({
      conference_id: conferenceId, position: i + 1, time_text: a.time ?? null, title: a.title, presenter: a.presenter ?? null, note: a.note ?? null,
    }).execute();
  }
}

async function writeHandover(tx: Tx, l: Lookup, conferenceId: number, h: HandoverInput) {
  const r = await tx.insertInto('handover').values({
    conference_id: conferenceId, from_unit_id: h.from ? unitBySlug(l, h.from, 'province').id : null,
    to_unit_id: unitBySlug(l, h.to, 'province').id, for_ordinal: h.for_ordinal ?? null, for_year: h.for_year ?? null,
    note: h.note ?? null, source: h.source ? JSON.stringify(h.source) : null,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Who attended (provinces and ministry units) and the note on attendance, replaced together. */
export async function replaceAttendance(db: Db, conferenceId: number, parties: PartyInput[], note?: string | null, audit?: AuditNote) {
  const l = await lookup(db);
  await db.k.transaction().execute(async (tx) => {
    await tx.deleteFrom('conference_party').where('conference_id', '=', conferenceId).execute();
    await writeParties(tx, l, conferenceId, parties);
    if (note !== undefined) await tx.updateTable('conference').set({ attendance_note: note, updated_at: new Date().toISOString() }).where('id', '=', conferenceId).execute();
    await writeAudit(tx, audit, { entityId: conferenceId, after: { parties: parties.map((p) => `${p.kind}:${p.unit}:${p.role}`), note } });
  });
}

export async function replaceAgenda(db: Db, conferenceId: number, items: AgendaInput[], audit?: AuditNote) {
  await db.k.transaction().execute(async (tx) => {
    await tx.deleteFrom('conference_agenda_item').where('conference_id', '=', conferenceId).execute();
    await writeAgenda(tx, conferenceId, items);
    await writeAudit(tx, audit, { entityId: conferenceId, after: { items: items.length } });
  });
}

export async function addHandover(db: Db, conferenceId: number, h: HandoverInput, audit?: AuditNote): Promise<number> {
  const l = await lookup(db);
  return db.k.transaction().execute(async (tx) => {
    const id = await writeHandover(tx, l, conferenceId, h);
    await writeAudit(tx, audit, { entityId: conferenceId, after: { handover: id, from: h.from ?? null, to: h.to, for_ordinal: h.for_ordinal ?? null, for_year: h.for_year ?? null } });
    return id;
  });
}

export async function deleteHandover(db: Db, conferenceId: number, handoverId: number, audit?: AuditNote): Promise<boolean> {
  return db.k.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('handover').selectAll().where('id', '=', handoverId).where('conference_id', '=', conferenceId).executeTakeFirst();
    if (!before) return false;
    await tx.deleteFrom('handover').where('id', '=', handoverId).execute();
    await writeAudit(tx, audit, { entityId: conferenceId, before });
    return true;
  });
}

/** Deletes a conference recorded by a user, with its documents' file rows; returns the stored files'
 *  keys for the caller to remove once committed. */
export async function deleteConference(db: Db, conferenceId: number, audit?: AuditNote): Promise<string[]> {
  return db.k.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('conference').select(['slug', 'region_id', 'ordinal', 'year', 'host_unit_id']).where('id', '=', conferenceId).executeTakeFirstOrThrow();
    const files = await tx.selectFrom('conference_document').select('attachment_id').where('conference_id', '=', conferenceId).execute();
    await tx.deleteFrom('conference').where('id', '=', conferenceId).execute();
    const keys = await deleteAttachmentRows(tx, files.map((f) => f.attachment_id).filter((x): x is string => !!x));
    await writeAudit(tx, audit, { entityId: conferenceId, before });
    return keys;
  });
}

export async function listConferenceRows(db: Db, q: { regionId?: number; year?: number; from?: number; to?: number } = {}) {
  let s = db.k.selectFrom('conference').selectAll();
  if (q.regionId !== undefined) s = s.where('region_id', '=', q.regionId);
  if (q.year !== undefined) s = s.where('year', '=', q.year);
  if (q.from !== undefined) s = s.where('year', '>=', q.from);
  if (q.to !== undefined) s = s.where('year', '<=', q.to);
  return s.orderBy('year').orderBy('starts_on').orderBy('id').execute();
}

export async function partiesOf(db: Db, conferenceId: number) {
  return db.k.selectFrom('conference_party').selectAll().where('conference_id', '=', conferenceId).orderBy('id').execute();
}

export async function agendaOf(db: Db, conferenceId: number) {
  return db.k.selectFrom('conference_agenda_item').selectAll().where('conference_id', '=', conferenceId).orderBy('position').execute();
}

export async function handoversOf(db: Db, conferenceIds: number[]) {
  if (!conferenceIds.length) return [];
  return db.k.selectFrom('handover').selectAll().where('conference_id', 'in', conferenceIds).orderBy('id').execute();
}

export async function documentsOf(db: Db, conferenceId: number) {
  return db.k.selectFrom('conference_document as d').leftJoin('attachment as a', 'a.id', 'd.attachment_id')
    .select(['d.id', 'd.kind', 'd.title', 'd.attachment_id', 'd.document_id', 'd.url', 'd.public', 'd.created_at',
      'a.file_name', 'a.mime', 'a.size', 'a.uploaded_by', 'a.uploaded_at'])
    .where('d.conference_id', '=', conferenceId).orderBy('d.id').execute();
}

type DocumentInput = { conferenceId: number; kind: string; title: string; documentId?: string | null; url?: string | null; public: boolean };

async function insertDocument(tx: Tx, d: DocumentInput): Promise<number> {
  const r = await tx.insertInto('conference_document').values({
    conference_id: d.conferenceId, kind: d.kind, title: d.title, attachment_id: null, document_id: d.documentId ?? null,
    url: d.url ?? null, public: d.public ? 1 : 0, created_at: new Date().toISOString(),
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A document given as a source document of the store or a web address. */
export async function addDocument(db: Db, d: DocumentInput, audit?: AuditNote): Promise<number> {
  return db.k.transaction().execute(async (tx) => {
    const id = await insertDocument(tx, d);
    await writeAudit(tx, audit, { entityId: d.conferenceId, after: { document: id, title: d.title, kind: d.kind, source_document: d.documentId ?? null, url: d.url ?? null, public: d.public } });
    return id;
  });
}

/** An uploaded document: its row, the file's row and the audit entry in one transaction. */
export async function addUploadedDocument(
  db: Db, storage: FileStorage, d: Omit<DocumentInput, 'documentId' | 'url'> & { fileName: string; data: Buffer; uploadedBy: string }, audit?: AuditNote,
): Promise<{ id: number; file: AttachmentView }> {
  let id = 0;
  const file = await saveAttachment(db, storage, {
    ownerKind: 'conference_document', fileName: d.fileName, data: d.data, uploadedBy: d.uploadedBy,
    ownerId: async (tx) => (id = await insertDocument(tx, d)),
  }, async (tx, f) => {
    await tx.updateTable('conference_document').set({ attachment_id: f.id }).where('id', '=', id).execute();
    await writeAudit(tx, audit, { entityId: d.conferenceId, after: { document: id, title: d.title, kind: d.kind, file: f.file_name, sha256: f.sha256, public: d.public } });
  });
  return { id, file };
}

/** Removes a document and its file's row; returns the stored file's key (null when none) for the
 *  caller to remove once committed, or undefined when there is no such document. */
export async function removeDocument(db: Db, conferenceId: number, documentId: number, audit?: AuditNote): Promise<string[] | undefined> {
  return db.k.transaction().execute(async (tx) => {
    const d = await tx.selectFrom('conference_document').selectAll().where('id', '=', documentId).where('conference_id', '=', conferenceId).executeTakeFirst();
    if (!d) return undefined;
    await tx.deleteFrom('conference_document').where('id', '=', documentId).execute();
    const keys = await deleteAttachmentRows(tx, d.attachment_id ? [d.attachment_id] : []);
    await writeAudit(tx, audit, { entityId: conferenceId, before: { document: d.id, title: d.title, kind: d.kind, attachment: d.attachment_id, url: d.url } });
    return keys;
  });
}
