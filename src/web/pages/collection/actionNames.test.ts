// The audit log and a report's history name every action in the page's language: no raw code such as
// `account.unlock` or `auth.sign_in_failed` on screen. The codes are read from the server's sources the
// way it writes them — literal `action: '…'` (ternaries included), `submission.${action}` for the
// workflow's actions, the command line's cliAudit('…'), and the conference and follow-up routes, whose
// codes are named after the route (conferences/http.ts auditAction) — so a new code without a name
// fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { auditAction } from '../../../conferences/http.ts';
import { ACTION_NAMES, DICT } from './i18n.ts';

const SRC = new URL('../../../', import.meta.url).pathname;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'web' && name !== 'node_modules') sources(p, out); }
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function serverActionCodes(): Map<string, string> {
  const codes = new Map<string, string>(); // code → where it was found
  const add = (code: string, file: string) => { if (!codes.has(code)) codes.set(code, relative(SRC, file)); };
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    // action: 'x.y'  /  action: cond ? 'x.y' : 'x.z'
    for (const m of text.matchAll(/\baction:\s*([^,}\n]+)/g)) {
      for (const q of m[1]!.matchAll(/'([a-z_]+\.[a-z_.-]+)'/g)) add(q[1]!, file);
    }
    for (const m of text.matchAll(/cliAudit\('([^']+)'/g)) add(m[1]!, file);
    if (/action: `submission\.\$\{action\}`/.test(text)) {
      for (const a of ['submit', 'return', 'approve', 'reopen']) add(`submission.${a}`, file);
    }
    if (/auditOf\(req\)/.test(text)) {
      for (const m of text.matchAll(/\br\.(post|put|patch|delete)\(\s*'([^']+)'/g)) add(auditAction(m[1]!.toUpperCase(), `/api${m[2]}`).action, file);
    }
  }
  return codes;
}

test('every audit action the server writes has a name in Vietnamese and in English', () => {
  const codes = serverActionCodes();
  // the ones the user guides' review found shown raw, and the shapes of code the reader must see
  for (const c of ['account.unlock', 'auth.sign_in_locked', 'auth.sign_in_failed', 'submission.approve', 'values.write', 'recommendation.assignments.answer']) {
    assert.ok(codes.has(c), `the scan finds ${c}`);
  }
  const missing: string[] = [];
  for (const [code, where] of codes) {
    for (const lang of ['vi', 'en'] as const) {
      if (!ACTION_NAMES[lang][code]) missing.push(`${lang}: ${code} (${where})`);
    }
  }
  assert.deepEqual(missing, []);
});

test('actionName gives the name, and the code itself only for a code it does not know', () => {
  assert.equal(DICT.vi.actionName('account.unlock'), 'mở khóa đăng nhập');
  assert.equal(DICT.en.actionName('account.unlock'), 'unlocked a username');
  assert.equal(DICT.en.actionName('auth.sign_in_locked'), 'sign-in refused (username locked)');
  assert.equal(DICT.vi.actionName('something.new'), 'something.new');
  assert.deepEqual(Object.keys(ACTION_NAMES.en).sort(), Object.keys(ACTION_NAMES.vi).sort());
});
