import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromKey, makePeriod, periodKey, YEAR_MAX, YEAR_MIN, type Period } from './core.ts';
import { parseCode, periodCode } from './codes.ts';
import { contains, endDate, monthsCovered, previousPeriod, samePeriodLastYear, startDate } from './calendar.ts';
import { cutoffWindow } from './cutoff.ts';
import { formatPeriod } from './labels.ts';
import { parsePeriod } from './parse.ts';

/** Any valid period, canonical (the form every function returns). */
const anyPeriod: fc.Arbitrary<Period> = fc
  .record({
    kind: fc.constantFrom('month', 'quarter', 'half', 'ytd', 'year' as const),
    year: fc.integer({ min: YEAR_MIN, max: YEAR_MAX }),
    m: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ kind, year, m }) => {
    const max = { month: 12, quarter: 4, half: 2, ytd: 12, year: 0 }[kind];
    return makePeriod(kind, year, kind === 'year' ? 0 : ((m - 1) % max) + 1);
  });

const laterPeriod = anyPeriod.filter((p) => p.year > YEAR_MIN);

describe('period properties', () => {
  it('fromKey(periodKey(p)) == p', () => {
    fc.assert(fc.property(anyPeriod, (p) => assert.deepEqual(fromKey(periodKey(p)), p)));
  });
  it('parseCode(periodCode(p)) == p', () => {
    fc.assert(fc.property(anyPeriod, (p) => assert.deepEqual(parseCode(periodCode(p)), p)));
  });
  it('same period last year has key − 1000', () => {
    fc.assert(fc.property(laterPeriod, (p) => periodKey(samePeriodLastYear(p)) === periodKey(p) - 1000));
  });
  it('parsePeriod(formatPeriod(p, lang, style)) == p', () => {
    const style = fc.constantFrom('short' as const, 'long' as const);
    const lang = fc.constantFrom('vi' as const, 'en' as const);
    fc.assert(
      fc.property(anyPeriod, lang, style, (p, l, s) => {
        assert.deepEqual(parsePeriod(formatPeriod(p, l, { style: s })), p);
        assert.deepEqual(parsePeriod(formatPeriod(p, l, { style: s }), { lang: l }), p);
      }),
    );
  });
  it('calendar dates bound the months covered; a period contains itself', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        const months = monthsCovered(p);
        assert.equal(Number(startDate(p).slice(5, 7)), months[0]);
        assert.equal(Number(endDate(p).slice(5, 7)), months[months.length - 1]);
        assert.ok(contains(p, p));
      }),
    );
  });
  it('a cut-off window is as long as the months it covers, give or take a month', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        const { from, to } = cutoffWindow(p);
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
        const n = monthsCovered(p).length;
        assert.ok(days >= 28 * n && days <= 31 * n, `${from}..${to}`);
      }),
    );
  });
  it('previous period is as long and ends where it begins, for months and quarters', () => {
    const stepping = laterPeriod.filter((p) => p.kind === 'month' || p.kind === 'quarter');
    fc.assert(
      fc.property(stepping, (p) => {
        const prev = previousPeriod(p);
        const gap = Date.parse(startDate(p)) - Date.parse(endDate(prev));
        assert.equal(gap, 86_400_000);
        assert.equal(monthsCovered(prev).length, monthsCovered(p).length);
      }),
    );
  });
});

describe('parsePeriod robustness', () => {
  it('never throws on arbitrary strings', () => {
    const texts = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(texts, fc.option(fc.integer()), (s, y) => {
        const r = parsePeriod(s, { defaultYear: y ?? undefined });
        assert.ok(r === null || typeof r.year === 'number');
      }),
      { numRuns: 2000 },
    );
  });
  it('never throws on period-like noise', () => {
    const pieces = ['tháng', 'quý', 'năm', 'đầu', 'cuối', 'nửa', 'T', 'Q', 'H', '/', ' ', '-', '9', '10', '2024',
      'III', 'of', 'first', 'half', 'months', '0', '99999', '.'];
    const noise = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(noise, (s) => void parsePeriod(s, { defaultYear: 2024 })), { numRuns: 2000 });
  });
  it('finishes fast on 100 KB strings', () => {
    const big = [
      'tháng '.repeat(20_000),
      '1'.repeat(100_000),
      ' '.repeat(100_000) + 'T10/2024',
      'quý III/2024 '.repeat(8_000),
      'a\u0301'.repeat(50_000),
    ];
    for (const s of big) {
      const t0 = performance.now();
      parsePeriod(s);
      assert.ok(performance.now() - t0 < 100, `took too long on ${s.slice(0, 12)}…`);
    }
  });
});
