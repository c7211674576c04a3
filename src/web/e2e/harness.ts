// The browser tests' harness: the real application (same buildApp as `congthuong serve`, web app built
// by the same Vite step) on a free port over a fresh SQLite store in a temporary DATA_DIR with the demo
// data, plus Debian's Chromium driven by playwright-core.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { openDb, type Db } from '../../db/database.ts';
import { ensureDemoData } from '../../collection/demo/loadDemo.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../collection/demo/demoAccounts.ts';
import { buildApp } from '../../server/app.ts';
import { ensureWebBuilt } from '../../server/webBuild.ts';
import { importBoundaries } from '../../catalogue/geo/geoStore.ts';
import { loadProvinceFixture, smallBoundaryFile } from './fixtures.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const SCREENSHOTS = join(new URL('.', import.meta.url).pathname, 'screenshots');

export interface Served {
  url: string;
  db: Db;
  dataDir: string;
  close(): Promise<void>;
}

export async function startServer(opts: { fixture?: boolean; boundaries?: boolean } = {}): Promise<Served> {
  await ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'congthuong-e2e-'));
  const db = await openDb({ kind: 'sqlite', url: join(dataDir, 'congthuong.db') });
  await ensureDemoData(db);
  if (opts.fixture) await loadProvinceFixture(db);
  if (opts.boundaries) await importBoundaries(db, '34', smallBoundaryFile(), { actor: 'e2e', source: 'e2e-small.geojson' });
  const app = await buildApp({ db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    dataDir,
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** JSON from the API, as the tests' reference for what the page must show. */
export async function api<T = any>(base: string, path: string): Promise<T> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface Opened {
  page: import('playwright-core').Page;
  context: import('playwright-core').BrowserContext;
  errors: string[];
}

/** A fresh context and page that records console errors and uncaught exceptions. */
export async function openPage(browser: Browser, opts: { width?: number; height?: number; downloads?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 900 },
    acceptDownloads: opts.downloads ?? false,
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, errors };
}

/** Normalises white space the way innerText may break it across lines. */
export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * For one test file: the server with the demo data and the demo accounts (what `serve --demo` does) and
 * a browser, started before its tests and closed after them. Read `.s` and `.browser` inside tests.
 */
export function demoServerAndBrowser(): { s: Served; browser: Browser } {
  const ctx = {} as { s: Served; browser: Browser };
  before(async () => {
    ctx.s = await startServer();
    await ensureDemoAccounts(ctx.s.db);
    ctx.browser = await launchBrowser();
  }, { timeout: 300_000 });
  after(async () => {
    await ctx.browser?.close();
    await ctx.s?.close();
  });
  return ctx;
}

/** Signs a demo account in on the sign-in page (demo password) and waits to land on `next`. */
export async function signInDemo(page: Page, base: string, username: string, next = '/collection', lang?: 'vi' | 'en'): Promise<void> {
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}${lang ? `&lang=${lang}` : ''}`);
  await page.fill('form.sign-in input[name="username"]', username);
  await page.fill('form.sign-in input[name="password"]', DEMO_PASSWORD);
  await page.click('form.sign-in button[type="submit"]');
  await page.waitForURL((u) => u.pathname.startsWith(next.split('?')[0]!));
}

/** A fresh page with a demo account signed in, landed on `next`. */
export async function openSignedIn(browser: Browser, base: string, username: string, opts: { next?: string; downloads?: boolean } = {}): Promise<Opened> {
  const o = await openPage(browser, { downloads: opts.downloads });
  await signInDemo(o.page, base, username, opts.next ?? '/collection');
  return o;
}

/** GET `path` with a page's cookies: asserts 200, returns the JSON. */
export async function jsonOk(r: APIRequestContext, base: string, path: string): Promise<any> {
  const res = await r.get(base + path);
  assert.equal(res.status(), 200, `${path}: ${await res.text()}`);
  return res.json();
}
