// The audit log: every action, who, when, on what, before and after. Written in the same transaction
// as the action it records, so an action without its entry cannot happen.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AuditLogTable } from './schema.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from './roles.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  action: string; // 'account.create', 'submission.save', 'values.write', 'auth.sign_in_failed' ...
  entity: string; // 'account', 'submission', 'dataset', 'value', 'session' ...
  entityId?: string | number | null;
  provinceId?: number | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

export interface AuditWho {
  actor: Actor | null;
  /** Who acted when there is no account: 'cli', or the username tried at a failed sign-in. */
  label?: string;
  ip?: string | null;
}

const json = (x: unknown): string | null => (x === undefined ? null : JSON.stringify(x));

export async function audit(q: Q, who: AuditWho, e: AuditEntry): Promise<void> {
  await q.insertInto('audit_log').values(auditRow(who, e)).execute();
}

/** The row audit() inserts, for a store function that writes it in the same statement as its action. */
export function auditRow(who: AuditWho, e: AuditEntry): Insertable<AuditLogTable> {
  return {
    at: new Date().toISOString(), account_id: who.actor?.accountId ?? null,
    actor: who.actor?.username ?? who.label ?? 'public', role: who.actor?.role ?? null,
    action: e.action, entity: e.entity, entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    province_id: e.provinceId ?? null, before: json(e.before), after: json(e.after), note: e.note ?? null, ip: who.ip ?? null,
  };
}

export interface AuditFilter {
  from?: string; // ISO date or time, inclusive
  to?: string; // ISO date or time, inclusive (a date means the whole day)
  actor?: string;
  action?: string; // exact, or a prefix ending in '.' ('submission.')
  entity?: string;
  entityId?: string;
  provinceId?: number;
  beforeId?: number; // keyset paging, newest first
  limit?: number;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  province_id: number | null;
  before: unknown;
  after: unknown;
  note: string | null;
  ip: string | null;
}

export async function browseAudit(q: Q, f: AuditFilter): Promise<AuditRecord[]> {
  let s = q.selectFrom('audit_log').selectAll();
  if (f.from) s = s.where('at', '>=', f.from);
  if (f.to) s = s.where('at', '<=', f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
  if (f.actor) s = s.where('actor', '=', f.actor);
  if (f.action) s = f.action.endsWith('.') ? s.where('action', 'like', `${f.action}%`) : s.where('action', '=', f.action);
  if (f.entity) s = s.where('entity', '=', f.entity);
  if (f.entityId) s = s.where('entity_id', '=', f.entityId);
  if (f.provinceId !== undefined) s = s.where('province_id', '=', f.provinceId);
  if (f.beforeId !== undefined) s = s.where('id', '<', f.beforeId);
  const rows = await s.orderBy('id', 'desc').limit(Math.min(f.limit ?? 100, 10_000)).execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, actor: r.actor, role: r.role, action: r.action, entity: r.entity, entity_id: r.entity_id,
    province_id: r.province_id, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
    note: r.note, ip: r.ip,
  }));
}
