// The recommendation's status machine: allowed moves, refusals in Vietnamese, and invariants that
// hold after any sequence of actions (property tests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { apply, isOpen, openStatusOf, TransitionRefused, type RecAction, type RecState } from './status.ts';

const start: RecState = { status: 'submitted', assignments: [] };
const run = (s: RecState, ...actions: RecAction[]) => actions.reduce(apply, s);

describe('recommendation status machine', () => {
  test('the whole life: submitted → assigned → answered → closed', () => {
    let s = run(start, { kind: 'assign', count: 2 });
    assert.equal(s.status, 'assigned');
    s = apply(s, { kind: 'answer', index: 0 });
    assert.equal(s.status, 'assigned', 'one unit of two answered');
    s = apply(s, { kind: 'answer', index: 1 });
    assert.equal(s.status, 'answered');
    s = apply(s, { kind: 'close', reason: 'answered' });
    assert.equal(s.status, 'closed');
    assert.equal(apply(s, { kind: 'reopen' }).status, 'answered');
  });

  test('assigning one more unit after all answered reopens the wait', () => {
    const s = run(start, { kind: 'assign', count: 1 }, { kind: 'answer', index: 0 }, { kind: 'assign', count: 1 });
    assert.equal(s.status, 'assigned');
  });

  test('refusals say why, in Vietnamese first', () => {
    const refused = (s: RecState, a: RecAction) => {
      try { apply(s, a); } catch (e) { assert.ok(e instanceof TransitionRefused); return (e as TransitionRefused).vi; }
      assert.fail('should be refused');
    };
    assert.match(refused(start, { kind: 'answer', index: 0 }), /Không trả lời được/);
    assert.match(refused(start, { kind: 'close', reason: 'answered' }), /Chưa đủ câu trả lời/);
    const assigned = run(start, { kind: 'assign', count: 1 });
    assert.match(refused(assigned, { kind: 'withdraw' }), /Chỉ rút được khi kiến nghị chưa được phân công/);
    assert.match(refused(assigned, { kind: 'edit' }), /Chỉ sửa được/);
    const answered = apply(assigned, { kind: 'answer', index: 0 });
    assert.match(refused(answered, { kind: 'unassign', index: 0 }), /không gỡ phân công/);
    assert.match(refused(answered, { kind: 'reschedule', index: 0 }), /không đổi hạn/);
    const withdrawn = apply(start, { kind: 'withdraw' });
    assert.match(refused(withdrawn, { kind: 'assign', count: 1 }), /"Đã rút"/);
    assert.match(refused(withdrawn, { kind: 'reopen' }), /Chỉ mở lại/);
  });

  test('a recommendation can be closed without answers for a reason other than "answered"', () => {
    assert.equal(apply(start, { kind: 'close', reason: 'duplicate' }).status, 'closed');
  });

  const action: fc.Arbitrary<RecAction> = fc.oneof(
    fc.constant({ kind: 'edit' } as const), fc.constant({ kind: 'withdraw' } as const), fc.constant({ kind: 'reopen' } as const),
    fc.integer({ min: 0, max: 3 }).map((count) => ({ kind: 'assign', count }) as const),
    fc.integer({ min: 0, max: 4 }).map((index) => ({ kind: 'unassign', index }) as const),
    fc.integer({ min: 0, max: 4 }).map((index) => ({ kind: 'answer', index }) as const),
    fc.integer({ min: 0, max: 4 }).map((index) => ({ kind: 'reschedule', index }) as const),
    fc.constantFrom('answered', 'duplicate', 'out_of_scope').map((reason) => ({ kind: 'close', reason }) as const),
  );

  test('invariants after any sequence of actions (property)', () => {
    fc.assert(fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
      let s = start;
      let everClosed = false;
      for (const a of actions) {
        const before = s;
        try { s = apply(s, a); } catch (e) { if (!(e instanceof TransitionRefused)) throw e; assert.deepEqual(s, before); continue; }
        if (s.status === 'closed') everClosed = true;
        // An open recommendation's status always agrees with its assignments.
        if (isOpen(s.status)) assert.equal(s.status, openStatusOf(s.assignments));
        // Withdrawn is final; only a withdrawal reaches it, only from "submitted".
        if (s.status === 'withdrawn') assert.equal(before.status === 'withdrawn' || (a.kind === 'withdraw' && before.status === 'submitted'), true);
        // An answer is never taken back.
        assert.ok(s.assignments.filter((x) => x.answered).length >= Math.min(before.assignments.filter((x) => x.answered).length, s.assignments.length));
        if (before.status === 'closed' && s.status !== 'closed') assert.equal(a.kind, 'reopen');
      }
      if (s.status === 'closed') assert.ok(everClosed);
    }), { numRuns: 3000 });
  });

  test('"answered" is reached exactly when every assigned unit has answered (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 4 })), (n, answers) => {
      let s = apply(start, { kind: 'assign', count: n });
      for (const i of answers) { try { s = apply(s, { kind: 'answer', index: i }); } catch { /* index beyond the units */ } }
      const all = new Set(answers.filter((i) => i < n)).size === n;
      return (s.status === 'answered') === all;
    }));
  });
});
