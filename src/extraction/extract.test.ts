// Readings a user would check, on short articles written for these tests (never the shared set).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractFigures, type Figure } from './extract.ts';
import { score, type ScoredFigure } from './match.ts';

function figs(text: string, opts: Parameters<typeof extractFigures>[1] = {}): Figure[] {
  return extractFigures(text, opts).figures;
}
function find(fs: Figure[], pred: (f: Figure) => boolean, what: string): Figure {
  const f = fs.find(pred);
  assert.ok(f, `no figure for ${what}; got:\n${fs.map((x) => `${x.indicator} ${x.scope} ${x.period} ${x.value} ${x.growth_pct}`).join('\n')}`);
  return f;
}

describe('numbers, units and scales', () => {
  it('reads dotted thousands and comma decimals with their scale', () => {
    const fs = figs('Năm 2019, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam ước đạt 2.841.141 tỷ đồng, tăng 12,91%.');
    const f = find(fs, (x) => x.indicator === 'retail_services', 'retail');
    assert.equal(f.value, 2841141);
    assert.equal(f.unit, 'tỷ đồng');
    assert.equal(f.growth_pct, 12.91);
    assert.equal(f.status, 'estimate');
    assert.equal(f.qualifier, 'đạt');
    assert.equal(f.scope, 'khu vực phía Nam');
    assert.equal(f.period, '2019');
  });
  it('keeps "nghìn tỷ đồng", "triệu USD" and "ha" as written', () => {
    const fs = figs('6 tháng đầu năm 2023, tổng mức bán lẻ hàng hóa của tỉnh Bình Định đạt 42,6 nghìn tỷ đồng; kim ngạch xuất khẩu đạt 712,4 triệu USD. Đến hết tháng 6/2023, tỉnh có 62 cụm công nghiệp với tổng diện tích 2.931 ha.');
    assert.equal(find(fs, (x) => x.indicator === 'retail_services', 'retail').unit, 'nghìn tỷ đồng');
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').value, 712.4);
    const area = find(fs, (x) => x.indicator === 'clusters_area_ha', 'area');
    assert.equal(area.value, 2931);
    assert.equal(area.period, 'T6/2023');
  });
  it('reads "tăng hơn 2 lần" as +100 % with the qualifier, and "gấp rưỡi" as +50 %', () => {
    const fs = figs('Quý II/2022, một số sản phẩm công nghiệp chủ yếu tăng cao như: phân bón tăng hơn 2 lần, gạch ốp lát tăng gấp rưỡi so với cùng kỳ.');
    const a = find(fs, (x) => x.product === 'phân bón', 'phân bón');
    assert.equal(a.indicator, 'product_output');
    assert.equal(a.growth_pct, 100);
    assert.equal(a.qualifier, 'hơn');
    assert.equal(find(fs, (x) => x.product === 'gạch ốp lát', 'gạch').growth_pct, 50);
  });
  it('reads a minus growth and "tăng trưởng âm"', () => {
    const fs = figs('Năm 2023, kim ngạch xuất khẩu của tỉnh Bắc Giang giảm 2,35% so với năm 2022; chỉ số sản xuất công nghiệp tăng trưởng âm 1,5%.');
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').growth_pct, -2.35);
    assert.equal(find(fs, (x) => x.indicator === 'iip', 'iip').growth_pct, -1.5);
  });
  it('treats English-style decimals as slips', () => {
    const fs = figs('Năm 2020, kim ngạch xuất khẩu của Đồng Nai đạt 18.7 tỷ USD, tăng 3.5%.');
    const f = find(fs, (x) => x.indicator === 'exports', 'exports');
    assert.equal(f.value, 18.7);
    assert.equal(f.growth_pct, 3.5);
  });
});

