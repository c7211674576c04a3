// Golden sentences: the seed articles' figures, as loaded by the demo data, written back the way the
// articles write them; the same figures computed from provinces; missing data stated, never filled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDb } from '../db/testing.ts';
import type { Db } from '../db/database.ts';
import { ensureDemoData } from '../collection/demo/loadDemo.ts';
import { parseCode } from '../periods/period.ts';
import { buildReport } from './build/index.ts';
import { reportText, runsText, walkSections, type Report } from './model.ts';
import { loadMasterDataOnly, loadSouth2024, loadSouthOctober } from './testing.ts';

let demo: Db;
let computed: Db;
before(async () => {
  [demo, computed] = await Promise.all([openTestDb(), openTestDb()]);
  await ensureDemoData(demo);
  await loadMasterDataOnly(computed);
  await loadSouth2024(computed, { plans: true });
  await loadSouthOctober(computed, ['bac-lieu', 'ca-mau']);
});
after(async () => {
  await demo.close();
  await computed.close();
});

const build = (db: Db, type: 'conference' | 'provincial' | 'monthly', place: string | null, period: string, lang: 'vi' | 'en' = 'vi') =>
  buildReport(db, {
    type, region: type === 'provincial' ? null : place, province: type === 'provincial' ? place : null, period: parseCode(period), lang, date: '2026-01-05',
  });

const lines = (r: Report) => reportText(r).split('\n');
const has = (r: Report, sentence: string) => assert.ok(lines(r).includes(sentence), `missing sentence:\n  ${sentence}\nin:\n  ${lines(r).join('\n  ')}`);

