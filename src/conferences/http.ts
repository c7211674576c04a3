// The request's actor (set by src/access on every request, CSRF checked there) and small parameter
// shapes, for the conference and follow-up routes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedIn as accessSignedIn } from '../access/guards.ts';
import { audit } from '../access/audit.ts';
import type { Db } from '../db/database.ts';
import type { ActorLike } from './roles.ts';

export function actorOf(req: FastifyRequest): ActorLike | null {
  return req.actor ?? null;
}

/** The signed-in actor, or 401 (the access module's own guard). */
export const signedIn = (req: FastifyRequest): ActorLike => accessSignedIn(req);

/** Every write in these scopes needs a signed-in actor, checked before the body is validated so
 *  that the public gets 401 rather than a validation error; the scope rules come in the handlers. */
export function requireSignInForWrites(scope: FastifyInstance): void {
  scope.addHook('preValidation', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') signedIn(req);
  });
}

const ENTITY: Record<string, string> = {
  conferences: 'conference', recommendations: 'recommendation', tasks: 'task', 'task-groups': 'task_group', difficulties: 'difficulty',
};

/** "POST /api/recommendations/:id/assignments/:assignment/answer" → "recommendation.assignments.answer". */
export function auditAction(method: string, routeUrl: string): { entity: string; action: string } {
  const parts = routeUrl.replace(/^\/api\//, '').split('/');
  const entity = ENTITY[parts[0]!] ?? parts[0]!;
  const statics = parts.slice(1).filter((p) => !p.startsWith(':'));
  const verb = method === 'POST' ? 'create' : method === 'DELETE' ? 'delete' : 'update';
  const action = statics.length ? [...statics, ...(method === 'POST' ? [] : [verb])].join('.') : verb;
  return { entity, action: `${entity}.${action}` };
}

/** Every successful write in these scopes goes to the access module's audit log: who, what, which
 *  record. Written once the write has committed (the recommendation's own event log is transactional). */
export function auditWrites(scope: FastifyInstance, db: Db): void {
  scope.addHook('onResponse', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || reply.statusCode >= 300 || !req.actor) return;
    const { entity, action } = auditAction(req.method, req.routeOptions.url ?? req.url);
    const params = (req.params ?? {}) as Record<string, string>;
    try {
      await audit(db.k, { actor: req.actor, ip: req.ip }, {
        action, entity, entityId: params.id ?? null, provinceId: req.actor.provinceId,
        note: Object.entries(params).filter(([k]) => k !== 'id').map(([k, v]) => `${k}=${v}`).join(' ') || null,
      });
    } catch (e) {
      req.log.error(e, 'audit entry not written');
    }
  });
}

export const idParam = z.object({ id: z.string().min(1).max(100) });
export const numericId = z.coerce.number().int().positive();