describe('growth and plan phrases', () => {
  it('never reads "so với tháng trước" as growth vs the same period', () => {
    const fs = figs('Chỉ số sản xuất công nghiệp tháng 11/2024 của tỉnh Phú Thọ tăng 4,2% so với tháng trước và tăng 13,1% so với cùng kỳ năm trước.');
    const iip = fs.filter((x) => x.indicator === 'iip');
    assert.equal(iip.length, 1);
    assert.equal(iip[0]!.growth_pct, 13.1);
    assert.equal(iip[0]!.period, 'T11/2024');
    const mom = find(fs, (x) => x.indicator === 'other' && x.value === 4.2, 'month-on-month');
    assert.match(mom.label ?? '', /tháng trước/);
  });
  it('reads "đạt X% kế hoạch", "vượt X% kế hoạch" and "bằng X% so với cùng kỳ"', () => {
    const fs = figs('Năm 2022, giá trị sản xuất công nghiệp tỉnh Quảng Ngãi đạt 148.560 tỷ đồng, bằng 96,5% so với cùng kỳ, đạt 101,3% kế hoạch. Kim ngạch xuất khẩu đạt 2,1 tỷ USD, vượt 5% kế hoạch năm.');
    const g = find(fs, (x) => x.indicator === 'industrial_output_value', 'GTSX');
    assert.equal(g.growth_pct, -3.5);
    assert.equal(g.pct_of_plan, 101.3);
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').pct_of_plan, 105);
  });
  it('reads targets as plan figures for the year', () => {
    const fs = figs('Năm 2025, tỉnh Lạng Sơn phấn đấu kim ngạch xuất khẩu đạt 3 tỷ USD, chỉ số sản xuất công nghiệp tăng 12%.');
    const e = find(fs, (x) => x.indicator === 'exports', 'exports');
    assert.equal(e.status, 'plan');
    assert.equal(e.period, '2025');
    const i = find(fs, (x) => x.indicator === 'iip', 'iip');
    assert.equal(i.status, 'plan');
    assert.equal(i.growth_pct, 12);
  });
  it('binds a growth to the level before it, and a lone growth to its own record', () => {
    const fs = figs('Quý I/2024, kim ngạch nhập khẩu của TP. Hải Phòng đạt 6,2 tỷ USD, tăng 14%; xuất khẩu tăng 9,8%.');
    const imp = find(fs, (x) => x.indicator === 'imports', 'imports');
    assert.equal(imp.value, 6.2);
    assert.equal(imp.growth_pct, 14);
    assert.equal(imp.scope, 'Hải Phòng');
    const exp = find(fs, (x) => x.indicator === 'exports', 'exports');
    assert.equal(exp.value, null);
    assert.equal(exp.growth_pct, 9.8);
  });
  it('reads a surplus as a positive balance and a deficit as a negative one', () => {
    const fs = figs('Năm 2016, cả nước xuất siêu 2,68 tỷ USD. Năm 2015, cả nước nhập siêu 3,54 tỷ USD.');
    const b = fs.filter((x) => x.indicator === 'trade_balance');
    assert.deepEqual(b.map((x) => [x.period, x.value]), [['2016', 2.68], ['2015', -3.54]]);
  });
});

describe('periods', () => {
  it('reads months, quarters, cumulative months and halves', () => {
    const text = 'Tháng 10/2024, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tỉnh Nam Định đạt 5.120 tỷ đồng. Quý III/2024, kim ngạch xuất khẩu đạt 820 triệu USD. Chín tháng năm 2024, chỉ số sản xuất công nghiệp tăng 11,2%. Nửa đầu năm 2024, kim ngạch nhập khẩu đạt 1,1 tỷ USD.';
    const fs = figs(text);
    assert.equal(find(fs, (x) => x.indicator === 'retail_services', 'retail').period, 'T10/2024');
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').period, 'Q3/2024');
    assert.equal(find(fs, (x) => x.indicator === 'iip', 'iip').period, '9T/2024');
    assert.equal(find(fs, (x) => x.indicator === 'imports', 'imports').period, '6T/2024');
  });
  it('fills a missing year from the article date on its first lines', () => {
    const text = 'Xuất khẩu của Cà Mau khởi sắc\n\n12/07/2021 08:30\n\n6 tháng đầu năm, kim ngạch xuất khẩu của tỉnh đạt 560 triệu USD, tăng 18,6%.';
    const f = find(figs(text), (x) => x.indicator === 'exports', 'exports');
    assert.equal(f.period, '6T/2021');
    assert.equal(f.scope, 'Cà Mau');
  });
  it('fills a missing year from the caller-given date', () => {
    const f = find(figs('Quý I, kim ngạch xuất khẩu của tỉnh Hưng Yên đạt 1,9 tỷ USD.', { documentDate: '2019-04-05' }), (x) => x.indicator === 'exports', 'exports');
    assert.equal(f.period, 'Q1/2019');
  });
  it('gives a stock the month of its cut-off and a flow the months up to it', () => {
    const fs = figs('Tính từ đầu năm đến hết tháng 8/2023, doanh thu thương mại, dịch vụ của tỉnh Khánh Hòa đạt 81.200 tỷ đồng. Tính đến hết tháng 8/2023, toàn tỉnh có 17 cụm công nghiệp.');
    assert.equal(find(fs, (x) => x.indicator === 'trade_services_revenue', 'revenue').period, '8T/2023');
    assert.equal(find(fs, (x) => x.indicator === 'clusters_count', 'clusters').period, 'T8/2023');
  });
  it('carries the last period forward, and does not take the comparison year as the period', () => {
    const fs = figs('Trong 5 tháng đầu năm 2018, kim ngạch xuất khẩu của Hà Nam đạt 980 triệu USD, tăng 25% so với cùng kỳ năm 2017. Kim ngạch nhập khẩu đạt 870 triệu USD.');
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').period, '5T/2018');
    const imp = find(fs, (x) => x.indicator === 'imports', 'imports');
    assert.equal(imp.period, '5T/2018');
    assert.equal(imp.period_inferred, true);
  });
});

