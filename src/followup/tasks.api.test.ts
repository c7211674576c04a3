// Tasks and solutions over HTTP: the seed conclusions, a new group and task with its legal basis,
// progress reports from the units responsible, the board, and what the public sees.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, type Harness } from '../conferences/testSupport.ts';
import { addDays, vietnamToday } from './dates.ts';

let h: Harness;
before(async () => { h = await harness(); });
after(async () => { await h.close(); });
const call = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method: method as any, url, payload: payload as any, headers });
const today = vietnamToday();

describe('tasks and the follow-up board', () => {
  test('North VI: 19 groups stated, the focus tasks the article lists, no deadline made up', async () => {
    const t = (await call('GET', '/api/conferences/north-vi-2019/tasks')).json();
    assert.equal(t.groups_stated, 19);
    assert.equal(t.groups.length, 1);
    const g = t.groups[0];
    assert.equal(g.tasks.length, 9);
    assert.equal(g.source.document, 'seed-001');
    assert.equal(g.tasks[4].title, 'Tập trung phát triển kết cấu hạ tầng thương mại và hệ thống phân phối.');
    assert.ok(g.tasks.every((x: any) => x.due_on === null && /các tháng còn lại năm 2019/.test(x.due_note)));
    assert.equal(g.tasks[0].parties.length, 28, 'every province of the North on 24/5/2019');
    assert.ok(g.tasks.every((x: any) => x.status === 'no_report' && x.percent === null));
  });

  test('North X: the follow-up request to the Agency, and tasks by field with their legal basis', async () => {
    const t = (await call('GET', '/api/conferences/north-x-2024/tasks')).json();
    const follow = t.groups[0].tasks[0];
    assert.match(follow.title, /Tổng hợp đầy đủ, trả lời một cách rõ ràng các kiến nghị của địa phương/);
    assert.deepEqual(follow.parties.map((p: any) => p.unit), ['cuc-cong-thuong-dia-phuong']);
    const byField = t.groups[1].tasks;
    assert.deepEqual(byField[0].legal_basis.slice(0, 2), ['Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ', 'Nghị quyết số 02/NQ-CP ngày 05/01/2024 của Chính phủ']);
    assert.deepEqual([...new Set(byField.map((x: any) => x.field))], ['planning', 'general', 'industry', 'energy', 'safety', 'administrative_procedures', 'market_surveillance']);
    const admin = byField.find((x: any) => x.field === 'administrative_procedures');
    assert.equal(admin.parties.length, 0);
    assert.match(admin.responsible_note, /Bộ Công Thương/);
  });

  test('a task with units, deadline and legal basis; each unit reports its own progress', async () => {
    const adminH = await h.as('admin');
    const g = await call('POST', '/api/conferences/south-x-2024/task-groups', { title: 'Năng lượng', field: 'energy' }, adminH);
    assert.equal(g.statusCode, 201);
    const t = await call('POST', `/api/task-groups/${g.json().id}/tasks`, {
      title: 'Cấp điện cho cụm công nghiệp', field: 'energy', legal_basis: ['Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ'],
      starts_on: addDays(today, -100), due_on: addDays(today, 100),
      parties: [{ kind: 'province', unit: 'kien-giang' }, { kind: 'province', unit: 'ca-mau' }, { kind: 'ministry_unit', unit: 'cuc-dieu-tiet-dien-luc', role: 'support' }],
    }, adminH);
    assert.equal(t.statusCode, 201, t.body);
    const id = t.json().id;
    const kg = await h.as('province_officer', { province: 'kien-giang' });
    const r1 = await call('POST', `/api/tasks/${id}/progress`, { percent: 60, narrative: 'Đã hoàn thành <b>đường dây</b> 22 kV.' }, kg);
    assert.equal(r1.statusCode, 201, r1.body);
    assert.equal((await call('POST', `/api/tasks/${id}/progress`, { percent: 10, narrative: 'x', reported_on: addDays(today, 1) }, kg)).statusCode, 422);
    const cm = await h.as('province_officer', { province: 'ca-mau' });
    await call('POST', `/api/tasks/${id}/progress`, { percent: 20, narrative: 'Chậm do giải phóng mặt bằng.' }, cm);
    const detail = (await call('GET', `/api/tasks/${id}`, undefined, kg)).json();
    const by = Object.fromEntries(detail.parties.map((p: any) => [p.unit, p]));
    assert.equal(by['kien-giang'].status, 'on_track');
    assert.equal(by['ca-mau'].status, 'late');
    assert.equal(by['ca-mau'].status_label, 'Chậm tiến độ');
    assert.equal(by['cuc-dieu-tiet-dien-luc'].status, 'no_report');
    assert.equal(detail.status, 'late');
    assert.equal(detail.percent, 40);
    assert.deepEqual(detail.coverage, { reported: 2, of: 3 });
    assert.equal(detail.history.length, 2);
    assert.equal(detail.history[0].narrative, '<p>Đã hoàn thành <b>đường dây</b> 22 kV.</p>');
    const pub = (await call('GET', `/api/tasks/${id}`)).json();
    assert.equal(pub.history, undefined);
    assert.equal(pub.parties.find((p: any) => p.unit === 'ca-mau').latest.narrative, '', 'narratives are internal');
    assert.equal(pub.parties.find((p: any) => p.unit === 'ca-mau').percent, 20);
    await call('POST', `/api/tasks/${id}/progress`, { percent: 100, narrative: 'Hoàn thành.' }, kg);
    await call('POST', `/api/tasks/${id}/progress`, { percent: 100, narrative: 'Hoàn thành.' }, cm);
    await call('POST', `/api/tasks/${id}/progress`, { percent: 100, narrative: 'Đã phối hợp.' }, await h.as('ministry_unit', { ministryUnit: 'cuc-dieu-tiet-dien-luc' }));
    assert.equal((await call('GET', `/api/tasks/${id}`)).json().status, 'done');
  });

  test('the board counts by region, unit and group; filters by unit', async () => {
    const b = (await call('GET', '/api/follow-up/board?region=south')).json();
    assert.equal(b.totals.total, 9, '4 seed tasks of 2019, 4 of the X (2024) and the new one');
    assert.equal(b.totals.done, 1);
    assert.equal(b.status_labels.no_report, 'Chưa báo cáo');
    const kg = b.by_unit.find((u: any) => u.unit === 'province:kien-giang');
    assert.equal(kg.done, 1);
    assert.ok(b.by_group.some((g: any) => g.title === 'Năng lượng' && g.done === 1));
    const erav = (await call('GET', '/api/tasks?unit=cuc-dieu-tiet-dien-luc')).json().tasks;
    assert.deepEqual(erav.map((t: any) => t.title), ['Cấp điện cho cụm công nghiệp']);
    const north = (await call('GET', '/api/follow-up/board?region=north')).json();
    assert.deepEqual(north.by_region.map((r: any) => r.region), ['north']);
    assert.equal(north.totals.no_report, north.totals.total);
  });

  test('sourced tasks keep their text; their follow-up can be set', async () => {
    const adminH = await h.as('admin');
    const t = (await call('GET', '/api/conferences/north-x-2024/tasks')).json().groups[1].tasks[0];
    assert.equal((await call('PATCH', `/api/tasks/${t.id}`, { title: 'Khác' }, adminH)).statusCode, 409);
    const ok = await call('PATCH', `/api/tasks/${t.id}`, { due_on: '2024-12-31', parties: [{ kind: 'ministry_unit', unit: 'vu-thi-truong-trong-nuoc' }] }, adminH);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().due_on, '2024-12-31');
    assert.ok(ok.json().parties.some((p: any) => p.unit === 'vu-thi-truong-trong-nuoc'));
    assert.equal(ok.json().parties.length, 29);
  });

  test('the conference page\'s follow-up summary', async () => {
    const s = (await call('GET', '/api/conferences/north-x-2024/follow-up')).json();
    assert.equal(s.tasks.total, 10);
    assert.equal(s.recommendations.total, 0, 'the seed recommendation is not published');
    assert.equal((await call('GET', '/api/conferences/north-x-2024/follow-up', undefined, await h.as('viewer'))).json().recommendations.total, 0, 'a viewer reads as the public');
    const inside = (await call('GET', '/api/conferences/north-x-2024/follow-up', undefined, await h.as('analyst'))).json();
    assert.equal(inside.recommendations.total, 1);
    assert.equal(inside.recommendations.awaiting_assignment, 1);
  });
});
