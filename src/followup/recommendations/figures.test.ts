// The figures of a consolidated list, and by unit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { recommendationFigures } from './figures.ts';
import type { RecStatus } from './status.ts';

const rec = (status: RecStatus, field: string, ...as: [string, string, string | null][]) => ({
  status, field, submittedOn: '2024-05-17', closeReason: null, assignments: as.map(([unit, dueOn, answeredOn]) => ({ unit, dueOn, answeredOn })),
});

describe('recommendation figures', () => {
  test('answered, on time, open, overdue and by unit', () => {
    const f = recommendationFigures([
      rec('closed', 'energy', ['erav', '2024-06-30', '2024-06-20']),
      rec('answered', 'trade', ['vtt', '2024-06-30', '2024-07-05'], ['erav', '2024-06-30', '2024-06-29']),
      rec('assigned', 'trade', ['vtt', '2024-06-30', null]),
      rec('assigned', 'trade', ['vtt', '2024-09-30', null]),
      rec('submitted', 'energy'),
      rec('withdrawn', 'energy'),
    ], '2024-08-01');
    assert.deepEqual(
      { total: f.total, withdrawn: f.withdrawn, answered: f.answered, on_time: f.answered_on_time, open: f.open, overdue: f.overdue, awaiting: f.awaiting_assignment, closure: f.awaiting_closure, closed: f.closed, pct: f.answered_on_time_pct },
      { total: 5, withdrawn: 1, answered: 2, on_time: 1, open: 3, overdue: 1, awaiting: 1, closure: 1, closed: 1, pct: 50 },
    );
    assert.deepEqual(f.by_unit.find((u) => u.unit === 'vtt'), { unit: 'vtt', assigned: 3, answered: 1, answered_on_time: 0, answered_late: 1, pending: 2, overdue: 1 });
    assert.deepEqual(f.by_unit.find((u) => u.unit === 'erav'), { unit: 'erav', assigned: 2, answered: 2, answered_on_time: 2, answered_late: 0, pending: 0, overdue: 0 });
    assert.deepEqual(f.by_field.map((x) => `${x.field}:${x.total}/${x.answered}/${x.open}`), ['trade:3/1/2', 'energy:2/1/1']);
  });

  test('per unit, answered + pending never exceeds assigned; on time + late = answered (property)', () => {
    const st = fc.constantFrom<RecStatus>('submitted', 'assigned', 'answered', 'closed', 'withdrawn');
    const a = fc.tuple(fc.constantFrom('u1', 'u2', 'u3'), fc.constantFrom('2024-06-01', '2024-07-01'), fc.option(fc.constantFrom('2024-05-30', '2024-06-15', '2024-07-02'), { nil: null }));
    fc.assert(fc.property(fc.array(fc.tuple(st, fc.array(a, { maxLength: 3 }))), (list) => {
      const f = recommendationFigures(list.map(([s, as]) => rec(s, 'trade', ...as)), '2024-06-20');
      return f.by_unit.every((u) => u.answered + u.pending <= u.assigned && u.answered_on_time + u.answered_late === u.answered && u.overdue <= u.pending)
        && f.answered_on_time <= f.answered && f.overdue <= f.open + f.awaiting_closure;
    }));
  });
});
