// The reports page in Chromium over the demo data: choosing the southern region and the first 9 months
// of 2024 shows the report with the seed article's sentences (the golden sentences of
// src/reports/golden.test.ts); the Word and Excel files downloaded from the page open with the same
// text and numbers; English; the API's errors next to the field they are about; deep links; phone width.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { docxParagraphs, openDocx } from '../../reports/testFiles.ts';
import { api, launchBrowser, openPage, SCREENSHOTS, squash, startServer, type Served } from './harness.ts';

let s: Served;
let browser: Browser;
before(async () => {
  s = await startServer();
  browser = await launchBrowser();
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await s?.close();
});

const T = { timeout: 120_000 };

const RETAIL_VI = 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.';
const IIP_VI = 'Trong 9 tháng đầu năm 2024, chỉ số sản xuất công nghiệp (IIP) của khu vực phía Nam tăng 10,73% so với cùng kỳ năm trước.';
const ABOVE_VI = 'Có 6/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu vực (tăng 10,73%) gồm: Trà Vinh, Bình Phước, Kiên Giang, Tây Ninh, Vĩnh Long và Bến Tre.';
const RETAIL_EN = 'Retail sales of goods and services revenue of the Southern region reached over 2,442 trillion VND, up 12.47% year on year.';

/** The report's paragraphs as the reader sees them. */
const paragraphs = (page: Page) => page.$$eval('[data-testid="report"] p, [data-testid="report"] li', (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

async function waitForSentence(page: Page, sentence: string) {
  await page.waitForFunction((s) => [...document.querySelectorAll('[data-testid="report"] p')].some((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim() === s), sentence, { timeout: 60_000 });
}

const fieldError = (page: Page, field: 'Vùng' | 'Region' | 'Kỳ' | 'Period' | 'Tỉnh, thành phố' | 'Province') =>
  page.evaluate((label) => {
    const legend = [...document.querySelectorAll('.report-fields label, .report-fields legend')].find((l) => l.textContent?.trim() === label);
    return legend?.closest('.field')?.querySelector('.field-error')?.textContent?.trim() ?? null;
  }, field);

describe('reports page', () => {
  test('southern region, first 9 months of 2024: the preview says what the seed article says', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/reports`);
    await page.waitForSelector('.report-type-list li');
    // the types come from the API
    const types = (await api(s.url, '/api/reports')).types.map((x: any) => x.type);
    assert.deepEqual(await page.$$eval('.report-type-list li', (els) => els.map((e) => e.getAttribute('data-type'))), types);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-types.png'), fullPage: true });
    await page.click('[data-type="conference"] a');
    await page.waitForSelector('[data-testid="report"]');
    // choose: the Northern region, then the South, year 2023 then the first 9 months of 2024
    await page.selectOption('select[name="region"]', 'north');
    await page.selectOption('#report-period-kind', 'year');
    await page.selectOption('#report-period-year', '2023');
    await page.waitForURL(/region=north&period=2023/);
    await page.selectOption('select[name="region"]', 'south');
    await page.selectOption('#report-period-kind', 'ytd');
    await page.selectOption('#report-period-n', '9');
    await page.selectOption('#report-period-year', '2024');
    await page.waitForURL(/\/reports\/conference\?region=south&period=9T\/2024$/);
    await waitForSentence(page, RETAIL_VI);
    const text = await paragraphs(page);
    for (const sentence of [IIP_VI, ABOVE_VI]) assert.ok(text.includes(sentence), sentence);
    // the published retail figure links to the region's trace
    const href = await page.getAttribute('[data-testid="report"] a.val:has-text("2.442 nghìn tỷ đồng")', 'href');
    assert.equal(href, '/figure/south/retail_services?period=9T/2024');
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-conference-south-vi.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the Word and Excel files downloaded from the page open with the same sentences and numbers', T, async () => {
    const { page, context } = await openPage(browser, { downloads: true });
    await page.goto(`${s.url}/reports/conference?region=south&period=9T/2024`);
    await waitForSentence(page, RETAIL_VI);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-docx"]')]);
    assert.equal(docx.suggestedFilename(), 'bao-cao-hoi-nghi_south_9T-2024_vi.docx');
    const docxFile = join(s.dataDir, 'report.docx');
    await docx.saveAs(docxFile);
    const word = docxParagraphs((await openDocx(readFileSync(docxFile))).document);
    for (const sentence of [RETAIL_VI, IIP_VI, ABOVE_VI]) assert.ok(word.includes(sentence), `Word: ${sentence}`);
    assert.ok(word.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-xlsx"]')]);
    assert.equal(xlsx.suggestedFilename(), 'bao-cao-hoi-nghi_south_9T-2024_vi.xlsx');
    const xlsxFile = join(s.dataDir, 'report.xlsx');
    await xlsx.saveAs(xlsxFile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsxFile) as any);
    const ws = wb.getWorksheet('Phụ lục 1')!;
    const row = (label: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === label) return ws.getRow(r);
      throw new Error(`no row ${label}`);
    };
    assert.equal(row('Kim ngạch xuất khẩu hàng hóa').getCell(4).value, 108.4);
    assert.equal(row('Kim ngạch xuất khẩu hàng hóa').getCell(5).value, 10.41);
    assert.equal(row('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ').getCell(4).value, 'hơn 2.442');
    // the annex on the page shows the same row
    const onPage = await page.$$eval('.rp-annex tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    const exportsRow = onPage.find((r) => r[1] === 'Kim ngạch xuất khẩu hàng hóa');
    assert.ok(exportsRow, 'annex row on the page');
    assert.equal(exportsRow[3], '108,4');
    assert.equal(exportsRow[4], '10,41');
    await context.close();
  });

  test('switches to English: the page, the report and the downloads follow; the report language can differ', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/reports/conference?region=south&period=9T/2024`);
    await waitForSentence(page, RETAIL_VI);
    await page.click('.lang-switch');
    await page.waitForURL(/lang=en/);
    await waitForSentence(page, RETAIL_EN);
    assert.equal(squash(await page.textContent('h1')), 'Regional conference report');
    assert.equal(await page.getAttribute('[data-testid="report"]', 'lang'), 'en');
    assert.match(await page.getAttribute('[data-testid="download-docx"]', 'href') ?? '', /lang=en&format=docx$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-conference-south-en.png'), fullPage: true });
    // an English page making a Vietnamese report
    await page.click('label:has-text("Vietnamese") input');
    await page.waitForURL(/rlang=vi/);
    await waitForSentence(page, RETAIL_VI);
    assert.equal(squash(await page.textContent('h1')), 'Regional conference report');
    // the deep link opens the same view
    const url = page.url();
    const again = await context.newPage();
    await again.goto(url);
    await waitForSentence(again, RETAIL_VI);
    assert.equal(squash(await again.textContent('h1')), 'Regional conference report');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the API's errors are shown next to the field, in the user's language", T, async () => {
    const { page, context } = await openPage(browser);
    const open = async (path: string) => {
      await page.goto(`${s.url}${path}`);
      await page.waitForSelector('.field-error');
    };
    await open('/reports/conference?region=nowhere&period=9T/2024');
    assert.equal(await fieldError(page, 'Vùng'), 'Không tìm thấy vùng "nowhere".');
    assert.equal(await page.$('[data-testid="report"]'), null);
    await open('/reports/conference?region=kien-giang&period=9T/2024');
    assert.equal(await fieldError(page, 'Vùng'), 'Kiên Giang là một tỉnh, thành phố, không phải một vùng.');
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-error-vi.png'), fullPage: true });
    await open('/reports/conference?region=south&period=soon');
    assert.equal(await fieldError(page, 'Kỳ'), 'Kỳ không đọc được: “soon”. Chọn lại kỳ (ví dụ 9 tháng đầu năm 2024, tháng 10/2024, quý III/2024).');
    await open('/reports/monthly?region=south&period=9T/2024');
    assert.equal(await fieldError(page, 'Kỳ'), 'Bản tin tháng cần một tháng (ví dụ T10/2024).');
    // choosing a month clears the error and makes the brief
    await page.selectOption('#report-period-kind', 'month');
    await page.waitForURL(/period=T9\/2024/);
    await page.waitForSelector('[data-testid="report"]');
    assert.equal(await fieldError(page, 'Kỳ'), null);
    // the same errors in English
    await open('/reports/provincial?province=south&period=9T/2024&lang=en');
    assert.equal(await fieldError(page, 'Province'), 'South is a region, not a province.');
    await open('/reports/monthly?region=south&period=9T/2024&lang=en');
    assert.equal(await fieldError(page, 'Period'), 'The monthly brief needs a month (e.g. T10/2024).');
    await context.close();
  });

  test('the provincial review: a province is asked for, then the seed\'s nine-month review is written', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/reports/provincial?period=9T/2019`);
    await page.waitForSelector('.field-hint');
    assert.equal(squash(await page.textContent('.report-preview .empty')), 'Chọn tỉnh, thành phố để lập báo cáo.');
    // the provinces listed are those in force at the period's end, from the catalogue
    await page.waitForFunction(() => document.querySelectorAll('select[name="province"] option').length > 1);
    const listed = await page.$$eval('select[name="province"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const units = (await api(s.url, '/api/units?level=province&date=2019-09-30')).units.map((u: any) => u.id);
    assert.deepEqual([...listed].sort(), [...units].sort());
    await page.selectOption('select[name="province"]', 'ben-tre');
    await page.waitForURL(/province=ben-tre/);
    await page.waitForSelector('[data-testid="report"]');
    // the seed's province is named by the article only: reached by its link
    await page.goto(`${s.url}/reports/provincial?province=unnamed-province-003&period=9T/2019`);
    await waitForSentence(page, 'Trong 9 tháng đầu năm 2019, chỉ số sản xuất công nghiệp (IIP) tăng 16,6% so với cùng kỳ năm 2018.');
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-provincial-vi.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('fits a phone screen, every control labelled', T, async () => {
    const { page, context } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(`${s.url}/reports/conference?region=south&period=9T/2024`);
    await waitForSentence(page, RETAIL_VI);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
    const unlabelled = await page.$$eval('.report-choice select, .report-choice input', (els) => els.filter((e) => {
      const id = e.id;
      return !(id && document.querySelector(`label[for="${id}"]`)) && !e.closest('label') && !e.getAttribute('aria-label');
    }).length);
    assert.equal(unlabelled, 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-phone.png'), fullPage: false });
    await context.close();
  });
});