describe('more period forms', () => {
  it('reads "lũy kế từ đầu năm" after a month as the months to date', () => {
    const fs = figs('Tháng 10/2024, kim ngạch xuất khẩu của tỉnh Bình Phước đạt 420 triệu USD; lũy kế từ đầu năm đạt 4,05 tỷ USD, tăng 17,8%.');
    assert.deepEqual(fs.filter((x) => x.indicator === 'exports').map((x) => x.period), ['T10/2024', '10T/2024']);
  });
  it('reads table shorthands 9T/2024, Q3/2024 and H1/2024', () => {
    assert.equal(figs('Kim ngạch xuất khẩu 9T/2024 của tỉnh Bắc Giang đạt 28 tỷ USD.')[0]?.period, '9T/2024');
    assert.equal(figs('Q3/2024, kim ngạch xuất khẩu của Bắc Giang đạt 9 tỷ USD.')[0]?.period, 'Q3/2024');
    assert.equal(figs('H1/2024, xuất khẩu của tỉnh Bắc Giang đạt 15 tỷ USD.')[0]?.period, '6T/2024');
  });
  it('drops ranges rather than guess a number', () => {
    const fs = figs('Năm 2025, tỉnh Yên Bái phấn đấu chỉ số sản xuất công nghiệp tăng 9-10%; kim ngạch xuất khẩu đạt 400 triệu USD.');
    assert.equal(fs.filter((x) => x.indicator === 'iip').length, 0);
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').status, 'plan');
  });
});

describe('places', () => {
  it('reads the region with its size where the text gives it', () => {
    const text = 'Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc lần thứ X năm 2024\n\nNăm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng toàn vùng đạt 2.530 nghìn tỷ đồng, tăng 9,8%.';
    const f = find(figs(text), (x) => x.indicator === 'retail_services', 'retail');
    assert.equal(f.scope, 'khu vực phía Bắc (28 tỉnh)');
    assert.equal(f.scope_inferred, false);
  });
  it('takes the province from the site address when the text says only "toàn tỉnh"', () => {
    const text = 'https://baolongan.vn/kinh-te/xuat-khau-9-thang-a123456.html\n9 tháng năm 2022, kim ngạch xuất khẩu toàn tỉnh đạt 5,8 tỷ USD, tăng 16,5%.';
    const r = extractFigures(text);
    assert.equal(r.source, 'https://baolongan.vn/kinh-te/xuat-khau-9-thang-a123456.html');
    const f = find(r.figures, (x) => x.indicator === 'exports', 'exports');
    assert.equal(f.scope, 'Long An');
    assert.equal(f.scope_inferred, true);
  });
  it('never guesses a province the text does not name', () => {
    const f = find(figs('Sở Công Thương cho biết, 9 tháng năm 2019, chỉ số phát triển công nghiệp toàn ngành tăng 8,2%.'), (x) => x.indicator === 'iip', 'iip');
    assert.equal(f.scope, null);
  });
  it('handles spacing slips in names and "TP." forms', () => {
    const fs = figs('Năm 2021, tổng mức bán lẻ hàng hóa của tỉnh Bà Rịa- Vũng Tàu đạt 60.100 tỷ đồng; của TP.HCM đạt 865.300 tỷ đồng; của Thừa Thiên - Huế đạt 36.400 tỷ đồng.');
    assert.deepEqual(fs.filter((x) => x.indicator === 'retail_services').map((x) => x.scope), ['Bà Rịa - Vũng Tàu', 'Hồ Chí Minh', 'Thừa Thiên Huế']);
  });
  it('gives a bracketed figure after "cả nước" to the country, and the next figure back to the region', () => {
    const text = 'Hội nghị ngành Công Thương khu vực phía Nam\n\nNăm 2022, chỉ số sản xuất công nghiệp khu vực tăng 8,4%, cao hơn mức tăng của cả nước (tăng 7,7%); kim ngạch xuất khẩu đạt 140,2 tỷ USD.';
    const fs = figs(text);
    assert.deepEqual(fs.filter((x) => x.indicator === 'iip').map((x) => [x.scope, x.growth_pct]), [['khu vực phía Nam', 8.4], ['cả nước', 7.7]]);
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').scope, 'khu vực phía Nam');
  });
});

