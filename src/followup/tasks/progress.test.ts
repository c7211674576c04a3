// Tasks on track, late, done or not reported; a unit that has not reported is never 0%.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { expectedPercent, partyProgress, taskProgress } from './progress.ts';
import { board } from './board.ts';

const sched = { startsOn: '2024-01-01', dueOn: '2024-12-31' };

describe('task progress', () => {
  test('expected percent follows a straight line from start to due date', () => {
    assert.equal(expectedPercent(sched, '2023-12-01'), 0);
    assert.equal(expectedPercent(sched, '2024-07-01'), 49.9);
    assert.equal(expectedPercent(sched, '2025-03-01'), 100);
    assert.equal(expectedPercent({ startsOn: null, dueOn: '2024-12-31' }, '2024-07-01'), null);
  });

  test('a unit: done at 100%, late when behind the line beyond the tolerance or past due, else on track', () => {
    assert.equal(partyProgress({ percent: 100, reportedOn: '2024-06-01' }, sched, '2024-07-01').status, 'done');
    assert.equal(partyProgress({ percent: 100, reportedOn: '2025-01-05' }, sched, '2025-02-01').doneLate, true);
    assert.equal(partyProgress({ percent: 40, reportedOn: '2024-06-30' }, sched, '2024-07-01').status, 'on_track');
    assert.equal(partyProgress({ percent: 30, reportedOn: '2024-06-30' }, sched, '2024-07-01').status, 'late');
    assert.equal(partyProgress({ percent: 95, reportedOn: '2024-12-30' }, sched, '2025-01-01').status, 'late');
    const none = partyProgress(null, sched, '2025-01-01');
    assert.deepEqual([none.status, none.percent, none.overdue], ['no_report', null, true]);
    assert.equal(partyProgress({ percent: 10, reportedOn: '2024-06-30' }, { startsOn: null, dueOn: null }, '2030-01-01').status, 'on_track');
  });

  test('a task: mean over units that reported, with coverage; late if any unit is late', () => {
    const p = (percent: number | null, status: any) => ({ status, percent, expected: null, overdue: false, doneLate: false });
    assert.deepEqual(taskProgress([p(100, 'done'), p(50, 'on_track'), p(null, 'no_report')]), { status: 'on_track', percent: 75, reported: 2, of: 3, overdue: false });
    assert.equal(taskProgress([p(100, 'done'), p(20, 'late')]).status, 'late');
    assert.equal(taskProgress([p(100, 'done'), p(100, 'done')]).status, 'done');
    assert.equal(taskProgress([p(null, 'no_report')]).status, 'no_report');
    assert.equal(taskProgress([]).status, 'no_report');
  });

  test('never done without a 100% report; never late before the due date when on the line (property)', () => {
    const d = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), d, (percent, today) => {
      const r = partyProgress({ percent, reportedOn: '2024-01-01' }, sched, today);
      if (r.status === 'done') return percent >= 100;
      const exp = expectedPercent(sched, today)!;
      if (today <= sched.dueOn && percent >= exp) return r.status === 'on_track';
      return true;
    }), { numRuns: 2000 });
  });

  test('the board counts tasks per region and group, and each unit by its own status', () => {
    const b = board([
      { id: 1, region: 'north', conference: 'n', group: { id: 1, title: 'G1' }, status: 'late', parties: [{ key: 'province:a', name: 'A', status: 'late' }, { key: 'province:b', name: 'B', status: 'done' }] },
      { id: 2, region: 'north', conference: 'n', group: { id: 1, title: 'G1' }, status: 'done', parties: [{ key: 'province:b', name: 'B', status: 'done' }] },
      { id: 3, region: 'south', conference: 's', group: { id: 2, title: 'G2' }, status: 'no_report', parties: [] },
    ]);
    assert.deepEqual(b.totals, { total: 3, done: 1, on_track: 0, late: 1, no_report: 1 });
    assert.deepEqual(b.by_region.map((r) => `${r.region}:${r.total}:${r.late}`), ['north:2:1', 'south:1:0']);
    assert.deepEqual(b.by_unit.map((u) => `${u.name}:${u.total}:${u.done}:${u.late}`), ['A:1:0:1', 'B:2:2:0']);
    assert.deepEqual(b.by_group.map((g) => `${g.title}:${g.total}`), ['G1:2', 'G2:1']);
  });
});
