// Rounding words are true of the exact value: "hơn" only when the number shown is below it, "gần" only
// above, no word only when equal; published figures keep their digits and their publisher's word.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { IndicatorRef } from '../catalogue/reference.ts';
import { parseVietnameseNumber } from '../shared/format.ts';
import { approximateQuantity, computedQuantity, growthText, publishedQuantity, rungFor } from './quantity.ts';
import { lowerFirst } from './templates/runs.ts';

const ind = (code: string, ladder: Array<{ unit: string; unit_en: string; factor: number; decimals: number; use_from: number }>, base = ladder[0]!.unit): IndicatorRef => ({
  id: 1, code, nameVi: code, nameEn: code, shortVi: code, shortEn: code, baseUnit: base, decimals: 2, nature: 'flow', aggregation: 'sum', formula: null,
  meta: { ladder },
});

const RETAIL = ind('retail_services', [
  { unit: 'tỷ đồng', unit_en: 'billion VND', factor: 1, decimals: 1, use_from: 0 },
  { unit: 'nghìn tỷ đồng', unit_en: 'trillion VND', factor: 1000, decimals: 1, use_from: 1_000_000 },
]);
const EXPORTS = ind('exports', [
  { unit: 'triệu USD', unit_en: 'million USD', factor: 1, decimals: 1, use_from: 0 },
  { unit: 'tỷ USD', unit_en: 'billion USD', factor: 1000, decimals: 2, use_from: 1000 },
]);
const JOBS = ind('clusters_jobs', [{ unit: 'người', unit_en: 'persons', factor: 1, decimals: 0, use_from: 0 }]);

/** Exact comparison of two decimals written in plain notation: sign of a − b. */
function compareDecimal(a: string, b: string): number {
  const parse = (s: string) => {
    const [i, f = ''] = s.split('.');
    return { i: BigInt(i!), f };
  };
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.f.length, y.f.length);
  const X = x.i * 10n ** BigInt(scale) + BigInt(x.f.padEnd(scale, '0') || '0');
  const Y = y.i * 10n ** BigInt(scale) + BigInt(y.f.padEnd(scale, '0') || '0');
  return X < Y ? -1 : X > Y ? 1 : 0;
}

/** The shown number × the rung's factor (factors are powers of ten), as a plain decimal string. */
function shownInBase(number: string, factor: number): string {
  const n = parseVietnameseNumber(number);
  assert.ok(n !== null, number);
  const digits = Math.round(Math.log10(factor));
  const [i, f = ''] = String(n).split('.');
  const frac = f.padEnd(digits, '0');
  return `${i}${frac.slice(0, digits)}${frac.length > digits ? `.${frac.slice(digits)}` : ''}`.replace(/^0+(?=\d)/, '');
}

describe('computed quantities', () => {
  test('the seed\'s figures read as the sector writes them', () => {
    assert.equal(computedQuantity(RETAIL, 2_442_330, 'vi').text, 'hơn 2.442 nghìn tỷ đồng');
    assert.equal(computedQuantity(RETAIL, 2_841_141, 'vi').text, 'hơn 2.841 nghìn tỷ đồng');
    assert.equal(computedQuantity(RETAIL, 73_809.4, 'vi').text, 'hơn 73.809 tỷ đồng');
    assert.equal(computedQuantity(EXPORTS, 108_400, 'vi').text, '108,4 tỷ USD');
    assert.equal(computedQuantity(EXPORTS, 119_785, 'vi').text, 'gần 119,8 tỷ USD');
    assert.equal(computedQuantity(EXPORTS, 96_410, 'en').text, '96.41 billion USD');
    assert.equal(computedQuantity(EXPORTS, 137, 'vi').text, '137 triệu USD');
    assert.equal(computedQuantity(JOBS, 162_810, 'vi').bare, '162.810');
    assert.equal(computedQuantity(EXPORTS, -2_345, 'vi').text, 'gần 2,35 tỷ USD'); // magnitude: "nhập siêu gần 2,35 tỷ USD"
  });

  test('property: the qualifier is true of the exact value, and the number is close to it', () => {
    fc.assert(fc.property(
      fc.constantFrom(RETAIL, EXPORTS, JOBS),
      fc.integer({ min: 1, max: 10 ** 12 }).map((x) => x / 1000),
      fc.constantFrom('vi' as const, 'en' as const),
      (indicator, value, lang) => {
        const s = computedQuantity(indicator, value, lang);
        const rung = rungFor(indicator, value);
        const number = lang === 'en' ? s.number.replaceAll(',', '').replace('.', ',') : s.number;
        const cmp = compareDecimal(shownInBase(number, rung.factor), String(value));
        if (s.qualifier === (lang === 'vi' ? 'hơn' : 'over')) assert.equal(cmp, -1, `${s.text} for ${value}`);
        else if (s.qualifier === (lang === 'vi' ? 'gần' : 'nearly')) assert.equal(cmp, 1, `${s.text} for ${value}`);
        else {
          assert.equal(s.qualifier, null);
          assert.equal(cmp, 0, `${s.text} for ${value}`);
        }
        // Off by at most half a unit of the last place shown: the rung's decimals, or four significant digits.
        const shown = parseVietnameseNumber(number)! * rung.factor;
        const bound = Math.max(0.5 * rung.factor * 10 ** -rung.decimals, 0.0005 * value) * 1.000001;
        assert.ok(Math.abs(shown - value) <= bound, `${s.text} too far from ${value}`);
      },
    ), { numRuns: 500 });
  });
});

describe('published quantities', () => {
  test('re-scaled exactly with the publisher\'s qualifier, never rounded again', () => {
    assert.equal(publishedQuantity(RETAIL, 2_442_000, 'hơn', 'vi').text, 'hơn 2.442 nghìn tỷ đồng');
    assert.equal(publishedQuantity(RETAIL, 73_809, 'hơn', 'vi').text, 'hơn 73.809 tỷ đồng');
    assert.equal(publishedQuantity(EXPORTS, 119_790, null, 'vi').text, '119,79 tỷ USD');
    assert.equal(publishedQuantity(JOBS, 1618, 'khoảng', 'en').text, 'about 1,618 persons');
  });

  test('property: the shown number times the rung is the published value exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 ** 10 }).map((x) => x / 100), (value) => {
      const s = publishedQuantity(EXPORTS, value, null, 'vi');
      assert.equal(compareDecimal(shownInBase(s.number, rungFor(EXPORTS, value).factor), String(value)), 0, `${s.text} for ${value}`);
    }), { numRuns: 300 });
  });

  test('derived from rounded figures: "khoảng"', () => {
    assert.equal(approximateQuantity(EXPORTS, 38.36, 'vi').text, 'khoảng 38,4 triệu USD');
    assert.equal(approximateQuantity(EXPORTS, 11_990, 'en').text, 'about 11.99 billion USD');
  });
});

describe('growth and names', () => {
  test('tăng / giảm / không đổi, trailing zeros trimmed', () => {
    assert.equal(growthText(12.47, 'vi'), 'tăng 12,47%');
    assert.equal(growthText(13, 'vi'), 'tăng 13%');
    assert.equal(growthText(-0.23, 'vi'), 'giảm 0,23%');
    assert.equal(growthText(0.001, 'vi'), 'không đổi');
    assert.equal(growthText(10.7, 'en'), 'up 10.7%');
  });

  test('lower-casing a name after an opening keeps acronyms', () => {
    assert.equal(lowerFirst('Chỉ số sản xuất công nghiệp (IIP)'), 'chỉ số sản xuất công nghiệp (IIP)');
    assert.equal(lowerFirst('IIP'), 'IIP');
  });
});
