// The user guides' screenshots (docs/guide/), taken by walking each role's month in Chromium, in
// Vietnamese and then in English, over the demo data and the demo accounts of `npm start`:
//   the public (dashboard, "nguồn", source document, report, conferences), signing in (wrong password,
//   lockout), Hà Nội's officer (cell error, draft saved, conflict, Excel upload refused, returned
//   report), the analyst (review queue, decision, review of the report sent again, status board,
//   completeness, calendar, extraction),
//   the ministry unit (recommendations, assignment, inbox, answer, task progress, follow-up board) and
//   the administrator (accounts, audit log, map administration).
// Every screen is also checked the way a user would read it: its heading and labels (from the same
// dictionaries the app uses) and its figures (against the API), so this is an honest browser test in CI.
// The PNGs go to docs/guide/img/<lang>/ only with GUIDE_SCREENSHOTS=1 (to refresh the committed ones);
// otherwise to the git-ignored e2e/screenshots/guide/<lang>/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../collection/demo/demoAccounts.ts';
import { COL, DATA_SHEET, FIRST_ROW } from '../../collection/excel/layout.ts';
import { plain } from '../fmt.ts';
import { DICTS, type Lang } from '../i18n.ts';
import { DICT as COLLECTION } from '../pages/collection/i18n.ts';
import { DICT as CONFERENCES } from '../pages/conferences/i18n.ts';
import { REPORTS_DICT } from '../pages/reports/i18n.ts';
import { EXTRACTION_DICT } from '../pages/extraction/i18n.ts';
import { api, launchBrowser, openPage, SCREENSHOTS, squash, startServer, type Served } from './harness.ts';

// A low lockout threshold (a documented setting, docs/CONFIGURATION.md) so that the lock message shows
// after a few attempts, before the per-address rate limit (10 per 5 minutes) answers instead. The
// server runs in this process, and each test file runs in its own process.
process.env.SIGN_IN_LOCK_AFTER = '3';

const LANGS: Lang[] = ['vi', 'en'];
const GUIDE_IMG = new URL('../../../docs/guide/img/', import.meta.url).pathname;
const outDir = (lang: Lang) => (process.env.GUIDE_SCREENSHOTS === '1' ? join(GUIDE_IMG, lang) : join(SCREENSHOTS, 'guide', lang));
const VIEWPORT = { width: 1280, height: 800 };
const DATASET = 'bao-cao-thang';

let s: Served;
let browser: Browser;
before(async () => {
  s = await startServer();
  await ensureDemoAccounts(s.db); // what `npm start` (serve --demo) does
  browser = await launchBrowser();
  for (const l of LANGS) mkdirSync(outDir(l), { recursive: true });
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await s?.close();
});

const T = { timeout: 120_000 };

/** What a guide screenshot shows: one element (`element`), or the band of the page, 1280 pixels wide,
 *  from the top of `from` (default: the page's content, below the site header) to the bottom of `to`
 *  (default: `from`'s), cut to at most `max` pixels (default 1000) after the last of the `rows` that fits
 *  (so that a long table ends on a whole row). */
interface Frame { element?: string; from?: string; to?: string; max?: number; rows?: string }

/** A screenshot for the guide, of what its paragraph talks about (so the PNGs stay small and to the
 *  point), taken once the page has finished loading (no placeholder left in the content). */
