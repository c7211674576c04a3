import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { openTestDb } from '../db/testing.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { writeValues } from '../collection/writeValues.ts';
import { STATUS_CODE, type ValueWrite } from '../collection/valueModel.ts';
import { parseCode } from '../periods/period.ts';
import { regionalIndicator } from './regional.ts';
import { regionalPivot } from './pivot.ts';
import { checkRollups, rebuildRollups } from './rebuildRollups.ts';

let db: Db;
let ids: Record<string, number>;
before(async () => {
  db = await openTestDb();
  ids = await loadFixtureCatalogue(db);
});
after(async () => db.close());

const val = (unit: string, indicator: string, period: string, value: number, extra: Partial<ValueWrite> = {}): ValueWrite => {
  const p = parseCode(period);
  const key = p.kind === 'year' ? p.year * 1000 + 500 : p.kind === 'ytd' ? p.year * 1000 + 400 + p.n : p.year * 1000 + 100 + p.n;
  return {
    period: key, indicatorId: ids[indicator]!, breakdownId: 0, unitId: ids[unit]!, measure: 0, value,
    status: STATUS_CODE.official, growthPct: null, pctOfPlan: null, qualifier: null, note: null, ...extra,
  };
};
const ctx = { actor: 'test', kind: 'seed' };

describe('regional figure', () => {
  test('growth is the ratio of sums over the units that reported in both periods, with coverage', async () => {
    await writeValues(db, [
      val('a', 'retail_services', '9T/2023', 100), val('b', 'retail_services', '9T/2023', 300),
      val('c', 'retail_services', '9T/2023', 50),
      val('a', 'retail_services', '9T/2024', 150), val('b', 'retail_services', '9T/2024', 310),
      val('c', 'retail_services', '9T/2024', 60), // d reports in neither year
    ], ctx);
    const f = await regionalIndicator(db, { region: 'region1', indicator: 'retail_services', period: parseCode('9T/2024') });
    assert.equal(f.value, 520);
    assert.deepEqual(f.coverage, { reported: 3, of: 4, missing: ['d'] });
    // (150 + 310 + 60) / (100 + 300 + 50) − 1, not the mean of +50%, +3.33% and +20%.
    assert.ok(Math.abs(f.growthPct! - (520 / 450 - 1) * 100) < 1e-9);
    assert.deepEqual(f.aboveAverage, { count: 2, of: 3, units: ['a', 'c'] });
    assert.equal(f.units.find((u) => u.unit === 'b')!.rank, 1);
  });

  test('a unit missing last year is left out of the growth, and said so', async () => {
    await writeValues(db, [val('d', 'retail_services', '9T/2024', 1000)], ctx);
    const f = await regionalIndicator(db, { region: 'region1', indicator: 'retail_services', period: parseCode('9T/2024') });
    assert.equal(f.value, 1520);
    assert.ok(Math.abs(f.growthPct! - (520 / 450 - 1) * 100) < 1e-9);
    assert.deepEqual(f.growthBasis.excluded, [{ unit: 'd', reason: 'missing_previous' }]);
  });

  test('after the July 2025 merger, a new unit is compared with the sum of its predecessors', async () => {
    await writeValues(db, [
      val('a', 'exports', 'T10/2024', 10), val('b', 'exports', 'T10/2024', 20), val('c', 'exports', 'T10/2024', 30), val('d', 'exports', 'T10/2024', 40),
      val('a', 'exports', 'T10/2025', 11), val('b', 'exports', 'T10/2025', 22), val('cd', 'exports', 'T10/2025', 77),
    ], ctx);
    const f = await regionalIndicator(db, { region: 'region1', indicator: 'exports', period: parseCode('T10/2025') });
    assert.deepEqual(f.coverage, { reported: 3, of: 3, missing: [] });
    const cd = f.units.find((u) => u.unit === 'cd')!;
    assert.equal(cd.previous, 70);
    assert.deepEqual(cd.previousFrom.sort(), ['c', 'd']);
    assert.ok(Math.abs(f.growthPct! - (110 / 100 - 1) * 100) < 1e-9);
  });

  test('the IIP of a region is weighted by the units\' base-year value added', async () => {
    await writeValues(db, [val('a', 'iip', '9T/2024', 110), val('b', 'iip', '9T/2024', 104), val('c', 'iip', '9T/2024', 120), val('d', 'iip', '9T/2024', 100)], ctx);
    const f = await regionalIndicator(db, { region: 'region1', indicator: 'iip', period: parseCode('9T/2024') });
    const expected = (110 * 10 + 104 * 30 + 120 * 20 + 100 * 40) / 100;
    assert.ok(Math.abs(f.value! - expected) < 1e-9);
    assert.ok(Math.abs(f.growthPct! - (expected - 100)) < 1e-9);
    assert.equal(f.method, 'weighted');
    assert.deepEqual(f.aboveAverage.units, ['c', 'a']);
  });

  test('a derived indicator (trade balance) is computed from its components', async () => {
    await writeValues(db, [val('a', 'imports', 'T10/2025', 5), val('b', 'imports', 'T10/2025', 30), val('cd', 'imports', 'T10/2025', 7)], ctx);
    const f = await regionalIndicator(db, { region: 'region1', indicator: 'trade_balance', period: parseCode('T10/2025') });
    assert.equal(f.value, 11 - 5 + 22 - 30 + 77 - 7);
  });

  test('% of the annual plan and what remains per month', async () => {
    await writeValues(db, ['a', 'b', 'c', 'd'].map((u, i) => val(u, 'retail_services', '2024', [200, 400, 80, 1200][i]!, { measure: 1, status: STATUS_CODE.plan })), ctx);
    const f = await regionalIndicator(db, { region: 'region1', indicator: 'retail_services', period: parseCode('9T/2024') });
    assert.equal(f.plan, 1880);
    assert.ok(Math.abs(f.pctOfPlan! - (1520 / 1880) * 100) < 1e-9);
    assert.equal(f.remaining, 360);
    assert.equal(f.monthlyPaceNeeded, 120);
  });
});

