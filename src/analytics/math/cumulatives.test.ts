import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cumulativeFromMonths, monthFromCumulatives } from './cumulatives.ts';
import type { FigureStatus, StatusedValue } from './types.ts';
import { anyDouble } from './testSupport.ts';

const off = (value: number | null, vintage?: string): StatusedValue =>
  vintage === undefined ? { value, status: 'official' } : { value, status: 'official', vintage };
const est = (value: number | null): StatusedValue => ({ value, status: 'estimate' });

test('month 9 = 9 months − 8 months, in the decimals as published', () => {
  assert.deepEqual(monthFromCumulatives(off(2442330.4), off(2160000.1)), { ok: true, value: 282330.3, status: 'official' });
});

test('an estimate minus an official figure is refused', () => {
  assert.deepEqual(monthFromCumulatives(est(900), off(800)), {
    ok: false,
    reason: 'status_mismatch',
    statuses: ['estimate', 'official'],
  });
});

test('different vintages are refused; an unstated vintage conflicts with none', () => {
  const r = monthFromCumulatives(off(900, '2024-10'), off(800, '2024-09'));
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'vintage_mismatch');
  assert.deepEqual(monthFromCumulatives(off(900, '2024-10'), off(800)), {
    ok: true,
    value: 100,
    status: 'official',
    vintage: '2024-10',
  });
});

test('a missing cumulative gives no month', () => {
  assert.deepEqual(monthFromCumulatives(off(null), off(5)), { ok: false, reason: 'missing', missing: [1] });
  assert.deepEqual(monthFromCumulatives(off(5), est(null)), { ok: false, reason: 'missing', missing: [2] });
});

test('a cumulative only when every month is present, all of one status', () => {
  assert.deepEqual(cumulativeFromMonths([off(0.1), off(0.2), off(0.3)]), { ok: true, value: 0.6, status: 'official' });
  assert.deepEqual(cumulativeFromMonths([off(1), off(null), off(3), off(null)]), { ok: false, reason: 'missing', missing: [2, 4] });
  assert.deepEqual(cumulativeFromMonths([off(1), est(2)]), { ok: false, reason: 'status_mismatch', statuses: ['official', 'estimate'] });
  assert.deepEqual(cumulativeFromMonths([]), { ok: false, reason: 'no_months' });
});

const status = fc.constantFrom<FigureStatus>('estimate', 'official', 'plan');
const cents = fc.integer({ min: -10_000_000, max: 100_000_000 }).map((c) => c / 100);

test('property: monthFromCumulatives(cumulativeFromMonths) gives back the last month, exactly', () => {
  fc.assert(
    fc.property(fc.array(cents, { minLength: 2, maxLength: 12 }), status, (values, s) => {
      const months = values.map((value) => ({ value, status: s }));
      const cumN = cumulativeFromMonths(months);
      const cumPrev = cumulativeFromMonths(months.slice(0, -1));
      assert.ok(cumN.ok && cumPrev.ok);
      const month = monthFromCumulatives(cumN, cumPrev);
      assert.deepEqual(month, { ok: true, value: values.at(-1), status: s });
    }),
    { numRuns: 500 },
  );
});

test('property: the round trip holds to the rounding of the cumulative for any doubles', () => {
  fc.assert(
    fc.property(fc.array(anyDouble, { minLength: 2, maxLength: 12 }), (values) => {
      const months = values.map((value) => off(value));
      const cumN = cumulativeFromMonths(months);
      const cumPrev = cumulativeFromMonths(months.slice(0, -1));
      const month = monthFromCumulatives(cumN as StatusedValue, cumPrev as StatusedValue);
      assert.ok(month.ok);
      const scale = Math.max(Math.abs((cumN as StatusedValue).value!), Math.abs((cumPrev as StatusedValue).value!));
      assert.ok(Math.abs(month.value - values.at(-1)!) <= 2 * Number.EPSILON * scale);
    }),
  );
});

test('property: any month missing → refused, listing exactly those months', () => {
  fc.assert(
    fc.property(fc.array(fc.option(cents), { minLength: 1, maxLength: 12 }), (values) => {
      const r = cumulativeFromMonths(values.map((v) => off(v)));
      const missing = values.flatMap((v, i) => (v === null ? [i + 1] : []));
      if (missing.length === 0) assert.equal(r.ok, true);
      else assert.deepEqual(r, { ok: false, reason: 'missing', missing });
    }),
  );
});

test('property: months of differing statuses never make a cumulative', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(cents, status), { minLength: 1, maxLength: 12 }), (ms) => {
      const r = cumulativeFromMonths(ms.map(([value, s]) => ({ value, status: s })));
      assert.equal(r.ok, new Set(ms.map(([, s]) => s)).size === 1);
    }),
  );
});
