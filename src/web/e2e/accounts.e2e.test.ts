// Signing in and the administrator's accounts page in Chromium, for what the user guides found missing:
// the header fits a 1280-pixel screen in both languages with the signed-in name whole (and still fits a
// phone); a "Hiện / Show" button on every password field, pressed from the keyboard; the server's
// password rule said as the password is typed; a username locked after failed sign-ins is shown and
// unlocked from the page; the audit log names every action, in English too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../collection/demo/demoAccounts.ts';
import { DICT as COLLECTION } from '../pages/collection/i18n.ts';
import { DICTS, type Lang } from '../i18n.ts';
import { demoServerAndBrowser, openPage, signInDemo, squash } from './harness.ts';

// A low lockout threshold (docs/CONFIGURATION.md) so that three wrong passwords lock a username, well
// before the per-address rate limit. The server runs in this process; each test file has its own.
process.env.SIGN_IN_LOCK_AFTER = '3';

const env = demoServerAndBrowser(); // the server with the demo accounts, and Chromium

const T = { timeout: 120_000 };
const LANGS: Lang[] = ['vi', 'en'];

const signIn = (page: Page, username: string, next: string, lang: Lang = 'vi') => signInDemo(page, env.s.url, username, next, lang);

/** How the header lays out: the rows its navigation takes, whether the signed-in name is cut, and
 *  whether anything is wider than the screen. */
const headerLayout = (page: Page) => page.evaluate(() => {
  const tops = [...document.querySelectorAll('.main-nav li')].map((li) => Math.round(li.getBoundingClientRect().top));
  const name = document.querySelector('.account-name') as HTMLElement | null;
  const box = document.querySelector('.account-box')!.getBoundingClientRect();
  const header = document.querySelector('.header-inner')!.getBoundingClientRect();
  return {
    navRows: new Set(tops).size,
    nameCut: name ? name.scrollWidth > name.clientWidth : null,
    accountVisible: box.width > 0 && box.right <= window.innerWidth,
    height: Math.round(header.height),
    overflow: document.documentElement.scrollWidth > window.innerWidth,
  };
});