describe('counts, lists and components', () => {
  it('reads "6/20 tỉnh … gồm: A, B, C" with the names', () => {
    const text = 'Hội nghị ngành Công Thương các tỉnh khu vực phía Nam\n\n6 tháng đầu năm 2024, chỉ số sản xuất công nghiệp của khu vực tăng 9,1%. Có 4/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu vực, gồm: Long An, Tây Ninh, Bình Phước, Bến Tre.';
    const f = find(figs(text), (x) => x.indicator === 'provinces_above_average', 'count');
    assert.equal(f.value, 4);
    assert.equal(f.of, 20);
    assert.deepEqual(f.names, ['Long An', 'Tây Ninh', 'Bình Phước', 'Bến Tre']);
  });
  it('reads trade infrastructure and keeps fuel stations as "other"', () => {
    const fs = figs('Đến cuối năm 2022, trên địa bàn tỉnh Hòa Bình có 104 chợ, 5 siêu thị, 1 trung tâm thương mại và 190 cửa hàng xăng dầu.');
    assert.equal(find(fs, (x) => x.indicator === 'markets', 'markets').value, 104);
    assert.equal(find(fs, (x) => x.indicator === 'supermarkets', 'supermarkets').value, 5);
    assert.equal(find(fs, (x) => x.indicator === 'malls', 'malls').value, 1);
    const o = find(fs, (x) => x.value === 190, 'fuel stations');
    assert.equal(o.indicator, 'other');
    assert.match(o.label ?? '', /xăng dầu/);
    assert.equal(o.period, 'T12/2022');
  });
  it('reads cluster figures by what they count', () => {
    const fs = figs('Tính đến ngày 31/12/2023, tỉnh Thái Nguyên có 36 CCN được thành lập, trong đó 20 CCN đang hoạt động, thu hút 312 dự án với tổng vốn đăng ký 9.820 tỷ đồng, giải quyết việc làm cho hơn 26.000 lao động.');
    const by = (ind: string): Figure => find(fs, (x) => x.indicator === ind, ind);
    assert.equal(by('clusters_count').value, 36);
    assert.equal(by('clusters_operating').value, 20);
    assert.equal(by('clusters_projects').value, 312);
    assert.equal(by('clusters_capital').value, 9820);
    assert.equal(by('clusters_jobs').qualifier, 'hơn');
    assert.equal(by('clusters_count').period, 'T12/2023');
  });
  it('keeps components and shares as "other" with their Vietnamese label', () => {
    const fs = figs('Năm 2023, kim ngạch xuất khẩu của Bình Dương đạt 32,3 tỷ USD, giảm 7,3%. Trong đó, khu vực có vốn đầu tư nước ngoài đạt 25,8 tỷ USD, chiếm 79,9%.');
    const total = fs.filter((x) => x.indicator === 'exports');
    assert.equal(total.length, 1);
    const fdi = find(fs, (x) => x.value === 25.8, 'FDI');
    assert.equal(fdi.indicator, 'other');
    assert.match(fdi.label ?? '', /vốn đầu tư nước ngoài/);
    assert.equal(find(fs, (x) => x.value === 79.9, 'share').indicator, 'other');
  });
  it('reads products from a list with their names', () => {
    const fs = figs('Tháng 3/2022, một số sản phẩm công nghiệp chủ yếu của tỉnh Thanh Hóa tăng so với cùng kỳ như: xi măng tăng 6,2%; thép các loại tăng 12,8%, bia tăng 3,1%.');
    assert.deepEqual(fs.filter((x) => x.indicator === 'product_output').map((x) => [x.product, x.growth_pct]), [['xi măng', 6.2], ['thép các loại', 12.8], ['bia', 3.1]]);
  });
  it('reads abbreviations (GTSX, KNXK, TMBL, CCN) and keeps KCN apart', () => {
    const fs = figs('Năm 2018, GTSX công nghiệp tỉnh Hải Dương đạt 210.500 tỷ đồng; KNXK đạt 6,4 tỷ USD; TMBL hàng hóa và DTDV đạt 48.200 tỷ đồng. Toàn tỉnh có 10 KCN và 33 CCN.');
    assert.ok(fs.some((x) => x.indicator === 'industrial_output_value' && x.value === 210500));
    assert.ok(fs.some((x) => x.indicator === 'exports' && x.value === 6.4));
    assert.ok(fs.some((x) => x.indicator === 'retail_services' && x.value === 48200));
    assert.ok(fs.some((x) => x.indicator === 'clusters_count' && x.value === 33));
    assert.ok(fs.some((x) => x.indicator === 'other' && x.value === 10));
  });
  it('reads "lần lượt" (respectively)', () => {
    const fs = figs('Năm 2022, kim ngạch xuất khẩu và nhập khẩu của tỉnh Hậu Giang lần lượt đạt 820 triệu USD và 410 triệu USD.');
    assert.equal(find(fs, (x) => x.indicator === 'exports', 'exports').value, 820);
    assert.equal(find(fs, (x) => x.indicator === 'imports', 'imports').value, 410);
  });
});

