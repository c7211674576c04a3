// The entry grid's cells and its summary, apart from the screen. Found while writing the user guides:
// a value above the maximum showed two messages in one cell (the browser's "Không được lớn hơn 1.000."
// and the server's "…vượt mức tối đa…") and a growth of "+1.400,00%" beside a figure that was refused;
// the summary said "8 lỗi" for required cells still empty that the grid did not mark at all.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cellIssues, countIssues, edit, gridCounts, shownGrowth, type CellIssue } from './gridState.ts';
import { DICT } from './i18n.ts';
import type { GridRow, Issue } from './types.ts';

const t = DICT.vi;

function row(over: Partial<GridRow> = {}): GridRow {
  return {
    item: 0, indicator: 'iip', name_vi: 'Chỉ số sản xuất công nghiệp', name_en: 'Index of industrial production', unit: '%', decimals: 2,
    nature: 'index', breakdown: null, basis: 'month', required: true, integer: false, min: 0, max: 1000,
    period: 'T10/2026', period_vi: 'tháng 10/2026', period_en: 'October 2026', last_year: 100, previous_cumulative: null,
    value: null, comment: null, version: 0, updated_by: null, updated_at: null, growth_pct: null, growth_kind: 'index',
    plan: null, pct_of_plan: null, history: [], issues: [], ...over,
  } as GridRow;
}

const issue = (over: Partial<Issue>): Issue => ({
  item: 0, measure: 'actual', severity: 'error', code: 'required', message: 'Chưa nhập "Chỉ số sản xuất công nghiệp" (bắt buộc).', messageEn: 'required', commented: false, ...over,
} as Issue);

const serverAboveMax: CellIssue = { code: 'above_max', text: 'Giá trị 1.500 vượt mức tối đa 1.000 %.', severity: 'error' };

describe('a value above the maximum', () => {
  const r = row();
  const drafts = edit({}, r, 'actual', { text: '1500' });

  test('as typed, the browser says it once', () => {
    const shown = cellIssues(r, 'actual', drafts, [], 'vi', t);
    assert.deepEqual(shown.map((i) => i.text), [t.aboveMax(1000)]);
  });

  test('once the server refused it, its message stands alone (not both)', () => {
    const shown = cellIssues(r, 'actual', drafts, [serverAboveMax], 'vi', t);
    assert.deepEqual(shown.map((i) => i.text), [serverAboveMax.text]);
  });

  test('no growth is shown for it, refused or not yet saved', () => {
    assert.equal(shownGrowth(r, 1500, cellIssues(r, 'actual', drafts, [], 'vi', t)), null);
    assert.equal(shownGrowth(r, 1500, cellIssues(r, 'actual', drafts, [serverAboveMax], 'vi', t)), null);
    // a valid figure keeps its growth (an index: the index minus 100)
    const ok = edit({}, r, 'actual', { text: '105,3' });
    const g = shownGrowth(r, 105.3, cellIssues(r, 'actual', ok, [], 'vi', t));
    assert.ok(g !== null && Math.abs(g - 5.3) < 1e-9, String(g));
  });
});

describe('required cells still empty', () => {
  const rows = [
    row({ item: 0, issues: [issue({ item: 0 })] }),
    row({ item: 1, issues: [issue({ item: 1 })] }),
    row({ item: 2, required: false }),
    row({ item: 3, value: 1500, issues: [issue({ item: 3, code: 'above_max', message: 'Giá trị 1.500 vượt mức tối đa 1.000 %.' })] }),
    row({ item: 4, value: 180, issues: [issue({ item: 4, code: 'growth_outlier', severity: 'warning', message: 'Tăng trưởng…' })] }),
    row({ item: 5, value: 170, comment: 'giải trình', issues: [issue({ item: 5, code: 'growth_outlier', severity: 'warning', message: 'Tăng trưởng…', commented: true })] }),
  ];

  test('the grid marks them, as still empty and not as errors', () => {
    const shown = cellIssues(rows[0]!, 'actual', {}, [], 'vi', t);
    assert.deepEqual(shown, [{ code: 'required', text: t.requiredEmpty, severity: 'note' }]);
    assert.deepEqual(cellIssues(rows[2]!, 'actual', {}, [], 'vi', t), [], 'an optional cell left empty says nothing');
    // typing in it clears the note
    assert.deepEqual(cellIssues(rows[0]!, 'actual', edit({}, rows[0]!, 'actual', { text: '101' }), [], 'vi', t), []);
  });

  test('the summary counts them apart from the errors, and agrees with what the grid shows', () => {
    const stored = gridCounts(rows);
    assert.deepEqual(stored, { errors: 1, empty: 2, warnings: 1 });
    const shown = countIssues(rows.flatMap((r) => cellIssues(r, 'actual', {}, [], 'vi', t)));
    assert.deepEqual(shown, stored);
    assert.equal(t.gridSummary(stored.errors, stored.warnings, stored.empty), '1 lỗi · 2 ô bắt buộc còn trống · 1 cảnh báo chưa giải trình');
    assert.equal(DICT.en.gridSummary(0, 0, 1), '0 errors · 1 required cell still empty · 0 warnings without a comment');
    assert.equal(t.gridSummary(0, 0), '0 lỗi · 0 cảnh báo chưa giải trình');
  });

  test('a submission refused for them shows the server\'s error in place of the note', () => {
    const refused: CellIssue = { code: 'required', text: 'Chưa nhập "Chỉ số sản xuất công nghiệp" (bắt buộc).', severity: 'error' };
    assert.deepEqual(cellIssues(rows[0]!, 'actual', {}, [refused], 'vi', t), [refused]);
  });
});
