// The pivot explorer in Chromium: the table shows what the API computes, toggles change the columns
// and the URL, and the exported Excel and CSV files open with the same numbers (as numbers) and
// Vietnamese or English headers. Also the map administration: an administrator imports a boundary file.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { formatNumber } from '../../shared/format.ts';
import { signInAs } from '../../access/testing.ts';
import { SESSION_COOKIE } from '../../access/sessions.ts';
import { api, launchBrowser, openPage, SCREENSHOTS, squash, startServer, type Served } from './harness.ts';
import { smallBoundaryFile } from './fixtures.ts';

let s: Served;
let browser: Browser;
before(async () => {
  s = await startServer({ fixture: true });
  browser = await launchBrowser();
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await s?.close();
});

const T = { timeout: 90_000 };
const SELECTION = 'i=retail_services,exports&u=north,ha-noi,bac-ninh&p=9T/2024,9T/2023&m=growth,share';
const EXPLORE = '/api/analytics/explore?places=north,ha-noi,bac-ninh&indicators=retail_services,exports&periods=9T/2024,9T/2023';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('pivot explorer', () => {
  test('the table shows the API\'s figures; toggles change the columns and the URL', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/pivot?${SELECTION}`);
    await page.waitForSelector('[data-testid="pivot-table"] tbody tr');
    const res = await api(s.url, EXPLORE);
    const cell = (place: string, col: string) => page.textContent(`tr[data-place="${place}"] td[data-column="${col}"]`);
    for (const r of res.records) {
      const ind = res.indicators.find((i: any) => i.code === r.indicator);
      const v = squash(await cell(r.place, `${r.indicator}|${r.period}|value`)).replace(/\s*ước$/, '');
      assert.equal(v, formatNumber(r.value, 'vi', { decimals: ind.decimals, minDecimals: ind.decimals }), `${r.place} ${r.indicator} ${r.period}`);
      assert.equal(squash(await cell(r.place, `${r.indicator}|${r.period}|growth`)), formatNumber(r.growthPct, 'vi', { decimals: 2, minDecimals: 2 }));
    }
    const ha = res.records.find((r: any) => r.place === 'ha-noi' && r.indicator === 'retail_services' && r.period === '9T/2024');
    assert.equal(squash(await cell('ha-noi', 'retail_services|9T/2024|share')), formatNumber(ha.sharePct, 'vi', { decimals: 2, minDecimals: 2 }));
    assert.equal(await page.$$eval('thead th.measure-head', (e) => e.length), 2 * 2 * 3);
    // share off, % of plan on
    await page.click('label.check:has-text("Tỷ trọng")');
    await page.waitForURL((u) => !u.searchParams.get('m')!.includes('share'));
    await page.click('label.check:has-text("% kế hoạch năm")');
    await page.waitForURL((u) => u.searchParams.get('m')!.includes('plan'));
    await page.waitForSelector('td[data-column="retail_services|9T/2024|plan"]');
    assert.equal(await page.$$eval('td[data-column$="|share"]', (e) => e.length), 0);
    assert.equal(squash(await cell('ha-noi', 'retail_services|9T/2024|plan')), formatNumber(ha.pctOfPlan, 'vi', { decimals: 2, minDecimals: 2 }));
    // a period added from the picker
    await page.selectOption('#pivot-period-year', '2022');
    await page.click('button:has-text("+ Thêm kỳ")');
    await page.waitForURL((u) => u.searchParams.get('p')!.split(',').includes('9T/2022'));
    await page.waitForSelector('td[data-column="retail_services|9T/2022|value"]');
    await page.screenshot({ path: join(SCREENSHOTS, 'pivot-vi.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('exports to Excel: the downloaded file opens with the same numbers, as numbers, and Vietnamese headers', T, async () => {
    const { page, context } = await openPage(browser, { downloads: true });
    await page.goto(`${s.url}/pivot?${SELECTION}`);
    await page.waitForSelector('[data-testid="pivot-table"] tbody tr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
    assert.match(download.suggestedFilename(), /^bang-tong-hop-9T-2024_9T-2023\.xlsx$/);
    const file = join(s.dataDir, 'export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as any);
    const ws = wb.getWorksheet('Bảng tổng hợp')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 3), ['Mã', 'Đơn vị', 'Tổng mức bán lẻ (tỷ đồng) — 9 tháng đầu năm 2024']);
    assert.equal(header[3], 'Tổng mức bán lẻ (tỷ đồng) — 9 tháng đầu năm 2024 — Tăng/giảm so với cùng kỳ (%)');
    const res = await api(s.url, EXPLORE);
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row, n) => { if (n > 1) rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1)); });
    assert.deepEqual([...rows.keys()], ['north', 'ha-noi', 'bac-ninh']);
    for (const r of res.records) {
      const col = header.indexOf(header.find((h) => String(h).startsWith(`${r.indicator === 'exports' ? 'Xuất khẩu' : 'Tổng mức bán lẻ'}`) && String(h).includes(r.period === '9T/2024' ? '2024' : '2023') && !String(h).includes('(%)'))!);
      const v = rows.get(r.place)![col];
      assert.equal(typeof v, 'number', `${r.place} ${r.indicator} ${r.period}`);
      assert.equal(v, r.value);
    }
    assert.ok(wb.getWorksheet('Ghi chú'));
    await context.close();
  });

  test('exports to CSV; in English the headers are English', T, async () => {
    const { page, context } = await openPage(browser, { downloads: true });
    await page.goto(`${s.url}/pivot?${SELECTION}&lang=en`);
    await page.waitForSelector('[data-testid="pivot-table"] tbody tr');
    assert.equal(squash(await page.textContent('h1')), 'Pivot explorer');
    assert.match(squash(await page.textContent('thead th.group-head')), /Retail sales \(billion VND\)/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    assert.match(download.suggestedFilename(), /^pivot-9T-2024_9T-2023\.csv$/);
    const file = join(s.dataDir, 'export.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\ufeff'), 'BOM so that Excel reads UTF-8');
    const rows = parseCsv(text.slice(1));
    assert.deepEqual(rows[0]!.slice(0, 3), ['Id', 'Place', 'Retail sales (billion VND) — first 9 months of 2024']);
    const res = await api(s.url, EXPLORE);
    const north = res.records.find((r: any) => r.place === 'north' && r.indicator === 'retail_services' && r.period === '9T/2024');
    const northRow = rows.find((r) => r[0] === 'north')!;
    assert.equal(Number(northRow[2]), north.value);
    assert.equal(Number(northRow[3]), north.growthPct);
    await page.screenshot({ path: join(SCREENSHOTS, 'pivot-en.png'), fullPage: true });
    await context.close();
  });

  test('a phone-sized screen: the selection above, the table scrolls inside itself', T, async () => {
    const { page, context } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${s.url}/pivot?${SELECTION}`);
    await page.waitForSelector('[data-testid="pivot-table"] tbody tr');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
    await context.close();
  });
});

