// The PDF, read back through pdf.js: A4 pages, the text as a reader extracts it (Vietnamese intact
// across the font subsets), the margins, the page numbers from page 2, embedded Tinos.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDb } from '../../db/testing.ts';
import type { Db } from '../../db/database.ts';
import { ensureDemoData } from '../../collection/demo/loadDemo.ts';
import { parseCode } from '../../periods/period.ts';
import { generateReport } from '../generate.ts';
import { flat, readPdf, type PdfPage } from '../testFiles.ts';
import { loadSouth2024 } from '../testing.ts';

let db: Db;
let pdf: Buffer;
let pages: PdfPage[];
before(async () => {
  db = await openTestDb();
  await ensureDemoData(db);
  await loadSouth2024(db, { plans: true });
  const out = await generateReport(db, { type: 'conference', region: 'south', period: parseCode('9T/2024'), lang: 'vi', date: '2026-01-05' }, 'pdf');
  assert.equal(out.fileName, 'bao-cao-hoi-nghi_south_9T-2024_vi.pdf');
  pdf = out.body as Buffer;
  pages = await readPdf(pdf);
});
after(async () => db.close());

const MM = 72 / 25.4;
const all = () => flat(pages.map((p) => p.text).join('\n'));

describe('conference report as PDF', () => {
  test('A4 pages', () => {
    assert.ok(pages.length >= 3);
    for (const p of pages) {
      assert.ok(Math.abs(p.width - 595.28) < 0.5 && Math.abs(p.height - 841.89) < 0.5, `${p.width}×${p.height}`);
    }
  });

  test('the header, the document type and the golden sentences, as extracted', () => {
    const first = pages[0]!.lines.map((l) => l.text);
    assert.ok(first.includes('BỘ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), first.slice(0, 4).join(' | '));
    assert.ok(first.includes('Độc lập - Tự do - Hạnh phúc'));
    assert.ok(first.some((l) => /^Số:\s+\/BC-BCT Hà Nội, ngày 05 tháng 01 năm 2026$/.test(l)));
    assert.ok(first.includes('BÁO CÁO'));
    const text = all();
    for (const s of [
      'Trong 9 tháng đầu năm 2024, chỉ số sản xuất công nghiệp (IIP) của khu vực phía Nam tăng 10,73% so với cùng kỳ năm trước.',
      'Có 6/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu vực (tăng 10,73%) gồm: Trà Vinh, Bình Phước, Kiên Giang, Tây Ninh, Vĩnh Long và Bến Tre.',
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.',
      'Kim ngạch xuất khẩu hàng hóa của khu vực phía Nam ước đạt 108,4 tỷ USD, tăng 10,41% so với cùng kỳ năm trước.',
      'II. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC',
      'Nơi nhận:',
      'KT. BỘ TRƯỞNG',
      'PHỤ LỤC',
    ]) assert.ok(text.includes(s), s);
  });

  test('body text sits within the Decree 30 margins, justified to both', () => {
    const body = pages.flatMap((p) => p.lines.filter((l) => l.y > 20 * MM && l.text.length > 60));
    assert.ok(body.length > 10);
    const left = Math.min(...body.map((l) => l.x0));
    const right = Math.max(...body.map((l) => l.x1));
    assert.ok(Math.abs(left - 30 * MM) < 1, `left edge ${left}`);
    assert.ok(Math.abs(right - (595.28 - 15 * MM)) < 1.5, `right edge ${right}`);
    // Full justified lines end at the right margin.
    const full = body.filter((l) => Math.abs(l.x1 - (595.28 - 15 * MM)) < 1.5);
    assert.ok(full.length > 5);
    for (const p of pages) for (const l of p.lines) assert.ok(l.y < 841.89 - 20 * MM + 2, `below the bottom margin: ${l.text}`);
  });

  test('page numbers at the top centre from page 2', () => {
    const top = (p: PdfPage) => p.lines[0]!;
    assert.notEqual(top(pages[0]!).text, '1');
    pages.slice(1).forEach((p, i) => {
      assert.equal(top(p).text, String(i + 2));
      const centre = (top(p).x0 + top(p).x1) / 2;
      assert.ok(Math.abs(centre - (30 * MM + (595.28 - 45 * MM) / 2)) < 2, `page number centred: ${centre}`);
      assert.ok(top(p).y < 20 * MM);
    });
  });

  test('Tinos is embedded, and no character is lost across its subsets', () => {
    assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+Tinos/);
    assert.doesNotMatch(all(), /\u0000|\uFFFD/);
  });

  test('charts are drawn with their captions', () => {
    const text = all();
    assert.ok(text.includes('Biểu đồ 1. IIP: tốc độ tăng/giảm của các tỉnh, thành phố 9 tháng đầu năm 2024 (%)'));
    assert.ok(text.includes('Bình quân khu vực: 10,73'));
  });
});

describe('English and the provincial review as PDF', () => {
  test('the English version reads in English', async () => {
    const out = await generateReport(db, { type: 'provincial', province: 'unnamed-province-003', period: parseCode('9T/2019'), lang: 'en', date: '2026-01-05' }, 'pdf');
    const text = flat((await readPdf(out.body as Buffer)).map((p) => p.text).join('\n'));
    assert.ok(text.includes('SOCIALIST REPUBLIC OF VIET NAM'));
    assert.ok(text.includes('In the first 9 months of 2019, the industrial production index (IIP) was up 16.6% on the same period of 2018.'));
    assert.ok(text.includes('Merchandise exports, 2019: plan 137 million USD; in the first 9 months of 2019 it stood at 72% of the plan, leaving about 38.4 million USD; the last 3 months require an average of about 12.8 million USD a month.'));
  });
});
