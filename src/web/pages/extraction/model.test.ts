// The extraction page's model: numbers typed the page's way, drafts from readings, what is sent to
// POST /api/extraction/accept, and the text cut for highlighting.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractFigures } from '../../../extraction/extract.ts';
import { propose } from '../../../extraction/accept.ts';
import { confidenceOf } from '../../../extraction/confidence.ts';
import { masterData } from '../../../catalogue/masterData.ts';
import { acceptFigure, draftOf, draftProblems, numberText, pieces, readNumber, type Reading } from './model.ts';

const TEXT = 'Ngày 5/10/2025, Sở Công Thương tỉnh Gia Lai cho biết: 9 tháng đầu năm 2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn tỉnh ước đạt 98.765 tỷ đồng, tăng 11,2% so với cùng kỳ năm trước. Tỷ trọng công nghiệp chế biến chiếm 30%.';

function readings(text: string): Reading[] {
  const md = masterData();
  return extractFigures(text).figures.map((f) => {
    const proposal = propose(md, f);
    return { ...f, proposal, confidence: confidenceOf(f, proposal) };
  });
}

describe('extraction page model', () => {
  test('numbers are read and written the page language\'s way', () => {
    assert.equal(readNumber('98.765', 'vi'), 98765);
    assert.equal(readNumber('1.234,5', 'vi'), 1234.5);
    assert.equal(readNumber('11,2', 'vi'), 11.2);
    assert.equal(readNumber('98,765', 'en'), 98765);
    assert.equal(readNumber('1,234.5', 'en'), 1234.5);
    assert.equal(readNumber('', 'vi'), null);
    assert.ok(Number.isNaN(readNumber('12 tỷ', 'vi')!));
    assert.ok(Number.isNaN(readNumber('11,2', 'en')!));
    assert.equal(numberText(852.5, 'vi'), '852,5');
    assert.equal(numberText(852.5, 'en'), '852.5');
    for (const lang of ['vi', 'en'] as const) for (const x of [0, 7, 98765, 1234.5, -3.25]) assert.equal(readNumber(numberText(x, lang), lang), x);
  });

  test('a storable reading starts kept, a share starts set aside; the whole sentence is the source', () => {
    const rs = readings(TEXT);
    const retail = rs.findIndex((r) => r.indicator === 'retail_services');
    const share = rs.findIndex((r) => r.indicator === 'other');
    const d = draftOf(rs[retail]!, 'vi');
    assert.deepEqual([d.place, d.indicator, d.period, d.value, d.status, d.growth, d.dropped], ['gia-lai-2025', 'retail_services', '9T/2025', '98765', 'estimate', '11,2', false]);
    assert.equal(draftOf(rs[share]!, 'vi').dropped, true);
    assert.deepEqual(draftProblems(d, 'vi'), []);
    const sent = acceptFigure(TEXT, rs[retail]!, { ...d, value: '98.800' }, 'vi');
    assert.equal(sent.value, 98800);
    assert.equal(sent.growth_pct, 11.2);
    assert.equal(sent.quote, 'Ngày 5/10/2025, Sở Công Thương tỉnh Gia Lai cho biết: 9 tháng đầu năm 2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn tỉnh ước đạt 98.765 tỷ đồng, tăng 11,2% so với cùng kỳ năm trước.');
    assert.deepEqual(draftProblems({ ...d, place: '', value: 'nhiều' }, 'vi'), ['place', 'value']);
  });

  test('the highlighting pieces cover the text exactly, each knowing its readings and cues', () => {
    const rs = readings(TEXT);
    const ps = pieces(TEXT, rs);
    assert.equal(ps.map((p) => TEXT.slice(p.start, p.end)).join(''), TEXT);
    for (let i = 0; i + 1 < ps.length; i++) assert.equal(ps[i]!.end, ps[i + 1]!.start);
    const retail = rs.findIndex((r) => r.indicator === 'retail_services');
    const covered = ps.filter((p) => p.readings.includes(retail)).map((p) => TEXT.slice(p.start, p.end)).join('');
    assert.equal(covered, rs[retail]!.quote);
    const indicatorWords = ps.filter((p) => p.cues.includes('indicator')).map((p) => TEXT.slice(p.start, p.end)).join(' ');
    assert.match(indicatorWords, /tổng mức bán lẻ hàng hóa và doanh thu dịch vụ/);
    assert.deepEqual(pieces('', []), []);
  });
});
