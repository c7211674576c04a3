// The extraction page in Chromium: an analyst (created here through the access layer, since the store
// starts with no accounts) signs in, pastes a province's report, sees the readings highlighted in the
// text with their explanation, corrects one, saves the accepted ones, follows a figure to its source;
// the API then holds each value with the document and sentence it came from. Also: who may use the
// page, uploads (a text file read, a broken Word file refused with a clear message), English.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../access/accounts.ts';
import { api, launchBrowser, openPage, SCREENSHOTS, squash, startServer, type Served } from './harness.ts';

let s: Served;
let browser: Browser;
const ANALYST = { username: 'chuyenvien.e2e', password: 'Kiểm-tra số liệu 2024!' };
const VIEWER = { username: 'xem.e2e', password: 'Chỉ-xem báo cáo 2024!' };
before(async () => {
  s = await startServer();
  const who = { actor: null, label: 'e2e' };
  await createAccount(s.db, who, { ...ANALYST, displayName: 'Chuyên viên Thử nghiệm', role: 'analyst' });
  await createAccount(s.db, who, { ...VIEWER, displayName: 'Người xem Thử nghiệm', role: 'viewer' });
  browser = await launchBrowser();
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await s?.close();
});

const T = { timeout: 120_000 };

// Written like a province's report (the seeds' style), with figures that are not in the demo data.
const REPORT = [
  'SỞ CÔNG THƯƠNG TỈNH BẾN TRE',
  'Bến Tre, ngày 05 tháng 7 năm 2024',
  'Tình hình sản xuất công nghiệp, thương mại 6 tháng đầu năm 2024',
  '6 tháng đầu năm 2024, chỉ số sản xuất công nghiệp (IIP) trên địa bàn tỉnh tăng 9,15% so với cùng kỳ năm trước. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 45.678 tỷ đồng, tăng 11,2% so với cùng kỳ. Kim ngạch xuất khẩu đạt 850 triệu USD, tăng 8,5% so với cùng kỳ. Tỷ trọng công nghiệp chế biến chiếm 30% giá trị sản xuất toàn ngành.',
].join('\n');
const EXPORTS_SENTENCE = 'Kim ngạch xuất khẩu đạt 850 triệu USD, tăng 8,5% so với cùng kỳ.';
const RETAIL_SENTENCE = 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 45.678 tỷ đồng, tăng 11,2% so với cùng kỳ.';

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.waitForSelector('form.sign-in');
  await page.fill('form.sign-in input[name="username"]', who.username);
  await page.fill('form.sign-in input[name="password"]', who.password);
  await page.click('form.sign-in button[type="submit"]');
}

const card = (page: Page, indicator: string) => page.locator(`[data-testid="reading"][data-indicator="${indicator}"]`);

