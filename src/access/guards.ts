// Guards (Fastify preHandlers) and their in-handler twins: 401 when not signed in, 403 when the role is
// not allowed. Scope questions (which province, which data set) are policy.ts functions the handler asks.
import type { FastifyRequest } from 'fastify';
import { UserError } from '../server/errors.ts';
import { ROLE_NAMES, type Actor, type Role } from './roles.ts';

export const unauthenticated = () =>
  new UserError(401, 'unauthenticated', 'Cần đăng nhập để làm việc này.', 'Sign in to do this.');

export const forbidden = (vi = 'Tài khoản của bạn không có quyền làm việc này.', en = 'Your account may not do this.') =>
  new UserError(403, 'forbidden', vi, en);

/** The signed-in actor, or 401. */
export function signedIn(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** 403 unless `allowed`; 401 first when nobody is signed in. */
export function ensure(req: FastifyRequest, allowed: boolean, vi?: string, en?: string): Actor {
  const a = signedIn(req);
  if (!allowed) throw forbidden(vi, en);
  return a;
}

export async function requireSignedIn(req: FastifyRequest): Promise<void> {
  signedIn(req);
}

export function requireRole(...roles: Role[]) {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return async (req: FastifyRequest): Promise<void> => {
    const a = signedIn(req);
    if (!roles.includes(a.role)) {
      throw forbidden(`Chỉ ${names.map((n) => n.vi).join(', ')} được làm việc này.`, `Only ${names.map((n) => n.en).join(', ')} may do this.`);
    }
  };
}

/** ensure() for code that has the actor but not the request (services shared by routes and CLI). */
export function allow(actor: Actor | null, allowed: boolean, vi?: string, en?: string): Actor {
  if (!actor) throw unauthenticated();
  if (!allowed) throw forbidden(vi, en);
  return actor;
}
