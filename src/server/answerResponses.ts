// The dashboard's reads answered from memory until the store changes: the serialised JSON body of a
// GET on one of the routes below is kept with a strong ETag, and the same request (same URL, same
// audience, same day) gets those bytes again — or 304 Not Modified when the browser already has them —
// without validation, queries, computation or serialisation. Whether the store changed is the answer
// cache's change stamp (src/analytics/answerCache.ts: SQLite data_version + total_changes, exact
// whoever wrote; PostgreSQL an epoch bumped by this process's writes and by the NOTIFY the triggers of
// every table below send at another process's commit). Any unsafe request (POST, PUT, PATCH, DELETE)
// this server answers bumps the stamp before its response leaves, so a write made through the API is in
// the very next answer whatever module made it.
//
// Who reads is part of the key: the public, or a signed-in reader by everything the access policy
// decides visibility by (role, province, ministry unit; src/access/policy.ts), so no reader is ever
// sent an answer computed for another audience. The day is part of the key too: routes whose date
// defaults to today change answer at midnight (UTC, as they compute it).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { noteStoreChanged, storeStamp } from '../analytics/answerCache.ts';

/**
 * GET routes answered from memory, with what their answers read. A route belongs here only when its
 * answer depends on nothing but its URL, the reader's audience, the day, and tables whose changes move
 * the change stamp (on PostgreSQL: tables with the answer_inputs_changed / rollup_changed trigger,
 * migration 2026-11-24T0100-answer-inputs-notify).
 */
export const CACHED_ROUTES: ReadonlyMap<string, string> = new Map([
  ['/api/indicators', 'catalogue snapshot: unit, indicator, region_membership, unit_weight, unit_succession'],
  ['/api/regions', 'catalogue snapshot; date defaults to today'],
  ['/api/regions/:id', 'catalogue snapshot; date defaults to today'],
  ['/api/geo', 'catalogue snapshot, geo_boundary, geo_import; date defaults to today'],
  ['/api/geo/:geography', 'catalogue snapshot, geo_boundary, geo_import'],
  ['/api/analytics/regions/:region/indicators/:indicator', 'catalogue snapshot, value'],
  ['/api/analytics/series', 'catalogue snapshot, value, rollup'],
  ['/api/analytics/pivot', 'catalogue snapshot, rollup, value'],
  ['/api/analytics/latest', 'catalogue snapshot, value, rollup; today'],
]);

export interface AnswerResponseOptions {
  /** At most this many answers kept (least recently used dropped first). */
  maxEntries?: number;
  /** At most this many bytes of bodies kept. */
  maxBytes?: number;
  /** The routes answered from memory (default CACHED_ROUTES; tests give their own). */
  routes?: Iterable<string>;
}

interface Entry {
  body: Buffer;
  etag: string;
  type: string;
}

interface Pending {
  key: string;
  stamp: string;
  isPublic: boolean;
}

/** The kept answers of one application: a bounded LRU, emptied whenever the store's stamp moves. */
export class AnswerResponses {
  private readonly entries = new Map<string, Entry>();
  private stamp: string | null = null;
  bytes = 0;
  hits = 0;
  misses = 0;
  constructor(readonly maxEntries: number, readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The kept answer for `key` if the store is still at `stamp`. */
  get(key: string, stamp: string): Entry | undefined {
    if (stamp !== this.stamp) {
      this.clear();
      this.stamp = stamp;
      return undefined;
    }
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, e);
    }
    return e;
  }

  /** Keeps an answer computed while the store was at `stamp` (not if it has moved on since). */
  put(key: string, stamp: string, e: Entry): void {
    if (stamp !== this.stamp || e.body.length > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, e);
    this.bytes += e.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [k, v] = this.entries.entries().next().value!;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

const registry = new WeakMap<FastifyInstance, AnswerResponses>();

/** The kept answers of an application (tests, diagnostics). */
export function answerResponsesOf(app: FastifyInstance): AnswerResponses | undefined {
  return registry.get(app);
}

const kPending = Symbol('answerResponse');
type Req = FastifyRequest & { [kPending]?: Pending; actor?: { role: string; provinceId: number | null; ministryUnitId: number | null } | null };

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const DAY_MS = 86_400_000;

/** Everything the access policy decides what a reader may see by. */
function audienceOf(req: Req): string {
  const a = req.actor;
  return a ? `${a.role}:${a.provinceId ?? ''}:${a.ministryUnitId ?? ''}` : 'public';
}

/** If-None-Match (weak comparison, as RFC 9110 asks for it): does the browser already have `etag`? */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  for (const t of header.split(',')) {
    const tag = t.trim();
    if (tag === '*' || tag === etag || tag === `W/${etag}`) return true;
  }
  return false;
}

function cacheHeaders(reply: FastifyReply, etag: string, isPublic: boolean): void {
  reply.header('etag', etag);
  reply.header('vary', 'cookie');
  // The public's answers: the browser may keep them but asks each time (a 304 when unchanged). A
  // signed-in reader's get `no-store` from the security headers, as everything sent to them does.
  if (isPublic) reply.header('cache-control', 'no-cache');
}

/**
 * Installed on the root instance after access control (so `req.actor` is known when the cache is
 * looked up) and after the security headers (whose hook then covers answers sent from here too).
 */
export function installAnswerResponses(app: FastifyInstance, { db }: { db: Db }, opts: AnswerResponseOptions = {}): AnswerResponses {
  const store = new AnswerResponses(opts.maxEntries ?? 2000, opts.maxBytes ?? 64 * 1024 * 1024);
  registry.set(app, store);
  const routes = new Set(opts.routes ?? CACHED_ROUTES.keys());

  app.addHook('onRequest', (request, reply, done) => {
    const req = request as Req;
    if (req.method !== 'GET' || !routes.has(req.routeOptions.url ?? '')) return done();
    const stamp = storeStamp(db);
    if (stamp === null) return done();
    const isPublic = !req.actor;
    const key = `${audienceOf(req)}\u0000${Math.floor(Date.now() / DAY_MS)}\u0000${req.url}`;
    const hit = store.get(key, stamp);
    if (!hit) {
      store.misses++;
      req[kPending] = { key, stamp, isPublic };
      return done();
    }
    store.hits++;
    cacheHeaders(reply, hit.etag, isPublic);
    if (etagMatches(req.headers['if-none-match'], hit.etag)) {
      reply.code(304).send();
    } else {
      reply.header('content-type', hit.type).send(hit.body);
    }
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const req = request as Req;
    if (!SAFE.has(req.method)) {
      // After the handler (and its transaction): the next request sees a new stamp.
      noteStoreChanged(db);
      return done(null, payload);
    }
    const pending = req[kPending];
    if (!pending) return done(null, payload);
    req[kPending] = undefined;
    if (reply.statusCode !== 200 || reply.hasHeader('set-cookie') || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      return done(null, payload);
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    store.put(pending.key, pending.stamp, { body, etag, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') });
    cacheHeaders(reply, etag, pending.isPublic);
    if (etagMatches(req.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      return done(null, null);
    }
    done(null, body);
  });

  return store;
}
