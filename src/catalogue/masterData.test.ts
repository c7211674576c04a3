import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allowedOptions,
  convert,
  evaluateFormula,
  findUnitByName,
  findUnitOfMeasure,
  findUnitsByName,
  indicatorByCode,
  loadMasterData,
  masterData,
  namesAt,
  predecessorsAt,
  regionLabel,
  regionMembers,
  regionsOf,
  successorAt,
  toDisplay,
  unitByCode,
  unitsInForce,
} from './masterData.ts';

const ids = (units: { id: string }[]) => units.map((u) => u.id);
const codes = (units: { code: string | null }[]) => units.map((u) => u.code);

describe('provinces and cities', () => {
  it('63 are in force on 2025-06-30 and 34 on 2025-07-01, each with a unique 2-digit code', () => {
    for (const [date, n] of [['2019-07-12', 63], ['2025-06-30', 63], ['2025-07-01', 34], ['2026-01-05', 34]] as const) {
      const list = unitsInForce(date);
      assert.equal(list.length, n, date);
      assert.equal(new Set(codes(list)).size, n, `codes unique on ${date}`);
      assert.ok(list.every((u) => /^\d{2}$/.test(u.code ?? '')));
    }
  });

  it('the 34 units from 2025-07-01 are the ones of Resolution 202/2025/QH15, with their new codes', () => {
    const expected: Record<string, string> = {
      '01': 'Thành phố Hà Nội', '04': 'Tỉnh Cao Bằng', '08': 'Tỉnh Tuyên Quang', '11': 'Tỉnh Điện Biên', '12': 'Tỉnh Lai Châu',
      '14': 'Tỉnh Sơn La', '15': 'Tỉnh Lào Cai', '19': 'Tỉnh Thái Nguyên', '20': 'Tỉnh Lạng Sơn', '22': 'Tỉnh Quảng Ninh',
      '24': 'Tỉnh Bắc Ninh', '25': 'Tỉnh Phú Thọ', '31': 'Thành phố Hải Phòng', '33': 'Tỉnh Hưng Yên', '37': 'Tỉnh Ninh Bình',
      '38': 'Tỉnh Thanh Hóa', '40': 'Tỉnh Nghệ An', '42': 'Tỉnh Hà Tĩnh', '44': 'Tỉnh Quảng Trị', '46': 'Thành phố Huế',
      '48': 'Thành phố Đà Nẵng', '51': 'Tỉnh Quảng Ngãi', '52': 'Tỉnh Gia Lai', '56': 'Tỉnh Khánh Hòa', '66': 'Tỉnh Đắk Lắk',
      '68': 'Tỉnh Lâm Đồng', '75': 'Tỉnh Đồng Nai', '79': 'Thành phố Hồ Chí Minh', '80': 'Tỉnh Tây Ninh', '82': 'Tỉnh Đồng Tháp',
      '86': 'Tỉnh Vĩnh Long', '91': 'Tỉnh An Giang', '92': 'Thành phố Cần Thơ', '96': 'Tỉnh Cà Mau',
    };
    const list = unitsInForce('2025-07-01');
    assert.deepEqual(Object.fromEntries(list.map((u) => [u.code, u.name_vi])), expected);
    assert.equal(list.filter((u) => u.kind === 'thanh-pho').length, 6, '28 provinces and 6 cities');
  });

  it('names carry the type, short names and English names do not', () => {
    const bg = unitByCode('24', '2024-01-01')!;
    assert.equal(bg.id, 'bac-giang');
    assert.equal(bg.name_vi, 'Tỉnh Bắc Giang');
    assert.equal(bg.short_vi, 'Bắc Giang');
    assert.equal(bg.name_en, 'Bac Giang Province');
    assert.equal(unitByCode('01', '2024-01-01')!.name_vi, 'Thành phố Hà Nội');
    for (const u of masterData().units) assert.ok(/^[\x20-\x7E]+$/.test(u.name_en), `${u.id} English name is ASCII`);
  });

  it('a code alone is not a unit: 24 was Bắc Giang and is Bắc Ninh from 2025-07-01; 27 no longer exists', () => {
    assert.equal(unitByCode('24', '2024-01-01')?.id, 'bac-giang');
    assert.equal(unitByCode(24, '2025-06-30')?.id, 'bac-giang');
    assert.equal(unitByCode('24', '2025-07-01')?.id, 'bac-ninh-2025');
    assert.equal(unitByCode('27', '2024-01-01')?.id, 'bac-ninh');
    assert.equal(unitByCode('27', '2025-07-01'), undefined);
    assert.equal(unitByCode('1', '2024-01-01')?.id, 'ha-noi');
  });

  it('unmerged provinces are one unit spanning both periods', () => {
    for (const id of ['ha-noi', 'cao-bang', 'dien-bien', 'lai-chau', 'son-la', 'lang-son', 'quang-ninh', 'thanh-hoa', 'nghe-an', 'ha-tinh', 'hue']) {
      const u = masterData().unitById.get(id)!;
      assert.equal(u.valid_to, null, id);
      assert.equal(successorAt(id, '2025-08-01')?.id, id);
      assert.deepEqual(ids(predecessorsAt(id, '2019-01-01')), [id]);
    }
    assert.equal(masterData().units.filter((u) => u.id.endsWith('-2025')).length, 23);
  });

  it('Huế keeps one unit: "Thành phố Huế" now, "Tỉnh Thừa Thiên Huế" until 2024-12-31', () => {
    const hue = masterData().unitById.get('hue')!;
    assert.equal(hue.name_vi, 'Thành phố Huế');
    assert.equal(hue.code, '46');
    assert.equal(namesAt('hue', '2024-06-30')?.name_vi, 'Tỉnh Thừa Thiên Huế');
    assert.equal(namesAt('hue', '2025-01-01')?.name_vi, 'Thành phố Huế');
    assert.equal(findUnitByName('Thừa Thiên Huế', '2025-10-01')?.id, 'hue');
  });
});

