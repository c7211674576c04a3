// Boundary files (GeoJSON, TopoJSON): readBoundaryFile, matchFeatures against the units of a
// geography, and prepareGeometry of what matched — importBoundaries short of the store.
// BoundaryFileError is the reader's own refusal.
import fc from 'fast-check';
import {
  BoundaryFileError, bbox, matchFeatures, prepareGeometry, readBoundaryFile, reaches,
} from '../../../src/catalogue/geo/boundaries.ts';
import type { UnitRef } from '../../../src/catalogue/reference.ts';
import { mutateText, randomJson, randomText, type Rng } from '../gen.ts';
import { check, clip, sampleOne, type FuzzTarget } from '../target.ts';

const unit = (slug: string, code: string, nameVi: string, shortVi: string, aliases: string[] = [], meta: Record<string, unknown> = {}): UnitRef => ({
  id: slug.length, slug, code, level: 'province', nameVi, nameEn: `${shortVi} Province`, shortVi, shortEn: shortVi, validFrom: '1900-01-01', validTo: null,
  aliases, meta, unidentified: false,
});
const UNITS = [
  unit('ha-noi', '01', 'Thành phố Hà Nội', 'Hà Nội', ['Hanoi']),
  unit('ho-chi-minh', '79', 'Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh', ['TP HCM', 'HCM']),
  unit('dak-lak', '66', 'Tỉnh Đắk Lắk', 'Đắk Lắk'),
  unit('hoa-binh', '17', 'Tỉnh Hòa Bình', 'Hòa Bình'),
  unit('hue', '46', 'Thành phố Huế', 'Huế', [], { former_names: [{ name_vi: 'Tỉnh Thừa Thiên Huế', short_vi: 'Thừa Thiên Huế' }] }),
  unit('ba-ria-vung-tau', '77', 'Tỉnh Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu'),
  unit('khanh-hoa', '56', 'Tỉnh Khánh Hòa', 'Khánh Hòa'),
  unit('da-nang', '48', 'Thành phố Đà Nẵng', 'Đà Nẵng'),
];

const coord = fc.oneof(
  { arbitrary: fc.tuple(fc.double({ min: 100, max: 118, noNaN: true }), fc.double({ min: 7, max: 24, noNaN: true })), weight: 40 },
  { arbitrary: fc.tuple(fc.double(), fc.double()), weight: 1 },
  { arbitrary: fc.array(fc.oneof(fc.double(), fc.string({ maxLength: 3 }), fc.constant(null)), { maxLength: 4 }), weight: 1 },
);
const ring = fc.array(coord, { maxLength: 40 });
const polygon = fc.array(ring, { maxLength: 3 });
const geometry = fc.oneof(
  polygon.map((c) => ({ type: 'Polygon', coordinates: c })),
  fc.array(polygon, { maxLength: 3 }).map((c) => ({ type: 'MultiPolygon', coordinates: c })),
  fc.constantFrom({ type: 'Point', coordinates: [105, 21] }, null, { type: 'Polygon' }, { type: 'GeometryCollection', geometries: [] }),
);
const name = fc.oneof(fc.constantFrom(...UNITS.flatMap((u) => [u.nameVi, u.shortVi, u.slug, ...u.aliases])), fc.constantFrom('Ha Noi', 'TP.HCM', 'Hoà Bình', 'Thua Thien Hue', 'Dak Lak', 'Khánh Hoà'), fc.string({ maxLength: 12 }));
const code = fc.oneof(fc.constantFrom(...UNITS.map((u) => u.code), '1', 79, 'VN01', '', -1, 1e21), fc.string({ maxLength: 4 }));
const props = fc.record({ ten_tinh: name, ma_tinh: code, name: name, NAME_1: name, code }, { requiredKeys: [] });
const feature = fc.record({ type: fc.constantFrom('Feature', 'Feature', 'feature'), properties: fc.oneof(props, fc.constant(null), fc.string()), geometry });
const topology = fc.record({ arcs: fc.array(fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })), { maxLength: 8 }), { maxLength: 6 }), objects: fc.array(fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'GeometryCollection', 'Nope'), arcs: fc.array(fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 5 }), { maxLength: 3 }), properties: props }), { maxLength: 4 }), transform: fc.option(fc.record({ scale: fc.tuple(fc.double(), fc.double()), translate: fc.tuple(fc.double(), fc.double()) })) })
  .map(({ arcs, objects, transform }) => ({ type: 'Topology', arcs, ...(transform ? { transform } : {}), objects: { provinces: { type: 'GeometryCollection', geometries: objects } } }));
const file = fc.oneof(
  fc.array(feature, { maxLength: 10 }).map((features) => ({ type: 'FeatureCollection', features })),
  feature,
  geometry.filter((g) => g !== null),
  topology,
);
const opts = fc.record({ matchBy: fc.constantFrom('auto', 'code', 'name' as const), object: fc.option(fc.constantFrom('provinces', 'x', '__proto__')) });

const SEEDS = [
  JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten_tinh: 'Hà Nội', ma_tinh: '01' }, geometry: { type: 'Polygon', coordinates: [[[105, 21], [106, 21], [106, 22], [105, 22], [105, 21]]] } }] }),
  JSON.stringify({ type: 'Topology', arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], objects: { provinces: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { ten_tinh: 'Hà Nội' } }] } } }),
];

type In = { text: string; matchBy: 'auto' | 'code' | 'name'; object?: string };

export const target: FuzzTarget<In> = {
  name: 'boundaries',
  parsers: 'readBoundaryFile (GeoJSON, TopoJSON) → matchFeatures → prepareGeometry',
  limitMs: 1000,
  generate(r: Rng, kind, seed) {
    const o = sampleOne(opts, seed ^ 0x55);
    const base = { matchBy: o.matchBy, ...(o.object ? { object: o.object } : {}) };
    if (kind === 'structured') return { ...base, text: JSON.stringify(sampleOne(file, seed)) };
    if (kind === 'mutated') return { ...base, text: mutateText(r, r.bool(0.3) ? r.pick(SEEDS) : JSON.stringify(sampleOne(file, seed)), SEEDS) };
    return { ...base, text: r.bool(0.5) ? randomText(r, 300) : JSON.stringify(randomJson(r)) ?? '' };
  },
  run({ text, matchBy, object }) {
    const features = readBoundaryFile(text, { object });
    const { report, assignment } = matchFeatures(features, UNITS, { by: matchBy });
    check(report && typeof report === 'object', 'report');
    for (const [, idx] of assignment) {
      const g = prepareGeometry(idx.map((i) => features[i]!.geometry!));
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) check(Number.isFinite(p[0]) && Number.isFinite(p[1]), `non-finite coordinate ${p}`);
      bbox(g);
      reaches(g, 112, 16.5);
    }
    return assignment.size ? 'matched' : 'nothing matched';
  },
  allowed: (e) => (e instanceof BoundaryFileError ? 'BoundaryFileError' : null),
  show: (x) => `${x.matchBy}${x.object ? ` object=${x.object}` : ''} ${clip(x.text, 500)}`,
};
