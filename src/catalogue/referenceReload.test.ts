// The catalogue a server keeps in memory follows the store when another process changes it — a
// `congthuong catalogue load` beside the running server, a second server — on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/database.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { openTestDbPair } from '../db/testing.ts';
import { reference } from './reference.ts';

let server: Db; // the running server's handle
let cli: Db; // another process's (a CLI command)
let close: () => Promise<void>;

before(async () => {
  ({ db: server, other: cli, close } = await openTestDbPair());
  await loadFixtureCatalogue(server);
});
after(() => close());

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
