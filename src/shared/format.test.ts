import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatDate,
  FormatError,
  formatGrowth,
  formatGrowthVsSamePeriod,
  formatNumber,
  formatPercent,
  fromRoman,
  joinNames,
  MISSING,
  parseVietnameseNumber,
  readableQuantity,
  toRoman,
  type ScaleUnit,
} from './format.ts';

const VND: ScaleUnit[] = [
  { unit: 'tỷ đồng', unitEn: 'billion VND', factor: 1 },
  { unit: 'nghìn tỷ đồng', unitEn: 'trillion VND', factor: 1000 },
];
const USD: ScaleUnit[] = [
  { unit: 'triệu USD', unitEn: 'million USD', factor: 1 },
  { unit: 'tỷ USD', unitEn: 'billion USD', factor: 1000 },
];

describe('formatNumber', () => {
  it('writes vi and en separators', () => {
    assert.equal(formatNumber(2841141, 'vi'), '2.841.141');
    assert.equal(formatNumber(119.79, 'vi'), '119,79');
    assert.equal(formatNumber(-0.23, 'vi'), '-0,23');
    assert.equal(formatNumber(1618, 'vi'), '1.618');
    assert.equal(formatNumber(2841141, 'en'), '2,841,141');
    assert.equal(formatNumber(119.79, 'en'), '119.79');
    assert.equal(formatNumber(999, 'vi'), '999');
  });
  it('rounds the written decimal half away from zero', () => {
    assert.equal(formatNumber(119.785, 'vi'), '119,79');
    assert.equal(formatNumber(1.005, 'vi'), '1,01');
    assert.equal(formatNumber(-2.5, 'vi', { decimals: 0 }), '-3');
    assert.equal(formatNumber(2442.33, 'vi', { decimals: 0 }), '2.442');
    assert.equal(formatNumber(-0.001, 'vi'), '0');
  });
  it('pads with minDecimals and trims otherwise', () => {
    assert.equal(formatNumber(7.7, 'vi', { decimals: 2 }), '7,7');
    assert.equal(formatNumber(7.7, 'vi', { decimals: 2, minDecimals: 2 }), '7,70');
    assert.equal(formatNumber(7, 'en', { minDecimals: 1 }), '7.0');
  });
  it('handles extremes and missing values', () => {
    assert.equal(formatNumber(1e21, 'vi'), '1.000.000.000.000.000.000.000');
    assert.equal(formatNumber(1.5e-7, 'vi', { decimals: 8 }), '0,00000015');
    for (const x of [null, undefined, NaN, Infinity]) assert.equal(formatNumber(x, 'vi'), MISSING);
    assert.throws(() => formatNumber(1, 'vi', { decimals: -1 }), FormatError);
  });
});

describe('percent and growth', () => {
  it('formats percentages', () => {
    assert.equal(formatPercent(11.87, 'vi'), '11,87%');
    assert.equal(formatPercent(11.87, 'en'), '11.87%');
    assert.equal(formatPercent(12.5, 'vi'), '12,50%');
    assert.equal(formatPercent(12.5, 'vi', 2, { trim: true }), '12,5%');
    assert.equal(formatPercent(72, 'vi', 0), '72%');
    assert.equal(formatPercent(null, 'vi'), MISSING);
  });
  it('words growth', () => {
    assert.equal(formatGrowth(12.47, 'vi'), 'tăng 12,47%');
    assert.equal(formatGrowth(-0.23, 'vi'), 'giảm 0,23%');
    assert.equal(formatGrowth(0, 'vi'), 'không đổi');
    assert.equal(formatGrowth(0.004, 'vi'), 'không đổi');
    assert.equal(formatGrowth(12.47, 'en'), 'up 12.47%');
    assert.equal(formatGrowth(-0.23, 'en'), 'down 0.23%');
    assert.equal(formatGrowth(0, 'en'), 'unchanged');
    assert.equal(formatGrowth(12.5, 'vi', { decimals: 1 }), 'tăng 12,5%');
    assert.equal(formatGrowth(NaN, 'vi'), MISSING);
  });
  it('adds the year-on-year phrase', () => {
    assert.equal(formatGrowthVsSamePeriod(12.47, 'vi'), 'tăng 12,47% so với cùng kỳ năm trước');
    assert.equal(formatGrowthVsSamePeriod(-0.23, 'en'), 'down 0.23% year on year');
    assert.equal(formatGrowthVsSamePeriod(0, 'vi'), 'không đổi so với cùng kỳ năm trước');
    assert.equal(formatGrowthVsSamePeriod(null, 'vi'), MISSING);
  });
});