async function shot(page: Page, lang: Lang, name: string, where: Frame = {}) {
  const path = join(outDir(lang), `${name}.png`);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('main .loading, main [aria-busy="true"]'));
  await page.evaluate(() => document.fonts.ready);
  if (where.element) {
    const el = page.locator(where.element).first();
    await el.scrollIntoViewIfNeeded();
    await el.screenshot({ path });
    return;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  // (no named functions in here: the test's compiler would wrap them in a helper the page does not have)
  const clip = await page.evaluate(({ from, to, max, rows }) => {
    const [first, last, header] = [from, to ?? from, '.site-header'].map((sel) => document.querySelector(sel)?.getBoundingClientRect());
    if (!first || !last) throw new Error(`no ${first ? to : from} on the page`);
    const pad = 12;
    const top = first.top + window.scrollY;
    let bottom = last.bottom + window.scrollY;
    let below = pad;
    if (bottom - top > max) {
      below = 1; // cut: the band ends on the last whole row
      const fit = rows ? [...document.querySelectorAll(rows)].map((e) => e.getBoundingClientRect())
        .map((r) => ({ top: r.top + window.scrollY, bottom: r.bottom + window.scrollY }))
        .filter((r) => r.top >= top && r.bottom <= top + max).map((r) => r.bottom) : [];
      bottom = fit.length ? Math.max(...fit) : top + max;
    }
    // a margin around the band, but none of the site header above it
    const y = Math.max(header ? header.bottom + window.scrollY : 0, top - pad);
    return { x: 0, y, width: document.documentElement.clientWidth, height: Math.min(bottom + below, document.documentElement.scrollHeight) - y };
  }, { from: where.from ?? 'main', to: where.to ?? null, max: where.max ?? 1000, rows: where.rows ?? null });
  await page.screenshot({ path, fullPage: true, clip });
}

/** A path in the page's language (English is kept by the app once the URL has named it). */
const at = (lang: Lang, path: string) => `${s.url}${path}${lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`;

/** A fresh browser context at the guide's size (the language comes with the first address). */
const open = (_lang: Lang): Promise<{ page: Page; context: BrowserContext; errors: string[] }> => openPage(browser, VIEWPORT);

async function signIn(lang: Lang, username: string, next: string) {
  const o = await open(lang);
  await o.page.goto(at(lang, `/sign-in?next=${encodeURIComponent(next)}`));
  await o.page.fill('form.sign-in input[name="username"]', username);
  await o.page.fill('form.sign-in input[name="password"]', DEMO_PASSWORD);
  await o.page.click('form.sign-in button[type="submit"]');
  await o.page.waitForURL((u) => u.pathname === next.split('?')[0]);
  return o;
}

async function json(page: Page, path: string) {
  const res = await page.request.get(s.url + path);
  assert.equal(res.status(), 200, `${path}: ${await res.text()}`);
  return res.json();
}