describe('regional pivot', () => {
  test('the rollup answer equals the unit-by-unit answer, including partial coverage and the merger', async () => {
    for (const period of ['9T/2024', 'T10/2025', 'T10/2024']) {
      const cells = await regionalPivot(db, { period: parseCode(period), regions: ['region1'] });
      for (const c of cells.filter((x) => x.value !== null)) {
        const f = await regionalIndicator(db, { region: 'region1', indicator: c.indicator, period: parseCode(period) });
        assert.ok(Math.abs(c.value! - f.value!) < 1e-9, `${period} ${c.indicator} value`);
        assert.equal(c.growthPct === null, f.growthPct === null, `${period} ${c.indicator} growth presence`);
        if (c.growthPct !== null) assert.ok(Math.abs(c.growthPct - f.growthPct!) < 1e-9, `${period} ${c.indicator} growth`);
        assert.equal(c.coverage.reported, f.coverage.reported);
      }
    }
  });

  test('the trade balance is in the pivot, from the exports and imports cells', async () => {
    const cells = await regionalPivot(db, { period: parseCode('T10/2025'), regions: ['region1'], indicators: ['trade_balance'] });
    assert.deepEqual(cells.map((c) => [c.indicator, c.value]), [['trade_balance', 11 - 5 + 22 - 30 + 77 - 7]]);
  });

  test('a value written is in the very next answer', async () => {
    const before = (await regionalPivot(db, { period: parseCode('T10/2024'), indicators: ['exports'], regions: ['region1'] }))[0]!;
    await writeValues(db, [val('a', 'exports', 'T10/2024', 12, { expectedVersion: 1 })], ctx);
    const after = (await regionalPivot(db, { period: parseCode('T10/2024'), indicators: ['exports'], regions: ['region1'] }))[0]!;
    assert.equal(after.value! - before.value!, 2);
  });

  test('incremental rollups equal a full recomputation', async () => {
    assert.deepEqual(await checkRollups(db), []);
    await rebuildRollups(db);
    assert.deepEqual(await checkRollups(db), []);
  });

  test('property: for random full-coverage data the pivot growth is Σ/Σ − 1', async () => {
    await fc.assert(
      // Figures as published: up to three decimals (rollups keep sums exact to 10^-6 of the base unit).
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 1e9 }).map((x) => x / 1000), { minLength: 8, maxLength: 8 }), async (xs) => {
        const units = ['a', 'b', 'c', 'd'];
        await writeValues(db, units.flatMap((u, i) => [val(u, 'imports', 'T3/2023', xs[i]!), val(u, 'imports', 'T3/2024', xs[i + 4]!)]), ctx);
        const [cell] = await regionalPivot(db, { period: parseCode('T3/2024'), indicators: ['imports'], regions: ['region1'] });
        const cur = xs.slice(4).reduce((s, x) => s + x, 0);
        const prev = xs.slice(0, 4).reduce((s, x) => s + x, 0);
        return Math.abs(cell!.growthPct! - (cur / prev - 1) * 100) <= 1e-9 * Math.max(1, Math.abs(cell!.growthPct!)) && cell!.method === 'rollup';
      }),
      { numRuns: 25 },
    );
  });
});

describe('weights as data', () => {
  test('loading new IIP weights moves the regional index without touching values', async () => {
    const { loadWeights } = await import('../catalogue/weights.ts');
    await loadWeights(db, ['a', 'b', 'c', 'd'].map((unit) => ({ unit, indicator: 'iip', base_year: 2021, weight: 1 })));
    const f = await regionalIndicator(db, { region: 'region1', indicator: 'iip', period: parseCode('9T/2024') });
    assert.ok(Math.abs(f.value! - (110 + 104 + 120 + 100) / 4) < 1e-9);
    const [cell] = await regionalPivot(db, { period: parseCode('9T/2024'), regions: ['region1'], indicators: ['iip'] });
    assert.ok(Math.abs(cell!.value! - f.value!) < 1e-9);
    await assert.rejects(loadWeights(db, [{ unit: 'a', indicator: 'exports', base_year: 2021, weight: 1 }]), /invalid weights/);
  });
});
