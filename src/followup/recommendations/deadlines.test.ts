// Due dates: on time means on or before the due date (Vietnamese calendar days), overdue means past
// it and unanswered; reminders in order of urgency.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { assignmentState, isAnswered, isAnsweredOnTime, isOverdue, nextDue, reminders, sortReminders, type RecDates } from './deadlines.ts';
import { addDays, vietnamDate } from '../dates.ts';

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2019-01-01', n));

describe('deadlines', () => {
  test('on time, late, overdue, due soon, pending', () => {
    assert.equal(assignmentState({ dueOn: '2024-06-30', answeredOn: '2024-06-30' }, '2024-07-10'), 'answered_on_time');
    assert.equal(assignmentState({ dueOn: '2024-06-30', answeredOn: '2024-07-01' }, '2024-07-10'), 'answered_late');
    assert.equal(assignmentState({ dueOn: '2024-06-30', answeredOn: null }, '2024-06-30'), 'due_soon');
    assert.equal(assignmentState({ dueOn: '2024-06-30', answeredOn: null }, '2024-07-01'), 'overdue');
    assert.equal(assignmentState({ dueOn: '2024-06-30', answeredOn: null }, '2024-06-23'), 'due_soon');
    assert.equal(assignmentState({ dueOn: '2024-06-30', answeredOn: null }, '2024-06-22'), 'pending');
  });

  test('an answer at 23:30 in Hà Nội on the due date is on time (days are Vietnamese days)', () => {
    const answeredOn = vietnamDate('2024-06-30T16:30:00Z'); // 23:30 ICT
    assert.equal(answeredOn, '2024-06-30');
    assert.equal(vietnamDate('2024-06-30T17:30:00Z'), '2024-07-01');
  });

  test('a recommendation: overdue only while open; answered on time only if every unit was', () => {
    const r: RecDates = { status: 'assigned', submittedOn: '2024-05-17', closeReason: null, assignments: [{ dueOn: '2024-06-30', answeredOn: '2024-06-20' }, { dueOn: '2024-06-30', answeredOn: null }] };
    assert.equal(isOverdue(r, '2024-07-01'), true);
    assert.equal(isOverdue({ ...r, status: 'closed' }, '2024-07-01'), false);
    assert.equal(nextDue(r), '2024-06-30');
    const done = { ...r, status: 'answered' as const, assignments: [r.assignments[0]!, { dueOn: '2024-06-30', answeredOn: '2024-07-02' }] };
    assert.equal(isAnswered(done), true);
    assert.equal(isAnsweredOnTime(done), false);
    assert.equal(isAnswered({ ...r, assignments: [] }), false);
  });

  test('overdue and answered never hold together, and time only makes an open assignment more urgent (property)', () => {
    const rank = { pending: 0, due_soon: 1, overdue: 2 } as Record<string, number>;
    fc.assert(fc.property(day, fc.option(day, { nil: null }), day, fc.integer({ min: 0, max: 400 }), (due, answered, today, later) => {
      const s = assignmentState({ dueOn: due, answeredOn: answered }, today);
      if (answered) return s === (answered <= due ? 'answered_on_time' : 'answered_late');
      const s2 = assignmentState({ dueOn: due, answeredOn: null }, addDays(today, later));
      return rank[s2]! >= rank[s]! && (s === 'overdue') === (today > due);
    }), { numRuns: 3000 });
  });

  test('reminders: overdue first, then due soon, waiting for assignment, waiting to be closed', () => {
    const today = '2024-08-01';
    const list = [
      ...reminders({ id: 1, status: 'submitted', submittedOn: '2024-07-01', closeReason: null, assignments: [] }, today),
      ...reminders({ id: 2, status: 'assigned', submittedOn: '2024-07-01', closeReason: null, assignments: [{ dueOn: '2024-07-20', answeredOn: null }, { dueOn: '2024-08-05', answeredOn: null }] }, today),
      ...reminders({ id: 3, status: 'answered', submittedOn: '2024-05-01', closeReason: null, assignments: [{ dueOn: '2024-06-01', answeredOn: '2024-06-01' }] }, today),
      ...reminders({ id: 4, status: 'closed', submittedOn: '2024-05-01', closeReason: 'answered', assignments: [{ dueOn: '2024-06-01', answeredOn: null }] }, today),
      ...reminders({ id: 5, status: 'submitted', submittedOn: '2024-07-30', closeReason: null, assignments: [] }, today),
    ];
    assert.deepEqual(sortReminders(list).map((r) => `${r.kind}:${r.recommendationId}:${r.days}`),
      ['overdue:2:12', 'due_soon:2:4', 'awaiting_assignment:1:31', 'awaiting_closure:3:61']);
  });
});
