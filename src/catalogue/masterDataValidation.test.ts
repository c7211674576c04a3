// The loader's checks: a wrong row in any file stops the load with a message that names the file and
// the row, in Vietnamese then English.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_DATA_DIR, loadMasterData, MasterDataError } from './masterData.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the shipped data with one file edited. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'congthuong-md-'));
  dirs.push(dir);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const afterEdit = edit(before);
  assert.notEqual(afterEdit, before, 'the edit changed the file');
  writeFileSync(path, afterEdit);
  return dir;
}

function editJson(file: string, edit: (data: any) => void): string {
  return brokenCopy(file, (t) => {
    const data = JSON.parse(t);
    edit(data);
    return JSON.stringify(data, null, 2);
  });
}

function loadError(dir: string): MasterDataError {
  try {
    loadMasterData(dir);
  } catch (e) {
    assert.ok(e instanceof MasterDataError, String(e));
    return e;
  }
  assert.fail('the load should have failed');
}

/** The message has a Vietnamese part then an English part, both naming the file and row. */
function assertMessage(e: MasterDataError, file: string, rowVi: string, rowEn: string, vi: RegExp, en: RegExp): void {
  const [viPart, enPart] = e.message.split('Invalid master data');
  assert.ok(viPart && enPart, e.message);
  assert.ok(viPart.startsWith('Dữ liệu danh mục không hợp lệ'), e.message);
  const viLine = viPart.split('\n').find((l) => l.includes(file) && l.includes(rowVi) && vi.test(l));
  const enLine = enPart.split('\n').find((l) => l.includes(file) && l.includes(rowEn) && en.test(l));
  assert.ok(viLine, `Vietnamese line naming ${file}, ${rowVi}:\n${e.message}`);
  assert.ok(enLine, `English line naming ${file}, ${rowEn}:\n${e.message}`);
}

