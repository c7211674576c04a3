// The request's actor (set by src/access on every request, CSRF checked there) and small parameter
// shapes, for the conference and follow-up routes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedIn as accessSignedIn } from '../access/guards.ts';
import type { AuditNote } from './audit.ts';
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

/** The audit entry a write route asks its store to write inside the write's transaction: who (the
 *  request's actor and address), the action named after the route, the record from its parameters. */
export function auditOf(req: FastifyRequest): AuditNote {
  const { entity, action } = auditAction(req.method, req.routeOptions.url ?? req.url);
  const params = (req.params ?? {}) as Record<string, string>;
  const note: AuditNote = {
    who: { actor: req.actor, ip: req.ip }, action, entity, entityId: params.id ?? null, provinceId: req.actor?.provinceId ?? null,
    note: Object.entries(params).filter(([k]) => k !== 'id').map(([k, v]) => `${k}=${v}`).join(' ') || null,
  };
  notes.set(req, note);
  return note;
}

const notes = new WeakMap<FastifyRequest, AuditNote>();

/** A write that succeeded without its audit entry is a programming error: said loudly in the log (the
 *  write has committed by then; the entry belongs in its transaction, see auditOf). */
export function guardAudited(scope: FastifyInstance): void {
  scope.addHook('onResponse', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || reply.statusCode >= 300 || !req.actor) return;
    if (!notes.get(req)?.written) req.log.error({ route: req.routeOptions.url, method: req.method }, 'write without its audit entry');
  });
}

export const idParam = z.object({ id: z.string().min(1).max(100) });
export const numericId = z.coerce.number().int().positive();
