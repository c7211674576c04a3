// Administrators' view of locked usernames and the early unlock (the lock otherwise ends by itself).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { UserError } from '../server/errors.ts';
import { audit } from './audit.ts';
import { ensure } from './guards.ts';
import { clearFailures, currentLocks } from './lockout.ts';
import { canManageAccounts } from './policy.ts';

export async function lockoutRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/accounts/locks', {
    schema: { tags: ['access'], summary: 'Tên đăng nhập đang bị khóa vì đăng nhập sai nhiều lần (quản trị viên) / usernames locked after failed sign-ins' },
  }, async (req) => {
    ensure(req, canManageAccounts(req.actor));
    return { locks: await currentLocks(db.k) };
  });
  r.post('/accounts/:username/unlock', {
    schema: {
      tags: ['access'], summary: 'Mở khóa đăng nhập (quản trị viên) / unlock sign-in (administrators)',
      params: z.object({ username: z.string().min(1).max(64) }),
    },
  }, async (req) => {
    const a = ensure(req, canManageAccounts(req.actor));
    const unlocked = await clearFailures(db.k, req.params.username);
    if (!unlocked) throw new UserError(404, 'not_locked', `"${req.params.username}" không bị khóa.`, `"${req.params.username}" is not locked.`);
    await audit(db.k, { actor: a, ip: req.ip }, { action: 'account.unlock', entity: 'account', after: { username: req.params.username.toLowerCase() } });
    return { unlocked: true };
  });
}
