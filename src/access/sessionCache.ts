// Sessions kept in memory between requests, so a signed-in request costs no session query. A kept
// session is used only while the access epoch has not moved since it was read: triggers move the epoch
// at every change that could end or narrow a session — sign-out, rotation, expiry, an account's role,
// scope, status or password, whoever makes it (this process, the CLI, another server, SQL by hand);
// see migration 2026-11-24T0130-access-epoch. Each request reads the epoch: on SQLite a prepared
// statement on the connection (microseconds, and it sees this connection's own writes at once); on
// PostgreSQL one tiny prepared query (the committed value). Expiry and the idle timeout are checked
// in memory on every request; anything in doubt goes back to the store (accessStore.sessionActor),
// which also deletes a dead session as before.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../db/database.ts';
import { sessionActor, touchSession, type SessionFound } from './accessStore.ts';
import type { Actor } from './roles.ts';
import { sessionAlive, tokenHash, TOUCH_EVERY_MS } from './sessions.ts';

const MAX_ENTRIES = 20_000;
const EPOCH_SQL = 'SELECT coalesce(max(n), 0) AS n FROM access_epoch';

interface Kept {
  found: SessionFound;
  lastSeenMs: number;
}

interface StoreSessions {
  entries: Map<string, Kept>; // by token hash
  sqliteEpoch?: BetterSqlite3.Statement;
}

const stores = new WeakMap<Db, StoreSessions>();

function storeOf(db: Db): StoreSessions {
  let s = stores.get(db);
  if (!s) {
    s = { entries: new Map() };
    if (db.raw.kind === 'sqlite') s.sqliteEpoch = db.raw.sqlite.prepare(EPOCH_SQL).pluck();
    stores.set(db, s);
  }
  return s;
}

async function currentEpoch(db: Db, s: StoreSessions): Promise<number> {
  if (s.sqliteEpoch) return Number(s.sqliteEpoch.get() ?? 0);
  if (db.raw.kind !== 'postgres') return NaN;
  const r = await db.raw.pool.query({ name: 'access_epoch', text: EPOCH_SQL });
  return Number(r.rows[0]?.n ?? 0);
}

/** The actor and CSRF token of a session token (or null), from memory when nothing changed since. */
export async function cachedSessionActor(db: Db, token: string): Promise<{ actor: Actor; csrf: string } | null> {
  const s = storeOf(db);
  const hash = tokenHash(token);
  const kept = s.entries.get(hash);
  if (kept) {
    const now = Date.now();
    const epoch = await currentEpoch(db, s);
    if (epoch === kept.found.epoch && sessionAlive({ created_at: '', expires_at: kept.found.expiresAt, last_seen_at: new Date(kept.lastSeenMs).toISOString() }, now)) {
      if (kept.lastSeenMs + TOUCH_EVERY_MS < now) {
        kept.lastSeenMs = now;
        await touchSession(db.k, hash, now);
      }
      return kept.found;
    }
    s.entries.delete(hash);
  }
  const found = await sessionActor(db.k, token, hash);
  if (!found) return null;
  s.entries.set(hash, { found, lastSeenMs: Date.parse(found.lastSeenAt) });
  if (s.entries.size > MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value!);
  return found;
}

/** Forgets every kept session of a store (tests; nothing in the product needs it). */
export function dropKeptSessions(db: Db): void {
  stores.get(db)?.entries.clear();
}