describe('master data validation', () => {
  it('the shipped files load', () => {
    assert.doesNotThrow(() => loadMasterData());
  });

  it('two units sharing a code on the same date', () => {
    const dir = editJson('units.json', (d) => {
      d.units.find((u: any) => u.id === 'hai-phong-2025').code = '24';
    });
    const idx = JSON.parse(readFileSync(join(dir, 'units.json'), 'utf8')).units.findIndex((u: any) => u.id === 'hai-phong-2025') + 1;
    assertMessage(loadError(dir), 'units.json', `mục ${idx} (id "hai-phong-2025")`, `item ${idx} (id "hai-phong-2025")`, /mã "24" trùng/, /code "24" is shared/);
  });

  it('a membership naming an unknown unit', () => {
    const dir = brokenCopy('region-memberships.csv', (t) => t + 'north,bac-giangg,2025-07-01,,conference-2025\n');
    const line = readFileSync(join(dir, 'region-memberships.csv'), 'utf8').trimEnd().split('\n').length;
    assertMessage(loadError(dir), 'region-memberships.csv', `dòng ${line}`, `line ${line}`, /không có tỉnh, thành phố "bac-giangg"/, /unknown province "bac-giangg"/);
  });

  it('a membership outside the unit validity', () => {
    const dir = brokenCopy('region-memberships.csv', (t) => t + 'central,bac-giang,2025-07-01,,conference-2025\n');
    const line = readFileSync(join(dir, 'region-memberships.csv'), 'utf8').trimEnd().split('\n').length;
    assertMessage(loadError(dir), 'region-memberships.csv', `dòng ${line}`, `line ${line}`, /không có hiệu lực suốt/, /is not valid throughout/);
  });

  it('a successor that does not start the day after its predecessor ends', () => {
    const dir = editJson('units.json', (d) => {
      d.units.find((u: any) => u.id === 'bac-giang').valid_to = '2025-06-29';
    });
    const lines = readFileSync(join(dir, 'successions.csv'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('bac-giang,')) + 1;
    assertMessage(loadError(dir), 'successions.csv', `dòng ${line}`, `line ${line}`, /phải bắt đầu ngay sau ngày "bac-giang" kết thúc/, /must start the day after "bac-giang" ends/);
  });

  it('a province that ends without a successor', () => {
    const dir = brokenCopy('successions.csv', (t) => t.replace(/^bac-giang,.*\n/m, ''));
    const e = loadError(dir);
    assert.match(e.message, /units\.json, mục \d+ \(id "bac-giang"\): tỉnh kết thúc ngày 2025-06-30 nhưng không có đơn vị kế thừa/);
    assert.match(e.message, /units\.json, item \d+ \(id "bac-giang"\): province ends on 2025-06-30 but has no successor/);
  });

  it('a derived formula naming an unknown indicator', () => {
    const dir = editJson('indicators.json', (d) => {
      d.indicators.find((i: any) => i.code === 'trade_balance').formula = 'exports - importz';
    });
    const idx = JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')).indicators.findIndex((i: any) => i.code === 'trade_balance') + 1;
    assertMessage(loadError(dir), 'indicators.json', `mục ${idx} (id "trade_balance")`, `item ${idx} (id "trade_balance")`, /chỉ tiêu không có "importz"/, /unknown indicator "importz"/);
  });

  it('a ladder factor that is not positive, or disagrees with the units of measure', () => {
    let dir = editJson('indicators.json', (d) => {
      d.indicators.find((i: any) => i.code === 'retail_services').ladder[1].factor = 0;
    });
    let idx = JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')).indicators.findIndex((i: any) => i.code === 'retail_services') + 1;
    assertMessage(loadError(dir), 'indicators.json', `mục ${idx} (id "retail_services")`, `item ${idx} (id "retail_services")`, /ladder\.1\.factor.*phải > 0/, /ladder\.1\.factor.*must be > 0/);

    dir = editJson('indicators.json', (d) => {
      d.indicators.find((i: any) => i.code === 'exports').ladder[1].factor = 100;
    });
    idx = JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')).indicators.findIndex((i: any) => i.code === 'exports') + 1;
    assertMessage(loadError(dir), 'indicators.json', `mục ${idx} (id "exports")`, `item ${idx} (id "exports")`, /hệ số 100 khác 1000/, /factor 100 differs from 1000/);
  });

  it('a misspelt field, an unknown base unit, a bad date', () => {
    let dir = editJson('units.json', (d) => {
      const u = d.units[0];
      u.vaild_to = u.valid_to;
      delete u.valid_to;
    });
    let e = loadError(dir);
    assert.match(e.message, /units\.json, mục 1 \(id "ha-noi"\)/);
    assert.match(e.message, /units\.json, item 1 \(id "ha-noi"\)/);

    dir = editJson('indicators.json', (d) => {
      d.indicators[0].base_unit = 'điểm';
    });
    e = loadError(dir);
    assert.match(e.message, /đơn vị gốc "điểm" không có trong units-of-measure\.json/);
    assert.match(e.message, /base unit "điểm" is not in units-of-measure\.json/);

    dir = brokenCopy('successions.csv', (t) => t.replace('bac-giang,bac-ninh-2025,2025-07-01', 'bac-giang,bac-ninh-2025,2025-13-01'));
    e = loadError(dir);
    assert.match(e.message, /successions\.csv, dòng \d+: trường "effective_date"/);
  });

  it('a province left out of every region, and the unidentified province put in one', () => {
    let dir = brokenCopy('region-memberships.csv', (t) => t.replace(/^south,binh-thuan,.*\n/m, ''));
    let e = loadError(dir);
    assert.match(e.message, /"binh-thuan" không thuộc khu vực nào vào ngày/);
    assert.match(e.message, /"binh-thuan" belongs to no region on/);

    dir = brokenCopy('region-memberships.csv', (t) => t + 'south,unnamed-province-003,2019-01-01,2019-12-31,other\n');
    e = loadError(dir);
    assert.match(e.message, /chưa xác định: không thuộc khu vực nào/);
    assert.match(e.message, /is unidentified: it belongs to no region/);
  });

  it('a commune whose province does not exist over its validity', () => {
    const dir = brokenCopy('communes.csv', (t) => t + 'test-xa-thu,99999,Xã Thử,Test Commune,xa,bac-giang,2025-07-01,,,\n');
    const e = loadError(dir);
    assert.match(e.message, /communes\.csv, dòng \d+: tỉnh "bac-giang" không có hiệu lực/);
  });

  it('lists every problem at once', () => {
    const dir = editJson('indicators.json', (d) => {
      d.indicators.find((i: any) => i.code === 'trade_balance').formula = 'exports - importz';
      d.indicators.find((i: any) => i.code === 'import_export_total').formula = 'exportz + imports';
    });
    assert.equal(loadError(dir).issues.length, 2);
  });
});
