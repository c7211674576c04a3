// No input crashes or hangs the extractor or the document reader.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DocumentError, htmlToText, readDocument } from './documents.ts';
import { extractFigures } from './extract.ts';

const VI = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
// words and pieces the extractor reacts to, so random texts reach deep into the binder
const PIECES = ['tăng', 'giảm', 'đạt', 'ước đạt', 'kế hoạch', 'so với cùng kỳ', 'so với tháng trước', 'năm 2024', 'tháng 9/2023',
  'quý III/2022', '9 tháng đầu năm', 'đến hết tháng 6/2024', 'tỷ đồng', 'nghìn tỷ đồng', 'triệu USD', '%', 'ha', 'cụm công nghiệp',
  'CCN', 'chợ', 'siêu thị', 'kim ngạch xuất khẩu', 'nhập khẩu', 'tổng mức bán lẻ', 'chỉ số sản xuất công nghiệp', 'IIP', 'Hà Nội',
  'khu vực phía Nam', 'cả nước', 'toàn tỉnh', 'trong đó', 'như:', 'gồm:', '6/20 tỉnh', 'lần lượt', 'và', ',', ';', '.', '(', ')',
  ':', '\n', ' ', '12,5', '2.841.141', '-', '+', 'gấp', 'đôi', 'lần', 'hơn', 'khoảng', 'phấn đấu', 'hiện', 'cùng kỳ năm trước'];

function timed<T>(f: () => T, ms: number, what: string): T {
  const t0 = performance.now();
  const r = f();
  const dt = performance.now() - t0;
  assert.ok(dt < ms, `${what} took ${dt.toFixed(0)} ms`);
  return r;
}

describe('extractFigures never crashes', () => {
  it('on empty and trivial input', () => {
    for (const s of ['', ' ', '\n\n', '.', '%', '0', 'https://x.vn/a', '\uFEFF', '\u0301', '\uD800', 'tăng %', '( ( ( ']) {
      const r = extractFigures(s);
      assert.ok(Array.isArray(r.figures));
    }
    // not a string at all (from untyped callers)
    assert.deepEqual(extractFigures(undefined as unknown as string).figures, []);
  });
  it('on random Unicode (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
      const r = extractFigures(s);
      return Array.isArray(r.figures);
    }), { numRuns: 300 });
  });
  it('on random binary-ish strings (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => Array.isArray(extractFigures(s).figures)), { numRuns: 300 });
  });
  it('on random sentences of sector words (property), with valid offsets', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES, ...VI.split('')), { maxLength: 120 }), fc.array(fc.integer({ min: 0, max: 99999 }), { maxLength: 20 }), (words, nums) => {
      const parts: string[] = [];
      words.forEach((w, i) => { parts.push(w); if (nums[i] !== undefined) parts.push(String(nums[i])); });
      const text = parts.join(' ');
      const r = extractFigures(text);
      for (const f of r.figures) {
        assert.equal(text.slice(f.explain.start, f.explain.end), f.quote);
        assert.ok(f.explain.start >= 0 && f.explain.end <= text.length && f.explain.start <= f.explain.end);
        assert.ok(f.explain.sentence.start <= f.explain.start && f.explain.end <= f.explain.sentence.end && f.explain.sentence.end <= text.length);
        for (const k of ['value', 'growth_pct', 'pct_of_plan'] as const) {
          const v = f[k];
          assert.ok(v === null || Number.isFinite(v), `${k} ${v}`);
        }
      }
      return true;
    }), { numRuns: 400 });
  });
  it('on an enormous input, in bounded time', () => {
    const para = 'Năm 2023, kim ngạch xuất khẩu của tỉnh Long An đạt 8,1 tỷ USD, tăng 5,2% so với cùng kỳ; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 85.000 tỷ đồng.\n';
    const big = para.repeat(5000); // ~0.8 MB
    const r = timed(() => extractFigures(big), 30_000, 'large text');
    assert.ok(r.figures.length > 0);
  });
  it('on one enormous line without spaces or stops', () => {
    timed(() => extractFigures('9'.repeat(200_000)), 10_000, 'digits');
    timed(() => extractFigures('tăng'.repeat(100_000)), 10_000, 'one word');
    timed(() => extractFigures('(('.repeat(100_000)), 10_000, 'brackets');
    timed(() => extractFigures('1.'.repeat(100_000)), 10_000, 'dotted');
  });
});

describe('readDocument and htmlToText never crash or hang', () => {
  it('on hostile markup', () => {
    const hostile = [
      '<script>while(1){}</script><p>Năm 2023, kim ngạch xuất khẩu đạt 5 tỷ USD.</p>',
      '<p'.repeat(50_000),
      '<div>'.repeat(100_000) + 'Quý I/2024, xuất khẩu tăng 5%.' + '</div>'.repeat(100_000),
      '<!--' + 'x'.repeat(100_000),
      '<style>' + 'a{}'.repeat(10_000),
      '&#xFFFFFF;&#0;&amp;&lt;&unknown;'.repeat(1000),
      '<svg><script>alert(1)</script></svg><p>ok</p>',
      '<a href="javascript:alert(1)">x</a>'.repeat(1000),
    ];
    for (const h of hostile) {
      const r = timed(() => htmlToText(h), 10_000, 'html');
      assert.equal(typeof r.text, 'string');
      assert.ok(!/while\(1\)|alert\(1\)/.test(r.text));
      extractFigures(r.text);
    }
  });
  it('keeps the text of deeply nested HTML', () => {
    const r = htmlToText('<div>'.repeat(20_000) + 'Quý I/2024, kim ngạch xuất khẩu của tỉnh Bắc Ninh tăng 5%.' + '</div>'.repeat(20_000));
    const f = extractFigures(r.text).figures;
    assert.equal(f[0]?.growth_pct, 5);
  });
  it('on random bytes (property): reads them or refuses with a DocumentError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('a.txt', 'a.html', 'a.docx', 'a.pdf', 'a', 'a.xyz'), async (bytes, name) => {
      try {
        const r = await readDocument(bytes, name, { timeoutMs: 5000 });
        assert.equal(typeof r.text, 'string');
        extractFigures(r.text);
      } catch (e) {
        assert.ok(e instanceof DocumentError, `unexpected ${(e as Error).name}: ${(e as Error).message}`);
        assert.match(e.userMessage, / \/ /); // Vietnamese / English
      }
      return true;
    }), { numRuns: 200 });
  });
  it('on random bytes behind real magic numbers', async () => {
    const heads = [[0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A], [0x50, 0x4B, 0x03, 0x04]];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 3000 }), async (head, tail) => {
      const bytes = new Uint8Array([...head, ...tail]);
      const name = head[0] === 0x25 ? 'x.pdf' : 'x.docx';
      try {
        await readDocument(bytes, name, { timeoutMs: 5000 });
      } catch (e) {
        assert.ok(e instanceof DocumentError, `unexpected ${(e as Error).name}: ${(e as Error).message}`);
      }
      return true;
    }), { numRuns: 60 });
  });
});
