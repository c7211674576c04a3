// `node --import tsx bench/web/dashboard.ts [--values 80M | --store path.db] [--runs 15] [--keep]`:
// the time from navigation to the regional dashboard showing its headline figures, in headless Chromium
// on localhost, over the synthetic national dataset (bench/generate.ts, loaded with bulkLoad like the
// storage benchmark) — or over a store an earlier `npm run bench -- --keep` left (--store).
// Cold runs: a fresh browser context each time (nothing cached). Warm: same context, assets cached.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { openDb, type Db } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { ensureWebBuilt } from '../../src/server/webBuild.ts';
import { buildModel, createCatalogue, planDataset } from '../generate.ts';
import { oursLoad } from '../ingest.ts';
import { intFlag, parseFlags } from '../args.ts';
import { LoadSampler, log, now, round, summarize, type Summary } from '../stats.ts';

export const TARGET_MS = 1000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface DashboardReport {
  at: string;
  dataset: { values: number; rowsInStore: number; source: string; loadMs: number | null };
  url: string;
  cards: number;
  /** navigation start → every headline card rendered with its figure */
  cold: Summary;
  warm: Summary;
  /** navigation start → first contentful paint */
  fcp: Summary;
  /** the figure API, server side, per indicator request */
  apiFigure: Summary;
  targetMs: number;
  withinTarget: boolean;
  /** 1-minute load average while measuring (2 cores: above 2 the browser and the server wait for CPU) */
  load: { mean: number; max: number };
}

async function openDataset(flags: Map<string, string>): Promise<{ db: Db; values: number; source: string; loadMs: number | null; cleanup: () => void }> {
  const store = flags.get('store');
  if (store) {
    const db = await openDb({ kind: 'sqlite', url: store });
    return { db, values: 0, source: store, loadMs: null, cleanup: () => {} };
  }
  const values = intFlag(flags, 'values', 80_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'congthuong-web-bench-'));
  const db = await openDb({ kind: 'sqlite', url: join(dir, 'web-bench.db') });
  const model = buildModel(planDataset(values));
  log(`dataset: ${JSON.stringify(model.plan)}`);
  const t0 = now();
  const cat = await createCatalogue(db, model);
  await oursLoad(db, cat, 'web bench load');
  if (db.raw.kind === 'sqlite') db.raw.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const loadMs = now() - t0;
  return { db, values: model.plan.rows, source: 'bench/generate.ts', loadMs, cleanup: () => flags.has('keep') ? log(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true }) };
}

export async function benchDashboard(flags = parseFlags()): Promise<DashboardReport> {
  const runs = intFlag(flags, 'runs', 15);
  await ensureWebBuilt({ log });
  const ds = await openDataset(flags);
  const rowsInStore = Number((await ds.db.k.selectFrom('value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const app = await buildApp({ db: ds.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const latest = await (await fetch(`${base}/api/analytics/latest`)).json() as { region: string; indicator: string; period: string };
  const path = `/region/${latest.region}?indicator=${latest.indicator}&period=${latest.period}`;
  log(`dashboard: ${path} over ${rowsInStore} values`);

  // server side: the figure request the dashboard makes for each card
  const api: number[] = [];
  for (let i = 0; i < Math.max(20, runs); i++) {
    const t0 = now();
    const r = await fetch(`${base}/api/analytics/regions/${latest.region}/indicators/retail_services?period=${latest.period}&lang=vi`);
    await r.arrayBuffer();
    api.push(now() - t0);
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const measure = async (page: import('playwright-core').Page) => {
    await page.goto(base + path);
    await page.waitForSelector('[data-testid="cards"][aria-busy="false"] article [data-testid="headline"]', { timeout: 30_000 });
    // The app marks the frame after the headline figures rendered (Dashboard.tsx, 'ct:dashboard-figures').
    await page.waitForFunction(() => performance.getEntriesByName('ct:dashboard-figures').length > 0, undefined, { timeout: 30_000 });
    return page.evaluate(() => ({
      ready: performance.getEntriesByName('ct:dashboard-figures')[0]!.startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      cards: document.querySelectorAll('[data-testid="cards"] article').length,
    }));
  };
  const load = new LoadSampler();
  const cold: number[] = [];
  const fcp: number[] = [];
  let cards = 0;
  await measure(await (await browser.newContext()).newPage()); // warm the server's own caches once
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const m = await measure(await ctx.newPage());
    cold.push(m.ready);
    fcp.push(m.fcp);
    load.sample();
    cards = m.cards;
    await ctx.close();
  }
  const warm: number[] = [];
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await measure(page);
  for (let i = 0; i < runs; i++) warm.push((await measure(page)).ready);
  await browser.close();
  await app.close();
  await ds.db.close();
  ds.cleanup();
  const c = summarize(cold);
  return {
    at: new Date().toISOString(),
    dataset: { values: ds.values || rowsInStore, rowsInStore, source: ds.source, loadMs: ds.loadMs },
    url: path, cards, cold: c, warm: summarize(warm), fcp: summarize(fcp), apiFigure: summarize(api),
    targetMs: TARGET_MS, withinTarget: c.p95 <= TARGET_MS, load: load.summary(),
  };
}

export function dashboardMarkdown(r: DashboardReport): string {
  const row = (name: string, s: Summary) => `| ${name} | ${s.runs} | ${round(s.p50, 0)} | ${round(s.p95, 0)} | ${round(s.max, 0)} |`;
  return [
    `Dataset: ${r.dataset.rowsInStore.toLocaleString('en')} values in the store (${r.dataset.source}); page \`${r.url}\`, ${r.cards} headline cards.`,
    '',
    '| measure | runs | p50 ms | p95 ms | max ms |', '|---|---:|---:|---:|---:|',
    row('navigation → dashboard with its figures, cold (new browser context)', r.cold),
    row('navigation → dashboard with its figures, warm (assets cached)', r.warm),
    row('navigation → first contentful paint, cold', r.fcp),
    row('figure API (one indicator of the region), server side', r.apiFigure),
    '',
    `Load average during the runs: mean ${round(r.load.mean, 1)}, max ${round(r.load.max, 1)} (2 cores).`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchDashboard();
  console.log(dashboardMarkdown(r));
  console.log(`\ncold p95 ${round(r.cold.p95, 0)} ms — ${r.withinTarget ? 'within' : 'OVER'} the ${r.targetMs} ms target`);
  const out = join(new URL('..', import.meta.url).pathname, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `web-dashboard-${r.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(r, null, 2));
  process.exit(r.withinTarget ? 0 : 1);
}
