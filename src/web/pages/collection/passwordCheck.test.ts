// The accounts page says, as a password is typed, whether the server will accept it and why not — by
// the server's own rule: the function the page imports is the one accounts.ts applies (passwords.ts
// re-exports passwordRule.ts), so the two cannot disagree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem as serverRule } from '../../../access/passwords.ts';
import { passwordProblem as pureRule } from '../../../access/passwordRule.ts';
import { checkPassword } from './passwordCheck.ts';

test('the page and the server share one rule', () => {
  assert.equal(serverRule, pureRule);
});

test('each password is judged as the server judges it, with its reason in the page\'s language', () => {
  const cases: Array<[string, string]> = [
    ['ngan-qua-11', 'sct-hanoi'], ['toi-la-sct-hanoi-day', 'sct-hanoi'], ['TOI-LA-SCT-HANOI-DAY', 'SCT-HANOI'], ['abcabcabcabc', 'u'],
    ['Password2024!', 'u'], ['matkhau123456', 'u'], ['một mật khẩu', 'zz'], ['ngựa-vằn-ăn-cỏ-ven-sông', 'sct-hanoi'], ['x'.repeat(201), 'u'],
  ];
  for (const [password, username] of cases) {
    const server = serverRule(password, username.trim().toLowerCase());
    for (const lang of ['vi', 'en'] as const) {
      const page = checkPassword(password, username, lang);
      assert.deepEqual(page, server ? { state: 'problem', text: server[lang] } : { state: 'ok' }, `${password} / ${username} (${lang})`);
    }
  }
  assert.equal(checkPassword('ngan-qua-11', 'u', 'vi').state, 'problem');
  assert.deepEqual(checkPassword('ngan-qua-11', 'u', 'en'), { state: 'problem', text: 'The password needs at least 12 characters.' });
  assert.deepEqual(checkPassword('ngựa-vằn-ăn-cỏ-ven-sông', 'sct-hanoi', 'vi'), { state: 'ok' });
});

test('nothing typed says nothing; no username yet does not make every password "contain" it', () => {
  assert.deepEqual(checkPassword('', 'sct-hanoi', 'vi'), { state: 'empty' });
  assert.deepEqual(checkPassword('ngựa-vằn-ăn-cỏ-ven-sông', '', 'vi'), { state: 'ok' });
  assert.deepEqual(checkPassword('ngựa-vằn-ăn-cỏ-ven-sông', '   ', 'en'), { state: 'ok' });
});
