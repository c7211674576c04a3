// Difficulties: rows in and out, and the region's grouped summary for a period or a conference.
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { endDate, parsePeriod, periodCode, periodKey, formatPeriod } from '../periods/period.ts';
import { UserError } from '../server/errors.ts';
import type { Lang } from '../shared/format.ts';
import { groupDifficulties, type DifficultyItem, type difficultyInputSchema } from './difficulties.ts';
import { lookup, slugOf, unitBySlug, unitName, type Lookup } from './lookup.ts';
import { sanitizeRichText, richTextToPlain } from './richText.ts';
import { parseJson, type Source } from './sources.ts';
import { findConference } from './store.ts';
import { inForce } from '../catalogue/reference.ts';
import { writeAudit, type AuditNote } from './audit.ts';
import type { DifficultyScope } from './roles.ts';

export type DifficultyInput = z.output<typeof difficultyInputSchema>;

function readPeriod(text: string | null | undefined): { code: string; key: number } | null {
  if (!text) return null;
  const p = parsePeriod(text);
  if (!p) throw new UserError(422, 'invalid_period', `Kỳ không đọc được: "${text}".`, `Unreadable period: "${text}".`);
  return { code: periodCode(p), key: periodKey(p) };
}

export async function resolveDifficulty(db: Db, d: DifficultyInput) {
  const l = await lookup(db);
  const unit = unitBySlug(l, d.unit);
  const conf = d.conference !== undefined && d.conference !== null ? await findConference(db, d.conference) : undefined;
  if (d.conference !== undefined && d.conference !== null && !conf) {
    throw new UserError(422, 'unknown_conference', `Không có hội nghị "${d.conference}".`, `No conference "${d.conference}".`);
  }
  const period = readPeriod(d.period);
  const regionId = conf?.region_id ?? (unit.level === 'region' ? unit.id : null);
  return { l, unit, conf, period, regionId };
}

export async function createDifficulty(db: Db, d: DifficultyInput, by: string, origin: 'user' | 'seed' = 'user', audit?: AuditNote): Promise<number> {
  const { unit, conf, period, regionId } = await resolveDifficulty(db, d);
  const now = new Date().toISOString();
  return db.k.transaction().execute(async (tx) => {
    const r = await tx.insertInto('difficulty').values({
      unit_id: unit.id, region_id: regionId, conference_id: conf?.id ?? null, period: period?.code ?? null, period_key: period?.key ?? null,
      field: d.field, kind: d.kind, body: sanitizeRichText(d.body), origin, source: d.source ? JSON.stringify(d.source) : null,
      created_by: by, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, audit, { entityId: r.id, after: { unit: unit.slug, period: period?.code ?? null, field: d.field, kind: d.kind } });
    return r.id;
  });
}

export async function getDifficulty(db: Db, id: number) {
  const r = await db.k.selectFrom('difficulty').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new UserError(404, 'not_found', `Không tìm thấy khó khăn, vướng mắc #${id}.`, `Difficulty #${id} not found.`);
  return r;
}

export async function updateDifficulty(db: Db, id: number, patch: Partial<Pick<DifficultyInput, 'field' | 'kind' | 'body' | 'period'>>, audit?: AuditNote) {
  const set: Record<string, unknown> = { updated_at: new Date().toISOString() };
  if (patch.field) set.field = patch.field;
  if (patch.kind) set.kind = patch.kind;
  if (patch.body) set.body = sanitizeRichText(patch.body);
  if (patch.period !== undefined) {
    const p = readPeriod(patch.period);
    set.period = p?.code ?? null;
    set.period_key = p?.key ?? null;
  }
  await db.k.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('difficulty').select(['field', 'kind', 'period', 'body']).where('id', '=', id).executeTakeFirst();
    await tx.updateTable('difficulty').set(set).where('id', '=', id).execute();
    await writeAudit(tx, audit, { entityId: id, before, after: set });
  });
}

export async function deleteDifficulty(db: Db, id: number, audit?: AuditNote) {
  await db.k.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('difficulty').selectAll().where('id', '=', id).executeTakeFirst();
    await tx.deleteFrom('difficulty').where('id', '=', id).execute();
    await writeAudit(tx, audit, { entityId: id, before });
  });
}

export interface DifficultyQuery {
  region?: string;
  unit?: string;
  conference?: number | string;
  period?: string;
  field?: string;
  kind?: string;
  /** Whose reading (roles.ts difficultyScope); everything when omitted (CLI, reports). */
  scope?: DifficultyScope;
}

/** A region's difficulties: its members' (on the period's end date, or the conference's day) and its own. */
export async function listDifficulties(db: Db, q: DifficultyQuery, lang: Lang = 'vi') {
  const l = await lookup(db);
  let s = db.k.selectFrom('difficulty').selectAll();
  const period = readPeriod(q.period);
  if (period) s = s.where('period_key', '=', period.key);
  if (q.field) s = s.where('field', '=', q.field);
  if (q.kind) s = s.where('kind', '=', q.kind);
  const scope = q.scope ?? { kind: 'all' };
  if (scope.kind === 'public') s = s.where('source', 'is not', null);
  if (scope.kind === 'province') s = s.where((eb) => eb.or([eb('source', 'is not', null), eb('unit_id', '=', scope.unitId)]));
  if (q.unit) s = s.where('unit_id', '=', unitBySlug(l, q.unit).id);
  if (q.conference !== undefined) {
    const c = await findConference(db, q.conference);
    if (!c) throw new UserError(404, 'not_found', `Không tìm thấy hội nghị "${q.conference}".`, `Conference "${q.conference}" not found.`);
    s = s.where('conference_id', '=', c.id);
  }
  if (q.region) {
    const r = unitBySlug(l, q.region, 'region');
    const day = period ? endDate(parsePeriod(q.period!)!) : null;
    const members = l.ref.memberships.filter((m) => m.regionId === r.id && (day === null || inForce(m, day))).map((m) => m.unitId);
    s = s.where((eb) => eb.or([eb('region_id', '=', r.id), eb('unit_id', 'in', [r.id, ...members])]));
  }
  const rows = await s.orderBy('field').orderBy('id').execute();
  return rows.map((r) => difficultyView(l, r, lang));
}

export function difficultyView(l: Lookup, r: Awaited<ReturnType<typeof getDifficulty>>, lang: Lang) {
  return {
    id: r.id, unit: slugOf(l, r.unit_id)!, unit_name: unitName(l, r.unit_id, lang) ?? '', unit_level: l.ref.unitsById.get(r.unit_id)?.level ?? null,
    region: slugOf(l, r.region_id), conference_id: r.conference_id, period: r.period,
    period_label: r.period ? formatPeriod(parsePeriod(r.period)!, lang) : null, field: r.field, kind: r.kind, body: r.body,
    text: richTextToPlain(r.body), origin: r.origin, source: parseJson<Source | null>(r.source, null),
    created_by: r.created_by, created_at: r.created_at, updated_at: r.updated_at,
  };
}

export async function difficultySummary(db: Db, q: DifficultyQuery, lang: Lang = 'vi') {
  const list = await listDifficulties(db, q, lang);
  const items: DifficultyItem[] = list.map((d) => ({ id: d.id, unit: d.unit, unitName: d.unit_name, field: d.field, kind: d.kind, text: d.text, period: d.period }));
  return { total: list.length, groups: groupDifficulties(items, lang) };
}
