// Account lockout (OWASP ASVS 2.2.1): after SIGN_IN_LOCK_AFTER failed sign-ins (default 5) within
// SIGN_IN_LOCK_MINUTES (default 15), the username is locked for SIGN_IN_LOCK_MINUTES; an administrator
// unlocks it earlier (API or CLI). Counted per username whether or not the account exists, so that a
// lock reveals nothing; complements the per-address rate limit, which a spread-out attack evades.
import type { Kysely, Transaction } from 'kysely';
import { isPostgres } from '../db/migrations/helpers.ts';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

const positive = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
// 5, below the per-address rate limit (10 in 5 minutes): a user who keeps failing is told the account is
// locked, rather than only "too many attempts".
export const lockAfter = (): number => positive('SIGN_IN_LOCK_AFTER', 5);
export const lockMs = (): number => positive('SIGN_IN_LOCK_MINUTES', 15) * 60_000;

export interface LockState {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number | null;
}

/** The rule, free of SQL: the state after one more failure at `now`. */
export function afterFailure(s: LockState | null, now: number, after = lockAfter(), ms = lockMs()): LockState {
  const fresh = !s || (s.lockedUntil !== null && s.lockedUntil <= now) || now - s.firstFailureAt > ms;
  const failures = fresh ? 1 : s!.failures + 1;
  const firstFailureAt = fresh ? now : s!.firstFailureAt;
  const lockedUntil = !fresh && s!.lockedUntil !== null && s!.lockedUntil > now ? s!.lockedUntil : failures >= after ? now + ms : null;
  return { failures, firstFailureAt, lockedUntil };
}

const key = (username: string) => username.trim().toLowerCase().slice(0, 64);

/** When the username is locked: until when (ms). */
export async function lockedUntil(q: Q, username: string, now = Date.now()): Promise<number | null> {
  const r = await q.selectFrom('sign_in_lockout').select('locked_until').where('username', '=', key(username)).executeTakeFirst();
  const t = r?.locked_until ? Date.parse(r.locked_until) : null;
  return t !== null && t > now ? t : null;
}

/** Counts a failed sign-in; returns the lock it caused or continues (null when not locked). */
export async function recordFailure(q: Kysely<Database>, username: string, now = Date.now()): Promise<number | null> {
  const u = key(username);
  // The row exists first, then is read locked (PostgreSQL: FOR UPDATE; SQLite runs one transaction at a
  // time): parallel failures are all counted, so sending them at once does not evade the lock.
  const at = new Date(now).toISOString();
  await q.insertInto('sign_in_lockout').values({ username: u, failures: 0, first_failure_at: at, last_failure_at: at, locked_until: null })
    .onConflict((oc) => oc.column('username').doNothing()).execute();
  return q.transaction().execute(async (trx) => {
    const read = trx.selectFrom('sign_in_lockout').selectAll().where('username', '=', u);
    const r = await (isPostgres(trx) ? read.forUpdate() : read).executeTakeFirst();
    const s = afterFailure(r && r.failures > 0 ? { failures: r.failures, firstFailureAt: Date.parse(r.first_failure_at), lockedUntil: r.locked_until ? Date.parse(r.locked_until) : null } : null, now);
    const row = {
      failures: s.failures, first_failure_at: new Date(s.firstFailureAt).toISOString(), last_failure_at: new Date(now).toISOString(),
      locked_until: s.lockedUntil === null ? null : new Date(s.lockedUntil).toISOString(),
    };
    if (r) await trx.updateTable('sign_in_lockout').set(row).where('username', '=', u).execute();
    else await trx.insertInto('sign_in_lockout').values({ username: u, ...row }).onConflict((oc) => oc.column('username').doUpdateSet(row)).execute();
    return s.lockedUntil;
  });
}

/** A successful sign-in or an administrator's unlock: the count starts again. */
export async function clearFailures(q: Q, username: string): Promise<boolean> {
  const r = await q.deleteFrom('sign_in_lockout').where('username', '=', key(username)).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0) > 0;
}

/** Locked usernames now (administrators' view). */
export async function currentLocks(q: Q, now = Date.now()): Promise<Array<{ username: string; failures: number; locked_until: string }>> {
  const rows = await q.selectFrom('sign_in_lockout').select(['username', 'failures', 'locked_until'])
    .where('locked_until', '>', new Date(now).toISOString()).orderBy('username').execute();
  return rows.map((r) => ({ username: r.username, failures: r.failures, locked_until: r.locked_until! }));
}

export const lockedMessage = (until: number, now = Date.now()) => {
  const min = Math.max(1, Math.ceil((until - now) / 60_000));
  return {
    vi: `Tên đăng nhập này tạm bị khóa ${min} phút vì đăng nhập sai nhiều lần; hãy thử lại sau hoặc nhờ quản trị viên mở khóa.`,
    en: `This username is locked for ${min} minutes after repeated failed sign-ins; try again later or ask an administrator to unlock it.`,
  };
};
