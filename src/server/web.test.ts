import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Fastify from 'fastify';
import { registerWeb } from './web.ts';

const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Công Thương Vùng</title><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
after(() => rmSync(dist, { recursive: true, force: true }));

describe('serving the web app', () => {
  test('index, deep links, cached hashed assets, and API misses answered as JSON', async () => {
    const app = Fastify();
    app.get('/api/ok', async () => ({ ok: true }));
    await registerWeb(app, { distDir: dist });
    const home = await app.inject('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /id="root"/);
    assert.equal(home.headers['cache-control'], 'no-cache');
    const deep = await app.inject({ url: '/region/south?indicator=retail_services&period=9T/2024', headers: { accept: 'text/html' } });
    assert.equal(deep.statusCode, 200);
    assert.match(deep.body, /id="root"/);
    const asset = await app.inject('/assets/index-abc123.js');
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    const api = await app.inject('/api/nope');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
    assert.equal((await app.inject('/assets/missing-1.js')).statusCode, 404);
    assert.equal((await app.inject('/api/ok')).json().ok, true);
    await app.close();
  });

  test('without a build, the start page', async () => {
    const app = Fastify();
    await registerWeb(app, { distDir: join(dist, 'nothing-here') });
    const home = await app.inject('/');
    assert.match(home.body, /Công Thương Vùng/);
    assert.match(home.body, /\/docs/);
    await app.close();
  });
});
