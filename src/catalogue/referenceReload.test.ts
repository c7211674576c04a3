// The catalogue a server keeps in memory follows the store when another process changes it — a
// `congthuong catalogue load` beside the running server, a second server — on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/database.ts';
import type { Reference } from './reference.ts';
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

/**
 * The catalogue once no reload is pending: on PostgreSQL the first one is read again when the listener
 * comes up, and the notifications of earlier writes (the fixture's) may still be on their way.
 */
async function settled(): Promise<Reference> {
  for (;;) {
    const a = await reference(server);
    await new Promise((r) => setTimeout(r, 200));
    if (a === (await reference(server))) return a;
  }
}

test('a unit renamed by another process is in the next catalogue the server reads', async () => {
  const before = await settled();
  const unit = [...before.unitsById.values()].find((u) => u.level === 'province')!;
  assert.equal(await reference(server), before, 'nothing changed: the same catalogue object');
  await cli.k.updateTable('unit').set({ name_vi: `${unit.nameVi} (đổi tên)` }).where('id', '=', unit.id).execute();
  const renamed = await eventually(() => reference(server), (r) => r.unitsById.get(unit.id)!.nameVi !== unit.nameVi);
  assert.notEqual(renamed, before);
  assert.equal(renamed.unitsById.get(unit.id)!.nameVi, `${unit.nameVi} (đổi tên)`);
  const after = await settled();
  assert.equal(await reference(server), after, 'kept again until the next change');
});

test('a value written by another process does not reload the catalogue', async () => {
  const ref = await settled();
  await cli.k.deleteFrom('value').where('unit_id', '=', -1).execute();
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(await reference(server), ref);
});
