// What "published" means and who may change it. A figure is published when it is in `value`: written
// from a published source (articles, the ministry's own imports) or approved from a province's
// submission. Drafts, submitted and returned reports live in submission_entry and never reach `value`,
// the rollups or the analytics until approved. Approved figures are locked: changing one needs a reason,
// and the earlier value stays in value_history.
import type { FastifyRequest } from 'fastify';
import { audit } from '../access/audit.ts';
import { ensure } from '../access/guards.ts';
import { canPublishValues } from '../access/policy.ts';
import type { Db } from '../db/database.ts';
import { UserError } from '../server/errors.ts';
import { keyOf, type ValueWrite } from './valueModel.ts';
import { findCurrent } from './valueRepository.ts';
import type { ChangeContext } from './writeValues.ts';

/** Change-set kinds whose values came from an approved submission (or a correction of one). */
export const APPROVED_KINDS = ['approval', 'correction'] as const;

export async function lockedKeys(db: Db, writes: ValueWrite[]): Promise<Set<string>> {
  const current = await findCurrent(db.k, writes, false);
  if (!current.length) return new Set();
  const ids = [...new Set(current.map((c) => c.changeSetId))];
  const kinds = new Map((await db.k.selectFrom('change_set').select(['id', 'kind']).where('id', 'in', ids).execute()).map((r) => [r.id, r.kind]));
  return new Set(current.filter((c) => (APPROVED_KINDS as readonly string[]).includes(kinds.get(c.changeSetId) ?? '')).map(keyOf));
}

/** The guard of the direct write routes (POST /api/values, /api/values/import): the ministry only,
 *  and a reason whenever an approved figure would change. Marks the change set as a correction then. */
export function publicationGuard(db: Db, req: FastifyRequest, ctx: ChangeContext) {
  const actor = ensure(req, canPublishValues(req.actor),
    req.actor?.role === 'province_officer'
      ? 'Số liệu của tỉnh được gửi qua báo cáo định kỳ (nhập trên phiếu hoặc tải tệp mẫu) và được công bố khi Bộ duyệt.'
      : undefined,
    req.actor?.role === 'province_officer'
      ? "A province's figures go through its periodic report (entry grid or template upload) and are published when the ministry approves them."
      : undefined);
  ctx.actor = actor.username;
  return async (writes: ValueWrite[]): Promise<void> => {
    const locked = await lockedKeys(db, writes);
    if (!locked.size) return;
    if (!ctx.note?.trim()) {
      const rows = writes.flatMap((w, i) => (locked.has(keyOf(w)) ? [i + 1] : []));
      throw new UserError(422, 'reason_required',
        `Số liệu đã được duyệt và công bố (dòng ${rows.slice(0, 10).join(', ')}); sửa cần ghi lý do đính chính (note).`,
        'These figures were approved and published; a correction needs a reason (note).', rows.map((row) => ({ row, field: 'note' })));
    }
    ctx.kind = 'correction';
    await audit(db.k, { actor, ip: req.ip }, {
      action: 'values.correct', entity: 'value', note: ctx.note, after: { rows: locked.size },
    });
  };
}
