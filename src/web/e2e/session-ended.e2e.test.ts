// Nothing typed is lost when the session ends under the officer (idle timeout, the 12-hour limit, an
// administrator's change, a sign-out elsewhere): Hà Nội's officer types figures, the session is ended
// on the server, the save asks them to sign in again over the grid (which stays as it was), they do,
// save, and every figure is stored. Then what is typed survives a reload (kept in the tab): restored,
// marked "Chưa lưu", with the banner; a restored cell a colleague saved meanwhile goes to the conflict
// panel with both figures; the rest can be discarded; signing out on purpose clears them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../collection/demo/demoAccounts.ts';
import { plain } from '../fmt.ts';
import { demoServerAndBrowser, jsonOk, openSignedIn, squash } from './harness.ts';

const env = demoServerAndBrowser(); // the server with the demo accounts, and Chromium

const T = { timeout: 180_000 };
const row = (item: number) => `[data-testid="entry-grid"] tr[data-item="${item}"]`;
const cell = (item: number, measure = 'actual') => `${row(item)} input[data-measure="${measure}"]`;
const comment = (item: number) => `${row(item)} input.ct-comment`;

const signIn = (username: string) => openSignedIn(env.browser, env.s.url, username);
const json = (r: APIRequestContext, path: string) => jsonOk(r, env.s.url, path);
const kept = (page: Page) => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('ct.unsaved')));

