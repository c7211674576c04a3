// Sessions: a random token in an HttpOnly cookie, stored only as its hash; an absolute lifetime and an
// idle timeout; a CSRF token per session for unsafe methods. Rules only; the SQL is in accessStore.ts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'ct_session';
export const CSRF_HEADER = 'x-csrf-token';
const hours = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
/** Absolute lifetime (a working day and a half) and idle timeout, overridable by the environment. */
export const SESSION_TTL_MS = hours('SESSION_TTL_HOURS', 12) * 3600_000;
export const SESSION_IDLE_MS = hours('SESSION_IDLE_HOURS', 0.5) * 3600_000;
/** last_seen_at is refreshed at most this often, so reads do not turn into writes. */
export const TOUCH_EVERY_MS = 60_000;

export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface SessionTimes {
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export function sessionAlive(s: SessionTimes, now: number): boolean {
  return Date.parse(s.expires_at) > now && Date.parse(s.last_seen_at) + SESSION_IDLE_MS > now;
}

export function newSessionTimes(now: number): SessionTimes {
  const at = new Date(now).toISOString();
  return { created_at: at, last_seen_at: at, expires_at: new Date(now + SESSION_TTL_MS).toISOString() };
}

export function sameToken(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
