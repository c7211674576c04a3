// Security headers and the Content-Security-Policy (OWASP ASVS V14.4, V5.3): the policy of each HTML
// page allows exactly its own inline scripts and styles by hash and nothing else inline, never eval;
// every other response gets a deny-all policy; the other headers are on every response, errors too.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { signInAs } from '../access/testing.ts';
import type { Db } from '../db/database.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { openTestDb } from '../db/testing.ts';
import { buildApp } from '../server/app.ts';
import { API_CSP, decodeAttribute, htmlCsp, inlineParts, STATIC_HEADERS } from './headers.ts';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.split(' ')[0] === name) ?? '';

describe('the policy of an HTML page', () => {
  const page = `<!doctype html><html><head><script>var a = 1;</script><style>.x{color:red}</style>
<script type="module" src="/assets/app.js"></script><script src='/x.js'></script></head>
<body><p style="width:40%">t</p><th scope="col" style='width:&quot;1&quot;'>x</th><p>style="color:red" as text</p>
<script>
  setTimeout(function () {}, 15000);
</script></body></html>`;

  test('lists the inline scripts and styles by their SHA-256, and nothing with src', () => {
    const p = inlineParts(page);
    assert.deepEqual(p.scripts, ['var a = 1;', '\n  setTimeout(function () {}, 15000);\n']);
    assert.deepEqual(p.styles, ['.x{color:red}']);
    assert.deepEqual(p.styleAttributes, ['width:40%', 'width:"1"']);
    const csp = htmlCsp(page);
    assert.equal(directive(csp, 'script-src'), `script-src 'self' ${hash('var a = 1;')} ${hash('\n  setTimeout(function () {}, 15000);\n')}`);
    assert.equal(directive(csp, 'style-src'), `style-src 'self' ${hash('.x{color:red}')}`);
    assert.equal(directive(csp, 'style-src-attr'), `style-src-attr 'unsafe-hashes' ${hash('width:40%')} ${hash('width:"1"')}`);
  });

  test('never unsafe-inline or unsafe-eval; no plugins, no framing, no base or other origins', () => {
    for (const html of [page, '', '<p>nothing inline</p>']) {
      const csp = htmlCsp(html);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
      for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src-attr 'none'", "connect-src 'self'"]) {
        assert.ok(csp.includes(d), `${d} in ${csp}`);
      }
    }
    assert.equal(directive(htmlCsp('<p>x</p>'), 'style-src-attr'), "style-src-attr 'none'");
  });

  test('a style element of inline SVG is hashed as the browser reads it too (CDATA markers are not text there)', () => {
    const svg = '<svg><style ><![CDATA[\n.a:hover{fill:red}\n]]>\n</style></svg>';
    assert.ok(directive(htmlCsp(svg), 'style-src').includes(hash('\n.a:hover{fill:red}\n\n')));
  });

  test('attribute values are hashed as the browser decodes them', () => {
    assert.equal(decodeAttribute('a &amp; b &lt;&gt; &#39;&#x27; &quot; &bogus; &#0;'), 'a & b <> \'\' " &bogus; \ufffd');
  });
});

describe('headers on every response', () => {
  let db: Db;
  let app: FastifyInstance;
  before(async () => {
    db = await openTestDb();
    await loadFixtureCatalogue(db);
    app = await buildApp({ db });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const hasStatic = (headers: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(STATIC_HEADERS)) assert.equal(headers[k], v, k);
  };

  test('the start page or web app: a policy with the hashes of its own inline scripts', async () => {
    const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    hasStatic(res.headers);
    const csp = String(res.headers['content-security-policy']);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    for (const s of inlineParts(res.body).scripts) assert.ok(directive(csp, 'script-src').includes(hash(s)), 'inline script allowed by hash');
    for (const s of inlineParts(res.body).styles) assert.ok(directive(csp, 'style-src').includes(hash(s)), 'inline style allowed by hash');
    // a deep link is the same page with the same policy
    const deep = await app.inject({ url: '/region/south?period=9T/2024', headers: { accept: 'text/html' } });
    assert.equal(deep.headers['content-security-policy'], csp);
  });

  test('the API documentation page works under its policy (no inline script it needs is left out)', async () => {
    const res = await app.inject({ url: '/docs/', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    const csp = String(res.headers['content-security-policy']);
    for (const s of inlineParts(res.body).scripts) assert.ok(csp.includes(hash(s)));
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.doesNotMatch(directive(csp, 'script-src'), /unsafe-inline/);
    assert.equal(directive(csp, 'style-src'), "style-src 'self' 'unsafe-inline'"); // Swagger UI's run-time styles, there only
    assert.doesNotMatch(String((await app.inject({ url: '/', headers: { accept: 'text/html' } })).headers['content-security-policy']), /unsafe-inline/);
  });

  test('JSON, errors and 404s: deny-all policy and the same headers; no HSTS over plain HTTP', async () => {
    for (const url of ['/api/regions', '/api/nothing-here', '/api/accounts']) {
      const res = await app.inject({ url });
      hasStatic(res.headers);
      assert.equal(res.headers['content-security-policy'], API_CSP, url);
      assert.equal(res.headers['strict-transport-security'], undefined);
    }
    const csrf = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: (await signInAs(app, db, 'viewer')).cookie } });
    assert.equal(csrf.statusCode, 403);
    hasStatic(csrf.headers);
  });

  test('HSTS over HTTPS; what a signed-in user is sent is not cached', async () => {
    const s = await signInAs(app, db, 'analyst');
    const me = await app.inject({ url: '/api/me', headers: s });
    assert.equal(me.headers['cache-control'], 'no-store');
    const pub = await app.inject({ url: '/api/regions' });
    assert.notEqual(pub.headers['cache-control'], 'no-store');
    // Fastify sees HTTPS on the request's socket; inject cannot fake it, so the rule itself is checked
    const { installSecurityHeaders } = await import('../server/securityHeaders.ts');
    const Fastify = (await import('fastify')).default;
    const tls = Fastify();
    installSecurityHeaders(tls);
    tls.addHook('onRequest', async (req) => { Object.defineProperty(req, 'protocol', { value: 'https' }); });
    tls.get('/x', async () => ({ ok: 1 }));
    assert.equal((await tls.inject('/x')).headers['strict-transport-security'], 'max-age=31536000');
    await tls.close();
  });

  test('a route that sets its own policy keeps it (attachments are sandboxed)', async () => {
    const Fastify = (await import('fastify')).default;
    const { installSecurityHeaders } = await import('../server/securityHeaders.ts');
    const a = Fastify();
    installSecurityHeaders(a);
    a.get('/f', async (_req, reply) => reply.header('content-security-policy', "default-src 'none'; sandbox").type('text/html').send('<script>x</script>'));
    assert.equal((await a.inject('/f')).headers['content-security-policy'], "default-src 'none'; sandbox");
    await a.close();
  });
});
