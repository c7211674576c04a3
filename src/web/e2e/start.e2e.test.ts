// The README's start command, for real: `congthuong serve --demo` in a fresh DATA_DIR builds the web app
// if needed and serves it with the API on one origin; the start URL shows, without signing in, the
// published figures of a region for a period, as the seed articles wrote them.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api, launchBrowser, openPage, SCREENSHOTS, squash } from './harness.ts';

const root = new URL('../../../', import.meta.url).pathname;
let server: ChildProcess;
let base: string;
let dataDir: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'congthuong-start-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(root, 'bin/congthuong.mjs'), 'serve', '--demo'], {
    cwd: root, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (d) => { out += d; });
  server.stderr!.on('data', (d) => { out += d; });
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/api/regions`)).ok) break;
    } catch { /* not yet */ }
    if (server.exitCode !== null || Date.now() - started > 180_000) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchBrowser();
}, { timeout: 200_000 });

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const done = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await done;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('start URL', () => {
  test('opens, without signing in, the latest published regional figures, written as the articles write them', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(base + '/');
    await page.waitForURL(/\/region\/south\?/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('period'), '9T/2024');
    assert.equal(url.searchParams.get('indicator'), 'retail_services');
    await page.waitForSelector('[data-indicator="retail_services"] [data-testid="headline"]');
    const headline = squash(await page.textContent('[data-indicator="retail_services"] [data-testid="headline"]'));
    const fig = await api(base, '/api/analytics/regions/south/indicators/retail_services?period=9T/2024');
    assert.equal(headline, fig.text.headline);
    assert.equal(headline, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam 9 tháng đầu năm 2024 đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.');
    assert.equal(squash(await page.textContent('[data-indicator="retail_services"] [data-testid="card-value"]')), 'hơn 2.442 nghìn tỷ đồng');
    for (const code of ['exports', 'imports', 'iip']) {
      const f = await api(base, `/api/analytics/regions/south/indicators/${code}?period=9T/2024`);
      assert.equal(squash(await page.textContent(`[data-indicator="${code}"] [data-testid="headline"]`)), f.text.headline, code);
    }
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await page.title(), 'Khu vực phía Nam — 9 tháng đầu năm 2024 · Công Thương Vùng');
    await page.screenshot({ path: join(SCREENSHOTS, 'start-demo.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
