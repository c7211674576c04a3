// Backups proven by round trips: every table's row count and content hash equal after backup and
// restore, on the test's store kind, from SQLite's online copy, and from SQLite to PostgreSQL (the
// move). The restored store works: the same aggregate, the doctor finds nothing, new ids follow on.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { openDb, type Db } from '../../db/database.ts';
import { openTestDb, testPostgresUrl, testStoreKind } from '../../db/testing.ts';
import { regionalPivot } from '../../analytics/pivot.ts';
import { parseCode } from '../../periods/codes.ts';
import { demoStoreWithHistory } from '../testSupport.ts';
import { runDoctor } from '../doctor/doctor.ts';
import { formatReport, healthy } from '../doctor/findings.ts';
import { digestStore } from '../store/tableRows.ts';
import { backupStore, moveStore, restoreStore } from './backup.ts';
import { ArchiveError } from './events.ts';

const dir = mkdtempSync(join(tmpdir(), 'ct-backup-'));
const opened: Db[] = [];
let source: Db;
let sourceDigest: Map<string, { rows: number; hash: string }>;
let sourcePivot: unknown;

const track = (db: Db) => (opened.push(db), db);
const pivot = (db: Db) => regionalPivot(db, { period: parseCode('9T/2024'), indicators: ['retail_services'] });
/** A PostgreSQL schema of this file's own; t_ so that the test runner drops it with the others. */
const pgStore = async () => track(await openDb({ kind: 'postgres', url: testPostgresUrl, schema: `t_ops_${randomBytes(5).toString('hex')}`, migrate: false }));

before(async () => {
  source = track(await openTestDb());
  await demoStoreWithHistory(source);
  sourceDigest = await digestStore(source);
  sourcePivot = await pivot(source);
});
after(async () => {
  for (const db of opened) await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function assertIdentical(copy: Db) {
  const d = await digestStore(copy);
  assert.deepEqual([...d.keys()].sort(), [...sourceDigest.keys()].sort(), 'same tables');
  for (const [table, s] of sourceDigest) assert.deepEqual(d.get(table), s, `table ${table}`);
  assert.ok([...d.values()].filter((x) => x.rows > 0).length >= 20, 'most tables hold rows');
  assert.deepEqual(await pivot(copy), sourcePivot, 'the same aggregate');
  const report = await runDoctor(copy, 'copy');
  assert.ok(healthy(report), formatReport(report));
}

describe('backup and restore', () => {
  test('the source store is healthy and has rows in most tables', async () => {
    assert.ok(sourceDigest.get('value')!.rows > 20);
    assert.ok(sourceDigest.get('value_history')!.rows >= 4);
    assert.ok(sourceDigest.get('rollup')!.rows > 0);
    assert.ok(sourceDigest.get('account')!.rows >= 1);
    assert.ok(healthy(await runDoctor(source, 'source')));
  });

  test(`logical archive round trip on ${testStoreKind}: every table identical, and new ids follow the restored ones`, async () => {
    const file = join(dir, 'round.jsonl.gz');
    const b = await backupStore(source, file);
    assert.equal(b.format, 'archive');
    assert.equal(b.rows, [...sourceDigest.values()].reduce((s, x) => s + x.rows, 0));
    assert.equal(b.bytes, statSync(file).size);
    const target = track(await openTestDb());
    const r = await restoreStore(target, file);
    assert.equal(r.rows, b.rows);
    await assertIdentical(target);
    const maxId = Number((await target.k.selectFrom('change_set').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m);
    const next = await target.k.insertInto('change_set').values({ at: 'now', actor: 'after-restore', kind: 'edit', rows: 0 }).returning('id').executeTakeFirstOrThrow();
    assert.equal(next.id, maxId + 1);
  });

  test('SQLite online backup: a single self-contained file, restorable into the test store kind', { skip: testStoreKind !== 'sqlite' && 'SQLite source only' }, async () => {
    const file = join(dir, 'online.db');
    const b = await backupStore(source, file);
    assert.equal(b.format, 'sqlite');
    assert.ok(b.bytes > 100_000);
    const target = track(await openTestDb());
    await restoreStore(target, file);
    await assertIdentical(target);
  });

  test('SQLite → PostgreSQL: the move and a SQLite backup restored into PostgreSQL are identical', { skip: testStoreKind !== 'postgres' && 'needs PostgreSQL' }, async () => {
    // The source of this run is PostgreSQL; a SQLite copy of it is made first, then moved back.
    const lite = track(await openDb({ kind: 'sqlite', url: ':memory:', migrate: false }));
    await moveStore(source, lite);
    await assertIdentical(lite);
    const moved = await pgStore();
    const r = await moveStore(lite, moved);
    assert.equal(r.tables.length, sourceDigest.size);
    await assertIdentical(moved);

    const file = join(dir, 'from-sqlite.db');
    const fileStore = track(await openDb({ kind: 'sqlite', url: file, migrate: false }));
    await moveStore(source, fileStore);
    await backupStore(fileStore, join(dir, 'online-copy.db'));
    const restored = await pgStore();
    await restoreStore(restored, join(dir, 'online-copy.db'));
    await assertIdentical(restored);
  });

  test('restore refuses a store that already holds data, and changes nothing', async () => {
    const file = join(dir, 'refuse.jsonl.gz');
    await backupStore(source, file);
    await assert.rejects(restoreStore(source, file), (e: unknown) =>
      e instanceof ArchiveError && /Kho đích đã có dữ liệu/.test(e.messageVi) && /already holds data/.test(e.messageEn));
    assert.deepEqual(await digestStore(source), sourceDigest);
  });

  test('a truncated or altered archive is refused and the target stays empty', async () => {
    const file = join(dir, 'whole.jsonl.gz');
    await backupStore(source, file);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(text.slice(0, Math.floor(text.length * 0.6))));
    const altered = join(dir, 'altered.jsonl.gz');
    writeFileSync(altered, gzipSync(text.replace('"Chuyên viên Một"', '"Chuyên viên Hai"')));
    for (const [f, why] of [[cut, /cắt cụt|kết thúc giữa chừng|hỏng/], [altered, /bị hỏng/]] as const) {
      const target = track(await openTestDb());
      const empty = await digestStore(target);
      await assert.rejects(restoreStore(target, f), (e: unknown) => e instanceof ArchiveError && why.test(e.messageVi), f);
      assert.equal((await target.k.selectFrom('unit').select('id').execute()).length, 0, 'nothing restored');
      const after = await digestStore(target);
      for (const [t, d] of after) if (empty.has(t)) assert.equal(d.rows, empty.get(t)!.rows, `table ${t} unchanged`);
    }
  });

  test('a file that is not a backup is refused with its name', async () => {
    const junk = join(dir, 'notes.txt');
    writeFileSync(junk, 'không phải bản sao lưu');
    const target = track(await openTestDb());
    await assert.rejects(restoreStore(target, junk), /không phải bản sao lưu/);
  });
});