describe('seed 002 (South, 9 months of 2024) from the demo data', () => {
  test('Vietnamese: retail, exports, imports, IIP with the provinces above it, clusters', async () => {
    const r = await build(demo, 'conference', 'south', '9T/2024');
    has(r, 'Trong 9 tháng đầu năm 2024, chỉ số sản xuất công nghiệp (IIP) của khu vực phía Nam tăng 10,73% so với cùng kỳ năm trước.');
    has(r, 'Có 6/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu vực (tăng 10,73%) gồm: Trà Vinh, Bình Phước, Kiên Giang, Tây Ninh, Vĩnh Long và Bến Tre.');
    has(r, 'Đến hết tháng 9/2024, toàn khu vực phía Nam có 186 cụm công nghiệp, tổng diện tích 8.498 ha. Trong đó, 111 cụm công nghiệp đi vào hoạt động, thu hút khoảng 1.618 dự án đầu tư sản xuất kinh doanh, với tổng vốn đăng ký đầu tư hơn 73.809 tỷ đồng, tạo việc làm cho hơn 162.810 lao động.');
    has(r, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.');
    has(r, 'Kim ngạch xuất khẩu hàng hóa của khu vực phía Nam ước đạt 108,4 tỷ USD, tăng 10,41% so với cùng kỳ năm trước.');
    has(r, 'Kim ngạch nhập khẩu hàng hóa của khu vực đạt 96,41 tỷ USD, tăng 10,66% so với cùng kỳ năm trước.');
    // The balance of two rounded published figures is itself approximate.
    has(r, 'Khu vực ước xuất siêu khoảng 11,99 tỷ USD.');
  });

  test('English version of the same figures', async () => {
    const r = await build(demo, 'conference', 'south', '9T/2024', 'en');
    has(r, 'In the first 9 months of 2024, the industrial production index (IIP) of the Southern region was up 10.73% year on year.');
    has(r, '6 of 20 provinces grew faster than the regional average (up 10.73%): Tra Vinh, Binh Phuoc, Kien Giang, Tay Ninh, Vinh Long and Ben Tre.');
    has(r, 'Retail sales of goods and services revenue of the Southern region reached over 2,442 trillion VND, up 12.47% year on year.');
    has(r, 'Merchandise exports of the Southern region reached 108.4 billion USD (estimate), up 10.41% year on year.');
    has(r, 'By the end of September 2024, the Southern region had 186 industrial clusters covering 8,498 ha. Of these, 111 were in operation, attracting about 1,618 investment projects, with over 73,809 billion VND of registered capital, employing over 162,810 workers.');
  });

  test('published figures cite their article; the numbering follows Decree 30', async () => {
    const r = await build(demo, 'conference', 'south', '9T/2024');
    const retail = Object.values(r.figures).find((f) => f.indicator === 'retail_services')!;
    assert.equal(retail.source, 'published');
    assert.equal(retail.citation?.document, 'seed-002');
    assert.ok(retail.inputs.some((i) => i.href === '/api/documents/seed-002'));
    assert.deepEqual(r.sections.map((s) => s.number), ['I.', 'II.', 'III.', 'IV.']);
    assert.deepEqual(r.sections[0]!.sections.map((s) => s.number), ['1.', '2.', '3.', '4.', '5.']);
    assert.match(r.header.placeDate, /^Hà Nội, ngày 05 tháng 01 năm 2026$/);
  });
});

describe('seed 003 (a province\'s nine-month review) from the demo data', () => {
  test('results, % of plan, and the year\'s targets with the monthly pace needed', async () => {
    const r = await build(demo, 'provincial', 'unnamed-province-003', '9T/2019');
    has(r, 'Trong 9 tháng đầu năm 2019, chỉ số sản xuất công nghiệp (IIP) tăng 16,6% so với cùng kỳ năm 2018.');
    has(r, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng 13,63% so với cùng kỳ năm 2018.');
    has(r, 'Kim ngạch xuất khẩu hàng hóa bằng 72% kế hoạch năm 2019; chưa có số liệu về giá trị và mức tăng, giảm so với cùng kỳ.');
    has(r, 'Chỉ số sản xuất công nghiệp (IIP) năm 2019: mục tiêu tăng 16,5% so với năm 2018.');
    has(r, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ năm 2019: kế hoạch 19.550 tỷ đồng; chưa có số liệu lũy kế 9 tháng đầu năm 2019 nên chưa tính được mức cần đạt mỗi tháng.');
    // 72% of 137 is known only to the precision of "72%": the rest is "khoảng".
    has(r, 'Kim ngạch xuất khẩu hàng hóa năm 2019: kế hoạch 137 triệu USD; 9 tháng đầu năm 2019 bằng 72% kế hoạch, còn khoảng 38,4 triệu USD; 3 tháng cuối năm cần đạt bình quân khoảng 12,8 triệu USD mỗi tháng.');
  });

  test('the unnamed province is never named or guessed', async () => {
    const r = await build(demo, 'provincial', 'unnamed-province-003', '9T/2019');
    assert.equal(r.header.parentAgency, 'UBND TỈNH ……');
    assert.match(r.header.placeDate, /^……, ngày 05 tháng 01 năm 2026$/);
    assert.doesNotMatch(reportText(r), /bài 003|article 003/i);
  });
});

describe('the same figures computed from the provinces', () => {
  test('sums and ratios of sums give the seed\'s sentences, qualified truthfully', async () => {
    const r = await build(computed, 'conference', 'south', '9T/2024');
    has(r, 'Trong 9 tháng đầu năm 2024, chỉ số sản xuất công nghiệp (IIP) của khu vực phía Nam tăng 10,73% so với cùng kỳ năm trước.');
    has(r, 'Có 6/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu vực (tăng 10,73%) gồm: Trà Vinh, Bình Phước, Kiên Giang, Tây Ninh, Vĩnh Long và Bến Tre.');
    has(r, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.');
    has(r, 'Kim ngạch xuất khẩu hàng hóa của khu vực phía Nam ước đạt 108,4 tỷ USD, tăng 10,41% so với cùng kỳ năm trước.');
    has(r, 'Kim ngạch nhập khẩu hàng hóa của khu vực đạt 96,41 tỷ USD, tăng 10,66% so với cùng kỳ năm trước.');
    // Exact counts read exactly; 73.809,4 tỷ đồng reads "hơn 73.809".
    has(r, 'Đến hết tháng 9/2024, toàn khu vực phía Nam có 186 cụm công nghiệp, tổng diện tích 8.498 ha. Trong đó, 111 cụm công nghiệp đi vào hoạt động, thu hút 1.618 dự án đầu tư sản xuất kinh doanh, với tổng vốn đăng ký đầu tư hơn 73.809 tỷ đồng, tạo việc làm cho 162.810 lao động.');
    has(r, 'Khu vực ước xuất siêu 11,99 tỷ USD.');
  });

  test('progress against the plan and the monthly pace needed', async () => {
    const r = await build(computed, 'conference', 'south', '9T/2024');
    // plan 3.297.146 (2.442.330 × 1,35); 74,07%; (3.297.146 − 2.442.330) / 3 = 284.938,67 → "gần 284.939".
    has(r, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 9 tháng đầu năm 2024 bằng 74,07% kế hoạch năm 2024; để hoàn thành kế hoạch, 3 tháng cuối năm cần đạt bình quân gần 284.939 tỷ đồng mỗi tháng.');
  });

  test('charts and tables: provinces against the regional average', async () => {
    const r = await build(computed, 'conference', 'south', '9T/2024');
    const iip = r.charts.find((c) => c.title.startsWith('IIP'))!;
    assert.equal(iip.categories[0], 'Trà Vinh');
    assert.equal(iip.reference?.value, 10.73);
    const provinces = r.tables.find((t) => t.title.startsWith('Kết quả của các tỉnh'))!;
    assert.equal(provinces.rows.length, 21); // 20 provinces and the region
  });

  test('the country is compared as "cả nước", with the provinces it has figures for', async () => {
    const r = await build(computed, 'conference', 'national', '9T/2024');
    assert.match(reportText(r), /tỉnh, thành có mức tăng cao hơn mức tăng bình quân của cả nước \(tăng [\d,]+%\) gồm:/);
    assert.match(reportText(r), /\(tổng hợp từ số liệu của 20\/63 tỉnh, thành phố; chưa có số liệu của /);
  });

  test('partial coverage is stated with the provinces missing', async () => {
    const db = await openTestDb();
    try {
      await loadMasterDataOnly(db);
      await loadSouth2024(db, { missing: ['bac-lieu', 'ca-mau'] });
      const r = await build(db, 'conference', 'south', '9T/2024');
      assert.match(reportText(r), /\(tổng hợp từ số liệu của 18\/20 tỉnh, thành phố; chưa có số liệu của Bạc Liêu và Cà Mau\)\./);
    } finally {
      await db.close();
    }
  });
});

describe('missing data is stated, never papered over', () => {
  test('indicators without figures say so, in both languages', async () => {
    const vi = await build(demo, 'conference', 'south', '9T/2024');
    has(vi, 'Chưa có số liệu giá trị sản xuất công nghiệp của khu vực phía Nam 9 tháng đầu năm 2024.');
    has(vi, 'Chưa có số liệu kế hoạch năm 2024 để đánh giá tiến độ thực hiện.');
    assert.ok(vi.missing.some((m) => m.startsWith('Giá trị sản xuất công nghiệp')));
    const en = await build(demo, 'conference', 'south', '9T/2024', 'en');
    has(en, 'No figures yet for industrial production value of the Southern region for the first 9 months of 2024.');
  });

  test('difficulties, tasks and recommendations: "chưa có dữ liệu" until the conferences capability provides them', async () => {
    const r = await build(demo, 'conference', 'south', '9T/2024');
    for (const s of r.sections.slice(1)) {
      const texts = s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [runsText(b.runs)] : []));
      assert.equal(texts.length, 1);
      assert.match(texts[0]!, /^Chưa có dữ liệu/);
    }
  });

  test('context from the conferences capability is written in, grouped by field', async () => {
    const r = await buildReport(demo, {
      type: 'conference', region: 'south', period: parseCode('9T/2024'), lang: 'vi', date: '2026-01-05',
      context: {
        conference: { title: 'Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X năm 2024', ordinal: 10, date: '2024-10-11', host: 'kien-giang', place: 'Phú Quốc' },
        difficulties: [{ field: 'industry', fieldLabel: 'Lĩnh vực công nghiệp', text: 'Quy hoạch cụm công nghiệp còn chậm', by: null }],
        tasks: [
          { field: 'industry', fieldLabel: 'Lĩnh vực công nghiệp', text: 'Đẩy nhanh đầu tư hạ tầng cụm công nghiệp', by: null },
          { field: 'trade', fieldLabel: 'Lĩnh vực thương mại', text: 'Triển khai chương trình xúc tiến thương mại', by: null },
        ],
        recommendations: [{ field: null, fieldLabel: null, text: 'Hướng dẫn thủ tục', by: 'Sở Công Thương tỉnh Kiên Giang', to: 'Cục Hóa chất', answer: null }],
      },
    });
    assert.equal(r.subject.at(-1), '(Phục vụ Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X năm 2024)');
    const tasks = r.sections[2]!;
    assert.deepEqual(tasks.sections.map((s) => `${s.number} ${s.title}`), ['1. Lĩnh vực công nghiệp', '2. Lĩnh vực thương mại']);
    assert.match(reportText(r), /Sở Công Thương tỉnh Kiên Giang: Hướng dẫn thủ tục \(gửi Cục Hóa chất\)\. Chưa có trả lời\./);
  });

  test('a region with no figures at all: every result sentence says so and prints no number', async () => {
    const r = await build(demo, 'conference', 'central', '9T/2024');
    const results = [...walkSections(r.sections[0]!.sections)].flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? [b] : []));
    assert.ok(results.length >= 5);
    for (const b of results) {
      assert.equal(b.role, 'missing', runsText(b.runs));
      assert.ok(b.runs.every((x) => x.kind === 'text'), 'no figure in a missing statement');
    }
    assert.deepEqual(r.charts, []);
  });

  test('the monthly brief states coverage and what is missing, one page per region', async () => {
    const r = await build(computed, 'monthly', 'south', 'T10/2024');
    has(r, 'Số liệu tháng của 18/20 tỉnh, thành phố; chưa có số liệu của Bạc Liêu và Cà Mau.');
    assert.match(reportText(r), /Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ: tháng 10\/2024 ước đạt [^;]+, tăng 11,54% so với cùng kỳ năm trước; lũy kế 10 tháng đầu năm 2024 chưa có số liệu\./);
    const all = await build(computed, 'monthly', null, 'T10/2024');
    assert.deepEqual(all.sections.map((s) => !!s.pageBreakBefore), [false, true, true]);
    await assert.rejects(build(computed, 'monthly', 'south', '9T/2024'), /monthly brief needs a month/);
  });
});
