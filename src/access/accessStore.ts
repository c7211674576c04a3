// SQL of accounts and sessions. No rules here: see policy.ts, sessions.ts and accounts.ts.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isRole, type Actor, type Role } from './roles.ts';
import { newSessionTimes, tokenHash, TOUCH_EVERY_MS, sessionAlive } from './sessions.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface AccountRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  provinceId: number | null;
  provinceSlug: string | null;
  ministryUnitId: number | null;
  ministryUnitSlug: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
  version: number;
}

const accountQuery = (q: Q) =>
  q.selectFrom('account as a')
    .leftJoin('unit as u', 'u.id', 'a.province_id')
    .leftJoin('ministry_unit as m', 'm.id', 'a.ministry_unit_id')
    .select([
      'a.id', 'a.username', 'a.display_name', 'a.role', 'a.province_id', 'a.ministry_unit_id', 'a.active',
      'a.created_at', 'a.updated_at', 'a.last_sign_in_at', 'a.version', 'u.slug as province_slug', 'm.slug as ministry_unit_slug',
    ]);

function toAccount(r: any): AccountRow {
  return {
    id: r.id, username: r.username, displayName: r.display_name, role: isRole(r.role) ? r.role : 'viewer',
    provinceId: r.province_id, provinceSlug: r.province_slug ?? null, ministryUnitId: r.ministry_unit_id,
    ministryUnitSlug: r.ministry_unit_slug ?? null, active: r.active === 1, createdAt: r.created_at,
    updatedAt: r.updated_at, lastSignInAt: r.last_sign_in_at, version: r.version,
  };
}

export const actorOfAccount = (a: AccountRow): Actor => ({
  accountId: a.id, username: a.username, displayName: a.displayName, role: a.role,
  provinceId: a.provinceId, provinceSlug: a.provinceSlug, ministryUnitId: a.ministryUnitId, ministryUnitSlug: a.ministryUnitSlug,
});

export async function listAccounts(q: Q): Promise<AccountRow[]> {
  return (await accountQuery(q).orderBy('a.username').execute()).map(toAccount);
}

export async function findAccount(q: Q, by: { id?: number; username?: string }): Promise<AccountRow | null> {
  let s = accountQuery(q);
  if (by.id !== undefined) s = s.where('a.id', '=', by.id);
  if (by.username !== undefined) s = s.where('a.username', '=', by.username);
  const r = await s.executeTakeFirst();
  return r ? toAccount(r) : null;
}

export async function passwordHashOf(q: Q, username: string): Promise<{ id: number; hash: string; active: boolean } | null> {
  const r = await q.selectFrom('account').select(['id', 'password_hash', 'active']).where('username', '=', username).executeTakeFirst();
  return r ? { id: r.id, hash: r.password_hash, active: r.active === 1 } : null;
}

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  provinceId: number | null;
  ministryUnitId: number | null;
}

export async function insertAccount(q: Q, a: NewAccount): Promise<number> {
  const at = new Date().toISOString();
  const r = await q.insertInto('account').values({
    username: a.username, display_name: a.displayName, password_hash: a.passwordHash, role: a.role,
    province_id: a.provinceId, ministry_unit_id: a.ministryUnitId, created_at: at, updated_at: at, last_sign_in_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface AccountChange {
  displayName?: string;
  role?: Role;
  provinceId?: number | null;
  ministryUnitId?: number | null;
  active?: boolean;
  passwordHash?: string;
}

/** Applies a change if the account is still at `expectedVersion`; false when someone changed it first. */
export async function updateAccount(q: Q, id: number, change: AccountChange, expectedVersion?: number): Promise<boolean> {
  let u = q.updateTable('account').set((eb) => ({
    ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
    ...(change.role !== undefined ? { role: change.role } : {}),
    ...(change.provinceId !== undefined ? { province_id: change.provinceId } : {}),
    ...(change.ministryUnitId !== undefined ? { ministry_unit_id: change.ministryUnitId } : {}),
    ...(change.active !== undefined ? { active: change.active ? 1 : 0 } : {}),
    ...(change.passwordHash !== undefined ? { password_hash: change.passwordHash } : {}),
    updated_at: new Date().toISOString(),
    version: eb('version', '+', 1),
  })).where('id', '=', id);
  if (expectedVersion !== undefined) u = u.where('version', '=', expectedVersion);
  const r = await u.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countAdmins(q: Q): Promise<number> {
  const r = await q.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- sessions

export async function createSession(q: Q, accountId: number, token: string, csrf: string, meta: { ip?: string | null; userAgent?: string | null }): Promise<void> {
  const now = Date.now();
  await q.insertInto('session').values({
    token_hash: tokenHash(token), account_id: accountId, csrf_token: csrf, ...newSessionTimes(now),
    ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 300) ?? null,
  }).execute();
  await q.updateTable('account').set({ last_sign_in_at: new Date(now).toISOString() }).where('id', '=', accountId).execute();
}

export async function deleteSession(q: Q, token: string): Promise<void> {
  await q.deleteFrom('session').where('token_hash', '=', tokenHash(token)).execute();
}

export async function deleteSessionsOf(q: Q, accountId: number): Promise<void> {
  await q.deleteFrom('session').where('account_id', '=', accountId).execute();
}

export interface SessionFound {
  actor: Actor;
  csrf: string;
  expiresAt: string;
  lastSeenAt: string;
  /** The access epoch (migration 2026-11-24T0130-access-epoch) read by the same statement. */
  epoch: number;
}

/** The actor and CSRF token behind a session token, or null when it is unknown, expired, idle too long
 *  or its account is disabled. Touches last_seen_at now and then (idle timeout). */
export async function sessionActor(q: Q, token: string, hashValue = tokenHash(token)): Promise<SessionFound | null> {
  // One query: the session with its account, and the access epoch it was read at (sessionCache.ts).
  const s = await accountQuery(q).innerJoin('session as s', 's.account_id', 'a.id')
    .select(['s.created_at as s_created_at', 's.expires_at', 's.last_seen_at', 's.csrf_token'])
    .select((eb) => eb.selectFrom('access_epoch').select((e) => e.fn.coalesce(e.fn.max('n'), e.lit(0)).as('n')).as('epoch'))
    .where('s.token_hash', '=', hashValue).executeTakeFirst();
  if (!s) return null;
  const now = Date.now();
  if (!sessionAlive({ created_at: s.s_created_at, expires_at: s.expires_at, last_seen_at: s.last_seen_at }, now)) {
    await q.deleteFrom('session').where('token_hash', '=', hashValue).execute();
    return null;
  }
  const account = toAccount(s);
  if (!account.active) return null;
  let lastSeenAt = s.last_seen_at;
  if (Date.parse(s.last_seen_at) + TOUCH_EVERY_MS < now) lastSeenAt = await touchSession(q, hashValue, now);
  return { actor: actorOfAccount(account), csrf: s.csrf_token, expiresAt: s.expires_at, lastSeenAt, epoch: Number(s.epoch ?? 0) };
}

/** Moves a session's last_seen_at forward to `now` (the idle timeout); returns the time written. */
export async function touchSession(q: Q, hashValue: string, now: number): Promise<string> {
  const at = new Date(now).toISOString();
  // Only forward: never back over a later touch by another request or process.
  await q.updateTable('session').set({ last_seen_at: at }).where('token_hash', '=', hashValue).where('last_seen_at', '<', at).execute();
  return at;
}

export async function purgeExpiredSessions(q: Q): Promise<void> {
  await q.deleteFrom('session').where('expires_at', '<', new Date().toISOString()).execute();
}
