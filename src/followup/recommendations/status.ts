// The life of a recommendation (kiến nghị), free of HTTP and SQL:
//   submitted ──assign──▶ assigned ──(every unit answered)──▶ answered ──close──▶ closed
//       │                    ▲   │                                │                │
//       └─withdraw▶ withdrawn └───┴──── assign more / reopen ◀─────┘ ◀────reopen────┘
// The open status is derived from the assignments, so it can never disagree with them.
export const REC_STATUSES = ['submitted', 'assigned', 'answered', 'closed', 'withdrawn'] as const;
export type RecStatus = (typeof REC_STATUSES)[number];

export const REC_STATUS_LABELS: Record<RecStatus, { vi: string; en: string }> = {
  submitted: { vi: 'Chờ phân công', en: 'Awaiting assignment' },
  assigned: { vi: 'Đang xử lý', en: 'Being answered' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const CLOSE_REASONS = ['answered', 'duplicate', 'out_of_scope', 'resolved_at_conference', 'no_longer_relevant'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const CLOSE_REASON_LABELS: Record<CloseReason, { vi: string; en: string }> = {
  answered: { vi: 'Đã trả lời đầy đủ', en: 'Fully answered' },
  duplicate: { vi: 'Trùng kiến nghị khác', en: 'Duplicate' },
  out_of_scope: { vi: 'Không thuộc thẩm quyền của Bộ', en: 'Outside the ministry\'s remit' },
  resolved_at_conference: { vi: 'Đã giải đáp tại hội nghị', en: 'Resolved at the conference' },
  no_longer_relevant: { vi: 'Không còn phát sinh', en: 'No longer relevant' },
};

export interface AssignmentFacts {
  answered: boolean;
}

export interface RecState {
  status: RecStatus;
  assignments: AssignmentFacts[];
}

export type RecAction =
  | { kind: 'edit' }
  | { kind: 'withdraw' }
  | { kind: 'assign'; count: number } // adds `count` pending assignments
  | { kind: 'unassign'; index: number }
  | { kind: 'answer'; index: number }
  | { kind: 'reschedule'; index: number } // a new due date for an unanswered assignment
  | { kind: 'close'; reason: CloseReason }
  | { kind: 'reopen' };

export class TransitionRefused extends Error {
  constructor(readonly vi: string, readonly en: string) {
    super(en);
  }
}

export const isOpen = (s: RecStatus) => s === 'submitted' || s === 'assigned' || s === 'answered';

export function openStatusOf(assignments: AssignmentFacts[]): RecStatus {
  if (!assignments.length) return 'submitted';
  return assignments.every((a) => a.answered) ? 'answered' : 'assigned';
}

const refuse = (vi: string, en: string): never => {
  throw new TransitionRefused(vi, en);
};

/** The state after an action, or TransitionRefused saying why not (Vietnamese first). */
export function apply(state: RecState, action: RecAction): RecState {
  const { status } = state;
  const label = REC_STATUS_LABELS[status];
  const closedVi = `Kiến nghị đang ở trạng thái "${label.vi}".`;
  const closedEn = `The recommendation is "${label.en}".`;
  switch (action.kind) {
    case 'edit':
      if (status !== 'submitted') refuse(`Chỉ sửa được khi kiến nghị chưa được phân công. ${closedVi}`, `Only a recommendation not yet assigned can be edited. ${closedEn}`);
      return state;
    case 'withdraw':
      if (status !== 'submitted') refuse(`Chỉ rút được khi kiến nghị chưa được phân công. ${closedVi}`, `Only a recommendation not yet assigned can be withdrawn. ${closedEn}`);
      return { ...state, status: 'withdrawn' };
    case 'assign': {
      if (!isOpen(status)) refuse(`Không phân công được. ${closedVi}`, `Cannot assign. ${closedEn}`);
      if (action.count < 1) refuse('Cần ít nhất một đơn vị xử lý.', 'At least one unit is needed.');
      const assignments = [...state.assignments, ...Array.from({ length: action.count }, () => ({ answered: false }))];
      return { status: openStatusOf(assignments), assignments };
    }
    case 'unassign': {
      if (!isOpen(status)) refuse(`Không thay đổi phân công được. ${closedVi}`, `Cannot change the assignment. ${closedEn}`);
      const a = state.assignments[action.index];
      if (!a) refuse('Không có phân công này.', 'No such assignment.');
      if (a!.answered) refuse('Đơn vị đã trả lời: không gỡ phân công được.', 'The unit has answered: the assignment stays.');
      const assignments = state.assignments.filter((_, i) => i !== action.index);
      return { status: openStatusOf(assignments), assignments };
    }
    case 'answer': {
      if (status !== 'assigned' && status !== 'answered') refuse(`Không trả lời được. ${closedVi}`, `Cannot answer. ${closedEn}`);
      if (!state.assignments[action.index]) refuse('Kiến nghị không được giao cho đơn vị này.', 'The recommendation is not assigned to this unit.');
      const assignments = state.assignments.map((a, i) => (i === action.index ? { ...a, answered: true } : a));
      return { status: openStatusOf(assignments), assignments };
    }
    case 'reschedule': {
      if (!isOpen(status)) refuse(`Không đổi hạn được. ${closedVi}`, `Cannot change the due date. ${closedEn}`);
      const a = state.assignments[action.index];
      if (!a) refuse('Không có phân công này.', 'No such assignment.');
      if (a!.answered) refuse('Đơn vị đã trả lời: không đổi hạn.', 'The unit has answered: the due date stays.');
      return state;
    }
    case 'close':
      if (!isOpen(status)) refuse(`Không đóng được. ${closedVi}`, `Cannot close. ${closedEn}`);
      if (action.reason === 'answered' && status !== 'answered') {
        refuse('Chưa đủ câu trả lời của các đơn vị được giao: chọn lý do đóng khác hoặc chờ trả lời.', 'Not every assigned unit has answered: choose another reason or wait.');
      }
      return { ...state, status: 'closed' };
    case 'reopen':
      if (status !== 'closed') refuse(`Chỉ mở lại kiến nghị đã đóng. ${closedVi}`, `Only a closed recommendation can be reopened. ${closedEn}`);
      return { ...state, status: openStatusOf(state.assignments) };
  }
}
