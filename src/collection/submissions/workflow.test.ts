import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, workflowFixture, type Fixture } from '../testSupport.ts';
import type { TestSession } from '../../access/testing.ts';

let f: Fixture;
let officer: TestSession;
let colleague: TestSession;
let analyst: TestSession;
const report = { dataset: 'thang', province: 'a', period: 'T10/2024' };
const gridUrl = '/api/collection/grid?dataset=thang&province=a&period=T10/2024';

before(async () => {
  f = await workflowFixture();
  officer = await f.as('province_officer', { province: 'a' });
  colleague = await f.as('province_officer', { province: 'a' });
  analyst = await f.as('analyst');
});
after(() => f.close());

const grid = async (who: Record<string, string> = officer) => (await call(f.app, 'GET', gridUrl, who)).json();
const save = (entries: unknown[], who: Record<string, string> = officer) => call(f.app, 'PUT', '/api/collection/entries', who, { ...report, entries });

describe('a province reports a month', () => {
  test('the grid shows last year, the plan and the deadline before anything is entered', async () => {
    const g = await grid();
    assert.equal(g.submission.status, 'not_started');
    assert.equal(g.calendar.window_from, '2024-09-15');
    assert.equal(g.calendar.window_to, '2024-10-14');
    assert.equal(g.calendar.deadline, '2024-10-16');
    const month = g.rows[0];
    assert.equal(month.period, 'T10/2024');
    assert.ok(Math.abs(month.last_year - 100 * 1.1 ** 4) < 1e-9);
    const ytd = g.rows[1];
    assert.equal(ytd.period, '10T/2024');
    assert.equal(ytd.previous_cumulative, 1300);
    assert.equal(ytd.plan.published, 2000);
    assert.equal(g.editable, true);
  });

  test('a saved draft shows growth and % of plan, and is not published', async () => {
    const res = await save([
      { item: 0, value: 160, version: 0 },
      { item: 1, value: 1460, version: 0 },
      { item: 3, value: 108.5, version: 0 },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    const g = await grid();
    assert.equal(g.submission.status, 'draft');
    assert.ok(Math.abs(g.rows[0].growth_pct - (160 / (100 * 1.1 ** 4) - 1) * 100) < 1e-9);
    assert.ok(Math.abs(g.rows[1].pct_of_plan - 73) < 1e-9);
    assert.equal(g.rows[3].growth_pct, 8.5);
    const published = (await call(f.app, 'GET', '/api/values?place=a&period=T10/2024', null)).json();
    assert.deepEqual(published.values, []);
  });

  test('two people editing the same figure: the second save is refused with the current value', async () => {
    const first = await save([{ item: 0, value: 150, version: 1 }], officer);
    assert.equal(first.statusCode, 200);
    const second = await save([{ item: 0, value: 155, version: 1 }], colleague);
    assert.equal(second.statusCode, 409);
    const body = second.json();
    assert.match(body.error.message, /người khác sửa/);
    assert.deepEqual([body.error.details[0].value, body.error.details[0].version, body.error.details[0].updated_by], [150, 2, officer.username]);
    assert.equal((await grid()).rows[0].value, 150);
  });

  test('errors block the save and name the cell, in Vietnamese', async () => {
    const res = await save([
      { item: 1, value: 1200, version: 1 }, // below the 9-month cumulative 1300
      { item: 2, value: -3, version: 0 },
    ]);
    assert.equal(res.statusCode, 422);
    const d = res.json().error.details;
    assert.deepEqual(d.map((x: any) => [x.item, x.code]).sort(), [[1, 'below_previous_cumulative'], [2, 'below_min']]);
    assert.match(d.find((x: any) => x.item === 1).message, /Lũy kế .* thấp hơn lũy kế kỳ trước/);
    assert.equal((await grid()).rows[1].value, 1460);
  });

  test('unusual growth is a warning that must be explained before submitting', async () => {
    const v = (await grid()).rows[0].version;
    const res = await save([{ item: 0, value: 400, version: v }]); // +173% against a steady +10%
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().warnings[0].code, 'growth_outlier');
    const g = await grid();
    const refused = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/submit`, officer, { version: g.submission.version });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().error.message, /cảnh báo chưa có ghi chú/);
    const explained = await save([{ item: 0, value: 400, comment: 'Khai trương trung tâm thương mại mới', version: v + 1 }]);
    assert.equal(explained.statusCode, 200);
  });

  test('submitted, returned with a comment, corrected, approved: then published and locked', async () => {
    let g = await grid();
    const sub = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/submit`, officer, { version: g.submission.version });
    assert.equal(sub.statusCode, 200, sub.body);
    assert.equal((await save([{ item: 2, value: 1, version: 0 }])).statusCode, 409); // locked once submitted
    const queue = (await call(f.app, 'GET', '/api/collection/submissions?status=submitted', analyst)).json();
    assert.deepEqual(queue.submissions.map((s: any) => s.province), ['a']);
    const noComment = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/return`, analyst, { version: sub.json().version });
    assert.equal(noComment.statusCode, 422);
    const ret = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/return`, analyst, { version: sub.json().version, comment: 'Kiểm tra lại bán lẻ tháng 10' });
    assert.equal(ret.statusCode, 200);
    g = await grid();
    assert.equal(g.submission.status, 'returned');
    assert.equal(g.submission.review_comment, 'Kiểm tra lại bán lẻ tháng 10');
    assert.equal((await save([{ item: 0, value: 170, comment: null, version: g.rows[0].version }])).statusCode, 200);
    g = await grid();
    const again = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/submit`, officer, { version: g.submission.version });
    assert.equal(again.statusCode, 200);
    const review = (await call(f.app, 'GET', `/api/collection/submissions/${g.submission.id}`, analyst)).json();
    assert.deepEqual(review.timeline.map((e: any) => e.action).filter((a: string) => a !== 'submission.save'),
      ['submission.submit', 'submission.return', 'submission.submit']);
    assert.equal(review.rows[0].history.length, 5);
    const ok = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/approve`, analyst, { version: again.json().version });
    assert.equal(ok.statusCode, 200, ok.body);
    const published = (await call(f.app, 'GET', '/api/values?place=a&indicator=retail_services&period=T10/2024', null)).json();
    assert.equal(published.values[0].value, 170);
    assert.equal(published.values[0].changed_by, null); // the public sees the figure, not who approved it
    assert.equal((await save([{ item: 0, value: 171, version: 3 }])).statusCode, 409);
    // A direct write to an approved figure needs a reason.
    const direct = await call(f.app, 'POST', '/api/values', analyst, { values: [{ place: 'a', indicator: 'retail_services', period: 'T10/2024', value: 172 }] });
    assert.equal(direct.statusCode, 422);
    assert.equal(direct.json().error.code, 'reason_required');
  });

  test('a correction needs a reason, keeps the published figure until approved, and leaves history', async () => {
    const g = await grid();
    const noReason = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/reopen`, officer, { version: g.submission.version });
    assert.equal(noReason.statusCode, 422);
    const reopened = await call(f.app, 'POST', `/api/collection/submissions/${g.submission.id}/reopen`, officer, { version: g.submission.version, comment: 'Doanh nghiệp báo cáo bổ sung' });
    assert.equal(reopened.statusCode, 200, reopened.body);
    const g2 = await grid();
    assert.equal(g2.submission.revision, 2);
    assert.equal((await save([{ item: 0, value: 175, version: g2.rows[0].version }])).statusCode, 200);
    const stillPublished = (await call(f.app, 'GET', '/api/values?place=a&indicator=retail_services&period=T10/2024', null)).json();
    assert.equal(stillPublished.values[0].value, 170);
    const g3 = await grid();
    const s = await call(f.app, 'POST', `/api/collection/submissions/${g3.submission.id}/submit`, officer, { version: g3.submission.version });
    const a = await call(f.app, 'POST', `/api/collection/submissions/${g3.submission.id}/approve`, analyst, { version: s.json().version });
    assert.equal(a.statusCode, 200);
    const hist = (await call(f.app, 'GET', '/api/values/history?place=a&indicator=retail_services&period=T10/2024', analyst)).json();
    assert.deepEqual(hist.revisions.map((r: any) => [r.value, r.kind]), [[170, 'approval'], [175, 'correction']]);
    assert.match(hist.revisions[1].change_note, /Doanh nghiệp báo cáo bổ sung/);
  });
});

describe('status board, completeness and the calendar', () => {
  test('every province of the period has a status; late ones are counted with their days', async () => {
    const b = await call(f.app, 'GET', '/api/collection/status?dataset=thang&period=T10/2024', analyst);
    const board = b.json();
    const by = Object.fromEntries(board.provinces.map((p: any) => [p.province, p]));
    assert.deepEqual(Object.keys(by).sort(), ['a', 'b', 'c', 'd']); // cd starts in July 2025
    assert.equal(by.a.status, 'approved');
    assert.ok(by.a.days_late > 0); // submitted today, long after 16/10/2024
    assert.equal(by.b.status, 'late');
    assert.equal(board.counts.late, 3);
    const c = (await call(f.app, 'GET', '/api/collection/completeness?dataset=thang&period=T10/2024', officer)).json();
    assert.equal(c.regions[0].region, 'region1');
    assert.equal(c.regions[0].expected, 4);
    assert.equal(c.regions[0].reported, 1);
    assert.equal(c.regions[0].late, 1);
    assert.equal(c.regions[0].late_provinces[0].province, 'a');
    assert.equal(c.regions[0].missing, 3);
    assert.equal((await call(f.app, 'GET', '/api/collection/status?dataset=thang&period=T10/2024', null)).statusCode, 401);
  });

  test('deadlines follow Decree 09 with holidays as data, and the ministry can move one', async () => {
    const cal = (await call(f.app, 'GET', '/api/collection/datasets/thang/calendar?year=2025', officer)).json();
    const jan = cal.periods[0];
    assert.deepEqual([jan.period, jan.window_from, jan.window_to, jan.deadline], ['T1/2025', '2024-12-15', '2025-01-14', '2025-01-16']);
    assert.equal((await call(f.app, 'PUT', '/api/collection/holidays/2025-01-15', analyst, { name_vi: 'Nghỉ bù', name_en: 'Day off' })).statusCode, 200);
    const moved = (await call(f.app, 'GET', '/api/collection/datasets/thang/calendar?year=2025', officer)).json();
    assert.equal(moved.periods[0].deadline, '2025-01-17');
    const o = await call(f.app, 'PUT', '/api/collection/calendar', analyst, { dataset: 'thang', period: 'T2/2025', deadline: '2025-02-20', note: 'Tết' });
    assert.equal(o.statusCode, 200);
    assert.deepEqual([o.json().deadline, o.json().overridden], ['2025-02-20', true]);
    assert.equal((await call(f.app, 'PUT', '/api/collection/calendar', officer, { dataset: 'thang', period: 'T2/2025', deadline: '2025-03-01' })).statusCode, 403);
  });
});

describe('audit log', () => {
  test('an administrator browses every action with before and after, and exports it', async () => {
    const admin = await f.as('admin');
    const list = (await call(f.app, 'GET', '/api/audit?action=submission.save&limit=100', admin)).json();
    const conflictFree = list.entries.find((e: any) => e.after.some((x: any) => x.value === 150));
    assert.equal(conflictFree.actor, officer.username);
    assert.equal(conflictFree.before.find((x: any) => x.item === 0).value, 160);
    const all = (await call(f.app, 'GET', '/api/audit?limit=1000', admin)).json().entries.map((e: any) => e.action);
    for (const a of ['submission.submit', 'submission.return', 'submission.approve', 'submission.reopen', 'dataset.create', 'holiday.set', 'calendar.deadline']) {
      assert.ok(all.includes(a), a);
    }
    const csv = await call(f.app, 'GET', '/api/audit/export?format=csv&action=submission.', admin);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-disposition'] as string, /nhat-ky\.csv/);
    assert.match(csv.body, /submission\.approve/);
    assert.equal((await call(f.app, 'GET', '/api/audit', analyst)).statusCode, 403);
    assert.equal((await call(f.app, 'GET', '/api/audit', null)).statusCode, 401);
  });
});

describe('API documentation', () => {
  test('every screen\'s endpoint is in the OpenAPI document', async () => {
    const doc = (await f.app.inject('/openapi.json')).json();
    for (const p of [
      '/api/auth/sign-in', '/api/auth/sign-out', '/api/me', '/api/accounts', '/api/accounts/{username}', '/api/audit', '/api/audit/export',
      '/api/collection/datasets', '/api/collection/datasets/{code}/calendar', '/api/collection/calendar', '/api/collection/holidays/{day}',
      '/api/collection/status', '/api/collection/completeness', '/api/collection/grid', '/api/collection/entries', '/api/collection/template',
      '/api/collection/upload', '/api/collection/submissions', '/api/collection/submissions/{id}', '/api/collection/submissions/{id}/approve',
    ]) assert.ok(doc.paths[p], `missing ${p}`);
  });
});
