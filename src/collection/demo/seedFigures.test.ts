import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { masterData } from '../../catalogue/masterData.ts';
import { DEMO_DIR, loadSeedFigures, SeedFiguresError, type SeedFigure } from './seedFigures.ts';

const set = loadSeedFigures(masterData());
const byId = (id: string): SeedFigure => {
  const f = set.figures.find((x) => x.id === id);
  assert.ok(f, id);
  return f;
};

/** A number as Vietnamese text writes it: 2.841.141; 11,87. */
function vi(n: number): string {
  const [int, dec] = String(Math.abs(n)).split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (dec ? `,${dec}` : '');
}

describe('seed figures', () => {
  it('every figure validates against the master data', () => {
    assert.equal(set.figures.length, 25);
    assert.equal(set.unmapped.length, 2);
  });

  it('the count per document matches what was annotated', () => {
    const count = (doc: string) => set.figures.filter((f) => f.source.document === doc).length;
    assert.deepEqual(
      Object.fromEntries(set.documents.map((d) => [d.id, count(d.id)])),
      { 'seed-000': 4, 'seed-001': 5, 'seed-002': 10, 'seed-003': 6, 'seed-004': 0 },
    );
    for (const d of set.documents) {
      assert.equal(count(d.id), d.figures_annotated, d.id);
      assert.equal(set.unmapped.filter((u) => u.source.document === d.id).length, d.unmapped_annotated, d.id);
    }
  });

  it('South, 9 months 2024, retail: "hơn 2.442 nghìn tỷ đồng" is 2,442,000 tỷ đồng, qualifier hơn, +12,47%', () => {
    const f = byId('seed-002-08');
    assert.equal(f.place, 'south');
    assert.equal(f.indicator, 'retail_services');
    assert.equal(f.period, '9T/2024');
    assert.equal(f.period_key, 2024409);
    assert.equal(f.value, 2442);
    assert.equal(f.unit, 'nghìn tỷ đồng');
    assert.equal(f.qualifier, 'hơn');
    assert.equal(f.value_base, 2442000);
    assert.equal(f.base_unit, 'tỷ đồng');
    assert.equal(f.growth_pct, 12.47);
  });

  it('exports and imports convert from tỷ USD to triệu USD; jobs from "lao động" to người', () => {
    assert.equal(byId('seed-002-09').value_base, 108400);
    assert.equal(byId('seed-002-10').value_base, 96410);
    assert.equal(byId('seed-000-04').value_base, 119790);
    assert.equal(byId('seed-002-07').value_base, 162810);
    assert.equal(byId('seed-002-07').base_unit, 'người');
  });

  it('keeps the "trên 7,7 tỷ đồng" trade surplus as printed, unconverted, with a note', () => {
    const f = byId('seed-000-02');
    assert.equal(f.indicator, 'trade_balance');
    assert.equal(f.value, 7.7);
    assert.equal(f.unit, 'tỷ đồng');
    assert.equal(f.qualifier, 'trên');
    assert.equal(f.unit_as_printed, true);
    assert.equal(f.value_base, null);
    assert.match(f.note ?? '', /as printed/);
  });

  it("seed 000's estimates have an inferred period (2019), said so in a note", () => {
    for (const id of ['seed-000-03', 'seed-000-04']) {
      const f = byId(id);
      assert.equal(f.period, '2019');
      assert.equal(f.period_inferred, true);
      assert.equal(f.status, 'estimate');
      assert.match(f.note ?? '', /inferred/);
    }
    assert.equal(byId('seed-000-03').value_base, 2841141);
  });

  it("seed 003's province is never identified", () => {
    const figs = set.figures.filter((f) => f.source.document === 'seed-003');
    assert.ok(figs.every((f) => f.place === 'unnamed-province-003'));
    assert.equal(masterData().unitById.get('unnamed-province-003')!.unidentified, true);
    const plans = figs.filter((f) => f.status === 'plan').map((f) => f.indicator).sort();
    assert.deepEqual(plans, ['exports', 'iip', 'retail_services']);
    const exports9 = figs.find((f) => f.indicator === 'exports' && f.period === '9T/2019')!;
    assert.equal(exports9.pct_of_plan, 72);
    assert.equal(exports9.growth_pct, null, 'a fall of unstated size is not 0');
  });

  it('every quote carries the numbers of its record, written the Vietnamese way', () => {
    for (const f of set.figures) {
      const q = f.source.quote;
      if (f.value !== null) assert.ok(q.includes(vi(f.value)), `${f.id}: ${vi(f.value)} in "${q}"`);
      if (f.growth_pct !== null) assert.ok(q.includes(vi(f.growth_pct)), `${f.id}: ${vi(f.growth_pct)} in "${q}"`);
      if (f.pct_of_plan !== null) assert.ok(q.includes(vi(f.pct_of_plan)), `${f.id}: ${vi(f.pct_of_plan)} in "${q}"`);
      if (f.qualifier) assert.ok(q.includes(f.qualifier), `${f.id}: ${f.qualifier} in "${q}"`);
      if (f.unit) assert.ok(q.includes(f.unit), `${f.id}: ${f.unit} in "${q}"`);
    }
  });

  it('non-indicator figures are kept apart: 6/20 provinces above the average, power coverage 100%', () => {
    const above = set.unmapped.find((u) => u.kind === 'provinces_above_average')!;
    assert.equal(above.value, 6);
    assert.equal(above.of, 20);
    assert.deepEqual(above.members, ['tra-vinh', 'binh-phuoc', 'kien-giang', 'tay-ninh', 'vinh-long', 'ben-tre']);
    const power = set.unmapped.find((u) => u.source.document === 'seed-004')!;
    assert.equal(power.value, 100);
    assert.equal(power.status, 'plan');
    assert.ok(set.figures.every((f) => masterData().indicatorByCode.has(f.indicator)));
  });

  it('documents describe the articles without their text', () => {
    assert.deepEqual(set.documents.map((d) => d.id), ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    assert.equal(set.documents.find((d) => d.id === 'seed-004')!.url?.startsWith('https://congthuong.vn/'), true);
    assert.equal(set.documents.find((d) => d.id === 'seed-001')!.event_date, '2019-05-24');
    for (const d of set.documents) assert.ok(d.summary_vi.length < 400 && d.summary_en.length < 400, d.id);
  });
});

describe('seed figure validation', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  function broken(edit: (d: any) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'congthuong-seed-'));
    dirs.push(dir);
    cpSync(DEMO_DIR, dir, { recursive: true });
    const path = join(dir, 'seed-figures.json');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    edit(data);
    writeFileSync(path, JSON.stringify(data));
    return dir;
  }
  const error = (dir: string) => {
    try {
      loadSeedFigures(masterData(), dir);
    } catch (e) {
      assert.ok(e instanceof SeedFiguresError);
      return e.message;
    }
    assert.fail('should fail');
  };

  it('rejects an unknown place or indicator, an unconvertible unit, a non-canonical period, a wrong count', () => {
    let m = error(broken((d) => (d.figures[0].place = 'atlantis')));
    assert.match(m, /figures\[1\] \(id "seed-000-01"\): không có đơn vị "atlantis"/);
    assert.match(m, /unknown place "atlantis"/);

    m = error(broken((d) => (d.figures[3].indicator = 'other')));
    assert.match(m, /không có chỉ tiêu "other"/);

    m = error(broken((d) => (d.figures.find((f: any) => f.id === 'seed-002-09').unit = 'tỷ đồng')));
    assert.match(m, /đơn vị "tỷ đồng" không quy đổi được sang đơn vị gốc "triệu USD"/);
    assert.match(m, /unit "tỷ đồng" does not convert to "exports"'s base unit "triệu USD"/);

    m = error(broken((d) => (d.figures[0].period = 'H1/2019')));
    assert.match(m, /kỳ "H1\/2019" không ở dạng chuẩn: dùng "6T\/2019"/);

    m = error(broken((d) => d.figures.pop()));
    assert.match(m, /documents\.json, id "seed-003": đã chú giải 6 số liệu/);

    m = error(broken((d) => (d.figures.find((f: any) => f.id === 'seed-002-08').place = 'bac-ninh-2025')));
    assert.match(m, /"bac-ninh-2025" không có hiệu lực trong kỳ 9T\/2024/);
  });
});
