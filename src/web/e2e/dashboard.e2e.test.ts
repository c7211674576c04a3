// The regional dashboard in Chromium, checked against the API: headline figures, trend chart, ranking
// with the regional average and the provinces above it, the map on the 63 and the 34 geographies,
// language switch, deep links, source trace, empty and error states, phone size, keyboard and labels.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatGrowth, formatNumber } from '../../shared/format.ts';
import { api, launchBrowser, openPage, SCREENSHOTS, squash, startServer, type Served } from './harness.ts';

let s: Served;
let browser: Browser;
before(async () => {
  s = await startServer({ fixture: true, boundaries: true });
  browser = await launchBrowser();
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await s?.close();
});

const T = { timeout: 90_000 };

async function cardsOf(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="cards"] article', (els) => els.map((e) => e.getAttribute('data-indicator')!));
}

async function names(base: string, region: string, date: string): Promise<Map<string, string>> {
  const r = await api(base, `/api/regions/${region}?date=${date}`);
  return new Map(r.members.map((m: any) => [m.id, m.short_vi]));
}

describe('regional dashboard', () => {
  test('headline figures, each with its trend and source, are the API\'s sentences', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('[data-indicator="retail_services"] [data-testid="headline"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cards"] article').length >= 3);
    const shown = await cardsOf(page);
    assert.deepEqual(shown.sort(), ['exports', 'iip', 'retail_services']);
    for (const code of shown) {
      const f = await api(s.url, `/api/analytics/regions/north/indicators/${code}?period=9T/2024`);
      const card = `[data-indicator="${code}"]`;
      assert.equal(squash(await page.textContent(`${card} [data-testid="headline"]`)), f.text.headline, code);
      if (code !== 'iip') {
        assert.equal(squash(await page.textContent(`${card} [data-testid="card-value"]`)), f.text.value, code);
        assert.match(squash(await page.textContent(`${card} .card-growth`)), new RegExp(formatGrowth(f.growthPct, 'vi').replace('.', '\\.')));
      }
      await page.waitForSelector(`${card} svg.sparkline`);
      assert.equal(await page.getAttribute(`${card} .card-meta a`, 'href'), `/figure/north/${code}?period=9T/2024`);
    }
    // what has no figure is said, not shown as zero
    assert.match(squash(await page.textContent('.nodata-list')), /Chưa có số liệu: .*Nhập khẩu/);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-north-vi.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('provinces ranked, the regional average marked, the ones above it named', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('.rank-list li');
    const f = await api(s.url, '/api/analytics/regions/north/indicators/retail_services?period=9T/2024');
    const nm = await names(s.url, 'north', '2024-09-30');
    const rows = await page.$$eval('.rank-list li', (els) => els.map((e) => ({
      unit: e.getAttribute('data-unit')!, above: e.classList.contains('above'), value: e.querySelector('.rank-value')!.textContent!.trim(),
    })));
    assert.equal(rows.length, f.units.length);
    const byGrowth = [...f.units].sort((a: any, b: any) => b.growthPct - a.growthPct).map((u: any) => u.unit);
    assert.deepEqual(rows.map((r) => r.unit), byGrowth);
    assert.deepEqual(rows.filter((r) => r.above).map((r) => r.unit).sort(), [...f.aboveAverage.units].sort());
    assert.equal(squash(await page.textContent('[data-testid="above-average"]')), f.text.aboveAverage);
    for (const u of f.aboveAverage.units) assert.ok(f.text.aboveAverage.includes(nm.get(u)!), u);
    const top = f.units.find((u: any) => u.unit === byGrowth[0]);
    assert.equal(rows[0]!.value, `+${formatNumber(top.growthPct, 'vi', { decimals: 2, minDecimals: 2 })}%`);
    assert.match(squash(await page.textContent('.ranking-average')), new RegExp(`\\+${formatNumber(f.growthPct, 'vi', { decimals: 2, minDecimals: 2 })}%`));
    assert.equal(await page.$$eval('.rank-avg', (els) => new Set(els.map((e) => (e as HTMLElement).style.left)).size), 1, 'one average line');
    // rank by value instead
    await page.click('.segmented label:has-text("Giá trị")');
    await page.waitForFunction(() => !document.querySelector('[data-testid="above-average"]')?.textContent?.includes('mức tăng'));
    const byValue = [...f.units].sort((a: any, b: any) => b.value - a.value).map((u: any) => u.unit);
    assert.deepEqual(await page.$$eval('.rank-list li', (els) => els.map((e) => e.getAttribute('data-unit'))), byValue);
    await context.close();
  });

  test('a time-series chart, with its data table matching the series API', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('[data-testid="trend-chart"] svg');
    await page.click('button:has-text("Xem bảng số liệu")');
    const series = await api(s.url, '/api/analytics/series?place=north&indicator=retail_services&kind=ytd&n=9&from=2015&to=2024');
    const cells = await page.$$eval('.trend table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent!.trim())));
    assert.equal(cells.length, series.points.length);
    const last = series.points[series.points.length - 1];
    assert.equal(cells[cells.length - 1]![0], '9 tháng đầu năm 2024');
    assert.equal(cells[cells.length - 1]![1], formatNumber(last.value / 1000, 'vi'));
    await context.close();
  });

  test('the map: 63 provinces before July 2025 as tiles, 34 after with the imported boundaries; both archipelagos shown', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('.map-panel [data-testid="map"]');
    assert.equal(await page.getAttribute('.map-panel', 'data-geography'), '63');
    assert.equal(await page.getAttribute('.map-panel', 'data-style'), 'tiles');
    assert.equal(await page.$$eval('.map .tile', (e) => e.length), 63);
    const members = await page.$$eval('.map .tile.member', (e) => e.map((x) => x.getAttribute('data-unit')));
    assert.equal(members.length, 28);
    assert.notEqual(await page.getAttribute('.map .tile[data-unit="ha-noi"] rect', 'fill'), '#eef0f3');
    assert.equal(await page.getAttribute('.map .tile[data-unit="ca-mau"] rect', 'fill'), '#eef0f3', 'outside the region');
    const arch = await page.$$eval('.map .archipelago', (e) => e.map((x) => x.textContent));
    assert.equal(arch.length, 2);
    assert.match(arch.join(' '), /QĐ Hoàng Sa.*Đà Nẵng/);
    assert.match(arch.join(' '), /QĐ Trường Sa.*Khánh Hòa/);

    await page.selectOption('#dash-period-year', '2025');
    await page.selectOption('#dash-period-kind', 'year');
    await page.waitForURL(/period=2025/);
    await page.waitForSelector('.map-panel[data-geography="34"][data-style="boundaries"] path.province');
    const paths = await page.$$eval('.map path.province', (e) => e.map((x) => x.getAttribute('data-unit')));
    assert.ok(paths.includes('ha-noi') && paths.includes('khanh-hoa-2025') && paths.includes('bac-ninh-2025'));
    assert.equal(await page.$$eval('.map .archipelago', (e) => e.length), 2);
    const f = await api(s.url, '/api/analytics/regions/north/indicators/retail_services?period=2025');
    assert.equal(squash(await page.textContent('[data-indicator="retail_services"] [data-testid="headline"]')), f.text.headline);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-north-2025.png'), fullPage: true });
    // the tiles are one choice away
    await page.selectOption('.map-tools select', 'tiles');
    assert.equal(await page.$$eval('.map .tile', (e) => e.length), 34);
    await context.close();
  });

  test('switches between Vietnamese and English at any time; numbers and periods follow', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('[data-indicator="retail_services"] [data-testid="headline"]');
    await page.click('.lang-switch');
    await page.waitForURL(/lang=en/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const en = await api(s.url, '/api/analytics/regions/north/indicators/retail_services?period=9T/2024&lang=en');
    await page.waitForFunction((h) => document.querySelector('[data-indicator="retail_services"] [data-testid="headline"]')?.textContent?.replace(/\s+/g, ' ').trim() === h, en.text.headline);
    assert.equal(squash(await page.textContent('h1')), 'Northern region — first 9 months of 2024');
    assert.match(squash(await page.textContent('.ranking-average')), /Regional average growth: \+\d+\.\d\d%/);
    assert.equal(await page.textContent('.section-title >> nth=0'), 'Headline figures');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-north-en.png'), fullPage: true });
    // the language survives navigation and comes back
    await page.click('nav.main-nav >> text=Pivot explorer');
    await page.waitForURL(/\/pivot\?.*lang=en/);
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    assert.doesNotMatch(page.url(), /lang=en/);
    await context.close();
  });

  test('deep links hold region, indicator and period; the pickers change them', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=exports&period=9T/2023`);
    await page.waitForSelector('[data-indicator="exports"].selected');
    assert.equal(await page.inputValue('.selection-bar select >> nth=0'), 'north');
    assert.equal(await page.inputValue('#dash-period-year'), '2023');
    assert.equal(await page.inputValue('#dash-period-n'), '9');
    assert.match(squash(await page.textContent('#detail-h')), /Kim ngạch xuất khẩu/);
    await page.selectOption('.selection-bar select >> nth=0', 'south');
    await page.waitForURL(/\/region\/south\?indicator=exports&period=9T\/2023/);
    await page.click('button[aria-label="Kỳ sau"]');
    await page.waitForURL(/period=10T\/2023/);
    await context.close();
  });

  test('"nguồn" leads to how a figure was made and to the article and sentence it was read from', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/south?indicator=retail_services&period=9T/2024`);
    await page.click('[data-indicator="retail_services"] .card-meta a');
    await page.waitForURL(/\/figure\/south\/retail_services/);
    await page.waitForSelector('[data-testid="source-link"]');
    await page.click('[data-testid="source-link"]');
    await page.waitForURL(/\/documents\/seed-002/);
    await page.waitForSelector('td.quote');
    const quotes = await page.$$eval('td.quote', (e) => e.map((x) => x.textContent));
    assert.ok(quotes.some((q) => q?.includes('đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47%')));
    // the published figure's qualifier, stored as the article wrote it ("hơn"), reads in the page's language
    await page.goto(`${s.url}/figure/south/retail_services?period=9T/2024&lang=en`);
    await page.waitForSelector('[data-testid="source-link"]');
    const publishedEn = squash(await page.textContent('.facts dd.num >> nth=0'));
    assert.match(publishedEn, /^over 2,442 trillion VND$/, publishedEn);
    await page.goto(`${s.url}/figure/south/retail_services?period=9T/2024&lang=vi`);
    await page.waitForSelector('[data-testid="source-link"]');
    assert.match(squash(await page.textContent('.facts dd.num >> nth=0')), /^hơn 2\.442 nghìn tỷ đồng$/);
    // the computed figure of the North lists its inputs
    await page.goto(`${s.url}/figure/north/retail_services?period=9T/2024`);
    await page.waitForSelector('table.data tbody tr');
    assert.equal(await page.$$eval('table.data tbody tr', (e) => e.length), 28);
    await context.close();
  });

  test('empty and error states say what is going on and what to do', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=T1/2010`);
    await page.waitForSelector('.empty');
    assert.match(squash(await page.textContent('.headlines .empty')), /Chưa có số liệu.*chưa có số liệu cho tháng 1\/2010.*Kỳ gần nhất có số liệu: năm 2025/);
    await page.click('.headlines .empty a');
    await page.waitForURL(/period=2025/);
    await page.goto(`${s.url}/region/khong-co?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('[role="alert"]');
    assert.match(squash(await page.textContent('[role="alert"]')), /Không tìm thấy/);
    await page.goto(`${s.url}/khong-co-trang-nay`);
    assert.match(squash(await page.textContent('h1')), /Không có trang này/);
    await context.close();
  });

  test('phone-sized screen: one column, nothing wider than the screen, pickers on top', T, async () => {
    const { page, context, errors } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('.rank-list li');
    await page.waitForSelector('.map-panel [data-testid="map"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
    const bar = await page.$eval('.selection-bar', (e) => e.getBoundingClientRect().top);
    assert.ok(bar < 250);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('keyboard: skip link, labelled controls, pickers usable without a mouse', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/region/north?indicator=retail_services&period=9T/2024`);
    await page.waitForSelector('.rank-list li');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('select, input, button')]
      .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label') && !el.textContent?.trim())
      .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabelled, []);
    await page.focus('#dash-period-year');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/period=9T\/2023/);
    await page.focus('.card[data-indicator="exports"] .card-select');
    await page.keyboard.press('Enter');
    await page.waitForURL(/indicator=exports/);
    await context.close();
  });
});

describe('catalogue', () => {
  test('units with their history, regions with members over time, indicators with definitions', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/catalogue/units?date=2025-07-01`);
    await page.waitForSelector('[data-testid="units-table"] tbody tr');
    assert.equal(await page.$$eval('[data-testid="units-table"] tbody tr', (e) => e.length), 34);
    await page.click('button:has-text("Trước 1/7/2025 (63)")');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="units-table"] tbody tr').length === 63);
    await page.goto(`${s.url}/catalogue/units/bac-ninh-2025`);
    await page.waitForSelector('[data-testid="merged-from"]');
    assert.equal(squash(await page.textContent('[data-testid="merged-from"]')), 'Bắc Giang và Bắc Ninh hợp nhất thành Bắc Ninh từ 01/07/2025.');
    await page.goto(`${s.url}/catalogue/units/bac-giang`);
    await page.waitForSelector('[data-testid="merged-into"]');
    assert.match(squash(await page.textContent('[data-testid="merged-into"]')), /Hợp nhất vào: Bắc Ninh ngày 01\/07\/2025/);
    await page.goto(`${s.url}/catalogue/regions/south?date=2025-06-30`);
    await page.waitForSelector('[data-testid="members"] li');
    assert.equal(await page.$$eval('[data-testid="members"] li', (e) => e.length), 20);
    await page.click('button:has-text("Từ 1/7/2025 (34)")');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="members"] li').length === 8);
    await page.goto(`${s.url}/catalogue/indicators/retail_services`);
    await page.waitForSelector('[data-testid="definition"]');
    const ind = await api(s.url, '/api/indicators/retail_services');
    assert.equal(squash(await page.textContent('[data-testid="definition"]')), squash(ind.definition_vi));
    await page.screenshot({ path: join(SCREENSHOTS, 'catalogue-indicator.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
