// How far a reading can be trusted as it stands, said the way an analyst checks one: what the sentence
// itself gave, and what was taken from elsewhere (the article's place, a period carried over from an
// earlier sentence, the article's date). Derived from the reading's own explanation, nothing else, so
// the same reading always gets the same grade and every grade comes with its reasons.
import type { Proposal } from './accept.ts';
import type { Figure } from './extract.ts';

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export interface Confidence {
  level: ConfidenceLevel;
  reasons: Array<{ vi: string; en: string }>;
}

const RANK: Record<ConfidenceLevel, number> = { low: 0, medium: 1, high: 2 };

export function confidenceOf(f: Figure, p: Proposal): Confidence {
  let level: ConfidenceLevel = 'high';
  const reasons: Confidence['reasons'] = [];
  const lower = (to: ConfidenceLevel, vi: string, en: string) => {
    if (RANK[to] < RANK[level]) level = to;
    reasons.push({ vi, en });
  };
  if (f.value === null && f.growth_pct === null && f.pct_of_plan === null) lower('low', 'Không có số liệu để ghi.', 'No figure to store.');
  if (f.indicator === 'other') lower('low', 'Danh mục không có chỉ tiêu cho số liệu này.', 'The catalogue has no indicator for this figure.');
  else if (!p.input) lower('low', p.reasonVi ?? 'Chưa ghi được như đã đọc.', p.reasonEn ?? 'Cannot be stored as read.');
  if (!f.explain.indicator) lower('medium', 'Chỉ tiêu suy ra từ câu trước, không nêu trong câu.', 'Indicator taken from an earlier sentence.');
  const place = f.explain.place;
  if (place && 'via' in place) {
    if (place.via === 'document') lower('medium', `Địa phương lấy từ chủ đề của bài (${place.text}); câu không nêu.`, `Place taken from the article's subject (${place.text}); the sentence names none.`);
    else if (place.via === 'source') lower('medium', `Địa phương suy từ trang đăng bài (${place.text}).`, `Place inferred from the publishing site (${place.text}).`);
    else if (place.via === 'reference') reasons.push({ vi: `“${place.text}” được hiểu là ${f.scope}.`, en: `“${place.text}” read as ${f.scope}.` });
  }
  const period = f.explain.period;
  if (!f.period) lower('low', 'Chưa xác định được kỳ.', 'No period could be read.');
  else if (period && 'via' in period) {
    if (period.via === 'carried') lower('medium', 'Kỳ lấy từ câu trước.', 'Period carried over from an earlier sentence.');
    else if (period.via === 'document') lower('medium', 'Kỳ suy từ ngày của bài.', "Period inferred from the article's date.");
  }
  return { level, reasons };
}