describe('successions (1 July 2025, whole merges)', () => {
  it("Bắc Giang's successor on 2025-07-01 is bac-ninh-2025 with code 24", () => {
    const s = successorAt('bac-giang', '2025-07-01')!;
    assert.equal(s.id, 'bac-ninh-2025');
    assert.equal(s.code, '24');
    assert.equal(successorAt('bac-giang', '2024-01-01')?.id, 'bac-giang');
    assert.equal(successorAt('bac-ninh', '2025-12-31')?.id, 'bac-ninh-2025');
  });

  it('a new province has as past the sum of its predecessors', () => {
    const table: Record<string, string[]> = {
      'tuyen-quang-2025': ['02', '08'], 'lao-cai-2025': ['10', '15'], 'thai-nguyen-2025': ['06', '19'], 'bac-ninh-2025': ['24', '27'],
      'phu-tho-2025': ['17', '25', '26'], 'hai-phong-2025': ['30', '31'], 'hung-yen-2025': ['33', '34'], 'ninh-binh-2025': ['35', '36', '37'],
      'quang-tri-2025': ['44', '45'], 'da-nang-2025': ['48', '49'], 'quang-ngai-2025': ['51', '62'], 'gia-lai-2025': ['52', '64'],
      'khanh-hoa-2025': ['56', '58'], 'dak-lak-2025': ['54', '66'], 'lam-dong-2025': ['60', '67', '68'], 'dong-nai-2025': ['70', '75'],
      'ho-chi-minh-2025': ['74', '77', '79'], 'tay-ninh-2025': ['72', '80'], 'dong-thap-2025': ['82', '87'], 'vinh-long-2025': ['83', '84', '86'],
      'an-giang-2025': ['89', '91'], 'can-tho-2025': ['92', '93', '94'], 'ca-mau-2025': ['95', '96'],
    };
    for (const [id, old] of Object.entries(table)) {
      assert.deepEqual(codes(predecessorsAt(id, '2024-09-30')), old, id);
      assert.deepEqual(ids(predecessorsAt(id, '2025-07-01')), [id]);
      for (const p of predecessorsAt(id, '2025-06-30')) assert.equal(successorAt(p.id, '2025-07-01')?.id, id);
    }
    assert.equal(masterData().successions.length, 52);
    assert.ok(masterData().successions.every((s) => s.effective_date === '2025-07-01'));
  });

  it('after a unit ended it has no parts, before a unit began its successor has no answer', () => {
    assert.deepEqual(predecessorsAt('bac-giang', '2025-08-01'), []);
    assert.equal(successorAt('bac-ninh-2025', '2024-01-01'), undefined);
  });
});