describe('the session ends while the officer is typing', () => {
  let officer: { page: Page; context: BrowserContext; errors: string[] };
  let report = '';

  test('the save asks to sign in again over the grid; after it, every typed figure is stored', T, async () => {
    officer = await signIn('sct-hanoi');
    const { page } = officer;
    await page.click('nav.tabs >> text=Phiếu nhập của tỉnh');
    await page.waitForSelector(cell(0));
    report = `dataset=bao-cao-thang&province=ha-noi&period=${encodeURIComponent(new URL(page.url()).searchParams.get('period')!)}`;

    await page.fill(cell(0), '105,3');
    await page.fill(cell(1), '104,8');
    await page.fill(comment(1), 'Tăng nhờ đơn hàng xuất khẩu');
    // Every edit is kept in the tab as it is typed, and marked unsaved in its cell.
    assert.equal((await kept(page)).length, 1);
    assert.equal(squash(await page.textContent(`${row(0)} [data-testid="unsaved"]`)), 'Chưa lưu');

    // The session ends on the server (every session of the account: idle timeout, sign-out elsewhere…).
    const account = await env.s.db.k.selectFrom('account').select('id').where('username', '=', 'sct-hanoi').executeTakeFirstOrThrow();
    const ended = await env.s.db.k.deleteFrom('session').where('account_id', '=', account.id).executeTakeFirst();
    assert.ok(Number(ended.numDeletedRows) >= 1);

    // The officer, unaware, goes on typing, then saves.
    await page.fill(cell(3), '45.678,9');
    await page.fill(cell(4, 'plan'), '600.000');
    await page.click('[data-testid="save"]');
    const dialog = '[data-testid="session-ended"]';
    await page.waitForSelector(dialog, { state: 'visible' });
    assert.match(squash(await page.textContent(dialog)), /^Phiên đăng nhập đã hết.*vẫn còn nguyên trên trang/);
    assert.match(squash(await page.textContent('.ct-notice-error')), /^Chưa lưu được: phiên đăng nhập đã hết/);
    // The grid is still there underneath, with everything typed.
    assert.equal(await page.inputValue(cell(0)), '105,3');
    assert.equal(await page.inputValue(cell(3)), '45.678,9');
    assert.equal(await page.inputValue(cell(4, 'plan')), '600.000');
    assert.equal(await page.inputValue(comment(1)), 'Tăng nhờ đơn hàng xuất khẩu');

    // A wrong password says so and the dialog stays; the right one closes it.
    await page.fill(`${dialog} input[name="username"]`, 'sct-hanoi');
    await page.fill(`${dialog} input[name="password"]`, 'not-the-password');
    await page.click(`${dialog} button[type="submit"]`);
    await page.waitForSelector(`${dialog} [role="alert"] >> text=không đúng`);
    await page.fill(`${dialog} input[name="password"]`, DEMO_PASSWORD);
    await page.click(`${dialog} button[type="submit"]`);
    await page.waitForSelector(dialog, { state: 'detached' });

    let grid = await json(page.request, `/api/collection/grid?${report}`);
    assert.equal(grid.rows[0].value, null, 'nothing was saved by the refused request');
    assert.equal(await page.inputValue(cell(3)), '45.678,9', 'the grid did not reload under the officer');

    await page.click('[data-testid="save"]');
    await page.waitForSelector('.ct-notice-ok >> text=Đã lưu 4 ô');
    grid = await json(page.request, `/api/collection/grid?${report}`);
    assert.equal(grid.rows[0].value, 105.3);
    assert.equal(grid.rows[1].value, 104.8);
    assert.equal(grid.rows[1].comment, 'Tăng nhờ đơn hàng xuất khẩu');
    assert.equal(grid.rows[3].value, 45678.9);
    assert.equal(grid.rows[4].plan.value, 600000);
    assert.deepEqual(await kept(page), [], 'the saved cells are no longer kept');
    assert.equal(await page.$('[data-testid="unsaved"]'), null);
  });

  test('a reload restores what was not saved, marked, with the banner; a cell changed since goes to the conflict panel', T, async () => {
    const { page } = officer;
    await page.fill(cell(5), '1.234,5');
    await page.fill(cell(6), '13.579');
    await page.fill(cell(3), '45.700');
    // A colleague saves one of those cells meanwhile.
    const colleague = await signIn('sct-hanoi');
    await colleague.page.goto(`${env.s.url}/collection/entry?${report}`);
    await colleague.page.fill(cell(3), '46.000');
    await colleague.page.click('[data-testid="save"]');
    await colleague.page.waitForSelector('.ct-notice-ok');
    await colleague.context.close();

    await page.reload();
    await page.waitForSelector('[data-testid="restored"]');
    assert.match(squash(await page.textContent('[data-testid="restored"]')), /^Có 3 ô chưa lưu từ lần trước — Lưu nháp để gửi lên\./);
    assert.equal(await page.inputValue(cell(5)), '1.234,5');
    assert.equal(await page.inputValue(cell(6)), '13.579');
    assert.equal(await page.inputValue(cell(3)), '45.700');
    assert.equal(await page.$$eval('[data-testid="entry-grid"] [data-testid="unsaved"]', (e) => e.length), 3);
    assert.equal(squash(await page.textContent('[data-testid="save"]')), 'Lưu nháp (3)');

    // Saving does not overwrite the colleague's figure: the save is refused, both figures shown.
    await page.click('[data-testid="save"]');
    await page.waitForSelector('[data-testid="conflict"]');
    const conflictRow = '[data-testid="conflict"] tr[data-item="3"]';
    const api = await json(page.request, `/api/collection/grid?${report}`);
    assert.equal(api.rows[3].value, 46000);
    assert.equal(api.rows[5].value, null, 'nothing saved while the conflict stands');
    assert.equal(squash(await page.textContent(`${conflictRow} [data-testid="mine"]`)), '45.700');
    assert.equal(squash(await page.textContent(`${conflictRow} [data-testid="theirs"]`)), plain(46000, api.rows[3].decimals, 'vi'));
    assert.equal(await page.$$eval('[data-testid="conflict"] tbody tr', (e) => e.length), 1);
    // Keep the colleague's figure; the other two are saved.
    await page.click('[data-testid="resolve"]');
    await page.waitForSelector('.ct-notice-ok >> text=Đã lưu 2 ô');
    const after = await json(page.request, `/api/collection/grid?${report}`);
    assert.equal(after.rows[3].value, 46000);
    assert.equal(after.rows[5].value, 1234.5);
    assert.equal(after.rows[6].value, 13579);
    assert.deepEqual(await kept(page), []);
    assert.equal(await page.$('[data-testid="restored"]'), null);
  });

  test('restored cells can be discarded; another page and back restores them too', T, async () => {
    const { page, errors } = officer;
    await page.fill(cell(7), '987,6');
    await page.click('nav.tabs >> text=Lịch báo cáo');
    await page.waitForSelector('nav.tabs a[aria-current="page"] >> text=Lịch báo cáo');
    await page.goBack();
    await page.waitForSelector('[data-testid="restored"]');
    assert.equal(await page.inputValue(cell(7)), '987,6');
    await page.click('[data-testid="discard-restored"]');
    await page.waitForSelector('[data-testid="restored"]', { state: 'detached' });
    assert.equal(await page.inputValue(cell(7)), '');
    assert.deepEqual(await kept(page), []);
    await page.reload();
    await page.waitForSelector(cell(7));
    assert.equal(await page.$('[data-testid="restored"]'), null);
    // Signing out on purpose takes the tab's unsaved edits with it (nothing left for the next person).
    await page.fill(cell(7), '1');
    assert.equal((await kept(page)).length, 1);
    await page.click('header button >> text=Đăng xuất');
    await page.waitForSelector('form.sign-in');
    assert.deepEqual(await kept(page), []);
    assert.deepEqual(errors.filter((e) => !/status of 4(01|09|22)/.test(e)), []);
    await officer.context.close();
  });
});
