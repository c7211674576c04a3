// The number reader: examples and properties.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectConvention, parseNumber } from './numbers.ts';
import { canonicalPeriod, periodCode } from './periods.ts';

/** Writes a number the vi-VN way: 2.841.141,5 */
function viFormat(intPart: number, decimals: string): string {
  const s = String(intPart).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return decimals ? `${s},${decimals}` : s;
}

describe('parseNumber', () => {
  it('reads vi-VN numbers', () => {
    assert.equal(parseNumber('2.841.141'), 2841141);
    assert.equal(parseNumber('11,87'), 11.87);
    assert.equal(parseNumber('24.616,2'), 24616.2);
    assert.equal(parseNumber('1.612,9'), 1612.9);
    assert.equal(parseNumber('2470'), 2470);
    assert.equal(parseNumber('8.498'), 8498);
    assert.equal(parseNumber('0,5'), 0.5);
  });
  it('reads the English-style slips', () => {
    assert.equal(parseNumber('119.79'), 119.79);
    assert.equal(parseNumber('4.2'), 4.2);
    assert.equal(parseNumber('2,841,141'), 2841141);
    assert.equal(parseNumber('2,442.33'), 2442.33);
    assert.equal(parseNumber('1,618', 'en'), 1618);
    assert.equal(parseNumber('1.618', 'en'), 1.618);
  });
  it('rejects what is not a number', () => {
    for (const s of ['', '1..2', '1,', '.5', 'abc', '1.2.3,4,5', '12.34.567']) assert.ok(Number.isNaN(parseNumber(s)), s);
  });
  it('round-trips any vi-VN formatted number (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.stringMatching(/^\d{0,3}$/), (n, d) => {
      const dec = d.replace(/0+$/, '');
      const s = viFormat(n, dec);
      const v = parseNumber(s);
      const expected = Number(`${n}${dec ? '.' + dec : ''}`);
      // a bare "1.234" is read as thousands, which is what viFormat means by it
      return Math.abs(v - expected) <= Math.abs(expected) * 1e-12;
    }));
  });
  it('never throws and returns a finite number or NaN (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', ',', 'a', ' ') }), (s) => {
      const v = parseNumber(s);
      return Number.isNaN(v) || Number.isFinite(v);
    }));
  });
  it('detects the document convention', () => {
    assert.equal(detectConvention('đạt 2.841.141 tỷ đồng, tăng 12,91%'), 'vi');
    assert.equal(detectConvention('reached 2,841,141 and 2,442.33'), 'en');
  });
});

describe('period codes', () => {
  it('writes the development-set codes', () => {
    assert.equal(periodCode({ kind: 'M', n: 10, year: 2024 }), 'T10/2024');
    assert.equal(periodCode({ kind: 'Q', n: 3, year: 2024 }), 'Q3/2024');
    assert.equal(periodCode({ kind: 'YTD', n: 9, year: 2024 }), '9T/2024');
    assert.equal(periodCode({ kind: 'YTD', n: 12, year: 2024 }), '2024');
    assert.equal(periodCode({ kind: 'YTD', n: 1, year: 2024 }), 'T1/2024');
    assert.equal(periodCode({ kind: 'Y', n: 0, year: null }), null);
  });
  it('compares equivalent codes', () => {
    assert.equal(canonicalPeriod('H1/2024'), canonicalPeriod('6T/2024'));
    assert.equal(canonicalPeriod('Q1/2024'), canonicalPeriod('3T/2024'));
    assert.equal(canonicalPeriod('12T/2024'), '2024');
  });
});
