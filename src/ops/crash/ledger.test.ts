// The crash rules themselves: a check that cannot fail proves nothing, so here it fails on purpose.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Ledger, violations } from './ledger.ts';

const w = (entries: Array<[string, number]>) => new Map(entries);

describe('crash ledger', () => {
  test('the last acknowledged write, or a later unknown one, is the allowed value', () => {
    const l = new Ledger();
    const a = l.begin('api-write', w([['k', 1]]));
    a.outcome = 'acked';
    const b = l.begin('api-import', w([['k', 2]]));
    b.outcome = 'unknown';
    const c = l.begin('api-import', w([['k', 3]]));
    c.outcome = 'refused';
    assert.deepEqual(l.allowed('k'), [1, 2]);
    const sets = [{ note: 'crash:1', rows: 1 }];
    assert.deepEqual(violations(l, new Map([['k', 1]]), sets), []);
    assert.deepEqual(violations(l, new Map([['k', 2]]), [...sets, { note: 'crash:2', rows: 1 }]), []);
    assert.equal(violations(l, new Map([['k', 3]]), sets).length, 1, 'a refused write must not show');
    assert.equal(violations(l, new Map(), sets).length, 1, 'an acknowledged write must not vanish');
  });

  test('an acknowledged operation without its whole change set, or a half-written unknown one, is a violation', () => {
    const l = new Ledger();
    const a = l.begin('cli-bulk', w([['x', 1], ['y', 2]]));
    a.outcome = 'acked';
    const b = l.begin('api-write', w([['z', 5], ['t', 6]]));
    b.outcome = 'unknown';
    const values = new Map([['x', 1], ['y', 2]]);
    assert.deepEqual(violations(l, values, [{ note: 'crash:1', rows: 2 }]), []);
    assert.match(violations(l, values, [{ note: 'crash:1', rows: 1 }]).join(), /acknowledged but its change set holds 1\/2/);
    assert.match(violations(l, new Map([...values, ['z', 5]]), [{ note: 'crash:1', rows: 2 }, { note: 'crash:2', rows: 1 }]).join(), /half-written/);
  });

  test('with no acknowledged writer a key may be absent, or hold an unknown write', () => {
    const l = new Ledger();
    l.begin('api-write', w([['k', 7]]));
    l.settlePending();
    assert.deepEqual(l.allowed('k'), [null, 7]);
    assert.deepEqual(violations(l, new Map(), []), []);
    assert.deepEqual(violations(l, new Map([['k', 7]]), [{ note: 'crash:1', rows: 1 }]), []);
    assert.equal(violations(l, new Map([['k', 8]]), []).length, 1);
  });
});
