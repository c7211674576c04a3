// Access API: sign-in and sign-out, the current account, accounts and roles (administrators), and the
// audit log (administrators: browse and export).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { UserError } from '../server/errors.ts';
import * as store from './accessStore.ts';
import { changeAccount, createAccount, publicView } from './accounts.ts';
import { audit, browseAudit, type AuditWho } from './audit.ts';
import { ensure, signedIn } from './guards.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { clearFailures, lockedMessage, lockedUntil, recordFailure } from './lockout.ts';
import { lockoutRoutes } from './lockoutRoutes.ts';
import { canManageAccounts, canReadAudit } from './policy.ts';
import { ROLES, ROLE_NAMES } from './roles.ts';
import { newToken, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.ts';

export const whoOf = (req: FastifyRequest): AuditWho => ({ actor: req.actor, ip: req.ip });

const roleEnum = z.enum(ROLES);
const accountBody = z.object({
  username: z.string().min(1).max(64), display_name: z.string().min(1).max(200), password: z.string().min(1).max(200),
  role: roleEnum, province: z.string().max(100).nullable().optional(), ministry_unit: z.string().max(100).nullable().optional(),
});

function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export async function accessRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/auth/sign-in', {
    config: {
      rateLimit: {
        max: Number(process.env.SIGN_IN_RATE_MAX ?? 10), timeWindow: '5 minutes',
        keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.body as any)?.username ?? '').toLowerCase()}`,
      },
    },
    schema: {
      tags: ['access'],
      summary: 'Đăng nhập / sign in',
      description: 'Đặt cookie phiên ct_session (HttpOnly, SameSite=Strict) và trả về mã chống giả mạo (gửi lại trong tiêu đề x-csrf-token ' +
        'với mọi POST/PUT/PATCH/DELETE). Mỗi lần đăng nhập tạo phiên mới. Giới hạn 10 lần thử / 5 phút. ' +
        '/ Sets the session cookie and returns the CSRF token to send as x-csrf-token on unsafe requests. Rotates the session. Rate limited.',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
    },
  }, async (req, reply) => {
    const username = req.body.username.trim().toLowerCase();
    // Lockout (lockout.ts): a locked username is refused before its password is even checked.
    const locked = await lockedUntil(db.k, username);
    if (locked) {
      const m = lockedMessage(locked);
      await audit(db.k, { actor: null, label: username.slice(0, 64), ip: req.ip }, { action: 'auth.sign_in_locked', entity: 'session' });
      reply.header('retry-after', String(Math.ceil((locked - Date.now()) / 1000)));
      throw new UserError(429, 'account_locked', m.vi, m.en);
    }
    const found = await store.passwordHashOf(db.k, username);
    const ok = found ? await verifyPassword(found.hash, req.body.password) : (await verifyPassword(await decoyHash(), req.body.password), false);
    if (!found || !ok || !found.active) {
      const nowLocked = await recordFailure(db.k, username);
      await audit(db.k, { actor: null, label: username.slice(0, 64), ip: req.ip }, { action: 'auth.sign_in_failed', entity: 'session', ...(nowLocked ? { after: { locked_until: new Date(nowLocked).toISOString() } } : {}) });
      throw new UserError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');
    }
    await clearFailures(db.k, username);
    // Session rotation: whatever session the browser had is ended before the new one is issued.
    const old = req.cookies?.[SESSION_COOKIE];
    if (old) await store.deleteSession(db.k, old);
    const token = newToken();
    const csrf = randomBytes(24).toString('base64url');
    await store.createSession(db.k, found.id, token, csrf, { ip: req.ip, userAgent: req.headers['user-agent'] });
    const account = (await store.findAccount(db.k, { id: found.id }))!;
    const actor = store.actorOfAccount(account);
    await audit(db.k, { actor, ip: req.ip }, { action: 'auth.sign_in', entity: 'session', entityId: account.id });
    setSessionCookie(reply, token);
    return { actor, csrf_token: csrf };
  });

  await lockoutRoutes(app, db);

  r.post('/auth/sign-out', {
    schema: { tags: ['access'], summary: 'Đăng xuất / sign out' },
  }, async (req, reply) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) await store.deleteSession(db.k, token);
    if (req.actor) await audit(db.k, whoOf(req), { action: 'auth.sign_out', entity: 'session', entityId: req.actor.accountId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signed_out: true };
  });

  r.get('/me', {
    schema: {
      tags: ['access'],
      summary: 'Tài khoản đang đăng nhập và mã chống giả mạo / the signed-in account and its CSRF token',
      description: 'actor = null khi chưa đăng nhập (công chúng chỉ xem số liệu đã công bố). / actor is null for the public.',
    },
  }, async (req) => ({
    actor: req.actor, csrf_token: req.csrfToken,
    role_name: req.actor ? ROLE_NAMES[req.actor.role] : null,
  }));

  r.post('/me/password', {
    schema: {
      tags: ['access'], summary: 'Đổi mật khẩu của mình / change one\'s own password',
      body: z.object({ current_password: z.string().min(1).max(200), new_password: z.string().min(1).max(200) }),
    },
  }, async (req) => {
    const a = signedIn(req);
    const found = (await store.passwordHashOf(db.k, a.username))!;
    if (!(await verifyPassword(found.hash, req.body.current_password))) {
      throw new UserError(403, 'wrong_password', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.');
    }
    await changeAccount(db, whoOf(req), a.username, { password: req.body.new_password });
    return { changed: true, sign_in_again: true };
  });

  r.get('/roles', {
    schema: { tags: ['access'], summary: 'Các vai trò / the roles' },
  }, async () => ({ roles: ROLES.map((id) => ({ id, name_vi: ROLE_NAMES[id].vi, name_en: ROLE_NAMES[id].en })) }));

  r.get('/accounts', {
    schema: { tags: ['access'], summary: 'Danh sách tài khoản (quản trị viên) / accounts (administrators)' },
  }, async (req) => {
    ensure(req, canManageAccounts(req.actor));
    return { accounts: (await store.listAccounts(db.k)).map(publicView) };
  });

  r.post('/accounts', {
    schema: { tags: ['access'], summary: 'Tạo tài khoản (quản trị viên) / create an account (administrators)', body: accountBody },
  }, async (req, reply) => {
    ensure(req, canManageAccounts(req.actor));
    const b = req.body;
    const row = await createAccount(db, whoOf(req), {
      username: b.username, displayName: b.display_name, password: b.password, role: b.role, province: b.province, ministryUnit: b.ministry_unit,
    });
    return reply.status(201).send({ account: publicView(row) });
  });

  r.patch('/accounts/:username', {
    schema: {
      tags: ['access'],
      summary: 'Đổi vai trò, phạm vi, trạng thái hoặc đặt lại mật khẩu (quản trị viên) / change role, scope, status or reset the password',
      description: 'Gửi version đã thấy để không ghi đè thay đổi của người khác (409). Đổi vai trò kết thúc các phiên đang mở. ' +
        '/ Send the version you saw (409 on a concurrent change). A role change ends open sessions.',
      params: z.object({ username: z.string() }),
      body: z.object({
        role: roleEnum.optional(), province: z.string().max(100).nullable().optional(), ministry_unit: z.string().max(100).nullable().optional(),
        display_name: z.string().min(1).max(200).optional(), active: z.boolean().optional(), password: z.string().min(1).max(200).optional(),
        version: z.number().int().min(1).optional(),
      }),
    },
  }, async (req) => {
    ensure(req, canManageAccounts(req.actor));
    const b = req.body;
    const row = await changeAccount(db, whoOf(req), req.params.username, {
      role: b.role, province: b.province, ministryUnit: b.ministry_unit, displayName: b.display_name, active: b.active,
      password: b.password, expectedVersion: b.version,
    });
    return { account: publicView(row) };
  });

  const auditQuery = z.object({
    from: z.string().max(40).optional().describe('từ ngày / from (ISO)'), to: z.string().max(40).optional().describe('đến ngày / to (ISO)'),
    actor: z.string().max(64).optional(), action: z.string().max(64).optional().describe('vd. submission.approve hoặc tiền tố "submission." / or a prefix'),
    entity: z.string().max(64).optional(), entity_id: z.string().max(64).optional(), province: z.string().max(100).optional(),
  });
  const provinceIdOf = async (slug?: string) => {
    if (!slug) return undefined;
    const u = await db.k.selectFrom('unit').select('id').where('slug', '=', slug).executeTakeFirst();
    return u?.id ?? -1;
  };

  r.get('/audit', {
    schema: {
      tags: ['access'],
      summary: 'Nhật ký thao tác (quản trị viên): ai, khi nào, làm gì, trước và sau / audit log (administrators)',
      description: 'Mới nhất trước; trang tiếp theo: before_id = id nhỏ nhất đã nhận. / Newest first; next page with before_id.',
      querystring: auditQuery.extend({
        before_id: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
    },
  }, async (req) => {
    ensure(req, canReadAudit(req.actor));
    const q = req.query;
    const entries = await browseAudit(db.k, {
      from: q.from, to: q.to, actor: q.actor, action: q.action, entity: q.entity, entityId: q.entity_id,
      provinceId: await provinceIdOf(q.province), beforeId: q.before_id, limit: q.limit,
    });
    return { entries, next_before_id: entries.length === q.limit ? entries[entries.length - 1]!.id : null };
  });

  r.get('/audit/export', {
    schema: {
      tags: ['access'], summary: 'Xuất nhật ký thao tác CSV/JSON (quản trị viên) / export the audit log',
      querystring: auditQuery.extend({ format: z.enum(['csv', 'json']).default('csv') }),
    },
  }, async (req, reply) => {
    const a = ensure(req, canReadAudit(req.actor));
    const q = req.query;
    const entries = await browseAudit(db.k, {
      from: q.from, to: q.to, actor: q.actor, action: q.action, entity: q.entity, entityId: q.entity_id,
      provinceId: await provinceIdOf(q.province), limit: 10_000,
    });
    await audit(db.k, { actor: a, ip: req.ip }, { action: 'audit.export', entity: 'audit_log', after: { rows: entries.length, filter: q } });
    reply.header('content-disposition', `attachment; filename="nhat-ky.${q.format}"`);
    if (q.format === 'json') return reply.type('application/json').send(JSON.stringify({ entries }));
    const rows = entries.map((e) => ({ ...e, before: e.before === null ? '' : JSON.stringify(e.before), after: e.after === null ? '' : JSON.stringify(e.after) }));
    // Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
    const safe = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v])));
    return reply.type('text/csv; charset=utf-8').send('\uFEFF' + stringify(safe, {
      header: true, columns: ['id', 'at', 'actor', 'role', 'action', 'entity', 'entity_id', 'province_id', 'before', 'after', 'note', 'ip'],
    }));
  });
}