const h1 = async (page: Page) => squash(await page.textContent('h1'));
/** "45.678,9" typed the Vietnamese way, or "45,678.9" the English way. */
const typed = (lang: Lang, vi: string) => (lang === 'vi' ? vi : vi.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
const row = (item: number) => `[data-testid="entry-grid"] tr[data-item="${item}"]`;
const cell = (item: number, measure = 'actual') => `${row(item)} input[data-measure="${measure}"]`;
const notErrors = (errors: string[]) => errors.filter((e) => !/status of 4(0\d|09|22|29)/.test(e));

for (const lang of LANGS) {
  const t = DICTS[lang];
  const c = COLLECTION[lang];
  const cf = CONFERENCES[lang];
  const r = REPORTS_DICT[lang];
  const x = EXTRACTION_DICT[lang];

  describe(`guide (${lang})`, () => {
    let period = '';
    let submissionId = '';
    const recTitle = lang === 'vi' ? 'Hỗ trợ cải tạo chợ hạng III sau sắp xếp đơn vị hành chính' : 'Support for upgrading class III markets after the reorganisation';
    const report = () => `dataset=${DATASET}&province=ha-noi&period=${period}`;

    test('the public: dashboard, nguồn, source document, report, conferences', T, async () => {
      const { page, context, errors } = await open(lang);
      await page.goto(at(lang, '/region/south?indicator=retail_services&period=9T/2024'));
      await page.waitForSelector('[data-indicator="retail_services"] [data-testid="headline"]');
      const f = await api(s.url, `/api/analytics/regions/south/indicators/retail_services?period=9T/2024&lang=${lang}`);
      assert.equal(squash(await page.textContent('[data-indicator="retail_services"] [data-testid="headline"]')), f.text.headline);
      assert.equal(squash(await page.textContent('#headline-h')), t.headlineFigures);
      assert.equal(squash(await page.textContent('[data-indicator="retail_services"] .card-meta a')), t.source);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="cards"] article').length >= 3);
      await page.waitForLoadState('networkidle');
      await shot(page, lang, 'dashboard', { from: '.selection-bar', to: 'section.headlines' });

      await page.click('[data-indicator="retail_services"] .card-meta a');
      await page.waitForURL(/\/figure\/south\/retail_services/);
      await page.waitForSelector('[data-testid="source-link"]');
      assert.ok((await h1(page)).startsWith(`${t.traceTitle}: `));
      assert.equal(squash(await page.textContent('[data-testid="headline"]')), f.text.headline);
      await shot(page, lang, 'trace');

      await page.click('[data-testid="source-link"]');
      await page.waitForURL(/\/documents\//);
      await page.waitForSelector('table.data tbody tr');
      assert.ok((await page.$$eval('h2', (hs) => hs.map((h) => (h.textContent ?? '').trim()))).includes(t.documentValues));
      await shot(page, lang, 'document', { rows: 'table.data tbody tr' });

      await page.goto(at(lang, `/reports/conference?region=south&period=9T/2024${lang === 'en' ? '&rlang=en' : ''}`));
      await page.waitForSelector('[data-testid="report"] p');
      await page.waitForSelector('[data-testid="download-docx"]');
      assert.equal(squash(await page.textContent('[data-testid="download-docx"]')), r.download(r.formatName('docx')));
      assert.equal(await h1(page), r.typeName('conference'));
      // the retail sentence of the seed article, with its figure linked to the region's trace
      assert.match((await page.getAttribute(`[data-testid="report"] a.val:has-text("${lang === 'vi' ? '2.442 nghìn tỷ đồng' : '2,442 trillion VND'}")`, 'href'))!,
        /^\/figure\/south\/retail_services\?period=9T\/2024(&lang=en)?$/);
      await shot(page, lang, 'report', { from: 'form.report-choice', to: 'section.report-preview', rows: '[data-testid="report"] p' });

      await page.goto(at(lang, '/conferences?region=south'));
      await page.waitForSelector('.cf-rotation[data-region="south"] [data-testid="handover"]');
      const list = await api(s.url, `/api/conferences?region=south&lang=${lang}`);
      assert.equal(await page.$$eval('[data-testid="conference-table"] tbody tr', (trs) => trs.length), list.total);
      assert.equal(await h1(page), cf.conferencesTitle);
      await shot(page, lang, 'conferences');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('signing in: the demo accounts, a wrong password, a locked username', T, async () => {
      const { page, context } = await open(lang);
      await page.goto(at(lang, '/sign-in'));
      await page.waitForSelector('[data-testid="demo-accounts"]');
      assert.equal(await h1(page), t.signInTitle);
      assert.equal(squash(await page.textContent('[data-testid="demo-password"]')), DEMO_PASSWORD);
      const listed = await page.$$eval('[data-testid="demo-accounts"] code', (els) => els.map((e) => e.textContent));
      for (const u of ['admin', 'chuyenvien', 'sct-hanoi', 'cuc-ctdp', 'xem']) assert.ok(listed.includes(u), u);
      await shot(page, lang, 'sign-in');

      const attempt = async (username: string) => {
        await page.fill('form.sign-in input[name="username"]', username);
        await page.fill('form.sign-in input[name="password"]', 'sai-mat-khau-2025');
        await page.click('form.sign-in button[type="submit"]');
        await page.waitForSelector('form.sign-in .error');
        return squash(await page.textContent('form.sign-in .error'));
      };
      assert.equal(await attempt('xem'), lang === 'vi' ? 'Tên đăng nhập hoặc mật khẩu không đúng.' : 'Wrong username or password.');
      await shot(page, lang, 'sign-in-error', { element: 'form.sign-in' });
      // a made-up username per language: the lock is counted per username, existing or not
      const who = lang === 'vi' ? 'khach-vi' : 'guest-en';
      for (let i = 0; i < 3; i++) await attempt(who);
      await page.fill('form.sign-in input[name="password"]', DEMO_PASSWORD);
      await page.click('form.sign-in button[type="submit"]');
      await page.waitForFunction(() => /khóa|locked/.test(document.querySelector('form.sign-in .error')?.textContent ?? ''));
      assert.match(squash(await page.textContent('form.sign-in .error')),
        lang === 'vi' ? /^Tên đăng nhập này tạm bị khóa \d+ phút vì đăng nhập sai nhiều lần/ : /^This username is locked for \d+ minutes after repeated failed sign-ins/);
      await shot(page, lang, 'sign-in-locked', { element: 'form.sign-in' });
      await context.close();
    });

    test('the province officer: a cell error, the draft saved, a conflict, an Excel file refused', T, async () => {
      const officer = await signIn(lang, 'sct-hanoi', '/collection');
      const { page, errors } = officer;
      // Vietnamese: the period the provinces are working on now; English: the one before, so that the
      // two walks do not meet.
      const cal = await json(page, `/api/collection/datasets/${DATASET}/calendar?year=${new Date().getFullYear()}`);
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const current = Math.max(0, cal.periods.findIndex((p: any) => p.deadline >= today));
      period = cal.periods[lang === 'vi' ? current : current === 0 ? 1 : current - 1].period;
      await page.waitForSelector('.ct-own a');
      assert.equal(squash(await page.textContent('.ct-own a')), c.openEntry);
      await page.goto(at(lang, `/collection/entry?dataset=${DATASET}&period=${encodeURIComponent(period)}`));
      await page.waitForSelector(cell(0));
      assert.equal(await h1(page), c.entryTitle);
      assert.equal(squash(await page.textContent('[data-testid="save"]')), c.saveDraft);

      await page.fill(cell(0), '1500');
      await page.click('[data-testid="save"]');
      await page.waitForSelector(`${row(0)} .ct-issues .ct-error`);
      assert.match(squash(await page.textContent('.ct-notice-error')), lang === 'vi' ? /Không có gì được lưu/ : /Nothing (was|has been) saved/);
      await shot(page, lang, 'entry-error', { from: '.panel:has([data-testid="entry-grid"])', max: 560, rows: '[data-testid="entry-grid"] tbody tr' });
      assert.equal((await json(page, `/api/collection/grid?${report()}`)).rows[0].value, null, 'nothing saved');

      const values: Record<number, string> = { 0: '105,3', 1: '104,8', 3: '45.678,9', 4: '512.345,6', 5: '1.234,5', 6: '13.579', 7: '987,6', 8: '10.864,2' };
      for (const [item, text] of Object.entries(values)) await page.fill(cell(Number(item)), typed(lang, text));
      await page.fill(cell(4, 'plan'), typed(lang, '600.000'));
      await page.click('[data-testid="save"]');
      await page.waitForSelector('.ct-notice-ok');
      assert.equal(squash(await page.textContent('.ct-notice-ok')), c.saved(9));
      const grid = await json(page, `/api/collection/grid?${report()}`);
      assert.equal(grid.rows[4].value, 512345.6);
      assert.equal(squash(await page.textContent('[data-testid="filled"]')), c.filledOf(grid.summary.filled, grid.summary.of));
      await shot(page, lang, 'entry', { from: '.panel:has([data-testid="entry-grid"])', rows: '[data-testid="entry-grid"] tbody tr' });

      // A colleague saves the same cell first; this save is refused and the choice is offered.
      const colleague = await signIn('vi', 'sct-hanoi', '/collection');
      await colleague.page.goto(`${s.url}/collection/entry?${report()}`);
      await colleague.page.fill(cell(3), '46.000');
      await colleague.page.click('[data-testid="save"]');
      await colleague.page.waitForSelector('.ct-notice-ok');
      await colleague.context.close();
      await page.fill(cell(3), typed(lang, '45.999'));
      await page.click('[data-testid="save"]');
      await page.waitForSelector('[data-testid="conflict"]');
      assert.equal(squash(await page.textContent('#ct-conflict-title')), c.conflictTitle);
      assert.equal(squash(await page.textContent('[data-testid="conflict"] tr[data-item="3"] [data-testid="theirs"]')), plain(46000, grid.rows[3].decimals, lang));
      await shot(page, lang, 'conflict', { element: '[data-testid="conflict"]' });
      await page.check('[data-testid="conflict"] tr[data-item="3"] input[type="radio"] >> nth=1'); // keep mine
      await page.click('[data-testid="resolve"]');
      await page.waitForSelector(`.ct-notice-ok >> text=${c.saved(1)}`);
      assert.equal((await json(page, `/api/collection/grid?${report()}`)).rows[3].value, 45999);

      // The Excel template, filled with one impossible figure: nothing saved, the cell named.
      const res = await page.request.get(`${s.url}/api/collection/template?${report()}&format=xlsx`);
      assert.equal(res.status(), 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.body() as any);
      const ws = wb.getWorksheet(DATA_SHEET)!;
      ws.getCell(FIRST_ROW + 9, COL.value).value = 123.4;
      ws.getCell(FIRST_ROW + 11, COL.value).value = -5;
      const bad = join(s.dataDir, `bao-cao-loi-${lang}.xlsx`);
      await wb.xlsx.writeFile(bad);
      await page.setInputFiles('form.ct-upload input[type="file"]', bad);
      await page.click('[data-testid="upload"]');
      await page.waitForSelector('[data-testid="upload-errors"]');
      assert.ok(squash(await page.textContent('[data-testid="upload-errors"]')).includes(c.atCell(DATA_SHEET, `H${FIRST_ROW + 11}`).trim()));
      assert.equal((await json(page, `/api/collection/grid?${report()}`)).rows[9].value, null, 'a bad file saves nothing');
      await shot(page, lang, 'upload-errors', { element: '.panel:has(form.ct-upload)' });

      ws.getCell(FIRST_ROW + 11, COL.value).value = 12;
      const good = join(s.dataDir, `bao-cao-${lang}.xlsx`);
      await wb.xlsx.writeFile(good);
      await page.setInputFiles('form.ct-upload input[type="file"]', good);
      await page.click('[data-testid="upload"]');
      await page.waitForSelector(`text=${c.uploaded(2, 0).split('(')[0]!.trim()}`);
      await page.waitForFunction(() => (document.querySelector('tr[data-item="11"] input[data-measure="actual"]') as HTMLInputElement | null)?.value === '12');
      await page.click('[data-testid="submit"]');
      await page.waitForSelector(`text=${c.submitted}`);
      assert.equal((await json(page, `/api/collection/grid?${report()}`)).submission.status, 'submitted');

      // The province's recommendation, which the ministry unit answers below.
      await page.goto(at(lang, '/follow-up/recommendations'));
      await page.click(`summary:has-text("${cf.submitOwn}")`);
      await page.fill('details[open] input[required]', recTitle);
      await page.fill('details[open] textarea', lang === 'vi'
        ? 'Đề nghị Bộ hướng dẫn cơ chế hỗ trợ đầu tư, cải tạo chợ hạng III tại các xã sau sắp xếp đơn vị hành chính.'
        : 'The province asks the Ministry for guidance on support for investing in and upgrading class III markets in the communes after the reorganisation.');
      await page.click(`details[open] button[type="submit"]`);
      await page.waitForURL(/\/follow-up\/recommendations\/\d+/);
      await page.waitForSelector('[data-testid="rec-status"]');
      assert.equal(await h1(page), recTitle);
      assert.deepEqual(notErrors(errors), []);
      await officer.context.close();
    });

    test('the analyst returns the report with a comment; the officer corrects and sends it again', T, async () => {
      const analyst = await signIn(lang, 'chuyenvien', '/collection/review');
      const { page, errors } = analyst;
      await page.waitForSelector('[data-testid="review-queue"] tr[data-province="ha-noi"]');
      assert.equal(await h1(page), c.reviewTitle);
      // the province in the page's language (the queue's answer carries only its Vietnamese name)
      const hanoi = (await api(s.url, '/api/units?all=true')).units.find((u: any) => u.id === 'ha-noi');
      await page.waitForFunction((name) => document.querySelector('[data-testid="review-queue"] tr[data-province="ha-noi"] th')?.textContent === name, lang === 'vi' ? hanoi.name_vi : hanoi.name_en);
      await shot(page, lang, 'review-queue');
      await page.click('[data-testid="review-queue"] tr[data-province="ha-noi"] a');
      await page.waitForSelector('[data-testid="review-grid"]');
      submissionId = page.url().match(/review\/(\d+)/)![1]!;
      const detail = await json(page, `/api/collection/submissions/${submissionId}`);
      assert.equal(detail.rows[4].value, 512345.6);
      assert.equal(await h1(page), c.reviewOneTitle);
      const comment = lang === 'vi' ? 'Đề nghị kiểm tra lại số chợ (12 chợ, năm trước chưa có số liệu) và ghi chú nguồn.' : 'Please check the number of markets (12, no figure last year) and note its source.';
      await page.fill('textarea', comment);
      await page.waitForSelector('[data-testid="return"]:enabled');
      await shot(page, lang, 'review-decision', { element: 'section:has(#ct-decide-title)' });
      await page.click('[data-testid="return"]');
      // the decision panel goes once the report is returned; its state says so
      await page.waitForSelector('.ct-report-head [data-status="returned"]');
      assert.ok(squash(await page.textContent('.ct-report-head [data-status="returned"]')).startsWith(c.status.returned));
      // ...and a confirmation stays in its place
      assert.equal(squash(await page.textContent('[role="status"] [data-testid="decision-done"]')), c.returnedDone);
      assert.equal(await page.$('[data-testid="return"]'), null);

      const officer = await signIn(lang, 'sct-hanoi', '/collection');
      await officer.page.goto(at(lang, `/collection/entry?${report()}`));
      await officer.page.waitForSelector('[data-testid="review-comment"]');
      assert.equal(squash(await officer.page.textContent('[data-testid="review-comment"]')), comment);
      assert.ok(squash(await officer.page.textContent('.ct-report-head [data-status]')).startsWith(c.status.returned));
      await officer.page.fill(`${row(11)} input.ct-comment`, lang === 'vi' ? 'Theo báo cáo của Sở; 12 chợ đang hoạt động.' : 'From the Department\'s register; 12 markets in operation.');
      await shot(officer.page, lang, 'returned', { element: '.ct-report-head' });
      await officer.page.click('[data-testid="save"]');
      await officer.page.waitForSelector('.ct-notice-ok');
      await officer.page.click('[data-testid="submit"]');
      await officer.page.waitForSelector(`text=${c.submitted}`);
      await officer.context.close();

      await page.goto(at(lang, `/collection/review/${submissionId}`));
      await page.waitForSelector('[data-testid="changes"] tbody tr');
      await page.waitForSelector('[data-testid="review-grid"] tr.ct-changed');
      // the report sent again: its state, what changed since the first time, its figures beside last
      // year's and the region's
      await shot(page, lang, 'review', { from: '.ct-report-head', to: '.panel:has([data-testid="review-grid"])', rows: '[data-testid="review-grid"] tbody tr' });
      await page.click('[data-testid="approve"]');
      await page.waitForSelector(`text=${c.approvedDone}`);
      await page.waitForSelector('.ct-report-head [data-status="approved"]');
      assert.equal(squash(await page.textContent('[role="status"] [data-testid="decision-done"]')), c.approvedDone);
      assert.equal((await json(page, `/api/collection/submissions/${submissionId}`)).submission.status, 'approved');
      assert.deepEqual(notErrors(errors), []);
      await analyst.context.close();
    });

    test('the analyst: status board, completeness, calendar, extraction', T, async () => {
      const { page, context, errors } = await signIn(lang, 'chuyenvien', '/collection');
      await page.goto(at(lang, `/collection?dataset=${DATASET}&period=${encodeURIComponent(period)}`));
      await page.waitForSelector('[data-testid="status-board"] tr[data-province="ha-noi"] [data-status="approved"]');
      const board = await json(page, `/api/collection/status?dataset=${DATASET}&period=${encodeURIComponent(period)}`);
      assert.equal(squash(await page.textContent('[data-count="approved"] strong')), String(board.counts.approved));
      assert.equal(await h1(page), c.statusTitle);
      await shot(page, lang, 'status-board', { rows: '[data-testid="status-board"] tbody tr' });

      await page.click(`nav.tabs >> text=${c.tabCompleteness}`);
      await page.waitForSelector('[data-testid="completeness"] tr[data-region="national"]');
      const comp = await json(page, `/api/collection/completeness?dataset=${DATASET}&period=${encodeURIComponent(period)}`);
      const cells = await page.$$eval('[data-testid="completeness"] tr[data-region="national"] td', (tds) => tds.map((td) => td.textContent));
      assert.deepEqual(cells.slice(0, 2), [String(comp.national.expected), String(comp.national.reported)]);
      await shot(page, lang, 'completeness');

      await page.click(`nav.tabs >> text=${c.tabCalendar}`);
      await page.waitForSelector('[data-testid="calendar"] tr.ct-current');
      assert.equal(await h1(page), c.calendarTitle);
      assert.ok((await page.$$eval('h2', (hs) => hs.map((h) => (h.textContent ?? '').trim()))).includes(c.moveDeadline));

      await page.goto(at(lang, '/extraction'));
      await page.waitForSelector('[data-testid="source-text"]');
      await page.fill('[data-testid="source-text"]', 'Sở Công Thương Long An: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 10 tháng năm 2024 ước đạt 98.765 tỷ đồng, tăng 11,2% so với cùng kỳ năm trước.');
      await page.click('[data-testid="read"]');
      await page.waitForSelector('[data-testid="reading"]');
      assert.equal(await h1(page), x.title);
      assert.ok(squash(await page.textContent('[data-testid="reading"]')).includes(lang === 'vi' ? '98.765' : '98,765'));
      await shot(page, lang, 'extraction');
      assert.deepEqual(notErrors(errors), []);
      await context.close();
    });

    test('the ministry unit: recommendations, assignment, inbox, answer, task progress, board', T, async () => {
      const { page, context, errors } = await signIn(lang, 'cuc-ctdp', '/follow-up/recommendations');
      await page.waitForSelector('[data-testid="recommendation-table"] tbody tr');
      assert.equal(await h1(page), cf.recommendationsTitle);
      const figures = await json(page, `/api/recommendations/figures?lang=${lang}`);
      assert.equal(squash(await page.textContent('[data-testid="rec-figures"]')),
        cf.recSummary(figures.total, figures.answered, figures.answered_on_time, figures.open, figures.overdue, figures.closed));
      await shot(page, lang, 'recommendations');

      const waiting = await json(page, '/api/recommendations?status=submitted&limit=200');
      const rec = waiting.items.find((i: any) => i.title === recTitle);
      assert.ok(rec, 'Hà Nội\'s recommendation waits for its assignment');
      const unit = 'cuc-cong-thuong-dia-phuong';
      await page.goto(at(lang, `/follow-up/recommendations/${rec.id}`));
      await page.waitForSelector('[data-testid="assign-form"]');
      await page.selectOption('[data-testid="assign-form"] select >> nth=0', unit);
      await page.click('[data-testid="assign-form"] button[type="submit"]');
      await page.waitForSelector(`li[data-unit="${unit}"]`);
      assert.equal((await json(page, `/api/recommendations/${rec.id}`)).status, 'assigned');

      await page.goto(at(lang, '/follow-up/inbox'));
      await page.waitForSelector(`[data-testid="inbox"] tr[data-recommendation="${rec.id}"]`);
      assert.equal(await h1(page), cf.inboxTitle);
      await shot(page, lang, 'inbox');
      await page.click(`[data-testid="inbox"] tr[data-recommendation="${rec.id}"] th a`);
      await page.waitForSelector('[data-testid="answer-form"]');
      const answer = lang === 'vi'
        ? 'Cục Công Thương địa phương đã tổng hợp kiến nghị, phối hợp với các đơn vị liên quan và sẽ có văn bản hướng dẫn trong quý I.'
        : 'The Local Industry and Trade Agency has compiled the recommendation with the units concerned and will issue guidance in the first quarter.';
      await page.fill('[data-testid="answer-form"] textarea', answer);
      await page.click('[data-testid="answer-form"] button[type="submit"]');
      await page.waitForSelector('[data-testid="answer"]');
      assert.equal(await page.textContent('[data-testid="answer"]'), answer);
      assert.equal((await json(page, `/api/recommendations/${rec.id}`)).status, 'answered');
      await shot(page, lang, 'answer', { to: '[data-testid="answer-form"]' });

      const tasks = await json(page, `/api/tasks?unit=${unit}&limit=50`);
      const task = tasks.tasks.find((k: any) => k.status === 'no_report') ?? tasks.tasks[0];
      await page.goto(at(lang, `/follow-up/tasks/${task.id}`));
      await page.waitForSelector('[data-testid="progress-form"]');
      const narrative = lang === 'vi' ? 'Đã tổng hợp kiến nghị của các địa phương, chuyển các đơn vị thuộc Bộ trả lời.' : 'The localities\' recommendations are compiled and sent to the ministry units to answer.';
      await page.fill('[data-testid="progress-form"] input[type="number"]', '60');
      await page.fill('[data-testid="progress-form"] textarea', narrative);
      await page.click('[data-testid="progress-form"] button[type="submit"]');
      await page.waitForFunction((n) => document.querySelector('[data-testid="parties"]')?.textContent?.includes(n), narrative);
      assert.equal(squash(await page.textContent('[data-testid="progress-form"] h2')), cf.reportProgress);
      await shot(page, lang, 'task');

      await page.goto(at(lang, '/follow-up/board'));
      await page.waitForSelector('[data-testid="rec-by-unit"]');
      const b = await json(page, `/api/follow-up/board?lang=${lang}`);
      assert.equal(await page.textContent('[data-testid="task-totals"] [data-status="total"] .cf-count'), String(b.totals.total));
      assert.equal(await h1(page), cf.boardTitle);
      await shot(page, lang, 'follow-up-board', { rows: 'main tr' });
      assert.deepEqual(notErrors(errors), []);
      await context.close();
    });

    test('the administrator: an account created, the audit log, the map boundaries', T, async () => {
      const { page, context, errors } = await signIn(lang, 'admin', '/admin/accounts');
      await page.waitForSelector('[data-testid="accounts"] tr[data-username="sct-hanoi"]');
      assert.equal(await h1(page), c.accountsTitle);
      const username = lang === 'vi' ? 'sct-haiphong' : 'sct-danang';
      await page.click(`summary:has-text("${c.createAccount}")`);
      const form = `form[aria-label="${c.createAccount}"]`;
      await page.fill(`${form} .field:nth-child(1) input`, username);
      await page.fill(`${form} .field:nth-child(2) input`, lang === 'vi' ? 'Phạm Thu Trang (Sở Công Thương Hải Phòng)' : 'Võ Minh Tâm (Đà Nẵng Department of Industry and Trade)');
      await page.fill(`${form} input[type="password"]`, 'Bao-cao-thang-Cong-Thuong-2026');
      const province = lang === 'vi' ? 'hai-phong-2025' : 'da-nang-2025'; // the 34 provinces in force today
      await page.waitForSelector(`${form} option[value="${province}"]`, { state: 'attached' });
      await page.selectOption(`${form} .field:nth-child(5) select`, province);
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(`text=${c.accountCreated(username)}`);
      await page.waitForSelector(`[data-testid="accounts"] tr[data-username="${username}"]`);
      assert.match(squash(await page.textContent(`[data-testid="accounts"] tr[data-username="${username}"]`)), new RegExp(c.active));
      await shot(page, lang, 'accounts', { from: 'details.ct-create', to: '.panel:has([data-testid="accounts"])' });

      await page.goto(at(lang, '/admin/audit?action=submission.'));
      await page.waitForSelector('[data-testid="audit"] tr[data-action="submission.approve"]');
      assert.equal(await h1(page), c.auditTitle);
      const actions = await page.$$eval('[data-testid="audit"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-action')));
      assert.equal(actions[0], 'submission.approve');
      await shot(page, lang, 'audit', { rows: '[data-testid="audit"] tbody tr' });

      await page.goto(at(lang, '/admin/map'));
      await page.waitForSelector('[data-testid="boundary-status"]');
      await page.waitForSelector('[data-testid="map"]');
      assert.equal(await h1(page), t.adminMapTitle);
      await shot(page, lang, 'admin-map', { max: 720, rows: '[data-testid="map"] g[data-unit]' });
      assert.deepEqual(notErrors(errors), []);
      await context.close();
    });
  });
}