describe('regions', () => {
  it('the South had 20 members on 2024-09-30 and 8 on 2025-10-20', () => {
    assert.equal(regionMembers('south', '2024-09-30').length, 20);
    assert.deepEqual(
      regionMembers('south', '2025-10-20').map((u) => u.short_vi).sort(),
      ['An Giang', 'Cà Mau', 'Cần Thơ', 'Đồng Nai', 'Đồng Tháp', 'TP. Hồ Chí Minh', 'Tây Ninh', 'Vĩnh Long'].sort(),
    );
  });

  it('the North had 28 before July 2025 and 18 after; the Central region 15 and 11', () => {
    assert.equal(regionMembers('north', '2024-05-17').length, 28);
    assert.equal(regionMembers('north', '2025-10-17').length, 18);
    assert.equal(regionMembers('central', '2022-08-19').length, 15);
    assert.equal(regionMembers('central', '2025-12-05').length, 11);
  });

  it('Thanh Hóa, Nghệ An and Hà Tĩnh are in the North and the Central region on 2025-10-17, only North before', () => {
    for (const id of ['thanh-hoa', 'nghe-an', 'ha-tinh']) {
      assert.deepEqual(ids(regionsOf(id, '2025-10-17')).sort(), ['central', 'north'], id);
      assert.deepEqual(ids(regionsOf(id, '2024-01-01')), ['north'], id);
    }
  });

  it('before July 2025 the three regions partition the 63; after, they cover the 34', () => {
    const pre = ['north', 'south', 'central'].flatMap((r) => ids(regionMembers(r, '2024-01-01')));
    assert.equal(pre.length, 63);
    assert.deepEqual(new Set(pre), new Set(ids(unitsInForce('2024-01-01'))));
    const post = new Set(['north', 'south', 'central'].flatMap((r) => ids(regionMembers(r, '2025-12-05'))));
    assert.deepEqual(post, new Set(ids(unitsInForce('2025-12-05'))));
    assert.ok(regionMembers('south', '2024-01-01').some((u) => u.id === 'binh-thuan'), 'Bình Thuận was in the South');
  });

  it('the country has every province in force', () => {
    assert.equal(regionMembers('national', '2025-06-30').length, 63);
    assert.equal(regionMembers('national', '2025-07-01').length, 34);
    assert.equal(masterData().unitById.get('national')!.level, 'country');
  });

  it('labels as used in text, counted on the date', () => {
    assert.equal(regionLabel('north', '2024-05-17', { counted: true }), '28 tỉnh, thành phố khu vực phía Bắc');
    assert.equal(regionLabel('south', '2024-10-11', { counted: true }), '20 tỉnh, thành phố khu vực phía Nam');
    assert.equal(regionLabel('north', '2025-10-17', { counted: true }), '18 tỉnh, thành phố khu vực phía Bắc');
    assert.equal(regionLabel('south', '2025-10-20'), 'khu vực phía Nam');
    assert.equal(regionLabel('central', '2025-12-05', { lang: 'en' }), 'the Central and Central Highlands region');
    for (const r of ['north', 'south', 'central']) assert.match(masterData().unitById.get(r)!.region!.note_en, /inferred/);
  });
});

describe('finding a unit by name', () => {
  it('reads the names the press uses, whatever the diacritics, case or dashes', () => {
    const cases: [string, string | undefined, string][] = [
      ['TP.HCM', '2024-10-11', 'ho-chi-minh'],
      ['TP Hồ Chí Minh', '2024-10-11', 'ho-chi-minh'],
      ['tp. hồ chí minh', '2025-10-20', 'ho-chi-minh-2025'],
      ['Thành phố Hồ Chí Minh', undefined, 'ho-chi-minh-2025'],
      ['BR-VT', undefined, 'ba-ria-vung-tau'],
      ['Bà Rịa–Vũng Tàu', '2019-07-12', 'ba-ria-vung-tau'],
      ['tỉnh Bà Rịa- Vũng Tàu', '2019-07-12', 'ba-ria-vung-tau'],
      ['Thừa Thiên Huế', '2019-01-01', 'hue'],
      ['Thanh Hoá', '2024-01-01', 'thanh-hoa'],
      ['Đăk Lăk', '2024-01-01', 'dak-lak'],
      ['Bac Giang Province', undefined, 'bac-giang'],
      ['KIÊN GIANG', '2024-10-11', 'kien-giang'],
      ['khu vực phía Nam', undefined, 'south'],
      ['28 tỉnh, thành phố khu vực phía Bắc', undefined, 'north'],
      ['miền Trung - Tây Nguyên', undefined, 'central'],
      ['cả nước', undefined, 'national'],
      ['Bắc Ninh', '2024-01-01', 'bac-ninh'],
      ['Bắc Ninh', '2025-07-01', 'bac-ninh-2025'],
      ['Bắc Ninh', undefined, 'bac-ninh-2025'],
    ];
    for (const [text, date, id] of cases) assert.equal(findUnitByName(text, date)?.id, id, `${text} @ ${date}`);
  });

  it('finds nothing for a province no longer in force, and never names the unidentified province', () => {
    assert.equal(findUnitByName('Bắc Giang', '2025-08-01'), undefined);
    assert.equal(findUnitByName('Atlantis'), undefined);
    assert.deepEqual(findUnitsByName('Tỉnh chưa nêu tên (bài 003)'), []);
    assert.deepEqual(ids(findUnitsByName('Bắc Ninh')).sort(), ['bac-ninh', 'bac-ninh-2025']);
  });
});

