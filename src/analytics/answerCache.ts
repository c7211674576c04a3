// Answers computed from the rollups (the regional pivot), kept in memory until the store changes: the
// first read after any write recomputes, so a value written shows in the very next answer, and repeated
// reads (dashboards before a conference, the monthly deadline) cost a map lookup.
// How each store says "changed since":
// - SQLite: PRAGMA data_version moves when another connection commits, total_changes() when this one
//   writes — read on every call (microseconds), so the check is exact whoever wrote.
// - PostgreSQL: an epoch this process bumps after its own writes commit (noteStoreChanged) and on every
//   NOTIFY rollup_changed the trigger sends at another process's commit (a CLI import, a second server);
//   for those, an answer read in the moment between their commit and the notification's arrival (well
//   under a millisecond on one host) may be the one before. Until the listener is up, nothing is cached.
import pg from 'pg';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../db/database.ts';

const MAX_ENTRIES = 512;

interface StoreCache {
  entries: Map<string, { stamp: string; value: unknown }>;
  epoch: number;
  /** PostgreSQL: moved by every NOTIFY catalogue_changed (and when the listener restarts). */
  catalogueEpoch: number;
  sqlite?: { dataVersion: BetterSqlite3.Statement; totalChanges: BetterSqlite3.Statement; catalogueEpoch?: BetterSqlite3.Statement | null };
  listener?: { ready: boolean; client: pg.Client };
  /** After the listener failed, when to try again (meanwhile nothing is cached). */
  retryAt: number;
}

const caches = new WeakMap<Db, StoreCache>();

/** The answer for `key` computed by `compute`, or the one kept since the store last changed. */
export async function cachedAnswer<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = cacheOf(db);
  const stamp = changeStamp(db, cache);
  if (stamp === null) return compute();
  const hit = cache.entries.get(key);
  if (hit && hit.stamp === stamp) {
    cache.entries.delete(key); // most recently used last
    cache.entries.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  cache.entries.set(key, { stamp, value });
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  return value;
}

/** Call after a write this process made has committed (values, rollups, master data, weights). */
export function noteStoreChanged(db: Db): void {
  const cache = caches.get(db);
  if (cache) cache.epoch++;
}

/**
 * The store's change stamp now: two calls that return the same string saw the same store (for caches
 * of other shapes, e.g. the serialised HTTP answers of src/server/answerResponses.ts). null while that
 * cannot be told (PostgreSQL before its listener is up): then nothing may be cached.
 */
export function storeStamp(db: Db): string | null {
  return changeStamp(db, cacheOf(db));
}

/**
 * The catalogue's change stamp (migration 2026-11-24T0210-catalogue-epoch): it moves whenever units,
 * successions, memberships, indicators or weights change, whoever wrote them. null when it cannot be
 * told (PostgreSQL before its listener is up; a store not yet migrated).
 */
export function catalogueStamp(db: Db): string | null {
  const cache = cacheOf(db);
  if (cache.sqlite) {
    if (cache.sqlite.catalogueEpoch === undefined) {
      try {
        cache.sqlite.catalogueEpoch = db.raw.kind === 'sqlite'
          ? db.raw.sqlite.prepare('SELECT coalesce((SELECT n FROM catalogue_epoch WHERE id = 1), 0)').pluck() : null;
      } catch {
        return null; // not migrated yet: try again next time
      }
    }
    return cache.sqlite.catalogueEpoch ? String(cache.sqlite.catalogueEpoch.get()) : null;
  }
  if (!cache.listener && Date.now() >= cache.retryAt) startListener(db, cache);
  return cache.listener?.ready ? String(cache.catalogueEpoch) : null;
}

function cacheOf(db: Db): StoreCache {
  let cache = caches.get(db);
  if (!cache) {
    const created: StoreCache = { entries: new Map(), epoch: 0, catalogueEpoch: 0, retryAt: 0 };
    caches.set(db, (cache = created));
    if (db.raw.kind === 'sqlite') {
      const s = db.raw.sqlite;
      cache.sqlite = { dataVersion: s.prepare('PRAGMA data_version').pluck(), totalChanges: s.prepare('SELECT total_changes()').pluck() };
    } else {
      const close = db.close;
      db.close = async () => {
        created.retryAt = Infinity;
        const client = created.listener?.client;
        client?.removeAllListeners('end');
        await client?.end().catch(() => {});
        await close();
      };
    }
  }
  return cache;
}

function changeStamp(db: Db, cache: StoreCache): string | null {
  if (cache.sqlite) return `${cache.sqlite.dataVersion.get()}:${cache.sqlite.totalChanges.get()}:${cache.epoch}`;
  if (!cache.listener && Date.now() >= cache.retryAt) startListener(db, cache);
  return cache.listener?.ready ? String(cache.epoch) : null;
}

/** A connection of its own LISTENing for the trigger's notifications about this store's schema. */
function startListener(db: Db, cache: StoreCache): void {
  if (db.raw.kind !== 'postgres') return;
  const opts = db.raw.pool.options as pg.ClientConfig;
  const client = new pg.Client({ connectionString: opts.connectionString, options: opts.options });
  const listener = { ready: false, client };
  cache.listener = listener;
  const stop = () => {
    listener.ready = false;
    cache.epoch++;
    cache.catalogueEpoch++; // what happened while nobody listened is unknown: reload

    if (cache.listener === listener) cache.listener = undefined;
    cache.retryAt = Math.max(cache.retryAt, Date.now() + 5_000);
  };
  client.on('error', stop);
  client.on('end', stop);
  void (async () => {
    try {
      await client.connect();
      // Not a reason to keep a CLI process alive: the pool's own connections decide that.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      const { rows } = await client.query('SELECT current_schema() AS schema');
      const schema = rows[0].schema as string;
      client.on('notification', (m) => {
        if (m.payload !== schema) return;
        if (m.channel === 'catalogue_changed') cache.catalogueEpoch++;
        else cache.epoch++;
      });
      await client.query('LISTEN rollup_changed');
      await client.query('LISTEN catalogue_changed');
      listener.ready = true;
    } catch {
      stop();
    }
  })();
}
