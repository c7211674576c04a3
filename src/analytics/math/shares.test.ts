import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shares } from './shares.ts';
import { closeTo, observationsFor, unitIds } from './testSupport.ts';

test('each unit’s share of the reported total, in percent', () => {
  assert.deepEqual(
    shares([
      { unitId: 'hcm', value: 300 },
      { unitId: 'dong-nai', value: 100 },
      { unitId: 'ca-mau', value: null },
    ]),
    [
      { unitId: 'hcm', sharePct: 75 },
      { unitId: 'dong-nai', sharePct: 25 },
      { unitId: 'ca-mau', sharePct: null },
    ],
  );
});

test('a zero total has no shares; a negative value has none either', () => {
  assert.deepEqual(shares([{ unitId: 'a', value: 0 }]), [{ unitId: 'a', sharePct: null }]);
  assert.throws(() => shares([{ unitId: 'a', value: -1 }]), RangeError);
});

test('property: shares are in [0, 100] and add up to 100', () => {
  fc.assert(
    fc.property(
      unitIds().chain((ids) => observationsFor(ids)),
      (obs) => {
        const s = shares(obs);
        const reported = s.filter((x) => x.sharePct !== null);
        fc.pre(reported.length > 0);
        for (const x of reported) assert.ok(x.sharePct! >= 0 && x.sharePct! <= 100);
        assert.ok(closeTo(reported.reduce((a, x) => a + x.sharePct!, 0), 100, 1e-12));
      },
    ),
  );
});
