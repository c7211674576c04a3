// Provinces' reports in Chromium, as the people who use them would: Hà Nội's officer signs in with a
// demo account, enters the month's figures, meets a cell error, saves, loses a race with a colleague
// and chooses on the conflict screen, downloads the Excel template, uploads it with one bad cell
// (nothing saved, the cell named) and then right, and submits; an analyst approves; the status board,
// the completeness report, the accounts and the audit log show it. Every number on screen is checked
// against the API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../collection/demo/demoAccounts.ts';
import { COL, DATA_SHEET, FIRST_ROW } from '../../collection/excel/layout.ts';
import { pct, plain, signedPct } from '../fmt.ts';
import { demoServerAndBrowser, jsonOk, openPage, openSignedIn, SCREENSHOTS, squash } from './harness.ts';

const env = demoServerAndBrowser(); // the server with the demo accounts, and Chromium

const T = { timeout: 180_000 };
/** One screenshot per main screen, for the user guide (scrolled to the top: sticky headers stay put). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `collection-${name}.png`), fullPage: true });
}

const signIn = (username: string, opts: { downloads?: boolean } = {}) => openSignedIn(env.browser, env.s.url, username, opts);
const json = (r: APIRequestContext, path: string) => jsonOk(r, env.s.url, path);

/** The entry grid's row of an item, and its "this period" cell. */
const row = (item: number) => `[data-testid="entry-grid"] tr[data-item="${item}"]`;
const cell = (item: number, measure = 'actual') => `${row(item)} input[data-measure="${measure}"]`;