describe('the unnamed province of article 003', () => {
  it('is a province flagged unidentified, in no region and no count', () => {
    const u = masterData().unitById.get('unnamed-province-003')!;
    assert.equal(u.level, 'province');
    assert.equal(u.unidentified, true);
    assert.equal(u.code, null);
    assert.equal(u.name_vi, 'Tỉnh chưa nêu tên (bài 003)');
    assert.equal(u.name_en, 'Unnamed province (article 003)');
    assert.deepEqual(masterData().memberships.filter((m) => m.unit === u.id), []);
    assert.ok(!ids(unitsInForce('2019-10-07')).includes(u.id));
    assert.ok(ids(unitsInForce('2019-10-07', { includeUnidentified: true })).includes(u.id));
  });
});

describe('ministry units', () => {
  it('lists the agencies and departments the seeds name, with the Planning Department renamed in 2025', () => {
    const md = masterData();
    for (const name of ['Cục Công Thương địa phương', 'Cục Hóa chất', 'Cục Điều tiết điện lực', 'Cục Thương mại điện tử và Kinh tế số', 'Cục Xúc tiến thương mại', 'Vụ Thị trường trong nước', 'Vụ Khoa học và Công nghệ', 'Vụ Kế hoạch']) {
      assert.ok(md.ministryUnits.some((m) => m.name_vi === name), name);
    }
    const vkh = md.ministryUnitById.get('vu-ke-hoach')!;
    const next = md.ministryUnitById.get(vkh.successor!)!;
    assert.equal(next.name_vi, 'Vụ Kế hoạch, Tài chính và Quản lý doanh nghiệp');
    assert.equal(next.valid_from?.slice(0, 4), '2025');
    assert.ok(md.ministryUnits.every((m) => m.kind === 'cục' || m.kind === 'vụ'));
    assert.ok(md.ministryUnits.find((m) => m.id === 'vu-khoa-hoc-va-cong-nghe')!.aliases.includes('Vụ Khoa học công nghệ'));
  });
});

