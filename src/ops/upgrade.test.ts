// Upgrading from the first released schema: a store migrated only to 2026-11-23T1900-reporting-core is
// filled the way that version wrote it (plain SQL on that era's tables: no code of today involved),
// then opened by the current code, which applies every later migration on open. The rows that existed
// are all there, column for column; the figures are the same; the store is healthy and takes writes.
// An archive taken at the old schema restores into the current one as well.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDb, type Db, type OpenOptions } from '../db/database.ts';
import { testPostgresUrl, testStoreKind } from '../db/testing.ts';
import { regionalIndicator } from '../analytics/regional.ts';
import { regionalPivot } from '../analytics/pivot.ts';
import { parseCode } from '../periods/codes.ts';
import { importValues } from '../collection/importValues.ts';
import { createAccount } from '../access/accounts.ts';
import { listTables, type TableInfo } from './store/introspect.ts';
import { knownMigrations, migrateStoreTo, migrationState } from './store/migrationState.ts';
import { rawConnection } from './store/rawConnection.ts';
import { digestTables } from './store/tableRows.ts';
import { runDoctor } from './doctor/doctor.ts';
import { formatReport, healthy } from './doctor/findings.ts';
import { backupStore, restoreStore } from './archive/backup.ts';

const FIRST = '2026-11-23T1900-reporting-core';
const dir = mkdtempSync(join(tmpdir(), 'ct-upgrade-'));
const opened: Db[] = [];
after(async () => {
  for (const db of opened) await db.close().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

/** Where the old store lives: a file (SQLite) or a schema of its own (PostgreSQL), so it can be reopened. */
const location: OpenOptions = testStoreKind === 'sqlite'
  ? { kind: 'sqlite', url: join(dir, 'first-release.db') }
  : { kind: 'postgres', url: testPostgresUrl, schema: `t_ops_upgrade_${randomBytes(4).toString('hex')}`, poolSize: 4 };

async function open(migrate: boolean): Promise<Db> {
  const db = await openDb({ ...location, migrate });
  opened.push(db);
  return db;
}

/** The data as the first release wrote it, in that release's columns. */
async function fillAsFirstRelease(db: Db): Promise<void> {
  const c = await rawConnection(db);
  const run = async (text: string, rows: unknown[][]) => {
    for (const r of rows) await c.run(text, r);
  };
  try {
    await c.run('BEGIN');
    // Ids come from the store's own numbering, as they did then (1, 2, … in insertion order).
    await run(`INSERT INTO unit (slug, code, level, name_vi, name_en, short_vi, short_en, parent_id, valid_from, valid_to, unidentified, aliases, note, meta)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 0, '[]', NULL, '{}')`, [
      ['region1', null, 'region', 'Vùng Một', 'Region One', 'Vùng 1', 'Region 1', '1900-01-01', null],
      ['a', '01', 'province', 'Tỉnh A', 'Province A', 'A', 'A', '1900-01-01', null],
      ['b', '02', 'province', 'Tỉnh B', 'Province B', 'B', 'B', '1900-01-01', null],
      ['c', '03', 'province', 'Tỉnh C', 'Province C', 'C', 'C', '1900-01-01', '2025-06-30'],
      ['d', '04', 'province', 'Tỉnh D', 'Province D', 'D', 'D', '1900-01-01', '2025-06-30'],
      ['cd', '04', 'province', 'Tỉnh CD', 'Province CD', 'CD', 'CD', '2025-07-01', null],
    ]);
    await run('INSERT INTO unit_succession (predecessor_id, successor_id, effective_date) VALUES (?, ?, ?)', [[4, 6, '2025-07-01'], [5, 6, '2025-07-01']]);
    await run('INSERT INTO region_membership (region_id, unit_id, valid_from, valid_to) VALUES (?, ?, ?, ?)', [
      [1, 2, '1900-01-01', null], [1, 3, '1900-01-01', null], [1, 4, '1900-01-01', '2025-06-30'], [1, 5, '1900-01-01', '2025-06-30'], [1, 6, '2025-07-01', null],
    ]);
    await run(`INSERT INTO indicator (code, name_vi, name_en, short_vi, short_en, base_unit, decimals, nature, aggregation, formula, field, definition_vi, definition_en, meta)
      VALUES (?, ?, ?, ?, ?, ?, 2, ?, ?, NULL, NULL, NULL, NULL, '{}')`, [
      ['retail_services', 'Bán lẻ', 'Retail', 'Bán lẻ', 'Retail', 'tỷ đồng', 'flow', 'sum'],
      ['iip', 'Chỉ số IIP', 'IIP', 'IIP', 'IIP', '%', 'index', 'weighted_index'],
    ]);
    await run('INSERT INTO unit_weight (unit_id, indicator_id, base_year, weight) VALUES (?, ?, 2020, ?)', [[2, 2, 10], [3, 2, 30]]);
    await c.run(`INSERT INTO document (id, title, publisher, published_on, place, url, summary_vi, summary_en, kind, created_at, unmapped)
      VALUES ('bao-1', 'Bản tin', 'Báo Công Thương', '2024-10-05', 'Hà Nội', NULL, NULL, NULL, 'article', '2026-11-23T19:30:00Z', '[]')`);
    await run('INSERT INTO change_set (at, actor, kind, source_document, source_quote, note, rows) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      ['2026-11-23T19:40:00Z', 'cli', 'import', 'bao-1', 'bán lẻ ước đạt', null, 6],
      ['2026-11-23T19:50:00Z', 'cli', 'edit', null, null, 'số chính thức', 1],
    ]);
    const v = `INSERT INTO value (period, indicator_id, breakdown_id, unit_id, measure, value, status, growth_pct, pct_of_plan, qualifier, note, version, change_set_id)
      VALUES (?, ?, 0, ?, 0, ?, ?, NULL, NULL, NULL, NULL, ?, ?)`;
    await run(v, [
      [2024409, 1, 2, 104, 1, 2, 2], // revised: version 2, written by change set 2
      [2024409, 1, 3, 250.5, 1, 1, 1],
      [2023409, 1, 2, 90, 1, 1, 1],
      [2023409, 1, 3, 200, 1, 1, 1],
      [2024110, 2, 2, 108.5, 1, 1, 1],
      [2024110, 2, 3, 103.25, 0, 1, 1],
    ]);
    await c.run(`INSERT INTO value_history (period, indicator_id, breakdown_id, unit_id, measure, value, status, growth_pct, pct_of_plan, qualifier, note, version, change_set_id, superseded_by)
      VALUES (2024409, 1, 0, 2, 0, 100, 0, NULL, NULL, NULL, NULL, 1, 1, 2)`);
    // The rollups as that release maintained them (Σ in millionths; weighted sums for the IIP).
    await run(`INSERT INTO rollup (period, indicator_id, breakdown_id, measure, region_id, n, n_estimate, total_micro, nw, wsum, wtotal)
      VALUES (?, ?, 0, 0, 1, ?, ?, ?, ?, ?, ?)`, [
      [2024409, 1, 2, 0, 354_500_000, 0, 0, 0],
      [2023409, 1, 2, 0, 290_000_000, 0, 0, 0],
      [2024110, 2, 2, 1, 211_750_000, 2, 108.5 * 10 + 103.25 * 30, 40],
    ]);
    await c.run('COMMIT');
  } finally {
    await c.release();
  }
}

async function figures(db: Db) {
  const retail = await regionalIndicator(db, { region: 'region1', indicator: 'retail_services', period: parseCode('9T/2024') });
  const iip = await regionalIndicator(db, { region: 'region1', indicator: 'iip', period: parseCode('T10/2024') });
  const pivot = await regionalPivot(db, { period: parseCode('9T/2024'), regions: ['region1'], indicators: ['retail_services'] });
  return { retail: [retail.value, retail.previous, retail.growthPct, retail.coverage.reported], iip: iip.value, pivot: pivot.map((p) => [p.value, p.growthPct]) };
}

describe(`upgrade from the first released schema (${testStoreKind})`, () => {
  let oldTables: TableInfo[];
  let oldDigest: Map<string, { rows: number; hash: string }>;
  const archive = join(dir, 'first-release.jsonl.gz');

  test('a store at the first migration, filled as that release wrote it', async () => {
    const db = await open(false);
    await migrateStoreTo(db, FIRST);
    assert.deepEqual((await migrationState(db)).applied, [FIRST]);
    await fillAsFirstRelease(db);
    oldTables = await listTables(db);
    assert.deepEqual(oldTables.map((t) => t.name).sort(), ['breakdown', 'breakdown_option', 'change_set', 'dimension', 'dimension_option', 'document',
      'indicator', 'ministry_unit', 'region_membership', 'rollup', 'unit', 'unit_succession', 'unit_weight', 'value', 'value_history']);
    const c = await rawConnection(db);
    try {
      oldDigest = await digestTables(c, oldTables);
    } finally {
      await c.release();
    }
    const b = await backupStore(db, archive);
    assert.equal(b.rows, [...oldDigest.values()].reduce((s, x) => s + x.rows, 0));
    await db.close();
    opened.pop();
  });

  test('opened by the current code: every migration applied, every old row intact column for column', async () => {
    const db = await open(true);
    const state = await migrationState(db);
    assert.deepEqual(state.applied, knownMigrations());
    assert.deepEqual(state.pending, []);
    const c = await rawConnection(db);
    try {
      // Old tables read through their old columns: a later migration may add columns, never lose rows.
      const now = await digestTables(c, oldTables);
      for (const [t, d] of oldDigest) assert.deepEqual(now.get(t), d, `table ${t}`);
    } finally {
      await c.release();
    }
    const report = await runDoctor(db, 'upgraded');
    assert.ok(healthy(report), formatReport(report));
  });

  test('the figures are those of the first release\'s data, and the store takes new writes', async () => {
    const db = opened.at(-1)!;
    const f = await figures(db);
    assert.deepEqual(f.retail.slice(0, 2), [354.5, 290]);
    assert.ok(Math.abs((f.retail[2] as number) - (354.5 / 290 - 1) * 100) < 1e-9, String(f.retail[2]));
    assert.equal(f.retail[3], 2);
    assert.ok(Math.abs((f.iip as number) - (108.5 * 10 + 103.25 * 30) / 40) < 1e-9, String(f.iip));
    assert.equal(f.pivot[0]![0], 354.5);

    const w = await importValues(db, [{ place: 'cd', indicator: 'retail_services', period: '9T/2025', value: 12 },
      { place: 'b', indicator: 'retail_services', period: '9T/2024', value: 251 }], { actor: 'after-upgrade', kind: 'import' });
    assert.equal(w.changeSetId, 3, 'ids continue after the old ones');
    assert.equal((await figures(db)).retail[0], 355);
    await createAccount(db, { actor: null, label: 'test' }, { username: 'admin.sau', displayName: 'Quản trị', password: 'mật-khẩu-đủ-dài-2026', role: 'admin' });
    const report = await runDoctor(db, 'upgraded and written');
    assert.ok(healthy(report), formatReport(report));
  });

  test('an archive taken at the first schema restores into the current code, then migrates', async () => {
    const target = await openDb(testStoreKind === 'sqlite'
      ? { kind: 'sqlite', url: ':memory:', migrate: false }
      : { kind: 'postgres', url: testPostgresUrl, schema: `t_ops_upgrade_${randomBytes(4).toString('hex')}`, poolSize: 4, migrate: false });
    opened.push(target);
    await restoreStore(target, archive);
    assert.deepEqual((await migrationState(target)).pending, []);
    const f = await figures(target);
    assert.deepEqual(f.retail.slice(0, 2), [354.5, 290]);
    const report = await runDoctor(target, 'restored old archive');
    assert.ok(healthy(report), formatReport(report));
  });
});