describe('components that look like totals', () => {
  it('reads exports to one market and of one commodity as "other"', () => {
    const fs = figs('Kim ngạch xuất khẩu của Việt Nam sang Hoa Kỳ 10 tháng năm 2023 đạt 80 tỷ USD, giảm 13%. Xuất khẩu gạo 9 tháng năm 2024 đạt 7 triệu tấn.');
    assert.equal(fs.filter((x) => x.indicator === 'exports' || x.indicator === 'product_output').length, 0);
    assert.equal(find(fs, (x) => x.value === 80, 'market').indicator, 'other');
    assert.equal(find(fs, (x) => x.value === 7, 'rice').indicator, 'other');
  });
  it('stops at the links to other articles at the end of a page', () => {
    const text = 'Năm 2023, kim ngạch xuất khẩu của tỉnh Tiền Giang đạt 4,2 tỷ USD, tăng 6,5% so với năm 2022; nhập khẩu đạt 1,9 tỷ USD. Tỉnh tiếp tục hỗ trợ doanh nghiệp mở rộng thị trường, nâng cao năng lực cạnh tranh của sản phẩm chủ lực.\n\nTin liên quan\n\nXuất khẩu gạo của Long An đạt 600 triệu USD';
    assert.deepEqual(figs(text).map((x) => x.value), [4.2, 1.9]);
  });
});