describe('a province reports its month and the ministry approves it', () => {
  let period = '';
  const report = () => `dataset=bao-cao-thang&province=ha-noi&period=${period}`;
  let officer: { page: Page; context: BrowserContext; errors: string[] };

  test('the sign-in page offers the demo accounts, and only in demo mode', T, async () => {
    const { page, context } = await openPage(env.browser);
    await page.goto(`${env.s.url}/sign-in`);
    await page.waitForSelector('[data-testid="demo-accounts"]');
    assert.equal(squash(await page.textContent('[data-testid="demo-password"]')), DEMO_PASSWORD);
    const listed = await page.$$eval('[data-testid="demo-accounts"] code', (els) => els.map((e) => e.textContent));
    for (const u of ['admin', 'chuyenvien', 'sct-hanoi', 'cuc-ctdp']) assert.ok(listed.includes(u), u);
    await shot(page, 'sign-in');
    await context.close();
  });

  test('the officer enters figures, sees a cell error, saves; growth and % of plan as typed', T, async () => {
    officer = await signIn('sct-hanoi', { downloads: true });
    const { page } = officer;
    await page.click('nav.tabs >> text=Phiếu nhập của tỉnh');
    await page.waitForSelector(cell(0));
    period = new URL(page.url()).searchParams.get('period')!;
    assert.match(period, /^T\d{1,2}\/\d{4}$/);
    assert.equal(new URL(page.url()).searchParams.get('province'), null); // the officer's own province by default
    assert.match(squash(await page.textContent('[data-testid="report-title"]')), /^Thành phố Hà Nội|^Hà Nội/);

    // Before anything is typed, the summary and the grid agree: the required cells still empty are
    // counted apart (not as errors) and each is marked as such in its row.
    let grid = await json(page.request, `/api/collection/grid?${report()}`);
    const emptyRequired = grid.rows.filter((r: any) => r.required && r.value === null).length;
    assert.ok(emptyRequired > 0);
    assert.equal(squash(await page.textContent('[data-testid="grid-summary"]')), `0 lỗi · ${emptyRequired} ô bắt buộc còn trống · 0 cảnh báo chưa giải trình`);
    assert.equal(await page.$$eval('[data-testid="entry-grid"] .ct-issues [data-code="required"]', (e) => e.length), emptyRequired);
    assert.equal(await page.$$eval('[data-testid="entry-grid"] .ct-issues .ct-error', (e) => e.length), 0);

    // A value above the maximum: the browser says so as it is typed, with no growth beside it...
    await page.fill(cell(0), '1500');
    assert.deepEqual(await page.$$eval(`${row(0)} .ct-issues p`, (ps) => ps.map((p) => p.textContent)), ['Không được lớn hơn 1.000.']);
    assert.equal(squash(await page.textContent(`${row(0)} [data-testid="growth"]`)), '—');
    // ...and the server refuses the save and names the cell, in Vietnamese: one message, still no growth.
    await page.click('[data-testid="save"]');
    await page.waitForSelector(`${row(0)} .ct-issues .ct-error >> text=vượt mức tối đa`);
    assert.match(squash(await page.textContent('.ct-notice-error')), /Không có gì được lưu/);
    const messages = await page.$$eval(`${row(0)} .ct-issues p`, (ps) => ps.map((p) => p.textContent));
    assert.equal(messages.length, 1, messages.join(' | '));
    assert.match(messages[0]!, /vượt mức tối đa/);
    assert.equal(squash(await page.textContent(`${row(0)} [data-testid="growth"]`)), '—');
    assert.equal(squash(await page.textContent('[data-testid="grid-summary"]')), `1 lỗi · ${emptyRequired - 1} ô bắt buộc còn trống · 0 cảnh báo chưa giải trình`);
    await shot(page, 'cell-error');
    grid = await json(page.request, `/api/collection/grid?${report()}`);
    assert.equal(grid.rows[0].value, null, 'nothing saved');

    const typed: Record<string, string> = { 0: '105,3', 1: '104,8', 3: '45.678,9', 4: '512.345,6', 5: '1.234,5', 6: '13.579', 7: '987,6', 8: '10.864,2' };
    for (const [item, text] of Object.entries(typed)) await page.fill(cell(Number(item)), text);
    await page.fill(cell(4, 'plan'), '600.000');
    // growth of an index as typed: IIP 105,3 → +5,30%; % of plan of the cumulative retail figure
    assert.equal(squash(await page.textContent(`${row(0)} [data-testid="growth"]`)), signedPct(5.3, 'vi'));
    assert.equal(squash(await page.textContent(`${row(4)} [data-testid="pct-of-plan"]`)), pct((512345.6 / 600000) * 100, 'vi', 1));
    await page.click('[data-testid="save"]');
    await page.waitForSelector('.ct-notice-ok >> text=Đã lưu 9 ô');
    grid = await json(page.request, `/api/collection/grid?${report()}`);
    const want: Record<number, number> = { 0: 105.3, 1: 104.8, 3: 45678.9, 4: 512345.6, 5: 1234.5, 6: 13579, 7: 987.6, 8: 10864.2 };
    for (const [item, v] of Object.entries(want)) assert.equal(grid.rows[Number(item)].value, v, `item ${item}`);
    assert.equal(grid.rows[4].plan.value, 600000);
    assert.equal(grid.submission.status, 'draft');
    assert.equal(squash(await page.textContent('[data-testid="filled"]')), `${grid.summary.filled}/${grid.summary.of} chỉ tiêu`);
    assert.equal(squash(await page.textContent(`${row(4)} [data-testid="pct-of-plan"]`)), pct(grid.rows[4].pct_of_plan, 'vi', 1));
    await shot(page, 'entry');
  });

  test('a stale edit is refused with the current value shown; the officer chooses', T, async () => {
    const { page } = officer;
    // A colleague in another browser saves the same cell first.
    const colleague = await signIn('sct-hanoi');
    await colleague.page.goto(`${env.s.url}/collection/entry?${report()}`);
    await colleague.page.fill(cell(3), '46.000');
    await colleague.page.click('[data-testid="save"]');
    await colleague.page.waitForSelector('.ct-notice-ok');
    await colleague.context.close();

    await page.fill(cell(3), '45.999');
    await page.click('[data-testid="save"]');
    await page.waitForSelector('[data-testid="conflict"]');
    const api = await json(page.request, `/api/collection/grid?${report()}`);
    assert.equal(api.rows[3].value, 46000, 'the colleague\'s figure stands');
    const conflictRow = '[data-testid="conflict"] tr[data-item="3"]';
    assert.equal(squash(await page.textContent(`${conflictRow} [data-testid="mine"]`)), '45.999');
    assert.equal(squash(await page.textContent(`${conflictRow} [data-testid="theirs"]`)), plain(46000, api.rows[3].decimals, 'vi'));
    assert.match(squash(await page.textContent(`${conflictRow} [data-testid="saved-by"]`)), /^sct-hanoi lưu lúc \d\d:\d\d/);
    await shot(page, 'conflict');
    await page.check(`${conflictRow} input[type="radio"] >> nth=1`); // "Lưu số của tôi"
    await page.click('[data-testid="resolve"]');
    await page.waitForSelector('.ct-notice-ok >> text=Đã lưu 1 ô');
    const after = await json(page.request, `/api/collection/grid?${report()}`);
    assert.equal(after.rows[3].value, 45999);
    assert.equal(after.rows[3].version, 3);
  });

  test('the Excel template, uploaded with a bad cell (nothing saved), then right', T, async () => {
    const { page } = officer;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="template-xlsx"]')]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path!) as any);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    assert.equal(Number(ws.getCell(FIRST_ROW, COL.value).value), 105.3, 'the template carries the saved figures');
    ws.getCell(FIRST_ROW + 9, COL.value).value = 123.4; // electricity
    ws.getCell(FIRST_ROW + 11, COL.value).value = -5; // markets: a count cannot be negative
    const bad = join(env.s.dataDir, 'bao-cao-loi.xlsx');
    await wb.xlsx.writeFile(bad);
    const fileInput = 'form.ct-upload input[type="file"]';
    await page.setInputFiles(fileInput, bad);
    await page.click('[data-testid="upload"]');
    await page.waitForSelector('[data-testid="upload-errors"]');
    const errorsText = squash(await page.textContent('[data-testid="upload-errors"]'));
    assert.match(errorsText, new RegExp(`Trang ${DATA_SHEET}, ô H${FIRST_ROW + 11}: .*nhỏ hơn mức tối thiểu`));
    assert.match(squash(await page.textContent('.ct-notice-error:has([data-testid="upload-errors"])')), /^Không có gì được lưu/);
    let grid = await json(page.request, `/api/collection/grid?${report()}`);
    assert.equal(grid.rows[9].value, null, 'the good cell of a bad file is not saved either');
    assert.equal(grid.rows[11].value, null);
    await shot(page, 'upload-errors');

    ws.getCell(FIRST_ROW + 11, COL.value).value = 12;
    const good = join(env.s.dataDir, 'bao-cao.xlsx');
    await wb.xlsx.writeFile(good);
    await page.setInputFiles(fileInput, good);
    await page.click('[data-testid="upload"]');
    await page.waitForSelector('text=Đã lưu 2 ô từ tệp');
    grid = await json(page.request, `/api/collection/grid?${report()}`);
    assert.equal(grid.rows[9].value, 123.4);
    assert.equal(grid.rows[11].value, 12);
    await page.waitForFunction(() => (document.querySelector('tr[data-item="11"] input[data-measure="actual"]') as HTMLInputElement | null)?.value === '12');
  });

  test('the officer submits; the grid locks', T, async () => {
    const { page, errors } = officer;
    await page.click('[data-testid="submit"]');
    await page.waitForSelector('text=Đã gửi báo cáo');
    const grid = await json(page.request, `/api/collection/grid?${report()}`);
    assert.equal(grid.submission.status, 'submitted');
    await page.waitForSelector('[data-testid="entry-grid"] [data-testid="value"]'); // read-only cells now
    assert.equal(await page.$(cell(0)), null);
    assert.deepEqual(errors.filter((e) => !/status of 4(09|22)/.test(e)), []);
    await officer.context.close();
  });

  test('an analyst reviews it against the API and approves it; it is published', T, async () => {
    const { page, context, errors } = await signIn('chuyenvien');
    await page.click('nav.tabs >> text=Hàng chờ duyệt');
    await page.waitForSelector('[data-testid="review-queue"] tr[data-province="ha-noi"]');
    await shot(page, 'review-queue');
    await page.click('[data-testid="review-queue"] tr[data-province="ha-noi"] a');
    await page.waitForSelector('[data-testid="review-grid"]');
    const id = page.url().match(/review\/(\d+)/)![1];
    const detail = await json(page.request, `/api/collection/submissions/${id}`);
    for (const r of detail.rows) {
      assert.equal(squash(await page.textContent(`[data-testid="review-grid"] tr[data-item="${r.item}"] [data-testid="value"]`)), plain(r.value, r.decimals, 'vi'), `item ${r.item}`);
    }
    await shot(page, 'review');
    await page.click('[data-testid="approve"]');
    await page.waitForSelector('text=Đã duyệt: số liệu đã được khóa và công bố.');
    const after = await json(page.request, `/api/collection/submissions/${id}`);
    assert.equal(after.submission.status, 'approved');
    const published = await json(page.request, `/api/values?place=ha-noi&indicator=iip&period=${period}`);
    assert.ok(published.values.some((v: any) => v.value === 105.3), JSON.stringify(published.values));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the status board and the completeness report show it', T, async () => {
    const { page, context, errors } = await signIn('chuyenvien');
    await page.goto(`${env.s.url}/collection?dataset=bao-cao-thang&period=${period}`);
    await page.waitForSelector('[data-testid="status-board"] tr[data-province="ha-noi"] [data-status="approved"]');
    const board = await json(page.request, `/api/collection/status?dataset=bao-cao-thang&period=${period}`);
    assert.equal(board.counts.approved, 1);
    assert.equal(squash(await page.textContent('[data-count="approved"] strong')), String(board.counts.approved));
    const shown = await page.$$eval('[data-testid="status-board"] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-province'), tr.querySelector('[data-status]')!.getAttribute('data-status')]));
    assert.deepEqual(shown, board.provinces.map((p: any) => [p.province, p.status]));
    await shot(page, 'status');
    await page.click('nav.tabs >> text=Đầy đủ và đúng hạn');
    await page.waitForSelector('[data-testid="completeness"] tr[data-region="national"]');
    const comp = await json(page.request, `/api/collection/completeness?dataset=bao-cao-thang&period=${period}`);
    const cells = await page.$$eval('[data-testid="completeness"] tr[data-region="national"] td', (tds) => tds.map((td) => td.textContent));
    assert.equal(cells[0], String(comp.national.expected));
    assert.equal(cells[1], String(comp.national.reported));
    await shot(page, 'completeness');
    await page.click('nav.tabs >> text=Lịch báo cáo');
    await page.waitForSelector('[data-testid="calendar"] tr.ct-current');
    await shot(page, 'calendar');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the administrator sees the accounts and the audit trail of the report', T, async () => {
    const { page, context, errors } = await signIn('admin');
    await page.goto(`${env.s.url}/admin/accounts`);
    await page.waitForSelector('[data-testid="accounts"] tr[data-username="sct-hanoi"]');
    assert.match(squash(await page.textContent('[data-testid="accounts"] tr[data-username="sct-hanoi"]')), /Cán bộ Sở Công Thương.*Hà Nội.*Đang hoạt động/);
    await shot(page, 'accounts');
    await page.goto(`${env.s.url}/admin/audit?action=submission.`);
    await page.waitForSelector('[data-testid="audit"] tr[data-action="submission.approve"]');
    const actions = await page.$$eval('[data-testid="audit"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-action')));
    assert.deepEqual(actions.slice(0, 2), ['submission.approve', 'submission.submit']);
    assert.ok(actions.includes('submission.upload') && actions.includes('submission.save'));
    await shot(page, 'audit');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
