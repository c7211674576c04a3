// The audit entry of a conference or follow-up write, written by the store inside the write's own
// transaction: a change and its record in the access module's audit log commit or fail together.
// The route says who and what (`auditOf` in http.ts); the store adds which record, before and after.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { audit, type AuditWho } from '../access/audit.ts';

export interface AuditNote {
  who: AuditWho;
  action: string; // capability.verb, e.g. recommendation.assignments.answer
  entity: string;
  entityId?: string | number | null;
  provinceId?: number | null;
  note?: string | null;
  /** Set once the entry is in the write's transaction (the routes' guard checks it). */
  written?: boolean;
}

/** Writes `a` (when the caller asked for an entry) in the transaction `q`. */
export async function writeAudit(
  q: Kysely<Database> | Transaction<Database>, a: AuditNote | undefined,
  e: { entityId?: string | number | null; before?: unknown; after?: unknown } = {},
): Promise<void> {
  if (!a) return;
  await audit(q, a.who, {
    action: a.action, entity: a.entity, entityId: e.entityId ?? a.entityId ?? null, provinceId: a.provinceId ?? null,
    before: e.before, after: e.after, note: a.note ?? null,
  });
  a.written = true;
}

/** For the command line: the same entries, by 'cli'. */
export const cliAudit = (action: string, entity: string): AuditNote => ({ who: { actor: null, label: 'cli' }, action, entity });
