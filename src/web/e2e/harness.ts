// The browser tests' harness: the real application (same buildApp as `congthuong serve`, web app built
// by the same Vite step) on a free port over a fresh SQLite store in a temporary DATA_DIR with the demo
// data, plus Debian's Chromium driven by playwright-core.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { openDb, type Db } from '../../db/database.ts';
import { ensureDemoData } from '../../collection/demo/loadDemo.ts';
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