describe('extraction page', () => {
  test('the public is asked to sign in; a viewer is told the page is not for this role', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/extraction`);
    await page.waitForSelector('form.sign-in');
    assert.equal(squash(await page.textContent('h1')), 'Đọc số liệu từ văn bản');
    await signIn(page, VIEWER);
    await page.waitForSelector('.panel[role="note"]');
    assert.match(squash(await page.textContent('.panel[role="note"]')), /vai trò|role/i);
    assert.equal(await page.$('form.sign-in'), null);
    assert.equal(await page.$('[data-testid="source-text"]'), null);
    await context.close();
  });

  test('paste, read, check, correct, drop, save: each value stored with its document and sentence', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/extraction`);
    await signIn(page, ANALYST);
    await page.waitForSelector('[data-testid="source-text"]');
    await page.fill('[data-testid="source-text"]', REPORT);
    await page.screenshot({ path: join(SCREENSHOTS, 'extraction-paste.png'), fullPage: true });
    await page.click('[data-testid="read"]');
    await page.waitForSelector('[data-testid="reading"]');

    // every reading of the API is shown, highlighted in the text and numbered like its card
    const read = await page.evaluate(async (text) => {
      const me = await (await fetch('/api/me')).json();
      const r = await fetch('/api/extraction/read', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token }, body: JSON.stringify({ text }) });
      return r.json();
    }, REPORT);
    const indicators = read.figures.map((f: any) => f.indicator);
    assert.deepEqual(indicators.slice().sort(), ['exports', 'iip', 'other', 'retail_services']);
    assert.deepEqual(await page.$$eval('[data-testid="reading"]', (els) => els.map((e) => e.getAttribute('data-indicator'))), indicators);
    const marked = await page.$$eval('[data-testid="highlighted-text"] mark.reading', (ms) => ms.map((m) => m.getAttribute('data-readings')));
    for (let n = 1; n <= indicators.length; n++) assert.ok(marked.some((m) => m?.split(' ').includes(String(n))), `reading ${n} highlighted`);
    const highlighted = await page.$$eval('[data-testid="highlighted-text"] mark.reading', (ms) => ms.map((m) => m.textContent).join('|'));
    assert.match(highlighted, /45\.678 tỷ đồng/);
    assert.match(highlighted, /850 triệu USD/);
    // the words that gave the indicator are marked, and the text is the text pasted
    const shownText = await page.$eval('[data-testid="highlighted-text"]', (el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.reading-no').forEach((n) => n.remove());
      return copy.textContent;
    });
    assert.equal(shownText, REPORT);
    assert.ok((await page.$$eval('.extract-text .cue-indicator', (els) => els.map((e) => e.textContent).join(' '))).includes('Kim ngạch xuất khẩu'));

    // each card says what was read: place, period, value and unit, status, confidence
    const retail = card(page, 'retail_services');
    assert.equal(squash(await retail.locator('[data-field="place"]').textContent()), 'Bến Tre');
    assert.equal(squash(await retail.locator('[data-field="period"]').textContent()), '6 tháng đầu năm 2024');
    assert.equal(squash(await retail.locator('[data-field="value"]').textContent()), '45.678 tỷ đồng');
    assert.equal(squash(await retail.locator('[data-field="status"]').textContent()), 'ước tính');
    assert.match(squash(await retail.locator('[data-testid="confidence"]').textContent()), /^Độ tin cậy: (cao|trung bình)$/);
    // the share is shown as such, set aside, never forced into an indicator
    const share = card(page, 'other');
    assert.match(squash(await share.textContent()), /Không thuộc chỉ tiêu nào của danh mục/);
    assert.match(squash(await share.textContent()), /Đã bỏ, sẽ không ghi/);
    await page.screenshot({ path: join(SCREENSHOTS, 'extraction-readings.png'), fullPage: true });

    // correct the exports reading (a typing slip in the report: 852,5 million) and make it official
    const exp = card(page, 'exports');
    await exp.locator('[data-testid="edit"]').click();
    await exp.locator('[data-testid="edit-value"]').fill('852,5');
    await exp.locator('[data-testid="edit-status"]').selectOption('official');
    await page.screenshot({ path: join(SCREENSHOTS, 'extraction-correct.png'), fullPage: false, clip: (await exp.boundingBox())! });
    await exp.locator('[data-testid="edit"]').click();
    assert.equal(squash(await exp.locator('[data-field="value"]').textContent()), '852,5 triệu USD');
    assert.match(squash(await exp.locator('.reading-title').textContent()), /đã sửa/);
    // drop the IIP reading: it will not be saved
    await card(page, 'iip').locator('[data-testid="drop"]').click();
    assert.equal(squash(await page.textContent('[data-testid="save"]')), 'Ghi 2 số liệu');

    await page.fill('[data-testid="doc-title"]', 'Báo cáo 6 tháng đầu năm 2024, Sở Công Thương Bến Tre');
    await page.click('[data-testid="save"]');
    await page.waitForSelector('[data-testid="saved-table"]');
    assert.match(squash(await page.textContent('[data-testid="saved-lead"]')), /^Đã ghi 2 số liệu\./);
    await page.screenshot({ path: join(SCREENSHOTS, 'extraction-saved.png'), fullPage: true });
    const docHref = (await page.getAttribute('[data-testid="document-link"]', 'href'))!;
    const documentId = decodeURIComponent(docHref.replace('/documents/', ''));

    // the API holds each value with its source: the document and the whole sentence
    const exportsHistory = await api(s.url, '/api/values/history?place=ben-tre&indicator=exports&period=H1/2024&status=official');
    assert.equal(exportsHistory.revisions.length, 1);
    assert.equal(exportsHistory.revisions[0].value, 852.5);
    assert.equal(exportsHistory.revisions[0].growth_pct, 8.5);
    assert.equal(exportsHistory.revisions[0].kind, 'extraction');
    assert.equal(exportsHistory.revisions[0].source_document, documentId);
    assert.equal(exportsHistory.revisions[0].source_quote, EXPORTS_SENTENCE);
    const retailHistory = await api(s.url, '/api/values/history?place=ben-tre&indicator=retail_services&period=H1/2024&status=estimate');
    assert.equal(retailHistory.revisions[0].value, 45678);
    assert.equal(retailHistory.revisions[0].source_quote, RETAIL_SENTENCE);
    const iip = await api(s.url, '/api/values/history?place=ben-tre&indicator=iip&period=H1/2024&status=official');
    assert.equal(iip.revisions.length, 0, 'the dropped reading was not saved');
    const doc = await api(s.url, `/api/documents/${encodeURIComponent(documentId)}`);
    assert.equal(doc.title, 'Báo cáo 6 tháng đầu năm 2024, Sở Công Thương Bến Tre');
    assert.equal(doc.values.length, 2);

    // follow the exports figure to its source
    await page.click('[data-testid="saved-table"] tr[data-indicator="exports"] [data-testid="trace-link"]');
    await page.waitForSelector('[data-testid="revision"]');
    assert.equal(squash(await page.textContent('[data-testid="revision-quote"]')), EXPORTS_SENTENCE);
    assert.equal(await page.getAttribute('[data-testid="revision"]', 'data-document'), documentId);
    assert.match(squash(await page.textContent('[data-testid="figure-what"]')), /^Kim ngạch xuất khẩu hàng hóa — Bến Tre — 6 tháng đầu năm 2024/);
    await page.screenshot({ path: join(SCREENSHOTS, 'extraction-trace.png'), fullPage: true });
    // and from there to the document with every figure read from it
    await page.click('[data-testid="revision"] a');
    await page.waitForURL(/\/documents\//);
    await page.waitForSelector('table.data tbody tr');
    assert.equal(await page.$$eval('table.data tbody tr', (rows) => rows.length), 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a text file is read; a broken Word file gets a clear message; the page speaks English', T, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${s.url}/extraction?lang=en`);
    await signIn(page, ANALYST);
    await page.waitForSelector('[data-testid="source-text"]');
    assert.equal(squash(await page.textContent('h1')), 'Figures from text');
    await page.click('label:has-text("Upload a file")');
    await page.setInputFiles('[data-testid="source-file"]', { name: 'bao-cao.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('not a zip at all') });
    await page.click('[data-testid="read"]');
    await page.waitForSelector('.error[role="alert"]');
    const message = squash(await page.textContent('.error[role="alert"]'));
    assert.ok(/docx|Word|zip/i.test(message) && message.length > 30, message);
    await page.setInputFiles('[data-testid="source-file"]', { name: 'bao-cao.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT, 'utf8') });
    await page.click('[data-testid="read"]');
    await page.waitForSelector('[data-testid="reading"]');
    const retail = card(page, 'retail_services');
    assert.equal(squash(await retail.locator('[data-field="period"]').textContent()), 'first 6 months of 2024');
    assert.equal(squash(await retail.locator('[data-field="value"]').textContent()), '45,678 billion VND');
    assert.equal(squash(await retail.locator('[data-field="status"]').textContent()), 'estimate');
    // a number typed the English way is read the English way
    await retail.locator('[data-testid="edit"]').click();
    await retail.locator('[data-testid="edit-value"]').fill('45,700.5');
    assert.equal(squash(await retail.locator('[data-field="value"]').textContent()), '45,700.5 billion VND');
    await page.screenshot({ path: join(SCREENSHOTS, 'extraction-en.png'), fullPage: true });
    await context.close();
  });
});
