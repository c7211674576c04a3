import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../../db/testing.ts';
import type { Db } from '../../db/database.ts';
import { loadMasterData } from '../masterData.ts';
import { loadMasterDataIntoStore } from '../catalogueStore.ts';
import { reference } from '../reference.ts';
import { buildApp } from '../../server/app.ts';
import { signInAs } from '../../access/testing.ts';
import { geographyOn, tileGrid, tileLayout, unitsOfGeography, GEOGRAPHY_IDS } from './geographies.ts';

let db: Db;
let app: FastifyInstance;
before(async () => {
  db = await openTestDb();
  await loadMasterDataIntoStore(db, loadMasterData());
  app = await buildApp({ db });
});
after(async () => {
  await app.close();
  await db.close();
});

const square = (lon: number, lat: number, r = 0.3) => [[[lon - r, lat - r], [lon + r, lat - r], [lon + r, lat + r], [lon - r, lat + r], [lon - r, lat - r]]];
const small34 = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ten_tinh: 'TP Hà Nội' }, geometry: { type: 'Polygon', coordinates: square(105.8, 21) } },
    { type: 'Feature', properties: { ten_tinh: 'Bắc Ninh' }, geometry: { type: 'Polygon', coordinates: square(106.1, 21.2) } },
    { type: 'Feature', properties: { ten_tinh: 'Không có tỉnh này' }, geometry: { type: 'Polygon', coordinates: square(104, 12) } },
  ],
};

describe('map geographies', () => {
  test('the 63 and the 34 tile grids place every province of their date once, laid out on distinct cells', async () => {
    const ref = await reference(db);
    for (const g of GEOGRAPHY_IDS) {
      const units = unitsOfGeography(ref, g);
      assert.equal(units.length, Number(g));
      const grid = tileGrid(ref, g);
      assert.deepEqual(grid.unplaced, []);
      assert.equal(grid.tiles.length, Number(g));
      const cells = [...grid.tiles, ...grid.archipelagos].map((t) => `${t.row},${t.col}`);
      assert.equal(new Set(cells).size, cells.length, `distinct cells in ${g}`);
      assert.equal(new Set(tileLayout(g).tiles.map((t) => t.code)).size, Number(g));
    }
  });

  test('Hoàng Sa belongs to Đà Nẵng and Trường Sa to Khánh Hòa on both maps', async () => {
    const ref = await reference(db);
    assert.deepEqual(tileGrid(ref, '63').archipelagos.map((a) => [a.id, a.unit]), [['hoang-sa', 'da-nang'], ['truong-sa', 'khanh-hoa']]);
    assert.deepEqual(tileGrid(ref, '34').archipelagos.map((a) => [a.id, a.unit]), [['hoang-sa', 'da-nang-2025'], ['truong-sa', 'khanh-hoa-2025']]);
  });

  test('a date is drawn on the geography in force then', () => {
    assert.equal(geographyOn('2025-06-30'), '63');
    assert.equal(geographyOn('2025-07-01'), '34');
    assert.equal(geographyOn('2019-12-31'), '63');
  });

  test('GET /api/geo lists both maps and which is in force; GET /api/geo/:g returns the grid', async () => {
    const list = (await app.inject('/api/geo?date=2024-09-30')).json();
    assert.equal(list.current, '63');
    assert.deepEqual(list.geographies.map((g: any) => [g.id, g.units, g.boundaries.count]), [['63', 63, 0], ['34', 34, 0]]);
    const grid = (await app.inject('/api/geo/34')).json();
    assert.equal(grid.tiles.length, 34);
    assert.ok(grid.tiles.find((t: any) => t.unit === 'bac-ninh-2025' && t.code === '24'));
    assert.equal((await app.inject('/api/geo/99')).statusCode, 404);
    const none = await app.inject('/api/geo/34/boundaries');
    assert.equal(none.statusCode, 404);
    assert.match(none.json().error.message, /quản trị viên có thể nhập/);
  });

  test('only administrators import boundaries; the report says what did not match', async () => {
    const url = '/api/geo/34/boundaries?source=small.geojson';
    const anon = await app.inject({ method: 'POST', url, payload: small34 });
    assert.equal(anon.statusCode, 401);
    assert.ok(anon.json().error.message);
    const viewer = await signInAs(app, db, 'viewer');
    assert.equal((await app.inject({ method: 'POST', url, payload: small34, headers: viewer })).statusCode, 403);

    const admin = await signInAs(app, db, 'admin');
    const dry = await app.inject({ method: 'POST', url: `${url}&dry_run=true`, payload: small34, headers: admin });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(dry.json().saved, false);
    assert.equal((await app.inject('/api/geo/34/boundaries')).statusCode, 404, 'a dry run stores nothing');

    const res = await app.inject({ method: 'POST', url, payload: small34, headers: admin });
    assert.equal(res.statusCode, 201, res.body);
    const report = res.json();
    assert.equal(report.saved, true);
    assert.deepEqual(report.matched.map((m: any) => m.unit), ['ha-noi', 'bac-ninh-2025']);
    assert.deepEqual(report.unmatched.map((u: any) => [u.label, u.reason]), [['Không có tỉnh này', 'no_unit']]);
    assert.equal(report.missingUnits.length, 32);
    assert.deepEqual(report.archipelagos.map((a: any) => a.inFile), [false, false]);

    const fc = await app.inject('/api/geo/34/boundaries');
    assert.equal(fc.statusCode, 200);
    assert.deepEqual(fc.json().features.map((f: any) => f.id).sort(), ['bac-ninh-2025', 'ha-noi']);
    const again = await app.inject({ url: '/api/geo/34/boundaries', headers: { 'if-none-match': fc.headers.etag as string } });
    assert.equal(again.statusCode, 304);
    const grid = (await app.inject('/api/geo/34')).json();
    assert.equal(grid.boundaries.count, 2);
    assert.equal(grid.boundaries.source, 'small.geojson');

    const bad = await app.inject({ method: 'POST', url, payload: { type: 'Nope' }, headers: admin });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().error.message, /GeoJSON hoặc TopoJSON/);

    assert.equal((await app.inject({ method: 'DELETE', url: '/api/geo/34/boundaries', headers: viewer })).statusCode, 403);
    const del = await app.inject({ method: 'DELETE', url: '/api/geo/34/boundaries', headers: admin });
    assert.equal(del.json().deleted, 2);
    assert.equal((await app.inject('/api/geo/34/boundaries')).statusCode, 404);
  });
});
