// Installs access control on the application: cookies, the request's actor from its session cookie,
// the CSRF check for unsafe methods, and rate limiting (used by sign-in). Called on the root instance
// before any route is registered, so every route, whoever owns it, sees `req.actor`.
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { UserError } from '../server/errors.ts';
import { cachedSessionActor } from './sessionCache.ts';
import { CSRF_HEADER, SESSION_COOKIE, UNSAFE_METHODS, sameToken } from './sessions.ts';

/** Unsafe routes a request may call without the CSRF token: signing in starts a new session anyway. */
const CSRF_EXEMPT = new Set(['/api/auth/sign-in']);

export async function installAccess(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after the body is parsed: sign-in is limited per address and username
    errorResponseBuilder: (_req, ctx) =>
      new UserError(429, 'too_many_requests', `Quá nhiều lần thử; hãy thử lại sau ${Math.ceil(ctx.ttl / 1000)} giây.`,
        `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`),
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    req.actor = null;
    req.csrfToken = null;
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const found = await cachedSessionActor(db, token);
    if (!found) return;
    req.actor = found.actor;
    req.csrfToken = found.csrf;
    const path = req.url.split('?')[0]!;
    if (UNSAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(path) && !sameToken(req.headers[CSRF_HEADER] as string | undefined, found.csrf)) {
      throw new UserError(403, 'csrf', 'Thiếu hoặc sai mã chống giả mạo (x-csrf-token); hãy tải lại trang.',
        'Missing or wrong anti-forgery token (x-csrf-token); reload the page.');
    }
  });
}
