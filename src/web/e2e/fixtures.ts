// Test data for the browser tests (and for looking at the app by hand): on top of the demo store,
// deterministic, clearly made-up provincial figures for the Northern region — retail, exports and the
// IIP for the first 9 months of 2018–2024 and annual totals 2023–2025 (63 provinces before July 2025,
// 34 after) — and small boundary files made here, not the real ones.
import type { Db } from '../../db/database.ts';
import { reference } from '../../catalogue/reference.ts';
import { importValues } from '../../collection/importValues.ts';
import { loadWeights } from '../../catalogue/weights.ts';

/** A deterministic number in [0, 1) for a key. */
function unit01(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function loadProvinceFixture(db: Db): Promise<{ rows: number }> {
  const ref = await reference(db);
  const north = ref.unitsBySlug.get('north')!;
  const before = ref.membersOn(north.id, '2024-09-30');
  const after = ref.membersOn(north.id, '2025-12-31');
  const rows: Array<Record<string, unknown>> = [];
  const level = (slug: string, ind: string) => (ind === 'retail_services' ? 20_000 : 900) * (0.4 + 3 * unit01(`${slug}|${ind}`));
  for (const u of before) {
    for (const ind of ['retail_services', 'exports'] as const) {
      let v = level(u.slug, ind);
      for (let y = 2018; y <= 2024; y++) {
        v *= 1.03 + 0.15 * unit01(`${u.slug}|${ind}|${y}`);
        rows.push({ place: u.slug, indicator: ind, period: `9T/${y}`, value: round1(v), status: y === 2024 && unit01(`${u.slug}|est`) < 0.2 ? 'estimate' : 'official' });
      }
      // annual totals 2023 and 2024 (the base of 2025's growth across the merger)
      for (const y of [2023, 2024]) rows.push({ place: u.slug, indicator: ind, period: String(y), value: round1(level(u.slug, ind) * (1.2 + 0.1 * (y - 2023)) * 1.35), status: 'official' });
    }
    rows.push({ place: u.slug, indicator: 'retail_services', period: '2024', value: round1(level(u.slug, 'retail_services') * 2.2), status: 'plan' });
    for (let y = 2019; y <= 2024; y++) {
      rows.push({ place: u.slug, indicator: 'iip', period: `9T/${y}`, value: round1(100 + 2 + 14 * unit01(`${u.slug}|iip|${y}`)), status: 'official' });
    }
  }
  for (const u of after) {
    for (const ind of ['retail_services', 'exports'] as const) {
      const parts = ref.unitsCoveringOn(u.id, '2024-12-31').map((id) => ref.unitsById.get(id)!.slug);
      const base = parts.reduce((s, p) => s + level(p, ind) * 1.3 * 1.35, 0);
      rows.push({ place: u.slug, indicator: ind, period: '2025', value: round1(base * (1.02 + 0.12 * unit01(`${u.slug}|${ind}|2025`))), status: 'official' });
    }
  }
  const r = await importValues(db, rows, { actor: 'e2e-fixture', kind: 'import', note: 'synthetic figures for browser tests' });
  // IIP weights (made up, like the figures): the regional index is their weighted mean.
  await loadWeights(db, [...new Set([...before, ...after])].map((u) => ({ unit: u.slug, indicator: 'iip', base_year: 2020, weight: Math.round(1000 + 9000 * unit01(`${u.slug}|w`)) })));
  return { rows: r.rows };
}

/** A tiny GeoJSON for the 34-province map: squares near the real places of a few units (matched by
 *  name, one by code), an island group for Khánh Hòa, and one shape that matches nothing. */
export function smallBoundaryFile(): unknown {
  const square = (lon: number, lat: number, r = 0.35) => [[[lon - r, lat - r], [lon + r, lat - r], [lon + r, lat + r], [lon - r, lat + r], [lon - r, lat - r]]];
  const f = (props: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties: props, geometry: { type, coordinates } });
  return {
    type: 'FeatureCollection',
    features: [
      f({ ten_tinh: 'TP Hà Nội' }, square(105.8, 21.0)),
      f({ ten_tinh: 'Tuyên Quang' }, square(105.2, 22.2)),
      f({ ten_tinh: 'Thành phố Hải Phòng' }, square(106.6, 20.8)),
      f({ ma_tinh: '24' }, square(106.2, 21.2, 0.25)),
      f({ ten_tinh: 'Thanh Hoá' }, square(105.4, 19.9)),
      f({ ten_tinh: 'Đà Nẵng' }, square(108.0, 15.9)),
      f({ ten_tinh: 'Khánh Hoà' }, [square(108.9, 12.3), square(114.2, 9.9, 0.05), square(113.9, 10.4, 0.04)], 'MultiPolygon'),
      f({ ten_tinh: 'TP HCM' }, square(106.7, 10.8)),
      f({ ten_tinh: 'Tỉnh Không Có Thật' }, square(104.0, 11.0)),
    ],
  };
}
