// Health, readiness, metrics and the request log, through the real application.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { openTestDb } from '../../db/testing.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../config/config.ts';
import { storeWithHistory } from '../testSupport.ts';
import { installOps } from './plugin.ts';
import { opsServerOptions } from './serverOptions.ts';
import { safeUrl } from './requestLog.ts';

let db: Db;
before(async () => {
  db = await openTestDb();
  await storeWithHistory(db);
});
after(async () => db.close());

/** The value of one sample line of a Prometheus text exposition. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const l = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))) return Number(m[3]);
  }
  return null;
}

describe('health and readiness', () => {
  test('/health answers without touching the store; /ready checks the store and its schema', async () => {
    const app = await buildApp({ db });
    try {
      const h = await app.inject({ method: 'GET', url: '/health' });
      assert.equal(h.statusCode, 200);
      assert.equal(h.json().status, 'ok');
      const r = await app.inject({ method: 'GET', url: '/ready' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'ready');
      assert.equal(r.json().migrations.pending, 0);
    } finally {
      await app.close();
    }
  });

  test('/ready is 503 with the reason when a migration is missing, and when the store is gone', async () => {
    const other = await openTestDb();
    const app = await buildApp({ db: other });
    try {
      await sql`DELETE FROM kysely_migration WHERE name = (SELECT MAX(name) FROM kysely_migration)`.execute(other.k);
      const r = await app.inject({ method: 'GET', url: '/ready' });
      assert.equal(r.statusCode, 503);
      assert.deepEqual(r.json().problems.map((p: { code: string }) => p.code), ['migrations_pending']);
      assert.match(r.json().problems[0].message, /migration chưa áp dụng/);
      await other.close();
      const gone = await app.inject({ method: 'GET', url: '/ready' });
      assert.equal(gone.statusCode, 503);
      assert.equal(gone.json().problems[0].code, 'store_unreachable');
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'the process is still alive');
    } finally {
      await app.close();
    }
  });
});

describe('metrics', () => {
  test('request durations by route template and status, store connections, values written', async () => {
    const app = await buildApp({ db });
    try {
      await app.inject({ method: 'GET', url: '/health' });
      await app.inject({ method: 'GET', url: '/api/catalogue/units?level=region' });
      await app.inject({ method: 'GET', url: '/api/nothing-here' });
      const m = await app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(m.statusCode, 200);
      assert.match(m.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
      const text = m.body;
      assert.equal(sample(text, 'congthuong_http_request_duration_seconds_count', { route: '/health', status: '200', method: 'GET' }), 1);
      assert.match(text, /congthuong_http_request_duration_seconds_bucket\{[^}]*le="0.005"[^}]*\} \d/, 'histogram buckets');
      assert.ok(/route="\/api\/nothing-here"/.test(text) === false, 'raw URLs never become labels');
      const storeKind = db.kind;
      assert.ok(sample(text, 'congthuong_store_connections', { store: storeKind, state: 'total' })! >= 1);
      // Three imports of the fixture history: 9 rows, then 2 (an update and a delete), then 2.
      const rows = await db.k.selectFrom('change_set').select(['kind', 'rows']).execute();
      const expected = rows.filter((r) => r.kind === 'import').reduce((s, r) => s + r.rows, 0);
      assert.equal(expected, 13);
      assert.equal(sample(text, 'congthuong_values_written_total', { kind: 'import' }), expected);
      assert.equal(sample(text, 'congthuong_change_sets_total', { kind: 'import' }), 3);
      assert.ok(sample(text, 'congthuong_process_resident_memory_bytes')! > 0);
    } finally {
      await app.close();
    }
  });

  test('with METRICS_TOKEN, /metrics needs the bearer token; METRICS_ENABLED=false removes it', async () => {
    const token = 'a-long-enough-metrics-token';
    const app = await buildApp({ db, config: loadConfig({ METRICS_TOKEN: token }) });
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
      assert.equal((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-of-some-size' } })).statusCode, 401);
      assert.equal((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
    } finally {
      await app.close();
    }
    const off = await buildApp({ db, config: loadConfig({ METRICS_ENABLED: 'false' }) });
    try {
      // No metrics route: whatever answers (the web app's fallback page) is not the exposition.
      assert.ok(!(await off.inject({ method: 'GET', url: '/metrics' })).body.includes('congthuong_http_request_duration_seconds'));
    } finally {
      await off.close();
    }
  });
});

describe('request log', () => {
  async function logged(requests: Array<{ url: string; headers?: Record<string, string> }>): Promise<any[]> {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } });
    const base = opsServerOptions({ logLevel: 'info' });
    const app = Fastify({ ...base, logger: { ...(base.logger as object), stream } });
    await installOps(app, { db });
    app.get('/api/echo/:id', async (req) => {
      req.log.info({ headers: req.headers }, 'handler logs the headers by mistake');
      return { ok: true };
    });
    try {
      for (const r of requests) await app.inject({ method: 'GET', url: r.url, headers: r.headers });
    } finally {
      await app.close();
    }
    return lines.map((l) => JSON.parse(l));
  }

  test('one JSON line per request: id, method, URL, route, status, duration; no cookie, token or password', async () => {
    const lines = await logged([{
      url: '/api/echo/7?period=9T%2F2024&token=s3cr3t&password=hunter2',
      headers: { cookie: 'ct_session=SESSIONVALUE', authorization: 'Bearer AUTHVALUE', 'x-csrf-token': 'CSRFVALUE', 'x-request-id': 'proxy-req-42' },
    }]);
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    for (const secret of ['SESSIONVALUE', 'AUTHVALUE', 'CSRFVALUE', 's3cr3t', 'hunter2']) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    const req = lines.find((l) => l.msg === 'request');
    assert.ok(req, text);
    assert.equal(req.reqId, 'proxy-req-42', 'the proxy\'s request id is kept');
    assert.equal(req.method, 'GET');
    assert.equal(req.route, '/api/echo/:id');
    assert.equal(req.status, 200);
    assert.equal(typeof req.durationMs, 'number');
    assert.match(req.url, /period=9T%2F2024/);
    assert.equal(typeof req.time, 'number');
    assert.equal(req.level, 30);
  });

  test('a request id that does not look like one is replaced; probes log below info', async () => {
    const lines = await logged([
      { url: '/api/echo/1', headers: { 'x-request-id': 'bad id\nwith newline' } },
      { url: '/health' },
    ]);
    const reqs = lines.filter((l) => l.msg === 'request');
    assert.equal(reqs.length, 1, 'the /health probe is logged at debug only');
    assert.match(reqs[0].reqId, /^[0-9a-f-]{36}$/);
  });

  test('safeUrl hides the values of sensitive query parameters only', () => {
    assert.equal(safeUrl('/api/values?period=T10%2F2024'), '/api/values?period=T10%2F2024');
    assert.equal(safeUrl('/x?api_key=1&place=ha-noi'), '/x?api_key=%5Bredacted%5D&place=ha-noi');
    assert.equal(safeUrl('/plain'), '/plain');
  });
});