describe('the header, the password fields and the accounts page', () => {
  test('at 1280 px the header keeps its navigation on one row and the signed-in name whole, in both languages', T, async () => {
    const { page, context, errors } = await openPage(env.browser, { width: 1280, height: 800 });
    await signIn(page, 'sct-hanoi', '/collection');
    for (const lang of LANGS) {
      await page.goto(`${env.s.url}/collection?lang=${lang}`);
      await page.waitForSelector(`.main-nav a >> text=${DICTS[lang].navCollection}`);
      const l = await headerLayout(page);
      assert.deepEqual({ ...l, height: l.height <= 110 }, { navRows: 1, nameCut: false, accountVisible: true, height: true, overflow: false }, `${lang}: ${JSON.stringify(l)}`);
    }
    // a phone: nothing wider than the screen, the account still there
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of LANGS) {
      await page.goto(`${env.s.url}/collection?lang=${lang}`);
      await page.waitForSelector('.main-nav');
      const l = await headerLayout(page);
      assert.equal(l.overflow, false, `${lang} phone: ${JSON.stringify(l)}`);
      assert.equal(l.accountVisible, true, `${lang} phone: ${JSON.stringify(l)}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the sign-in form shows the password on demand, from the keyboard', T, async () => {
    const { page, context, errors } = await openPage(env.browser);
    for (const lang of LANGS) {
      await page.goto(`${env.s.url}/sign-in?lang=${lang}`);
      const field = 'form.sign-in input[name="password"]';
      const toggle = `form.sign-in button[aria-label="${DICTS[lang].showPasswordLabel}"]`;
      await page.fill(field, 'bí-mật-lắm');
      assert.equal(await page.getAttribute(field, 'type'), 'password');
      assert.equal(squash(await page.textContent(toggle)), DICTS[lang].showPassword);
      assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
      // Tab from the field reaches the button; Space shows, Enter hides
      await page.focus(field);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')), 'false');
      await page.keyboard.press('Space');
      assert.equal(await page.getAttribute(field, 'type'), 'text');
      assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
      assert.equal(await page.inputValue(field), 'bí-mật-lắm');
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute(field, 'type'), 'password');
      assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
      assert.equal(await page.$('form.sign-in .error'), null, 'the toggle does not submit the form');
    }
    // and signing in still works with the field as it is now
    await signIn(page, 'xem', '/collection');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('creating an account and resetting a password say, as it is typed, whether the server will take it', T, async () => {
    const { page, context, errors } = await openPage(env.browser);
    await signIn(page, 'admin', '/admin/accounts');
    for (const lang of LANGS) {
      const c = COLLECTION[lang];
      await page.goto(`${env.s.url}/admin/accounts?lang=${lang}`);
      await page.waitForSelector('[data-testid="accounts"] tr[data-username="xem"]');
      await page.click(`summary >> text=${c.createAccount}`);
      const form = `form[aria-label="${c.createAccount}"]`;
      const check = `${form} [data-testid="password-check"]`;
      const username = `thu-mat-khau-${lang}`;
      await page.fill(`${form} input >> nth=0`, username);
      await page.fill(`${form} input >> nth=1`, 'Người thử');
      await page.selectOption(`${form} select >> nth=0`, 'viewer');
      const password = `${form} input[autocomplete="new-password"]`;
      assert.equal(await page.getAttribute(check, 'data-state'), 'empty');
      await page.fill(password, 'ngan-qua');
      assert.equal(await page.getAttribute(check, 'data-state'), 'problem');
      assert.equal(squash(await page.textContent(check)), lang === 'vi' ? 'Mật khẩu cần ít nhất 12 ký tự.' : 'The password needs at least 12 characters.');
      assert.equal(await page.getAttribute(password, 'aria-invalid'), 'true');
      await page.fill(password, `${username}-2025`);
      assert.equal(squash(await page.textContent(check)), lang === 'vi' ? 'Mật khẩu không được chứa tên đăng nhập.' : 'The password must not contain the username.');
      await page.fill(password, 'matkhau123456');
      assert.match(squash(await page.textContent(check)), lang === 'vi' ? /mật khẩu phổ biến/ : /common or breached/);
      await page.fill(password, 'ngựa vằn ăn cỏ ven sông');
      assert.equal(await page.getAttribute(check, 'data-state'), 'ok');
      assert.equal(squash(await page.textContent(check)), c.passwordOk);
      // the field has its own "Hiện / Show" button
      await page.click(`${form} button[aria-pressed]`);
      assert.equal(await page.getAttribute(`${form} input[autocomplete="new-password"]`, 'type'), 'text');
      // the server agrees: the account is created
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(`.ct-notice-ok >> text=${c.accountCreated(username)}`);
      await page.waitForSelector(`[data-testid="accounts"] tr[data-username="${username}"]`);

      // resetting its password: the same feedback, for this username
      await page.click(`[data-testid="accounts"] tr[data-username="${username}"] button[aria-expanded]`);
      const reset = `form[aria-label="${c.resetPassword}"]`;
      await page.fill(`${reset} input`, `toi-la-${username}`);
      assert.equal(await page.getAttribute(`${reset} [data-testid="password-check"]`, 'data-state'), 'problem');
      await page.fill(`${reset} input`, 'một câu dài dễ nhớ');
      assert.equal(await page.getAttribute(`${reset} [data-testid="password-check"]`, 'data-state'), 'ok');
      await page.click(`${reset} button[aria-pressed]`);
      assert.equal(await page.getAttribute(`${reset} input`, 'type'), 'text');
      await page.click(`${reset} button[type="submit"]`);
      await page.waitForSelector(`.ct-notice-ok >> text=${c.passwordReset}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a username locked after failed sign-ins is shown on its row and unlocked from the page; the log names it all', T, async () => {
    const wrong = () => fetch(`${env.s.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'xem', password: 'sai-mat-khau-roi' }) });
    for (let i = 0; i < 3; i++) assert.equal((await wrong()).status, 401);
    assert.equal((await wrong()).status, 429, 'locked now');
    const { page, context, errors } = await openPage(env.browser);
    await signIn(page, 'admin', '/admin/accounts', 'en');
    const c = COLLECTION.en;
    const row = '[data-testid="accounts"] tr[data-username="xem"]';
    await page.waitForSelector(`${row}[data-locked="true"]`);
    assert.match(squash(await page.textContent(`${row} [data-testid="lock-state"]`)), /^Sign-in locked until .*2\d\d\d, \d\d:\d\d/);
    assert.equal(await page.$('[data-testid="accounts"] tr[data-username="admin"] [data-testid="unlock"]'), null, 'only a locked username has the button');
    assert.equal(await page.getAttribute(`${row} [data-testid="unlock"]`, 'aria-label'), c.unlockLabel('xem'));
    assert.equal(squash(await page.textContent(`${row} [data-testid="unlock"]`)), c.unlock);
    await page.click(`${row} [data-testid="unlock"]`);
    await page.waitForSelector(`[role="status"] >> text=${c.unlocked('xem')}`);
    await page.waitForSelector(`${row}:not([data-locked])`);
    const locks = await (await page.request.get(`${env.s.url}/api/accounts/locks`)).json();
    assert.deepEqual(locks.locks, []);
    // and the user signs in again
    const ok = await fetch(`${env.s.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'xem', password: DEMO_PASSWORD }) });
    assert.equal(ok.status, 200);

    // the audit log in English names these actions rather than printing their codes
    await page.goto(`${env.s.url}/admin/audit?lang=en`);
    await page.waitForSelector('[data-testid="audit"] tr[data-action="account.unlock"]');
    const named = await page.$$eval('[data-testid="audit"] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-action'), tr.querySelector('td:nth-child(3)')!.firstChild!.textContent]));
    const nameOf = new Map(named as Array<[string, string]>);
    assert.equal(nameOf.get('account.unlock'), 'unlocked a username');
    assert.equal(nameOf.get('auth.sign_in_locked'), 'sign-in refused (username locked)');
    assert.equal(nameOf.get('auth.sign_in_failed'), 'failed sign-in');
    for (const [code, name] of named as Array<[string, string]>) assert.notEqual(name, code, `${code} has a name`);
    assert.deepEqual(errors.filter((e) => !/status of 4(01|29)/.test(e)), []);
    await context.close();
  });
});
