// The life of a province's report for one period: draft → submitted → approved, or returned to the
// province and submitted again; an approved report is reopened only to correct it, with a reason.
import type { SubmissionStatus } from '../datasets/calendar.ts';

export type WorkflowAction = 'save' | 'submit' | 'return' | 'approve' | 'reopen';

const ALLOWED: Record<WorkflowAction, { from: ('not_started' | SubmissionStatus)[]; to: SubmissionStatus | null }> = {
  save: { from: ['not_started', 'draft', 'returned'], to: null },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  reopen: { from: ['approved'], to: 'draft' },
};

const WHY: Record<WorkflowAction, { vi: string; en: string }> = {
  save: { vi: 'Báo cáo đã gửi hoặc đã duyệt nên không sửa được; cần Bộ trả lại hoặc mở lại để đính chính.', en: 'The report is submitted or approved and locked; it must be returned or reopened for a correction.' },
  submit: { vi: 'Chỉ gửi được báo cáo đang nhập hoặc bị trả lại.', en: 'Only a draft or returned report can be submitted.' },
  return: { vi: 'Chỉ trả lại được báo cáo đã gửi.', en: 'Only a submitted report can be returned.' },
  approve: { vi: 'Chỉ duyệt được báo cáo đã gửi.', en: 'Only a submitted report can be approved.' },
  reopen: { vi: 'Chỉ mở lại để đính chính được báo cáo đã duyệt.', en: 'Only an approved report can be reopened for a correction.' },
};

/** The status after `action`, or why it is not allowed now. */
export function transition(status: 'not_started' | SubmissionStatus, action: WorkflowAction):
  { to: SubmissionStatus } | { refused: { vi: string; en: string } } {
  const rule = ALLOWED[action];
  if (!rule.from.includes(status)) return { refused: WHY[action] };
  return { to: rule.to ?? (status === 'not_started' ? 'draft' : (status as SubmissionStatus)) };
}
