import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makePeriod, type Period } from './core.ts';
import { formatPeriod } from './labels.ts';
import { parsePeriod } from './parse.ts';

const month = (y: number, n: number) => makePeriod('month', y, n);
const quarter = (y: number, n: number) => makePeriod('quarter', y, n);
const half = (y: number, n: number) => makePeriod('half', y, n);
const ytd = (y: number, n: number) => makePeriod('ytd', y, n);
const year = (y: number) => makePeriod('year', y);

describe('formatPeriod', () => {
  const cases: [Period, string, string, string, string][] = [
    [month(2024, 10), 'tháng 10/2024', 'October 2024', 'T10/2024', 'Oct 2024'],
    [quarter(2024, 3), 'quý III/2024', 'Q3 2024', 'Q3/2024', 'Q3 2024'],
    [half(2024, 1), '6 tháng đầu năm 2024', 'first 6 months of 2024', '6T/2024', '6M 2024'],
    [ytd(2024, 9), '9 tháng đầu năm 2024', 'first 9 months of 2024', '9T/2024', '9M 2024'],
    [year(2024), 'năm 2024', '2024', 'Năm 2024', '2024'],
    [half(2024, 2), '6 tháng cuối năm 2024', 'second half of 2024', 'H2/2024', 'H2 2024'],
  ];
  for (const [p, vi, en, viShort, enShort] of cases) {
    it(`labels ${vi}`, () => {
      assert.equal(formatPeriod(p, 'vi'), vi);
      assert.equal(formatPeriod(p, 'en'), en);
      assert.equal(formatPeriod(p, 'vi', { style: 'short' }), viShort);
      assert.equal(formatPeriod(p, 'en', { style: 'short' }), enShort);
    });
  }
  it('labels the canonical form of non-canonical input', () => {
    assert.equal(formatPeriod({ kind: 'quarter', year: 2024, n: 1 }, 'vi'), '3 tháng đầu năm 2024');
    assert.equal(formatPeriod({ kind: 'ytd', year: 2024, n: 12 }, 'en'), '2024');
  });
});

describe('parsePeriod', () => {
  const cases: [string, Period][] = [
    ['tháng 10/2024', month(2024, 10)],
    ['tháng 10 năm 2024', month(2024, 10)],
    ['T10/2024', month(2024, 10)],
    ['10/2024', month(2024, 10)],
    ['tháng 1-2025', month(2025, 1)],
    ['quý III/2024', quarter(2024, 3)],
    ['quý 3 năm 2024', quarter(2024, 3)],
    ['Quý iii/2024', quarter(2024, 3)],
    ['QUÝ IV/2024', quarter(2024, 4)],
    ['quý I/2024', ytd(2024, 3)],
    ['Q3/2024', quarter(2024, 3)],
    ['6 tháng đầu năm 2024', ytd(2024, 6)],
    ['6 tháng 2019', ytd(2019, 6)],
    ['6 tháng năm 2019', ytd(2019, 6)],
    ['nửa đầu năm 2019', ytd(2019, 6)],
    ['nửa cuối năm 2019', half(2019, 2)],
    ['6 tháng cuối năm 2024', half(2024, 2)],
    ['3 tháng cuối năm 2024', quarter(2024, 4)],
    ['4 tháng đầu năm 2019', ytd(2019, 4)],
    ['năm 2023', year(2023)],
    ['cả năm 2023', year(2023)],
    ['12 tháng năm 2023', year(2023)],
    ['1 tháng đầu năm 2023', month(2023, 1)],
    ['2024', year(2024)],
    ['9T/2024', ytd(2024, 9)],
    ['H1/2024', ytd(2024, 6)],
    ['H2/2024', half(2024, 2)],
    // without diacritics, any case, stray spacing
    ['thang 10/2024', month(2024, 10)],
    ['  THÁNG   10 / 2024. ', month(2024, 10)],
    ['9 thang dau nam 2024', ytd(2024, 9)],
    ['nua dau nam 2019', ytd(2019, 6)],
    // English
    ['October 2024', month(2024, 10)],
    ['oct 2024', month(2024, 10)],
    ['Q3 2024', quarter(2024, 3)],
    ['third quarter of 2024', quarter(2024, 3)],
    ['first 9 months of 2024', ytd(2024, 9)],
    ['first nine months of 2024', ytd(2024, 9)],
    ['9M 2024', ytd(2024, 9)],
    ['first half of 2024', ytd(2024, 6)],
    ['second half of 2024', half(2024, 2)],
    ['full year 2024', year(2024)],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => assert.deepEqual(parsePeriod(text), expected));
  }

  it('uses defaultYear when the text gives none', () => {
    assert.deepEqual(parsePeriod('9 tháng đầu năm', { defaultYear: 2024 }), ytd(2024, 9));
    assert.deepEqual(parsePeriod('9 tháng', { defaultYear: 2024 }), ytd(2024, 9));
    assert.deepEqual(parsePeriod('tháng 10', { defaultYear: 2024 }), month(2024, 10));
    assert.deepEqual(parsePeriod('cả năm', { defaultYear: 2024 }), year(2024));
    assert.equal(parsePeriod('9 tháng đầu năm'), null);
    assert.equal(parsePeriod('9 tháng', { defaultYear: 99999 }), null);
  });

  it('restricts to one language when asked', () => {
    assert.equal(parsePeriod('October 2024', { lang: 'vi' }), null);
    assert.equal(parsePeriod('tháng 10/2024', { lang: 'en' }), null);
    assert.deepEqual(parsePeriod('T10/2024', { lang: 'en' }), month(2024, 10));
    assert.deepEqual(parsePeriod('tháng 10/2024', { lang: 'vi' }), month(2024, 10));
  });

  it('returns null for texts that are not periods', () => {
    const notPeriods = ['', '   ', 'năm', '10', 'tháng 13/2024', 'quý V/2024', 'Q5/2024', '13 tháng 2024',
      '2.841.141', '1.618', 'doanh thu tháng 10/2024', 'tháng 10/2024 tăng 5%', '7 tháng cuối năm 2024',
      'H3/2024', '0/2024', 'tháng 10/1850', 'hello world', '12,5%'];
    for (const t of notPeriods) assert.equal(parsePeriod(t, { defaultYear: 2024 }), null, t);
    assert.equal(parsePeriod(undefined as unknown as string), null);
  });
});
