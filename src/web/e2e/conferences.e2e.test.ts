// The conference and follow-up pages in Chromium over the demo data, checked against the API: the
// public list (Roman numerals, hosts) and host rotation, a conference page with the figures it heard;
// the Agency assigns a recommendation to a ministry unit, the unit finds it in its inbox and answers,
// the follow-up board counts the answer, and a task changes status when its unit reports it done.
// One screenshot per main screen goes to e2e/screenshots (conferences-*.png) for the user guide.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../access/accounts.ts';
import { api, launchBrowser, openPage, SCREENSHOTS, squash, startServer, type Served } from './harness.ts';

let s: Served;
let browser: Browser;
const PASSWORD = 'Cờ-luân-lưu-phía-Nam-2024';
const AGENCY = { username: 'chuyenvien.ctdp', displayName: 'Chuyên viên Cục Công Thương địa phương', unit: 'cuc-cong-thuong-dia-phuong' };
const UNIT = { username: 'vu.ttn', displayName: 'Vụ Thị trường trong nước', unit: 'vu-thi-truong-trong-nuoc' };

before(async () => {
  s = await startServer();
  for (const a of [AGENCY, UNIT]) {
    await createAccount(s.db, { actor: null, label: 'e2e' }, { username: a.username, displayName: a.displayName, password: PASSWORD, role: 'ministry_unit', ministryUnit: a.unit });
  }
  browser = await launchBrowser();
}, { timeout: 300_000 });
after(async () => {
  await browser?.close();
  await s?.close();
});

const T = { timeout: 90_000 };
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `conferences-${name}.png`), fullPage: true });

