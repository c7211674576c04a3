// What changed since the previous version of a report, rebuilt from its audit entries.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changesSincePrevious } from './changes.ts';

const save = (at: string, cells: Array<[number, 'actual' | 'plan', number | null, string?]>) =>
  ({ action: 'submission.save', at, after: cells.map(([item, measure, value, comment]) => ({ item, measure, value, comment: comment ?? null })) });
const act = (action: string, at: string) => ({ action: `submission.${action}`, at, after: null });

describe('changes since the previous submission', () => {
  const history = [
    save('t1', [[0, 'actual', 100], [1, 'actual', 200], [1, 'plan', 900]]),
    act('submit', 't2'), act('return', 't3'),
    save('t4', [[0, 'actual', 110, 'sửa theo nhận xét'], [1, 'actual', 200]]),
    save('t5', [[2, 'actual', 5]]),
    act('submit', 't6'),
  ];

  test('a resubmitted report against the version that was returned', () => {
    const c = changesSincePrevious(history, 'submitted');
    assert.equal(c.previous_submitted_at, 't2');
    assert.deepEqual(c.cells, [
      { item: 0, measure: 'actual', before: 100, after: 110, comment_before: null, comment_after: 'sửa theo nhận xét' },
      { item: 2, measure: 'actual', before: null, after: 5, comment_before: null, comment_after: null },
    ]);
  });

  test('a report being corrected against its last submission; a first submission has nothing before it', () => {
    const c = changesSincePrevious([...history, act('approve', 't7'), act('reopen', 't8'), save('t9', [[1, 'plan', 950]])], 'draft');
    assert.equal(c.previous_submitted_at, 't6');
    assert.deepEqual(c.cells.map((x) => [x.item, x.measure, x.before, x.after]), [[1, 'plan', 900, 950]]);
    assert.deepEqual(changesSincePrevious(history.slice(0, 2), 'submitted'), { previous_submitted_at: null, cells: [] });
  });
});