describe('slips and explanations', () => {
  it('reads a text typed without diacritics', () => {
    const fs = figs('Kim ngach xuat khau 6 thang dau nam 2016 cua tinh Dong Thap uoc dat 270 trieu USD, tang 6,2% so voi cung ky.');
    const f = find(fs, (x) => x.indicator === 'exports', 'exports');
    assert.equal(f.value, 270);
    assert.equal(f.scope, 'Đồng Tháp');
    assert.equal(f.period, '6T/2016');
    assert.equal(f.status, 'estimate');
  });
  it('reads decomposed accents, odd spaces and the fraction slash', () => {
    const nfd = 'Tháng 9⁄2020, tổng mức bán lẻ hàng hóa của tỉnh Sóc Trăng đạt  3.410\u00A0tỷ đồng.'.normalize('NFD');
    const f = find(figs(nfd), (x) => x.indicator === 'retail_services', 'retail');
    assert.equal(f.period, 'T9/2020');
    assert.equal(f.value, 3410);
    assert.equal(f.scope, 'Sóc Trăng');
  });
  it('explains each figure with offsets into the raw text', () => {
    const text = 'https://sct.ninhthuan.gov.vn/a\nNăm 2021, kim ngạch xuất khẩu của Ninh Thuận ước đạt 178 triệu USD, tăng 12,3%.';
    const [f] = figs(text);
    assert.ok(f);
    assert.equal(text.slice(f.explain.start, f.explain.end), f.quote);
    assert.match(f.quote, /178 triệu USD/);
    const ind = f.explain.indicator!;
    assert.equal(text.slice(ind.start, ind.end), 'kim ngạch xuất khẩu');
    const pl = f.explain.place as { start: number; end: number };
    assert.equal(text.slice(pl.start, pl.end), 'Ninh Thuận');
    const per = f.explain.period as { start: number; end: number };
    assert.equal(text.slice(per.start, per.end), 'Năm 2021');
    assert.equal(text.slice(f.explain.status!.start, f.explain.status!.end), 'ước đạt');
    // the whole sentence, the figure's source when it is saved
    assert.equal(text.slice(f.explain.sentence.start, f.explain.sentence.end), 'Năm 2021, kim ngạch xuất khẩu của Ninh Thuận ước đạt 178 triệu USD, tăng 12,3%.');
  });
  it('takes the subject from a department heading above its place-and-date line', () => {
    // Decree 30 layout: the issuer in capitals, then "Bến Tre, ngày …" — one place twice, not a list
    const text = 'SỞ CÔNG THƯƠNG TỈNH BẾN TRE\nBến Tre, ngày 05 tháng 7 năm 2024\nTình hình 6 tháng đầu năm 2024\nTổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 45.678 tỷ đồng, tăng 11,2% so với cùng kỳ.';
    const f = find(figs(text), (x) => x.indicator === 'retail_services', 'retail');
    assert.equal(f.scope, 'Bến Tre');
    assert.equal(f.scope_inferred, true);
    assert.equal(f.period, '6T/2024');
  });
  it('gives each figure the sentence it was read from', () => {
    const text = 'Tháng 10/2024, TP. Cần Thơ có kim ngạch xuất khẩu đạt 250 triệu USD. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 12.000 tỷ đồng, tăng 9%.';
    const fs = figs(text);
    const sentence = (f: (typeof fs)[number]) => text.slice(f.explain.sentence.start, f.explain.sentence.end);
    assert.equal(sentence(find(fs, (x) => x.indicator === 'exports', 'exports')), 'Tháng 10/2024, TP. Cần Thơ có kim ngạch xuất khẩu đạt 250 triệu USD.');
    assert.equal(sentence(find(fs, (x) => x.indicator === 'retail_services', 'retail')), 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 12.000 tỷ đồng, tăng 9%.');
  });
  it('offsets stay right after decomposed characters and collapsed spaces', () => {
    const text = 'Năm   2020,  chỉ số sản xuất công nghiệp của Nghệ An tăng 9,2%.'.normalize('NFD');
    const [f] = figs(text);
    assert.ok(f);
    assert.equal(text.slice(f.explain.start, f.explain.end).normalize('NFC'), 'tăng 9,2%');
  });
  it('ignores document numbers, dates, ordinals and codes', () => {
    const fs = figs('Thực hiện Nghị quyết số 01/NQ-CP ngày 5/1/2024 và Quyết định 1234/QĐ-UBND, Hội nghị lần thứ 11 năm 2025 diễn ra lúc 08:30. Giá trị sản xuất công nghiệp (giá SS2010) năm 2024 tăng 8%.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.indicator, 'industrial_output_value');
    assert.equal(fs[0]!.period, '2024');
  });
  it('merges a headline with the sentence that repeats it', () => {
    const text = 'Xuất khẩu của Tiền Giang năm 2023 đạt 4,2 tỷ USD\n\nNăm 2023, kim ngạch xuất khẩu của tỉnh Tiền Giang ước đạt 4,2 tỷ USD, tăng 6,5% so với năm 2022.';
    const fs = figs(text).filter((x) => x.indicator === 'exports');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.growth_pct, 6.5);
  });
  it('is deterministic', () => {
    const text = readFileSync(new URL('./fixtures/f01.txt', import.meta.url), 'utf8');
    assert.deepEqual(extractFigures(text), extractFigures(text));
  });
});

describe('fixture articles (own, many styles)', () => {
  const dir = new URL('./fixtures/', import.meta.url).pathname;
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const n of names) {
    it(`${n} reads as annotated`, () => {
      const gold = JSON.parse(readFileSync(join(dir, n), 'utf8')) as { figures: ScoredFigure[] };
      const text = readFileSync(join(dir, n.replace(/\.json$/, '.txt')), 'utf8');
      const pred = extractFigures(text).figures as unknown as ScoredFigure[];
      const s = score(gold.figures, pred);
      tp += s.tp; np += pred.length; ng += gold.figures.length;
      assert.ok(s.f1 >= 0.8, `${n}: F1 ${s.f1.toFixed(3)}`);
    });
  }
  it('reaches F1 ≥ 0.95 over all fixtures', () => {
    const p = tp / np;
    const r = tp / ng;
    const f1 = (2 * p * r) / (p + r);
    assert.ok(f1 >= 0.95, `F1 ${f1.toFixed(3)}`);
  });
});