/** A decimal string (possibly with an exponent) as an exact fraction digits / 10^scale. */
function exactDecimal(s: string): { digits: bigint; scale: number } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s)!;
  const frac = m[2] ?? '';
  const scale = frac.length - Number(m[3] ?? 0);
  const digits = BigInt(m[1]! + frac);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}
function mulDecimal(a: string, b: string): { digits: bigint; scale: number } {
  const x = exactDecimal(a);
  const y = exactDecimal(b);
  return { digits: x.digits * y.digits, scale: x.scale + y.scale };
}
function compareDecimals(x: { digits: bigint; scale: number }, b: string): number {
  const y = exactDecimal(b);
  const l = x.digits * 10n ** BigInt(y.scale);
  const r = y.digits * 10n ** BigInt(x.scale);
  return l < r ? -1 : l > r ? 1 : 0;
}

describe('readableQuantity', () => {
  it('scales and qualifies', () => {
    assert.equal(readableQuantity(2442330, VND, 'vi').text, 'hơn 2.442 nghìn tỷ đồng');
    assert.equal(readableQuantity(2441900, VND, 'vi').text, 'gần 2.442 nghìn tỷ đồng');
    assert.equal(readableQuantity(2442000, VND, 'vi').text, '2.442 nghìn tỷ đồng');
    assert.equal(readableQuantity(108400, USD, 'vi').text, '108,4 tỷ USD');
    assert.equal(readableQuantity(950, USD, 'vi').text, '950 triệu USD');
    assert.equal(readableQuantity(2442330, VND, 'en').text, 'over 2,442 trillion VND');
    assert.equal(readableQuantity(2441900, VND, 'en').text, 'nearly 2,442 trillion VND');
  });
  it('moves up a unit when rounding reaches it', () => {
    assert.equal(readableQuantity(999.96, USD, 'vi').text, 'gần 1 tỷ USD');
  });
  it('returns the parts', () => {
    assert.deepEqual(readableQuantity(108450, USD, 'vi', { significant: 3 }), {
      qualifier: 'hơn', number: '108', value: 108, unit: 'tỷ USD', factor: 1000, text: 'hơn 108 tỷ USD',
    });
  });
  it('handles zero, small, negative and missing values', () => {
    assert.equal(readableQuantity(0, USD, 'vi').text, '0 triệu USD');
    assert.equal(readableQuantity(0.123456, USD, 'vi').text, 'gần 0,1235 triệu USD');
    assert.equal(readableQuantity(-2440.4, USD, 'vi').text, 'hơn -2,44 tỷ USD');
    assert.equal(readableQuantity(NaN, USD, 'vi').text, MISSING);
    assert.throws(() => readableQuantity(1, [], 'vi'), FormatError);
    assert.throws(() => readableQuantity(1, [{ unit: 'x', factor: 0 }], 'vi'), FormatError);
  });
  it('property: the qualifier is true of the exact value', () => {
    const ladders = fc.constantFrom(VND, USD, [{ unit: 'kg', factor: 1 }, { unit: 'tấn', factor: 1000 }, { unit: 'nghìn tấn', factor: 1e6 }]);
    const values = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1e9 }));
    fc.assert(
      fc.property(values, ladders, fc.integer({ min: 1, max: 6 }), (v, ladder, significant) => {
        const r = readableQuantity(v, ladder, 'vi', { significant });
        // exact decimal comparison of |shown × factor| against |v|, independent of float error
        const order = compareDecimals(mulDecimal(String(Math.abs(r.value)), String(r.factor)), String(Math.abs(v)));
        const expected = order < 0 ? 'hơn' : order > 0 ? 'gần' : null;
        assert.equal(r.qualifier, expected, `${v} → ${r.text}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Roman numerals', () => {
  it('converts both ways', () => {
    assert.equal(toRoman(10), 'X');
    assert.equal(toRoman(11), 'XI');
    assert.equal(toRoman(1994), 'MCMXCIV');
    assert.equal(toRoman(3999), 'MMMCMXCIX');
    assert.equal(fromRoman('VI'), 6);
    assert.equal(fromRoman('iii'), 3);
  });
  it('rejects what is not a standard numeral', () => {
    for (const s of ['', 'IIII', 'IC', 'VX', 'MMMM', 'ABC', ' X', 'XIIII']) assert.equal(fromRoman(s), null, s);
    for (const n of [0, 4000, 1.5, -1]) assert.throws(() => toRoman(n), FormatError);
  });
  it('property: round trip', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3999 }), (n) => fromRoman(toRoman(n)) === n));
    fc.assert(fc.property(fc.string(), (s) => {
      const n = fromRoman(s);
      return n === null || toRoman(n) === s.toUpperCase();
    }));
  });
});

describe('dates and names', () => {
  it('formats dates', () => {
    assert.equal(formatDate('2024-10-11', 'vi', 'short'), '11/10/2024');
    assert.equal(formatDate('2024-10-11', 'vi', 'article'), 'ngày 11/10/2024');
    assert.equal(formatDate('2026-01-05', 'vi', 'formal'), 'ngày 05 tháng 01 năm 2026');
    assert.equal(formatDate('2024-10-11', 'en', 'article'), '11 October 2024');
    assert.equal(formatDate('2024-10-11', 'en', 'formal'), '11 October 2024');
    assert.equal(formatDate('2024-10-11', 'en', 'short'), '11 Oct 2024');
    assert.equal(formatDate(null, 'vi'), MISSING);
    assert.throws(() => formatDate('2024-02-30', 'vi'), FormatError);
    assert.throws(() => formatDate('11/10/2024', 'vi'), FormatError);
  });
  it('joins names', () => {
    assert.equal(joinNames(['A', 'B', 'C'], 'vi'), 'A, B và C');
    assert.equal(joinNames(['A', 'B', 'C'], 'en'), 'A, B and C');
    assert.equal(joinNames(['A', 'B'], 'vi'), 'A và B');
    assert.equal(joinNames(['A'], 'vi'), 'A');
    assert.equal(joinNames([], 'vi'), '');
  });
});

describe('parseVietnameseNumber', () => {
  it('reads Vietnamese numbers', () => {
    const cases: [string, number][] = [
      ['2.841.141', 2841141], ['11,87', 11.87], ['2.442,33', 2442.33], ['1.618', 1618], ['7,7', 7.7],
      ['-0,23', -0.23], ['0', 0], ['−5', -5], ['+12', 12], [' 42 ', 42], ['7.7', 7.7], ['1.2345', 1.2345],
    ];
    for (const [s, n] of cases) assert.equal(parseVietnameseNumber(s), n, s);
  });
  it('returns null for anything else', () => {
    for (const s of ['', '1,5 triệu', '12,5%', '1.61.8', '2,841,141', '1.2.3', 'abc', ',5', '1,', '.5', '1.000,', '--1']) {
      assert.equal(parseVietnameseNumber(s), null, s);
    }
    assert.equal(parseVietnameseNumber(null as unknown as string), null);
  });
  it('property: reads back what formatNumber writes', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, k) => {
        const back = parseVietnameseNumber(formatNumber(x, 'vi', { decimals: k }));
        assert.ok(back !== null);
        assert.ok(Math.abs(back - x) <= 0.5 * 10 ** -k + Math.abs(x) * 1e-15, `${x} k=${k} → ${back}`);
      }),
      { numRuns: 3000 },
    );
  });
  it('property: never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void parseVietnameseNumber(s)));
  });
});