describe('indicators', () => {
  it('has every code of the contracts', () => {
    for (const code of ['iip', 'industrial_output_value', 'retail_services', 'exports', 'imports', 'trade_balance', 'import_export_total',
      'clusters_count', 'clusters_operating', 'clusters_area_ha', 'clusters_projects', 'clusters_capital', 'clusters_jobs', 'markets',
      'supermarkets', 'malls', 'fuel_stations']) {
      assert.ok(indicatorByCode(code), code);
    }
    const products = masterData().indicators.filter((i) => i.code.startsWith('product_'));
    assert.ok(products.length >= 20);
    assert.equal(indicatorByCode('product_electricity')?.base_unit, 'triệu kWh');
    assert.equal(indicatorByCode('product_cement')?.base_unit, 'nghìn tấn');
    assert.ok(indicatorByCode('product_rolled_steel'));
  });

  it('aggregates as the domain says', () => {
    const iip = indicatorByCode('iip')!;
    assert.equal(iip.nature, 'index');
    assert.equal(iip.aggregation, 'weighted_index');
    assert.match(iip.weights!.basis_en, /value added/);
    assert.equal(indicatorByCode('trade_balance')!.formula, 'exports - imports');
    assert.equal(indicatorByCode('import_export_total')!.formula, 'exports + imports');
    assert.equal(indicatorByCode('retail_services')!.nature, 'flow');
    for (const c of ['clusters_count', 'clusters_area_ha', 'markets', 'fuel_stations']) assert.equal(indicatorByCode(c)!.nature, 'stock', c);
    assert.equal(evaluateFormula('exports - imports', { exports: 108400, imports: 96410 }), 11990);
    assert.equal(evaluateFormula('exports - imports', { exports: 108400, imports: null }), null, 'missing is never zero');
  });

  it('displays with its ladder: 2.442.330 tỷ đồng reads as 2.442,33 nghìn tỷ đồng, 73.809 stays in tỷ đồng', () => {
    const retail = indicatorByCode('retail_services')!;
    assert.deepEqual(toDisplay(retail, 2442330), { value: 2442.33, unit: 'nghìn tỷ đồng', unit_en: 'trillion VND', decimals: 1 });
    assert.equal(toDisplay(indicatorByCode('clusters_capital')!, 73809).unit, 'tỷ đồng');
    assert.equal(toDisplay(indicatorByCode('exports')!, 108400).unit, 'tỷ USD');
    assert.equal(toDisplay(indicatorByCode('exports')!, 137).unit, 'triệu USD');
  });

  it('allows the disaggregations of the domain, commodity groups filtered by flow', () => {
    assert.ok(indicatorByCode('exports')!.disaggregations.includes('commodity_group'));
    assert.ok(indicatorByCode('exports')!.disaggregations.includes('partner_market'));
    assert.ok(indicatorByCode('iip')!.disaggregations.includes('industry'));
    assert.ok(indicatorByCode('retail_services')!.disaggregations.includes('retail_type'));
    const md = masterData();
    const exp = allowedOptions(md, 'exports', 'commodity_group').map((o) => o.code);
    const imp = allowedOptions(md, 'imports', 'commodity_group').map((o) => o.code);
    assert.ok(exp.includes('rice') && !imp.includes('rice'));
    assert.ok(imp.includes('cars_complete') && !exp.includes('cars_complete'));
    assert.deepEqual(allowedOptions(md, 'clusters_count', 'industry'), []);
  });
});

describe('dimensions', () => {
  it('has the commodity groups, markets, sectors, VSIC industries and retail types', () => {
    const d = masterData().dimensionByCode;
    const n = (c: string) => d.get(c)!.options.length;
    assert.ok(n('commodity_group') >= 20 && n('commodity_group') <= 40);
    assert.ok(n('partner_market') >= 20 && n('partner_market') <= 30);
    assert.deepEqual(d.get('economic_sector')!.options.map((o) => o.code), ['state', 'non_state', 'fdi']);
    const sections = d.get('industry')!.options.filter((o) => o.level === 'section').map((o) => o.code);
    assert.deepEqual(sections, ['B', 'C', 'D', 'E']);
    assert.ok(d.get('industry')!.options.some((o) => o.code === '26' && o.parent === 'C'));
    assert.deepEqual(d.get('retail_type')!.options.map((o) => o.code), ['retail_goods', 'accommodation_food', 'travel', 'other_services']);
  });
});

describe('units of measure', () => {
  it('converts within a quantity and refuses across quantities', () => {
    const md = masterData();
    assert.equal(convert(md, 2442, 'nghìn tỷ đồng', 'tỷ đồng'), 2442000);
    assert.equal(convert(md, 119.79, 'tỷ USD', 'triệu USD'), 119790);
    assert.equal(convert(md, 1.5, 'tỷ kWh', 'triệu kWh'), 1500);
    assert.equal(convert(md, 2, 'triệu tấn', 'nghìn tấn'), 2000);
    assert.equal(convert(md, 162810, 'lao động', 'người'), 162810);
    assert.equal(convert(md, 7.7, 'tỷ đồng', 'triệu USD'), undefined);
    assert.equal(findUnitOfMeasure(md, 'ngàn tỷ đồng')?.code, 'nghìn tỷ đồng');
    assert.equal(findUnitOfMeasure(md, 'TỶ USD')?.code, 'tỷ USD');
    assert.equal(findUnitOfMeasure(md, 'm2')?.code, 'm²');
  });
});

describe('files', () => {
  it('every file carries a version, communes are a header only', () => {
    const md = loadMasterData();
    assert.equal(Object.keys(md.versions).length, 9);
    for (const [f, v] of Object.entries(md.versions)) assert.ok(String(v).length > 0, f);
    assert.deepEqual(md.communes, []);
  });
});
