// The report chain's rules fail when they should: a half-stored upload, an acknowledged upload that is
// missing, an acknowledged approval whose report is not approved.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../db/database.ts';
import { openTestDb } from '../../db/testing.ts';
import { loadMasterData } from '../../catalogue/masterData.ts';
import { loadMasterDataIntoStore } from '../../catalogue/catalogueStore.ts';
import { reference } from '../../catalogue/reference.ts';
import { parsePeriod } from '../../periods/parse.ts';
import { periodKey } from '../../periods/period.ts';
import { Ledger } from './ledger.ts';
import { CHAIN_DATASET, CHAIN_INDICATORS, chainViolations, prepareChains, type UploadRecord } from './reportChain.ts';

let db: Db;
let province: string;
let submissionId: number;
const period = 'T3/2012';

before(async () => {
  db = await openTestDb();
  await loadMasterDataIntoStore(db, loadMasterData());
  const ref = await reference(db);
  province = [...ref.unitsById.values()].filter((u) => u.level === 'province' && !u.unidentified).map((u) => u.slug).sort()[0]!;
  await prepareChains(db, [province]);
  const dataset = await db.k.selectFrom('dataset').select('id').where('code', '=', CHAIN_DATASET).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const p = periodKey(parsePeriod(period)!);
  const sub = await db.k.insertInto('submission').values({
    dataset_id: dataset.id, unit_id: ref.unitsBySlug.get(province)!.id, period: p, status: 'submitted', revision: 1, version: 3, created_at: now, updated_at: now,
  } as never).returning('id').executeTakeFirstOrThrow();
  submissionId = Number(sub.id);
  // One of the two figures stored: what a torn upload would leave.
  await db.k.insertInto('submission_entry').values({
    submission_id: submissionId, indicator_id: ref.indicatorsByCode.get(CHAIN_INDICATORS[0]!)!.id, breakdown_id: 0, period: p, measure: 0,
    value: 11.5, comment: null, version: 1, updated_at: now, updated_by: 'crash',
  }).execute();
});
after(() => db.close());

const upload = (outcome: UploadRecord['outcome'], values: number[]): UploadRecord =>
  ({ province, period, values: new Map(CHAIN_INDICATORS.map((c, i) => [c, values[i]!])), outcome });

describe('crash report chain rules', () => {
  test('an upload half stored is a violation whether or not it was acknowledged', async () => {
    const ledger = new Ledger();
    assert.equal((await chainViolations(db, [upload('unknown', [11.5, 20])], ledger)).length, 1);
    assert.equal((await chainViolations(db, [upload('acked', [11.5, 20])], ledger)).length, 1);
    assert.equal((await chainViolations(db, [upload('refused', [11.5, 20])], ledger)).length, 1);
  });

  test('a whole upload passes; an acknowledged approval needs its report approved', async () => {
    const ref = await reference(db);
    const now = new Date().toISOString();
    await db.k.insertInto('submission_entry').values({
      submission_id: submissionId, indicator_id: ref.indicatorsByCode.get(CHAIN_INDICATORS[1]!)!.id, breakdown_id: 0,
      period: periodKey(parsePeriod(period)!), measure: 0, value: 20, comment: null, version: 1, updated_at: now, updated_by: 'crash',
    }).execute();
    const ledger = new Ledger();
    assert.deepEqual(await chainViolations(db, [upload('acked', [11.5, 20])], ledger), []);
    const op = ledger.begin('approval', new Map(CHAIN_INDICATORS.map((c) => [`${province}|${c}|${period}`, 1])));
    op.outcome = 'acked';
    const v = await chainViolations(db, [upload('acked', [11.5, 20])], ledger);
    assert.equal(v.length, 1);
    assert.match(v[0]!, /submitted/);
    await db.k.updateTable('submission').set({ status: 'approved' }).where('id', '=', submissionId).execute();
    assert.deepEqual(await chainViolations(db, [upload('acked', [11.5, 20])], ledger), []);
  });
});
