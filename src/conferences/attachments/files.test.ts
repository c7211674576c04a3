// Uploaded files: type from the bytes, names made safe, refusals in Vietnamese first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkFile, contentDisposition, describeProblem, sanitizeFileName, sniff } from './files.ts';

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const fakeZip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join('\0'), 'latin1')]);

describe('file types from content', () => {
  test('PDF, PNG, JPEG, Office packages and 97–2003 documents are recognised by their bytes', () => {
    assert.equal(sniff(PDF), 'pdf');
    assert.equal(sniff(PNG), 'png');
    assert.equal(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
    assert.equal(sniff(fakeZip('[Content_Types].xml', 'word/document.xml')), 'docx');
    assert.equal(sniff(fakeZip('[Content_Types].xml', 'xl/workbook.xml')), 'xlsx');
    assert.equal(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'ole');
  });

  test('executables, HTML, plain zips and SVG are not accepted', () => {
    assert.equal(sniff(Buffer.from('MZ\x90\x00')), null);
    assert.equal(sniff(Buffer.from('<html><script>alert(1)</script>')), null);
    assert.equal(sniff(Buffer.from('<svg onload="alert(1)"/>')), null);
    assert.equal(sniff(fakeZip('payload.exe')), null);
  });

  test('the extension must agree with the content', () => {
    const r = checkFile('bao-cao.docx', PDF, 1000);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.problem.code, 'extension_mismatch');
      assert.match(describeProblem(r.problem).vi, /Đuôi tệp "\.docx" không khớp với nội dung \(PDF\)/);
    }
    assert.equal(checkFile('bao-cao.PDF', PDF, 1000).ok, true);
    assert.equal(checkFile('bang.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 1000).ok, true);
  });

  test('size and emptiness', () => {
    const big = checkFile('a.pdf', PDF, 10);
    assert.equal(!big.ok && big.problem.code, 'too_large');
    assert.match(describeProblem({ code: 'too_large', maxBytes: 10 * 1024 * 1024 }).vi, /^Tệp quá lớn: tối đa 10 MB\.$/);
    assert.equal(describeProblem({ code: 'too_large', maxBytes: 10 * 1024 * 1024 }).status, 413);
    assert.equal(describeProblem({ code: 'too_large', maxBytes: 1.5 * 1024 * 1024 }).vi, 'Tệp quá lớn: tối đa 1,5 MB.');
    const empty = checkFile('a.pdf', Buffer.alloc(0), 10);
    assert.equal(!empty.ok && empty.problem.code, 'empty');
  });
});

describe('file names', () => {
  test('folders are dropped, Vietnamese is kept', () => {
    assert.deepEqual(sanitizeFileName('../../etc/passwd.pdf'), { ok: true, name: 'passwd.pdf' });
    assert.deepEqual(sanitizeFileName('C:\\Users\\x\\Báo cáo 9 tháng.pdf'), { ok: true, name: 'Báo cáo 9 tháng.pdf' });
    assert.deepEqual(sanitizeFileName('  ..ẩn "tên" <b>.pdf  '), { ok: true, name: 'ẩn tên b.pdf' });
  });

  test('control characters, direction overrides and device names are refused', () => {
    assert.equal(sanitizeFileName('a\u0000.pdf').ok, false);
    assert.equal(sanitizeFileName('bao-cao\u202Efdp.exe').ok, false);
    assert.equal(sanitizeFileName('dòng\nmới.pdf').ok, false);
    assert.equal(sanitizeFileName('CON.pdf').ok, false);
    assert.equal(sanitizeFileName('../..').ok, false);
  });

  test('long names are cut, keeping the extension', () => {
    const r = sanitizeFileName('ả'.repeat(400) + '.docx');
    assert.ok(r.ok && [...r.name].length === 150 && r.name.endsWith('.docx'));
  });

  test('a sanitised name never holds a separator, a control character or a leading dot (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
      const r = sanitizeFileName(raw);
      if (!r.ok) return true;
      return !/[\\/\u0000-\u001f<>:"|?*]/.test(r.name) && !r.name.startsWith('.') && r.name.length > 0 && [...r.name].length <= 150;
    }), { numRuns: 2000 });
  });

  test('Content-Disposition: attachment with an ASCII fallback and the UTF-8 name', () => {
    assert.equal(contentDisposition('Báo cáo "Q3"; đợt 1.pdf'),
      `attachment; filename="Bao cao _Q3__ dot 1.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22Q3%22%3B%20%C4%91%E1%BB%A3t%201.pdf`);
  });
});
