import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { UnitRef } from '../reference.ts';
import {
  BoundaryFileError, cleanRing, codeKey, matchFeatures, nameKey, prepareGeometry, readBoundaryFile, ringArea2, type Ring,
} from './boundaries.ts';

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
];

const square = (lon: number, lat: number, r = 0.5) => [[[lon - r, lat - r], [lon + r, lat - r], [lon + r, lat + r], [lon - r, lat + r], [lon - r, lat - r]]];
const feature = (properties: Record<string, unknown>, coordinates: unknown = square(105, 21), type = 'Polygon') =>
  ({ type: 'Feature', properties, geometry: { type, coordinates } });

describe('boundary files', () => {
  test('names compare without accents, prefixes, spaces or the old/new tone placement', () => {
    assert.equal(nameKey('Thành phố Hồ Chí Minh'), nameKey('Ho Chi Minh City'));
    assert.equal(nameKey('TP. Hồ Chí Minh'), 'hochiminh');
    assert.equal(nameKey('Hoà Bình'), nameKey('Tỉnh Hòa Bình'));
    assert.equal(nameKey('Bà Rịa - Vũng Tàu'), nameKey('Ba Ria–Vung Tau'));
    assert.equal(nameKey('Đắk Lắk'), 'daklak');
  });

  test('codes are read the statistics office way, and only when they are plain numbers', () => {
    assert.equal(codeKey('1'), '01');
    assert.equal(codeKey(79), '79');
    assert.equal(codeKey('VN01'), null);
    assert.equal(codeKey(''), null);
  });

  test('reads GeoJSON collections, single features, bare geometries and TopoJSON objects', () => {
    assert.equal(readBoundaryFile({ type: 'FeatureCollection', features: [feature({ a: 1 }), feature({ a: 2 })] }).length, 2);
    assert.equal(readBoundaryFile(JSON.stringify(feature({ name: 'x' })))[0]!.properties.name, 'x');
    assert.equal(readBoundaryFile({ type: 'Polygon', coordinates: square(1, 1) })[0]!.geometry!.type, 'Polygon');
    const topology = {
      type: 'Topology',
      arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      objects: { provinces: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { ten_tinh: 'Hà Nội' } }] } },
    };
    const fs = readBoundaryFile(topology);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.properties.ten_tinh, 'Hà Nội');
    assert.deepEqual(fs[0]!.geometry!.type, 'Polygon');
    assert.throws(() => readBoundaryFile(topology, { object: 'nope' }), (e: unknown) => e instanceof BoundaryFileError && /provinces/.test(e.messageVi));
    assert.throws(() => readBoundaryFile('{not json'), BoundaryFileError);
    assert.throws(() => readBoundaryFile({ type: 'Point', coordinates: [1, 2] }), BoundaryFileError);
  });

  test('matches by name, by code, approximately, and reports what did not match', () => {
    const features = readBoundaryFile({
      type: 'FeatureCollection',
      features: [
        feature({ ten_tinh: 'TP Hà Nội' }),
        feature({ ten_tinh: 'TP HCM' }),
        feature({ ten_tinh: 'Hoà Bình' }),
        feature({ ten_tinh: 'Thừa Thiên Huế' }),
        feature({ ten_tinh: 'Đắc Lắc' }), // misspelt: matched approximately
        feature({ ten_tinh: 'Tỉnh Không Có' }),
        feature({ ten_tinh: 'Bà Rịa - Vũng Tàu' }, [square(107, 10.5), square(106.6, 8.7, 0.1)], 'MultiPolygon'),
        feature({ ten_tinh: 'Bà Rịa Vũng Tàu' }, square(107.2, 10.4)), // a second part: merged
        feature({ ten_tinh: 'Điểm' }, [105, 21], 'Point'),
        feature({ ten_tinh: 'Hà Nội' }, [[[590000, 2300000], [600000, 2300000], [600000, 2310000], [590000, 2300000]]]), // metres
      ],
    });
    const { report, assignment } = matchFeatures(features, UNITS);
    assert.equal(report.nameProperty, 'ten_tinh');
    const by = new Map(report.matched.map((m) => [m.feature, m]));
    assert.equal(by.get(0)!.unit, 'ha-noi');
    assert.equal(by.get(1)!.unit, 'ho-chi-minh');
    assert.equal(by.get(2)!.unit, 'hoa-binh');
    assert.equal(by.get(3)!.unit, 'hue');
    assert.equal(by.get(4)!.unit, 'dak-lak');
    assert.equal(by.get(4)!.approximate, true);
    assert.equal(by.get(0)!.approximate, false);
    const reasons = Object.fromEntries(report.unmatched.map((u) => [u.feature, u.reason]));
    assert.deepEqual(reasons, { 5: 'no_unit', 8: 'not_polygon', 9: 'bad_coordinates' });
    assert.deepEqual(report.merged, [{ unit: 'ba-ria-vung-tau', features: [6, 7] }]);
    assert.deepEqual(assignment.get('ba-ria-vung-tau'), [6, 7]);
    assert.deepEqual(report.missingUnits, []);
  });

  test('matches by code when asked, and refuses a feature whose code and name disagree', () => {
    const features = readBoundaryFile({
      type: 'FeatureCollection',
      features: [feature({ ma_tinh: '1', ten_tinh: 'Hà Nội' }), feature({ ma_tinh: 79, ten_tinh: 'Hà Nội' }), feature({ ma_tinh: '66' }), feature({ ma_tinh: '99' })],
    });
    const auto = matchFeatures(features, UNITS);
    assert.equal(auto.report.codeProperty, 'ma_tinh');
    assert.deepEqual(auto.report.matched.map((m) => [m.feature, m.unit, m.by]), [[0, 'ha-noi', 'code'], [2, 'dak-lak', 'code']]);
    assert.deepEqual(auto.report.unmatched.map((u) => [u.feature, u.reason]), [[1, 'conflict'], [3, 'no_unit']]);
    const byCode = matchFeatures(features, UNITS, { by: 'code', property: 'ma_tinh' });
    assert.deepEqual(byCode.report.matched.map((m) => m.unit), ['ha-noi', 'ho-chi-minh', 'dak-lak']);
    assert.deepEqual(byCode.report.missingUnits.map((m) => m.unit).sort(), ['ba-ria-vung-tau', 'hoa-binh', 'hue']);
  });

  test('geometries are wound for d3-geo (exterior clockwise, holes counter-clockwise), simplified and rounded', () => {
    const ccwExterior: Ring = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    const cwHole: Ring = [[0.5, 0.5], [0.5, 1.5], [1.5, 1.5], [1.5, 0.5], [0.5, 0.5]];
    const g = prepareGeometry([{ type: 'Polygon', coordinates: [ccwExterior, cwHole] }]);
    assert.equal(g.type, 'MultiPolygon');
    assert.ok(ringArea2(g.coordinates[0]![0]!) < 0, 'exterior clockwise');
    assert.ok(ringArea2(g.coordinates[0]![1]!) > 0, 'hole counter-clockwise');
    // a dense straight edge loses its inner points; a tiny island keeps its shape
    const dense: Ring = [[0, 0], ...Array.from({ length: 99 }, (_, i) => [(i + 1) / 100, 0] as [number, number]), [1, 0], [1, 1], [0, 1], [0, 0]];
    assert.ok(cleanRing(dense, 0.002)!.length <= 6);
    const island: Ring = [[114.2, 9.9], [114.2004, 9.9], [114.2004, 9.9004], [114.2, 9.9004], [114.2, 9.9]];
    assert.equal(cleanRing(island, 0.002)!.length, 5);
    const rounded = prepareGeometry([{ type: 'Polygon', coordinates: [[[105.123456, 21.987654], [106, 21.9], [106, 23], [105.123456, 21.987654]]] }]);
    assert.deepEqual(rounded.coordinates[0]![0]!.find((p) => p[0] < 105.2), [105.1235, 21.9877]);
  });
});
