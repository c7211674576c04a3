// Dashboard reads answered from memory may only ever save time: a write — through the API, or by another
// connection or process — is in the very next answer; no reader gets an answer kept for another
// audience; a browser's conditional GET gets 304 while nothing changed; the memory is bounded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { openTestDbPair, testStoreKind } from '../db/testing.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { writeValues } from '../collection/writeValues.ts';
import { STATUS_CODE } from '../collection/valueModel.ts';
import { parseCode, periodKey } from '../periods/period.ts';
import { installAccess } from '../access/plugin.ts';
import { signInAs, type TestSession } from '../access/testing.ts';
import { buildApp } from './app.ts';
import { AnswerResponses, answerResponsesOf, etagMatches, installAnswerResponses } from './answerResponses.ts';

let db: Db;
let other: Db; // a second connection (pool) to the same store: another process, as the store sees it
let close: () => Promise<void>;
let app: FastifyInstance;
let kept: AnswerResponses;
let analyst: TestSession;
let ids: Record<string, number>;

before(async () => {
  ({ db, other, close } = await openTestDbPair());
  ids = await loadFixtureCatalogue(db);
  app = await buildApp({ db });
  kept = answerResponsesOf(app)!;
  analyst = await signInAs(app, db, 'analyst');
  const res = await app.inject({
    method: 'POST', url: '/api/values', headers: analyst, payload: {
      values: [
        { place: 'a', indicator: 'exports', period: 'T10/2024', value: 10 }, { place: 'b', indicator: 'exports', period: 'T10/2024', value: 20 },
        { place: 'a', indicator: 'exports', period: 'T10/2023', value: 8 }, { place: 'b', indicator: 'exports', period: 'T10/2023', value: 16 },
      ],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  await untilCached(FIGURE);
});
after(async () => {
  await app.close();
  await close();
});

const FIGURE = '/api/analytics/regions/region1/indicators/exports?period=T10/2024&lang=en';
const SERIES = '/api/analytics/series?place=region1&indicator=exports&kind=month&from=2024&to=2024';
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const october = (body: { points: Array<{ period: string; value: number | null }> }) => body.points.find((p) => p.period === 'T10/2024')!.value;

/** PostgreSQL keeps nothing until its listener is up: wait until a repeated read is a hit. */
async function untilCached(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await get(url);
    const hits = kept.hits;
    await get(url);
    if (kept.hits > hits) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail('answers are never kept');
}

/** The answer once `ok` holds (PostgreSQL: another process's commit arrives as a notification). */
async function eventually<T>(read: () => Promise<T>, ok: (t: T) => boolean, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  let got = await read();
  while (!ok(got) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    got = await read();
  }
  return got;
}

describe('dashboard answers kept in memory', () => {
  test('a repeated read is the same bytes from memory, with a strong ETag; a conditional GET gets 304', async () => {
    const first = await get(FIGURE);
    const hits = kept.hits;
    const second = await get(FIGURE);
    assert.equal(kept.hits, hits + 1);
    assert.equal(second.statusCode, 200);
    assert.equal(second.body, first.body);
    assert.equal(second.json().value, 30);
    assert.match(String(second.headers.etag), /^"[A-Za-z0-9_-]{27}"$/);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(second.headers['cache-control'], 'no-cache');
    assert.equal(second.headers['x-content-type-options'], 'nosniff'); // security headers on answers from memory too
    assert.match(String(second.headers['content-security-policy']), /default-src 'none'/);

    const again = await get(FIGURE, { 'if-none-match': String(second.headers.etag) });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, second.headers.etag);
    assert.equal(again.headers['content-length'], undefined);
    assert.equal((await get(FIGURE, { 'if-none-match': '"something-else"' })).statusCode, 200);
  });

  test('a write through the API is in the very next answer, and the old ETag no longer matches', async () => {
    const before = await get(FIGURE);
    const series = await get(SERIES);
    assert.equal(october(series.json()), 30);
    await get(SERIES); // kept
    const res = await app.inject({
      method: 'POST', url: '/api/values', headers: analyst,
      payload: { values: [{ place: 'a', indicator: 'exports', period: 'T10/2024', value: 15, expected_version: 1 }] },
    });
    assert.equal(res.statusCode, 201, res.body);
    const after = await get(FIGURE, { 'if-none-match': String(before.headers.etag) });
    assert.equal(after.statusCode, 200);
    assert.equal(after.json().value, 35);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal(october((await get(SERIES)).json()), 35);
  });

  test('a write by another connection is in the next answer (PostgreSQL: once its commit is notified)', async () => {
    await untilCached(FIGURE);
    assert.equal((await get(FIGURE)).json().published.length, 0);
    // The region's own published figure: a value the rollups do not hold, so only the value table's
    // trigger tells PostgreSQL's listeners.
    await writeValues(other, [{
      period: periodKey(parseCode('T10/2024')), indicatorId: ids.exports!, breakdownId: 0, unitId: ids.region1!, measure: 0, value: 99,
      status: STATUS_CODE.official, growthPct: null, pctOfPlan: null, qualifier: null, note: null,
    }], { actor: 'test', kind: 'seed' });
    const read = async () => (await get(FIGURE)).json().published as Array<{ value: number }>;
    const published = testStoreKind === 'sqlite' ? await read() : await eventually(read, (p) => p.length > 0);
    assert.deepEqual(published.map((p) => p.value), [99]);
  });

  test('the public and a signed-in reader are kept apart', async () => {
    await untilCached(SERIES);
    const size = kept.size;
    const pub = await get(SERIES);
    const signedIn = await get(SERIES, analyst);
    assert.equal(kept.size, size + 1); // the analyst's answer has a key of its own
    assert.equal(pub.headers['cache-control'], 'no-cache');
    assert.equal(signedIn.headers['cache-control'], 'no-store'); // as everything sent to a signed-in user
    assert.equal(signedIn.body, pub.body); // published figures only, for everyone (drafts never reach value)
  });

  test('answers that differ by audience never cross: public, analyst, each province officer', async () => {
    const t = Fastify();
    await installAccess(t, { db });
    installAnswerResponses(t, { db }, { routes: ['/api/who'] });
    let computed = 0;
    t.get('/api/who', async (req) => ({ who: req.actor ? `${req.actor.role}:${req.actor.provinceSlug ?? ''}` : 'public', n: ++computed }));
    const officerA = await signInAs(null, db, 'province_officer', { province: 'a' });
    const officerB = await signInAs(null, db, 'province_officer', { province: 'b' });
    const readers: Array<[string, Record<string, string>]> = [['public', {}], ['analyst:', analyst], ['province_officer:a', officerA], ['province_officer:b', officerB]];
    try {
      // PostgreSQL keeps nothing until its listener is up (already up for this store: same Db as above)
      const warm = await eventually(async () => [(await t.inject('/api/who')).json().n, (await t.inject('/api/who')).json().n], ([x, y]) => x === y);
      assert.equal(warm[0], warm[1]);
      const base = computed;
      const seen = new Map<string, number>();
      for (let round = 0; round < 3; round++) {
        for (const [who, headers] of readers) {
          const body = (await t.inject({ url: '/api/who', headers })).json();
          assert.equal(body.who, who);
          assert.equal(body.n, seen.get(who) ?? body.n); // the same kept answer each round
          seen.set(who, body.n);
        }
      }
      assert.equal(computed - base, readers.length - 1); // each signed-in audience computed once, the public not again
    } finally {
      await t.close();
    }
  });

  test('only successful answers are kept', async () => {
    const misses = kept.misses;
    assert.equal((await get('/api/analytics/regions/nowhere/indicators/exports?period=T10/2024')).statusCode, 404);
    assert.equal((await get('/api/analytics/regions/nowhere/indicators/exports?period=T10/2024')).statusCode, 404);
    assert.equal(kept.misses, misses + 2);
  });

  test('the memory is bounded by entries and by bytes, least recently used out first', () => {
    const c = new AnswerResponses(3, 8000);
    const e = (n: number) => ({ body: Buffer.alloc(n), etag: '"x"', type: 'application/json' });
    assert.equal(c.get('a', 's1'), undefined);
    for (const k of ['a', 'b', 'c']) c.put(k, 's1', e(100));
    assert.ok(c.get('a', 's1')); // a is now the most recent
    c.put('d', 's1', e(100));
    assert.equal(c.size, 3);
    assert.equal(c.get('b', 's1'), undefined);
    assert.ok(c.get('a', 's1'));
    c.put('big', 's1', e(900));
    c.put('big2', 's1', e(900));
    assert.ok(c.bytes <= 8000);
    c.put('huge', 's1', e(2000)); // over an eighth of the budget: never kept
    assert.equal(c.get('huge', 's1'), undefined);
    c.put('late', 's0', e(10)); // computed before the store moved on: not kept
    assert.equal(c.get('late', 's1'), undefined);
    assert.equal(c.get('a', 's2'), undefined); // the store changed: everything goes
    assert.equal(c.size, 0);
    assert.equal(c.bytes, 0);
  });

  test('If-None-Match is compared weakly, lists and * included', () => {
    assert.ok(etagMatches('"abc"', '"abc"'));
    assert.ok(etagMatches('W/"abc"', '"abc"'));
    assert.ok(etagMatches('"x", "abc"', '"abc"'));
    assert.ok(etagMatches('*', '"abc"'));
    assert.ok(!etagMatches('"abcd"', '"abc"'));
    assert.ok(!etagMatches(undefined, '"abc"'));
  });
});
