// A save on PostgreSQL is one guarded statement (submissionStore.writeEntriesAtOnce): if anything it
// read has moved by the time it writes — a cell written by someone else, the report submitted — nothing
// of it is written, not even the cells that were still current, and no audit entry is left. The
// ordinary path (SQLite, a first save) is covered by workflow.test.ts; here the race is made by hand.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditRow } from '../../access/audit.ts';
import type { TestSession } from '../../access/testing.ts';
import { testStoreKind } from '../../db/testing.ts';
import { call, workflowFixture, type Fixture } from '../testSupport.ts';
import { readWithCells, writeEntriesAtOnce, type EntryRow } from './submissionStore.ts';

let f: Fixture;
let officer: TestSession;
const report = { dataset: 'thang', province: 'a', period: 'T10/2024' };
const skip = testStoreKind !== 'postgres' ? 'PostgreSQL only (SQLite saves in one transaction on its one connection)' : false;

before(async () => {
  f = await workflowFixture();
  officer = await f.as('province_officer', { province: 'a' });
});
after(() => f.close());

const save = (entries: unknown[]) => call(f.app, 'PUT', '/api/collection/entries', officer, { ...report, entries });

test('a save that raced with another writer leaves nothing behind', { skip }, async () => {
  assert.equal((await save([{ item: 0, value: 150, version: 0 }, { item: 2, value: 40, version: 0 }])).statusCode, 200);
  const sub = await f.db.k.selectFrom('submission').selectAll().executeTakeFirstOrThrow();
  const entries = await f.db.k.selectFrom('submission_entry').selectAll().where('submission_id', '=', sub.id).execute();
  const keyOf = (e: EntryRow) => ({ indicator_id: e.indicator_id, breakdown_id: e.breakdown_id, period: e.period, measure: e.measure });
  const found = (await readWithCells(f.db.k, { datasetId: sub.dataset_id, unitId: sub.unit_id, period: sub.period }, entries.map(keyOf)))!;
  assert.equal(found.entries.length, 2);
  // Someone else saves the first cell after our read.
  assert.equal((await save([{ item: 0, value: 151, version: 1 }])).statusCode, 200);
  const audits = async () => (await f.db.k.selectFrom('audit_log').select('id').execute()).length;
  const before = await audits();
  const writes = found.entries.map((e) => ({ ...keyOf(e), value: 999, comment: null, expectedVersion: e.version }));
  const row = auditRow({ actor: null, label: 'test' }, { action: 'submission.save', entity: 'submission', entityId: sub.id });
  assert.equal(await writeEntriesAtOnce(f.db.k, found.sub, writes, 'test', row), false);
  const now = await f.db.k.selectFrom('submission_entry').selectAll().where('submission_id', '=', sub.id).orderBy('indicator_id').execute();
  assert.deepEqual(now.map((e) => e.value).sort(), [151, 40].sort()); // the still-current cell was not written either
  assert.equal(await audits(), before);
  // At the versions now, but the report moved on (submitted elsewhere): refused too.
  const fresh = (await readWithCells(f.db.k, { datasetId: sub.dataset_id, unitId: sub.unit_id, period: sub.period }, entries.map(keyOf)))!;
  await f.db.k.updateTable('submission').set({ status: 'submitted' }).where('id', '=', sub.id).execute();
  assert.equal(await writeEntriesAtOnce(f.db.k, fresh.sub, fresh.entries.map((e) => ({ ...keyOf(e), value: 1, comment: null, expectedVersion: e.version })), 'test', row), false);
  assert.equal(await audits(), before);
  await f.db.k.updateTable('submission').set({ status: 'draft' }).where('id', '=', sub.id).execute();
  // And when nothing moved, everything is written with its audit entry.
  assert.equal(await writeEntriesAtOnce(f.db.k, fresh.sub, fresh.entries.map((e) => ({ ...keyOf(e), value: 7, comment: 'x', expectedVersion: e.version })), 'test', row), true);
  const done = await f.db.k.selectFrom('submission_entry').selectAll().where('submission_id', '=', sub.id).execute();
  assert.deepEqual(done.map((e) => [e.value, e.comment]), [[7, 'x'], [7, 'x']]);
  assert.deepEqual(done.map((e) => e.version).sort(), fresh.entries.map((e) => e.version + 1).sort());
  assert.equal(await audits(), before + 1);
});
