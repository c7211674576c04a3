// A write and its audit entry commit together: each write of the conferences and follow-up leaves
// its entry (who, the action, the record, before and after) in the same transaction, and when the
// entry cannot be written the write itself does not happen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { harness, multipart, type Harness } from '../conferences/testSupport.ts';
import { addDays, vietnamToday } from './dates.ts';

let h: Harness;
let admin: Record<string, string>;
let kg: Record<string, string>;
let erav: Record<string, string>;
before(async () => {
  h = await harness();
  admin = await h.as('admin');
  kg = await h.as('province_officer', { province: 'kien-giang' });
  erav = await h.as('ministry_unit', { ministryUnit: 'cuc-dieu-tiet-dien-luc' });
});
after(async () => { await h.close(); });

const call = (method: string, url: string, payload: unknown, headers: Record<string, string>) =>
  h.app.inject({ method: method as any, url, payload: payload as any, headers });
const entries = (action: string) => h.db.k.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
const count = async (table: 'recommendation' | 'difficulty' | 'task_group' | 'conference_document' | 'attachment') =>
  Number((await h.db.k.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Makes every audit insert fail until `restore` is called: the log table is renamed away. */
async function breakAuditLog(): Promise<() => Promise<void>> {
  await sql`ALTER TABLE audit_log RENAME TO audit_log_away`.execute(h.db.k);
  return async () => { await sql`ALTER TABLE audit_log_away RENAME TO audit_log`.execute(h.db.k); };
}

describe('audit entries in the write\'s transaction', () => {
  test('each write names its record, with before and after', async () => {
    const rec = await call('POST', '/api/recommendations', { conference: 'south-x-2024', field: 'energy', title: 'Lưới điện', body: 'x' }, kg);
    assert.equal(rec.statusCode, 201, rec.body);
    const id = rec.json().id;
    const [created] = (await entries('recommendation.create')).filter((e) => e.entity_id === String(id));
    assert.ok(created, 'the new record\'s id is in its entry');
    assert.equal(created.role, 'province_officer');
    assert.equal(JSON.parse(created.after!).province, 'kien-giang');
    await call('POST', `/api/recommendations/${id}/assignments`, { assignments: [{ unit: 'cuc-dieu-tiet-dien-luc', due_on: addDays(vietnamToday(), 10) }] }, admin);
    const a = (await call('GET', `/api/recommendations/${id}`, undefined, admin)).json().assignments[0];
    await call('POST', `/api/recommendations/${id}/assignments/${a.id}/answer`, { body: 'Đã xử lý' }, erav);
    const [answered] = (await entries('recommendation.assignments.answer')).filter((e) => e.entity_id === String(id));
    assert.deepEqual([JSON.parse(answered!.before!).status, JSON.parse(answered!.after!).status], ['assigned', 'answered']);
    assert.equal(answered!.note, `assignment=${a.id}`);
    const d = await call('POST', '/api/difficulties', { unit: 'kien-giang', period: '9T/2024', field: 'energy', kind: 'difficulty', body: 'Thiếu điện' }, kg);
    assert.equal((await entries('difficulty.create')).at(-1)!.entity_id, String(d.json().id));
  });

  test('when the entry cannot be written, nothing is written', async () => {
    const before = await Promise.all([count('recommendation'), count('difficulty'), count('task_group'), count('conference_document'), count('attachment')]);
    const restore = await breakAuditLog();
    try {
      const writes = [
        await call('POST', '/api/recommendations', { conference: 'south-x-2024', field: 'trade', title: 'Không được ghi', body: 'x' }, kg),
        await call('POST', '/api/difficulties', { unit: 'kien-giang', field: 'trade', kind: 'obstacle', body: 'x' }, kg),
        await call('POST', '/api/conferences/south-x-2024/task-groups', { title: 'Không được ghi' }, admin),
        await call('POST', '/api/conferences/south-x-2024/document-links', { title: 'Không được ghi', url: 'https://example.org/a' }, admin),
      ];
      const m = multipart({ name: 'bien-ban.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }, { title: 'Biên bản' });
      writes.push(await h.app.inject({ method: 'POST', url: '/api/conferences/south-x-2024/documents', payload: m.payload, headers: { ...admin, ...m.headers } }));
      for (const w of writes) assert.equal(w.statusCode, 500, w.body);
    } finally {
      await restore();
    }
    const afterCounts = await Promise.all([count('recommendation'), count('difficulty'), count('task_group'), count('conference_document'), count('attachment')]);
    assert.deepEqual(afterCounts, before);
  });

  test('a status change refused by its entry leaves the status as it was', async () => {
    const id = (await call('POST', '/api/recommendations', { conference: 'south-x-2024', field: 'trade', title: 'Sẽ đóng', body: 'x' }, kg)).json().id;
    const restore = await breakAuditLog();
    try {
      assert.equal((await call('POST', `/api/recommendations/${id}/close`, { reason: 'duplicate' }, admin)).statusCode, 500);
    } finally {
      await restore();
    }
    const r = (await call('GET', `/api/recommendations/${id}`, undefined, admin)).json();
    assert.equal(r.status, 'submitted');
    assert.deepEqual(r.events.map((e: any) => e.action), ['submitted'], 'the event log rolled back too');
  });
});
