import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonical,
  fromKey,
  isValidPeriod,
  makePeriod,
  PeriodError,
  periodKey,
  samePeriod,
  type Period,
} from './core.ts';
import { parseCode, periodCode, tryParseCode } from './codes.ts';

const p = (kind: Period['kind'], year: number, n = 0): Period => ({ kind, year, n });

describe('canonical', () => {
  it('folds equivalent forms', () => {
    assert.deepEqual(canonical(p('half', 2024, 1)), p('ytd', 2024, 6));
    assert.deepEqual(canonical(p('quarter', 2024, 1)), p('ytd', 2024, 3));
    assert.deepEqual(canonical(p('ytd', 2024, 1)), p('month', 2024, 1));
    assert.deepEqual(canonical(p('ytd', 2024, 12)), p('year', 2024));
  });
  it('keeps forms that are already canonical', () => {
    for (const q of [p('half', 2024, 2), p('quarter', 2024, 4), p('ytd', 2024, 9), p('month', 2024, 12)]) {
      assert.deepEqual(canonical(q), q);
    }
  });
  it('rejects invalid periods with a PeriodError', () => {
    const bad = [p('month', 2024, 13), p('month', 2024, 0), p('quarter', 2024, 5), p('half', 2024, 3),
      p('year', 2024, 1), p('month', 1899, 1), p('month', 2024.5, 1), { kind: 'week', year: 2024, n: 1 }];
    for (const b of bad) assert.throws(() => canonical(b as Period), PeriodError);
    assert.equal(isValidPeriod(null), false);
  });
});

describe('periodKey / fromKey', () => {
  it('follows year*1000 + kind*100 + n', () => {
    assert.equal(periodKey(p('month', 2024, 10)), 2024110);
    assert.equal(periodKey(p('quarter', 2024, 3)), 2024203);
    assert.equal(periodKey(p('half', 2024, 2)), 2024302);
    assert.equal(periodKey(p('ytd', 2024, 9)), 2024409);
    assert.equal(periodKey(p('year', 2024)), 2024500);
  });
  it('gives equivalent forms one key', () => {
    assert.equal(periodKey(p('half', 2024, 1)), periodKey(p('ytd', 2024, 6)));
    assert.ok(samePeriod(p('quarter', 2024, 1), p('ytd', 2024, 3)));
  });
  it('reads keys back', () => {
    assert.deepEqual(fromKey(2024110), p('month', 2024, 10));
    assert.deepEqual(fromKey(2024500), p('year', 2024));
  });
  it('rejects malformed and non-canonical keys', () => {
    for (const k of [2024113, 2024600, 2024000, 2024501, 2024301, 2024412, -1, 1.5, NaN, 99110]) {
      assert.throws(() => fromKey(k), PeriodError, String(k));
    }
  });
});

describe('periodCode / parseCode', () => {
  it('writes machine codes', () => {
    assert.equal(periodCode(p('month', 2024, 10)), 'T10/2024');
    assert.equal(periodCode(p('quarter', 2024, 3)), 'Q3/2024');
    assert.equal(periodCode(p('half', 2024, 2)), 'H2/2024');
    assert.equal(periodCode(p('ytd', 2024, 9)), '9T/2024');
    assert.equal(periodCode(p('year', 2024)), '2024');
    assert.equal(periodCode(p('half', 2024, 1)), '6T/2024');
  });
  it('reads machine codes, canonical', () => {
    assert.deepEqual(parseCode('T10/2024'), p('month', 2024, 10));
    assert.deepEqual(parseCode('t01/2024'), p('month', 2024, 1));
    assert.deepEqual(parseCode('Q3/2024'), p('quarter', 2024, 3));
    assert.deepEqual(parseCode('H1/2024'), p('ytd', 2024, 6));
    assert.deepEqual(parseCode('1T/2024'), p('month', 2024, 1));
    assert.deepEqual(parseCode('12T/2024'), p('year', 2024));
    assert.deepEqual(parseCode(' 2024 '), p('year', 2024));
  });
  it('rejects anything else', () => {
    for (const s of ['T13/2024', 'Q5/2024', 'H3/2024', '0T/2024', 'tháng 10/2024', '', '24', 'T10/24']) {
      assert.throws(() => parseCode(s), PeriodError, s);
      assert.equal(tryParseCode(s), null);
    }
  });
  it('makePeriod validates and canonicalises', () => {
    assert.deepEqual(makePeriod('half', 2024, 1), p('ytd', 2024, 6));
    assert.deepEqual(makePeriod('year', 2024), p('year', 2024));
    assert.throws(() => makePeriod('month', 2024, 13), PeriodError);
  });
});
