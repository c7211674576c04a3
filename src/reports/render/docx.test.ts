// The Word file, opened as Word would (a zip of XML parts): its text, and the Decree 30/2020 layout —
// A4, margins, Times New Roman, the header table, the underlined motto, page numbers from page 2.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDb } from '../../db/testing.ts';
import type { Db } from '../../db/database.ts';
import { ensureDemoData } from '../../collection/demo/loadDemo.ts';
import { parseCode } from '../../periods/period.ts';
import { generateReport } from '../generate.ts';
import { docxParagraphs, docxParagraphXml, openDocx, type DocxParts } from '../testFiles.ts';
import { loadSouth2024 } from '../testing.ts';

let db: Db;
let vi: DocxParts;
let en: DocxParts;
let fileName: string;
before(async () => {
  db = await openTestDb();
  await ensureDemoData(db);
  const make = async (lang: 'vi' | 'en') => generateReport(db, { type: 'conference', region: 'south', period: parseCode('9T/2024'), lang, date: '2026-01-05' }, 'docx');
  const out = await make('vi');
  fileName = out.fileName;
  vi = await openDocx(out.body as Buffer);
  en = await openDocx((await make('en')).body as Buffer);
});
after(async () => db.close());

const MM = 56.7;

describe('conference report as Word', () => {
  test('is a Word document named after the report', () => {
    assert.equal(fileName, 'bao-cao-hoi-nghi_south_9T-2024_vi.docx');
    assert.ok(vi.files.includes('word/document.xml'));
  });

  test('A4 portrait with Decree 30 margins (top/bottom 20 mm, left 30 mm, right 15 mm)', () => {
    const size = /<w:pgSz ([^>]*)\/>/.exec(vi.document)![1]!;
    assert.match(size, /w:w="11906"/);
    assert.match(size, /w:h="16838"/);
    assert.doesNotMatch(size, /landscape/);
    const m = /<w:pgMar ([^>]*)\/>/.exec(vi.document)![1]!;
    const twips = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(m)![1]);
    assert.equal(twips('top'), Math.round(20 * MM));
    assert.equal(twips('bottom'), Math.round(20 * MM));
    assert.equal(twips('left'), Math.round(30 * MM));
    assert.equal(twips('right'), Math.round(15 * MM));
  });

  test('Times New Roman throughout, 14 pt body', () => {
    assert.match(vi.styles, /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    const fonts = new Set([...vi.document.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((x) => x[1]));
    assert.deepEqual([...fonts], ['Times New Roman']);
    const body = docxParagraphXml(vi.document, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.')!;
    assert.match(body, /<w:sz w:val="28"\/>/);
    assert.match(body, /<w:jc w:val="both"\/>/);
    assert.match(body, /<w:ind w:firstLine="720"\/>/);
  });

  test('the header: agency and number left, national motto (underlined) and place-date (italic) right', () => {
    const paras = docxParagraphs(vi.document);
    assert.deepEqual(paras.slice(0, 5), [
      'BỘ CÔNG THƯƠNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-BCT', 'Hà Nội, ngày 05 tháng 01 năm 2026',
    ]);
    const firstTable = vi.document.slice(vi.document.indexOf('<w:tbl>'), vi.document.indexOf('</w:tbl>'));
    assert.match(firstTable, /BỘ CÔNG THƯƠNG/);
    assert.match(firstTable, /<w:top w:val="none"/); // a layout table, no borders
    assert.match(docxParagraphXml(vi.document, 'Độc lập - Tự do - Hạnh phúc')!, /<w:b\/>[\s\S]*<w:u w:val="single"\/>/);
    assert.match(docxParagraphXml(vi.document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!, /<w:b\/>/);
    assert.match(docxParagraphXml(vi.document, 'Hà Nội, ngày 05 tháng 01 năm 2026')!, /<w:i\/>/);
    assert.match(docxParagraphXml(vi.document, 'BÁO CÁO')!, /<w:jc w:val="center"\/>[\s\S]*<w:b\/>/);
  });

  test('sections numbered I., 1.; signature and recipients blocks', () => {
    const paras = docxParagraphs(vi.document);
    for (const h of ['I. KẾT QUẢ THỰC HIỆN 9 THÁNG ĐẦU NĂM 2024', '1. Sản xuất công nghiệp', '2. Phát triển cụm công nghiệp', 'II. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC', 'IV. KIẾN NGHỊ, ĐỀ XUẤT VÀ TRẢ LỜI CỦA CÁC ĐƠN VỊ THUỘC BỘ']) {
      assert.ok(paras.includes(h), h);
    }
    assert.match(docxParagraphXml(vi.document, 'I. KẾT QUẢ THỰC HIỆN 9 THÁNG ĐẦU NĂM 2024')!, /<w:b\/>/);
    const nn = docxParagraphXml(vi.document, 'Nơi nhận:')!;
    assert.match(nn, /<w:b\/>[\s\S]*<w:i\/>/);
    assert.match(nn, /<w:sz w:val="24"\/>/);
    assert.ok(paras.includes('- Lưu: VT, KH.'));
    assert.ok(paras.includes('KT. BỘ TRƯỞNG') && paras.includes('THỨ TRƯỞNG'));
  });

  test('the golden sentences are in the text', () => {
    const paras = docxParagraphs(vi.document);
    for (const s of [
      'Có 6/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu vực (tăng 10,73%) gồm: Trà Vinh, Bình Phước, Kiên Giang, Tây Ninh, Vĩnh Long và Bến Tre.',
      'Kim ngạch xuất khẩu hàng hóa của khu vực phía Nam ước đạt 108,4 tỷ USD, tăng 10,41% so với cùng kỳ năm trước.',
      'Chưa có số liệu giá trị sản xuất công nghiệp của khu vực phía Nam 9 tháng đầu năm 2024.',
    ]) assert.ok(paras.includes(s), s);
    const enParas = docxParagraphs(en.document);
    assert.ok(enParas.includes('SOCIALIST REPUBLIC OF VIET NAM'));
    assert.ok(enParas.includes('Retail sales of goods and services revenue of the Southern region reached over 2,442 trillion VND, up 12.47% year on year.'));
  });

  test('page numbers at the top centre, not on the first page', () => {
    assert.match(vi.document, /<w:titlePg\/>/);
    const refs = [...vi.document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]);
    assert.deepEqual(refs.sort(), ['default', 'first']);
    const withPage = vi.headers.filter((h) => /PAGE/.test(h));
    assert.equal(withPage.length, 1);
    assert.match(withPage[0]!, /<w:jc w:val="center"\/>/);
    const empty = vi.headers.filter((h) => !/PAGE/.test(h));
    assert.equal(empty.length, 1);
  });

  test('annex tables and a native Word chart with its data', async () => {
    const paras = docxParagraphs(vi.document);
    assert.ok(paras.includes('PHỤ LỤC'));
    assert.ok(paras.includes('Phụ lục 1'));
    assert.ok(paras.includes('hơn 2.442'), 'a published value keeps its qualifier in the table');
    const chart = vi.files.find((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    assert.ok(chart, 'chart part');
    const xml = await vi.part(chart!);
    assert.match(xml, /<c:barChart>/);
    assert.match(xml, /10\.73/);
  });
});

describe('provincial review and monthly brief as Word', () => {
  test('a province\'s header names its People\'s Committee and Department', async () => {
    const db2 = await openTestDb();
    try {
      await ensureDemoData(db2);
      await loadSouth2024(db2);
      const out = await generateReport(db2, { type: 'provincial', province: 'kien-giang', period: parseCode('9T/2024'), lang: 'vi', date: '2026-01-05' }, 'docx');
      const d = await openDocx(out.body as Buffer);
      const paras = docxParagraphs(d.document);
      assert.deepEqual(paras.slice(0, 3), ['UBND TỈNH KIÊN GIANG', 'SỞ CÔNG THƯƠNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
      assert.ok(paras.includes('Kiên Giang, ngày 05 tháng 01 năm 2026'));
      assert.ok(paras.includes('GIÁM ĐỐC'));
      assert.match(docxParagraphXml(d.document, 'UBND TỈNH KIÊN GIANG')!, /<w:sz w:val="26"\/>/);
      const monthly = await generateReport(db2, { type: 'monthly', period: parseCode('T9/2024'), lang: 'vi', date: '2026-01-05' }, 'docx');
      const m = await openDocx(monthly.body as Buffer);
      assert.equal([...m.document.matchAll(/<w:pageBreakBefore\/>/g)].length, 2, 'three regions, one page each');
    } finally {
      await db2.close();
    }
  });
});