/** Signs in through the sign-in page, as a user would, and lands on `next`. */
async function signIn(page: Page, username: string, next: string): Promise<void> {
  await page.goto(`${s.url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('form.sign-in input[name="username"]', username);
  await page.fill('form.sign-in input[name="password"]', PASSWORD);
  await page.click('form.sign-in button[type="submit"]');
  await page.waitForURL((u) => u.pathname === next.split('?')[0]);
}

/** JSON from the API with the page's own session (what that account may see). */
async function apiAs<T = any>(context: BrowserContext, path: string): Promise<T> {
  const r = await context.request.get(s.url + path);
  assert.ok(r.ok(), `${path}: ${r.status()}`);
  return (await r.json()) as T;
}

let agency: { page: Page; context: BrowserContext; errors: string[] };
let recId = 0;

describe('conferences and follow-up in the browser', () => {
  test('the public list: every conference with its Roman numeral and host, as the API has them', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/conferences`);
    await page.waitForSelector('[data-testid="conference-table"] tbody tr');
    const list = await api(s.url, '/api/conferences');
    const rows = await page.$$eval('[data-testid="conference-table"] tbody tr', (trs) => trs.map((tr) => ({
      slug: tr.getAttribute('data-conference'),
      roman: tr.querySelector('[data-testid="roman"]')!.textContent!.trim(),
      host: tr.querySelector('[data-testid="host"]')!.textContent!.trim(),
    })));
    assert.equal(rows.length, list.total);
    assert.deepEqual(rows, list.conferences.map((c: any) => ({ slug: c.slug, roman: c.ordinal_roman ?? '—', host: c.host_name ?? '—' })));
    assert.ok(rows.some((r) => r.slug === 'south-x-2024' && r.roman === 'X' && r.host === 'Kiên Giang'));
    await page.waitForSelector('.cf-rotation[data-region="south"] [data-testid="handover"]');
    await shot(page, 'list');

    // One region: its hosts in order and the flag handed to Long An for the XIth conference.
    await page.click('.chips button:has-text("Phía Nam")');
    await page.waitForURL(/region=south/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="conference-table"] tbody tr').length === 4);
    const rot = await api(s.url, '/api/regions/south/conferences');
    const hosts = await page.$$eval('.cf-rotation[data-region="south"] .cf-chain > li strong', (els) => els.map((e) => e.textContent));
    assert.deepEqual(hosts, rot.past_hosts.map((p: any) => p.host_name));
    const handover = squash(await page.textContent('.cf-rotation[data-region="south"] [data-testid="handover"]'));
    assert.match(handover, /^⚑ Long An nhận cờ luân lưu hội nghị lần thứ XI \(năm 2025\) — Tổ chức tại tỉnh mới sau sáp nhập của tỉnh nhận cờ/);
    assert.equal(squash(await page.textContent('.cf-rotation[data-region="south"] [data-testid="next-host"]')), `Tỉnh đăng cai kế tiếp: ${rot.next_host_text}`);
    await shot(page, 'rotation');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a conference page: Roman numeral, host, the figures it heard and the public follow-up', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/conferences/south-x-2024`);
    await page.waitForSelector('[data-testid="figures"] li');
    const c = await api(s.url, '/api/conferences/south-x-2024');
    assert.equal(squash(await page.textContent('[data-testid="conference-title"]')), c.title);
    assert.equal(await page.textContent('[data-testid="conference-facts"] [data-testid="roman"]'), 'X');
    assert.match(squash(await page.textContent('[data-testid="conference-facts"] [data-testid="host"]')), /^Kiên Giang/);
    const period = c.figures[0];
    assert.equal(period.period, '9T/2024');
    const shown = await page.$$eval('[data-period="9T/2024"] [data-testid="figures"] li', (lis) => lis.map((li) => ({
      indicator: li.getAttribute('data-indicator'),
      headline: li.querySelector('[data-testid="headline"]')!.textContent,
      link: li.querySelector('a')!.getAttribute('href'),
    })));
    assert.ok(shown.length >= 4, 'IIP, retail, exports, imports at least');
    assert.deepEqual(shown, period.figures.map((f: any) => ({ indicator: f.indicator, headline: f.text.headline, link: `/figure/south/${f.indicator}?period=${f.period}` })));
    assert.ok(shown.some((f) => f.headline!.includes('2.442 nghìn tỷ đồng')));
    assert.equal(await page.getAttribute('[data-period="9T/2024"] a:has-text("Báo cáo hội nghị")', 'href'), '/reports/conference?region=south&period=9T/2024');
    assert.match(squash(await page.textContent('[data-testid="handover"]')), /Long An nhận cờ luân lưu/);
    // The public sees no recommendation that has not been published.
    assert.equal((await api(s.url, '/api/recommendations?conference=south-x-2024')).total, 0);
    await page.waitForSelector('#recommendations .empty');
    await page.waitForSelector('#tasks [data-testid="task-table"]');
    await shot(page, 'conference');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the Agency assigns a recommendation to a ministry unit with a due date', T, async () => {
    agency = await openPage(browser);
    const { page, context } = agency;
    await signIn(page, AGENCY.username, '/follow-up/recommendations');
    await page.waitForSelector('[data-testid="recommendation-table"] tbody tr');
    const all = await apiAs(context, '/api/recommendations?status=submitted');
    recId = all.items.find((r: any) => r.conference?.slug === 'north-x-2024').id;
    const row = `[data-testid="recommendation-table"] tr[data-recommendation="${recId}"]`;
    assert.match(squash(await page.textContent(row)), /Chờ phân công/);
    await shot(page, 'triage');
    await page.click(`${row} th a`);
    await page.waitForSelector('[data-testid="assign-form"]');
    const due = (await apiAs(context, '/api/recommendations/figures')).today.replace(/^(\d{4})/, (y: string) => String(Number(y) + 1));
    await page.selectOption('[data-testid="assign-form"] select >> nth=0', UNIT.unit);
    await page.fill('[data-testid="assign-form"] input[type="date"]', due);
    await page.click('[data-testid="assign-form"] button[type="submit"]');
    await page.waitForSelector(`li[data-unit="${UNIT.unit}"]`);
    const d = await apiAs(context, `/api/recommendations/${recId}`);
    assert.equal(d.status, 'assigned');
    assert.deepEqual(d.assignments.map((a: any) => [a.unit, a.due_on]), [[UNIT.unit, due]]);
    assert.match(squash(await page.textContent(`li[data-unit="${UNIT.unit}"]`)), new RegExp(`Vụ Thị trường trong nước .*hạn ${due.split('-').reverse().join('/')}`));
    assert.match(squash(await page.textContent('[data-testid="rec-status"]')), /Đang xử lý/);
    await shot(page, 'recommendation-assigned');
  });

  test('the unit signs in, finds it in its inbox and answers it', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, UNIT.username, '/follow-up/inbox');
    const row = `[data-testid="inbox"] tr[data-recommendation="${recId}"]`;
    await page.waitForSelector(row);
    assert.equal((await apiAs(context, '/api/recommendations')).total, 1, 'the unit reads what is assigned to it, nothing else');
    await shot(page, 'inbox');
    await page.click(`${row} th a`);
    await page.waitForSelector('[data-testid="answer-form"]');
    const answer = 'Vụ Thị trường trong nước đã tổng hợp, sẽ hướng dẫn địa phương về hạ tầng thương mại biên giới trong quý I.';
    await page.fill('[data-testid="answer-form"] textarea', answer);
    await page.click('[data-testid="answer-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="answer"]');
    assert.equal(await page.textContent('[data-testid="answer"]'), answer);
    assert.match(squash(await page.textContent('[data-testid="rec-status"]')), /Đã trả lời/);
    const d = await apiAs(context, `/api/recommendations/${recId}`);
    assert.equal(d.status, 'answered');
    assert.equal(d.assignments[0].answer_text, answer);
    await shot(page, 'answered');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the follow-up board counts the answer; a task turns done when its unit reports it', T, async () => {
    const { page, context, errors } = agency;
    await page.goto(`${s.url}/follow-up/board`);
    const unitRow = `[data-testid="rec-by-unit"] tr[data-unit="${UNIT.unit}"]`;
    await page.waitForSelector(unitRow);
    const figures = await apiAs(context, '/api/recommendations/figures');
    const mine = figures.by_unit.find((u: any) => u.unit === UNIT.unit);
    assert.deepEqual([mine.assigned, mine.answered], [1, 1]);
    assert.equal(await page.textContent(`${unitRow} [data-col="answered"]`), '1');
    assert.equal(await page.textContent(`${unitRow} [data-col="assigned"]`), '1');
    const before = await apiAs(context, '/api/follow-up/board');
    assert.equal(await page.textContent('[data-testid="task-totals"] [data-status="done"] .cf-count'), String(before.totals.done));

    // The Agency is responsible for compiling and answering the localities' recommendations of North X.
    const tasks = await apiAs(context, '/api/conferences/north-x-2024/tasks');
    const task = tasks.groups[0].tasks.find((k: any) => k.parties.some((p: any) => p.unit === AGENCY.unit));
    assert.equal(task.status, 'no_report');
    await page.goto(`${s.url}/follow-up/tasks/${task.id}`);
    await page.waitForSelector('[data-testid="progress-form"]');
    assert.match(squash(await page.textContent('[data-testid="task-status"]')), /Chưa báo cáo/);
    await page.fill('[data-testid="progress-form"] input[type="number"]', '100');
    await page.fill('[data-testid="progress-form"] textarea', 'Đã tổng hợp và chuyển các kiến nghị đến đơn vị thuộc Bộ trả lời.');
    await page.click('[data-testid="progress-form"] button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-status"]')?.textContent?.includes('Hoàn thành'));
    assert.equal((await apiAs(context, `/api/tasks/${task.id}`)).status, 'done');
    await shot(page, 'task');

    await page.goto(`${s.url}/follow-up/board?region=north`);
    await page.waitForSelector('[data-testid="by-group"]');
    const board = await apiAs(context, '/api/follow-up/board?region=north');
    assert.equal(board.totals.done, before.totals.done + 1);
    await page.waitForFunction((n) => document.querySelector('[data-testid="task-totals"] [data-status="done"] .cf-count')?.textContent === String(n), board.totals.done);
    const group = board.by_group.find((g: any) => g.group === task.group.id);
    assert.equal(await page.textContent(`[data-testid="by-group"] tr[data-key="${task.group.id}"] [data-col="done"]`), String(group.done));
    await shot(page, 'board');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('difficulties: the region\'s summary grouped by field, what the public may read', T, async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${s.url}/follow-up/difficulties?region=north`);
    await page.waitForSelector('[data-testid="difficulty-groups"] section');
    const sum = await api(s.url, '/api/difficulties/summary?region=north');
    assert.deepEqual(await page.$$eval('[data-testid="difficulty-groups"] section', (els) => els.map((e) => e.getAttribute('data-field'))), sum.groups.map((g: any) => g.field));
    assert.equal(await page.$$eval('[data-testid="difficulty-groups"] li', (els) => els.length), sum.total);
    await shot(page, 'difficulties');
    // English on demand: the same page, the API's labels in English.
    await page.goto(`${s.url}/conferences/south-x-2024?lang=en`);
    await page.waitForSelector('[data-testid="figures"] li');
    const en = await api(s.url, '/api/conferences/south-x-2024?lang=en');
    assert.equal(squash(await page.textContent('[data-testid="conference-title"]')), en.title);
    assert.equal(await page.textContent(`[data-indicator="retail_services"] [data-testid="headline"]`), en.figures[0].figures.find((f: any) => f.indicator === 'retail_services').text.headline);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