describe('map administration', () => {
  test('an administrator imports a boundary file, reads the report, and the map draws the boundaries', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/admin/map`);
    await page.waitForSelector('form.sign-in');
    assert.match(squash(await page.textContent('form.sign-in')), /Cần đăng nhập bằng tài khoản quản trị/);
    const admin = await signInAs(null as any, s.db, 'admin');
    const token = admin.cookie.split('=')[1]!;
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: s.url }]);
    await page.reload();
    await page.waitForSelector('text=Đang đăng nhập');
    const file = join(s.dataDir, 'ranh-gioi.geojson');
    writeFileSync(file, JSON.stringify(smallBoundaryFile()));
    await page.setInputFiles('input[type="file"]', file);
    await page.click('button:has-text("Kiểm tra (chưa lưu)")');
    await page.waitForSelector('[data-testid="match-report"]');
    const dry = squash(await page.textContent('[data-testid="match-report"]'));
    assert.match(dry, /Chưa lưu/);
    assert.match(dry, /Khớp 8\/9 đối tượng/);
    assert.match(dry, /Tỉnh Không Có Thật/);
    assert.match(dry, /Quần đảo Trường Sa|QĐ Trường Sa: có trong tệp/);
    await page.click('button:has-text("Nhập ranh giới")');
    await page.waitForFunction(() => document.querySelector('[data-testid="match-report"]')?.textContent?.includes('Đã lưu'));
    await page.waitForSelector('.map-panel[data-style="boundaries"] path.province');
    assert.match(squash(await page.textContent('[data-testid="boundary-status"]')), /Đã có ranh giới của 8 tỉnh/);
    const grid = await api(s.url, '/api/geo/34');
    assert.equal(grid.boundaries.count, 8);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-map.png'), fullPage: true });
    assert.deepEqual(errors.filter((e) => !/401|403/.test(e)), []);
    await context.close();
  });
});
