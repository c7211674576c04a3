// The catalogue a server keeps in memory follows the store when another process changes it — a
// `congthuong catalogue load` beside the running server, a second server — on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDb, type Db } from '../db/database.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { testPostgresUrl, testStoreKind } from '../db/testing.ts';
import { reference } from './reference.ts';

let server: Db; // the running server's handle
let cli: Db; // another process's (a CLI command)
const dir = mkdtempSync(join(tmpdir(), 'ct-ref-'));

before(async () => {
  if (testStoreKind === 'sqlite') {
    const url = join(dir, 'congthuong.db');
    server = await openDb({ kind: 'sqlite', url });
    cli = await openDb({ kind: 'sqlite', url });
  } else {
    const schema = `t_${process.env.TEST_RUN_ID ?? Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    server = await openDb({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 2 });
    cli = await openDb({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 2 });
  }
  await loadFixtureCatalogue(server);
});
after(async () => {
  await server.close();
  await cli.close();
  rmSync(dir, { recursive: true, force: true });
});

/** PostgreSQL hears of the other process's commit by notification: give it the moment it takes. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 20));
    v = await read();
  }
  return v;
}

test('a unit renamed by another process is in the next catalogue the server reads', async () => {
  // On PostgreSQL the first catalogue is read again once the listener is up: wait until it is settled.
  const before = (await eventually(async () => {
    const a = await reference(server);
    return a === (await reference(server)) ? a : null;
  }, (r) => r !== null))!;
  const unit = [...before.unitsById.values()].find((u) => u.level === 'province')!;
  assert.equal(await reference(server), before, 'nothing changed: the same catalogue object');
  await cli.k.updateTable('unit').set({ name_vi: `${unit.nameVi} (đổi tên)` }).where('id', '=', unit.id).execute();
  const after = await eventually(() => reference(server), (r) => r !== before);
  assert.notEqual(after, before);
  assert.equal(after.unitsById.get(unit.id)!.nameVi, `${unit.nameVi} (đổi tên)`);
  assert.equal(await reference(server), after, 'kept again until the next change');
});

test('a value written by another process does not reload the catalogue', async () => {
  const ref = await reference(server);
  await cli.k.deleteFrom('value').where('unit_id', '=', -1).execute();
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(await reference(server), ref);
});
