// The conferences API over the demo store: list, detail with the analytics' figures, the region's
// hosts, writes by the coordinators only, validation, versions, difficulties.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, type Harness } from './testSupport.ts';

let h: Harness;
before(async () => { h = await harness(); });
after(async () => { await h.close(); });

const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ url, headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url, payload: payload as any, headers });

describe('conferences API', () => {
  test('the known conferences, in order, with Roman ordinals and hosts', async () => {
    const res = await get('/api/conferences?region=south');
    assert.equal(res.statusCode, 200);
    const list = res.json().conferences;
    assert.deepEqual(list.map((c: any) => `${c.ordinal_roman ?? '-'} ${c.year} ${c.host_name}`), ['- 2019 Bà Rịa - Vũng Tàu', 'IX 2023 Hậu Giang', 'X 2024 Kiên Giang', 'XI 2025 Tây Ninh']);
    assert.equal(list[2].title, 'Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X năm 2024');
  });

  test('South X shows its trade fair, the flag to Long An and the region\'s 9-month figures from the analytics', async () => {
    const c = (await get('/api/conferences/south-x-2024')).json();
    assert.equal(c.date_label, 'ngày 11/10/2024');
    assert.equal(c.trade_fair.held, true);
    assert.equal(c.trade_fair.source.document, 'seed-002');
    assert.equal(c.handovers[0].to_name, 'Long An');
    assert.equal(c.handovers[0].for_ordinal_label, 'lần thứ XI');
    assert.equal(c.handovers[0].from, null, 'the article does not say who handed the flag over');
    const p = c.figures[0];
    assert.equal(p.period, '9T/2024');
    const retail = p.figures.find((f: any) => f.indicator === 'retail_services');
    assert.equal(retail.text.headline, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam 9 tháng đầu năm 2024 đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.');
    assert.equal(retail.coverage.of, 20);
    const clusters = p.figures.find((f: any) => f.indicator === 'clusters_count');
    assert.match(clusters.text.headline, /tháng 9\/2024 đạt 186 cụm/);
    assert.ok(c.sources.every((s: any) => s.document === 'seed-002' && s.quote.length > 10));
  });

  test('the South 2019 conference lists the ministry units that attended, as the article names them', async () => {
    const c = (await get('/api/conferences/south-2019-0712')).json();
    assert.equal(c.ordinal, null);
    assert.deepEqual(c.attendance.ministry_units.filter((m: any) => m.role === 'attending').map((m: any) => m.unit), [
      'cuc-hoa-chat', 'cuc-dieu-tiet-dien-luc', 'cuc-thuong-mai-dien-tu-va-kinh-te-so', 'cuc-xuc-tien-thuong-mai', 'vu-thi-truong-trong-nuoc', 'vu-khoa-hoc-va-cong-nghe', 'vu-ke-hoach']);
    assert.match(c.attendance.note, /có thể chưa đủ/);
    assert.equal(c.attendance.ministry_units.find((m: any) => m.role === 'organiser').unit, 'cuc-cong-thuong-dia-phuong');
  });

  test('the region page: past hosts, handovers and what became of them, the next host as of a date', async () => {
    const south = (await get('/api/regions/south/conferences?as_of=2024-12-31')).json();
    assert.deepEqual(south.past_hosts.map((p: any) => p.host), ['ba-ria-vung-tau', 'hau-giang', 'kien-giang']);
    assert.equal(south.next_host.host_name, 'Long An');
    assert.equal(south.next_host.ordinal_label, 'lần thứ XI');
    const now = (await get('/api/regions/south/conferences?as_of=2026-01-01')).json();
    assert.equal(now.next_host, null);
    assert.equal(now.next_host_text, 'Chưa có thông tin về tỉnh đăng cai kế tiếp.');
    assert.equal(now.handovers[0].outcome, 'held_by_successor');
    const north = (await get('/api/regions/north/conferences?as_of=2026-01-01')).json();
    assert.equal(north.handovers[0].to, 'thai-nguyen');
    assert.equal(north.handovers[0].outcome, 'not_recorded');
    const central = (await get('/api/regions/central/conferences')).json();
    assert.match(central.numbering_notes[0].text, /XI \(2025\) không lớn hơn XIII \(2022\)/);
    assert.equal((await get('/api/regions/nowhere/conferences')).statusCode, 404);
  });

  test('recording a conference: coordinators only; 401 for the public, 403 for a province', async () => {
    const body = { region: 'south', ordinal: 'XII', year: 2026, starts_on: '2026-12-10', host: 'can-tho-2025', venue: 'Cần Thơ' };
    assert.equal((await send('POST', '/api/conferences', body)).statusCode, 401);
    const prov = await send('POST', '/api/conferences', body, await h.as('province_officer', { province: 'can-tho-2025' }));
    assert.equal(prov.statusCode, 403);
    assert.match(prov.json().error.message, /Cục Công Thương địa phương/);
    assert.equal((await send('POST', '/api/conferences', body, await h.as('ministry_unit', { ministryUnit: 'cuc-hoa-chat' }))).statusCode, 403);
    const agency = await h.as('ministry_unit', { ministryUnit: 'cuc-cong-thuong-dia-phuong' });
    const res = await send('POST', '/api/conferences', body, agency);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().slug, 'south-xii-2026');
    const c = (await get('/api/conferences/south-xii-2026')).json();
    assert.equal(c.status, 'planned');
    const page = (await get('/api/regions/south/conferences')).json();
    assert.equal(page.next_host.host, 'can-tho-2025');
    assert.equal(page.next_host.basis, 'planned');
  });

  test('a host not in force on the day is refused, in Vietnamese first', async () => {
    const res = await send('POST', '/api/conferences', { region: 'south', ordinal: 11, year: 2025, starts_on: '2025-10-21', host: 'long-an', slug: 'south-test-long-an' }, await h.as('admin'));
    assert.equal(res.statusCode, 422);
    assert.match(res.json().error.message, /^Thông tin hội nghị chưa đúng: "long-an" không còn\/chưa có hiệu lực vào 2025-10-21\./);
    assert.match(res.json().error.messageEn, /not in force/);
  });

  test('attendance, agenda and a handover are recorded; a stale version is refused with 409', async () => {
    const admin = await h.as('admin');
    const created = await send('POST', '/api/conferences', { region: 'central', ordinal: 12, year: 2026, starts_on: '2026-06-05', host: 'hue' }, admin);
    assert.equal(created.statusCode, 201, created.body);
    const slug = created.json().slug;
    assert.equal((await send('PUT', `/api/conferences/${slug}/attendance`, {
      parties: [{ kind: 'province', unit: 'hue', role: 'host' }, { kind: 'province', unit: 'da-nang-2025' }, { kind: 'ministry_unit', unit: 'cuc-xuc-tien-thuong-mai' }],
      attendance_note: 'Lãnh đạo Sở Công Thương 11 tỉnh, thành phố',
    }, admin)).statusCode, 200);
    assert.equal((await send('PUT', `/api/conferences/${slug}/agenda`, { items: [{ time: '08:00', title: 'Khai mạc' }, { time: '08:30', title: 'Báo cáo 6 tháng', presenter: 'Vụ KH' }] }, admin)).statusCode, 200);
    assert.equal((await send('POST', `/api/conferences/${slug}/handovers`, { from: 'hue', to: 'quang-tri-2025', for_ordinal: 'XIII', for_year: 2027 }, admin)).statusCode, 201);
    const c = (await get(`/api/conferences/${slug}`)).json();
    assert.deepEqual(c.attendance.provinces.map((p: any) => p.name), ['Huế', 'Đà Nẵng']);
    assert.equal(c.attendance.ministry_units[0].name, 'Cục Xúc tiến thương mại');
    assert.deepEqual(c.agenda.map((a: any) => a.title), ['Khai mạc', 'Báo cáo 6 tháng']);
    assert.equal(c.handovers[0].for_ordinal_label, 'lần thứ XIII');
    const ok = await send('PATCH', `/api/conferences/${slug}`, { venue: 'TP Huế', expected_version: c.version }, admin);
    assert.equal(ok.statusCode, 200, ok.body);
    const stale = await send('PATCH', `/api/conferences/${slug}`, { venue: 'Khác', expected_version: c.version }, admin);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.json().error.message, /người khác sửa/);
    assert.equal((await send('DELETE', `/api/conferences/${slug}`, undefined, admin)).statusCode, 204);
    const sourced = await send('DELETE', '/api/conferences/south-x-2024', undefined, admin);
    assert.equal(sourced.statusCode, 409);
  });

  test('difficulties: a province records its own, the region summary groups them by field and kind', async () => {
    const kg = await h.as('province_officer', { province: 'kien-giang' });
    const mine = await send('POST', '/api/difficulties', { unit: 'kien-giang', period: '9 tháng đầu năm 2024', field: 'industrial_clusters', kind: 'obstacle', body: 'Vướng mắc giải phóng mặt bằng <script>alert(1)</script>cụm công nghiệp.' }, kg);
    assert.equal(mine.statusCode, 201, mine.body);
    const other = await send('POST', '/api/difficulties', { unit: 'ca-mau', period: '9T/2024', field: 'energy', kind: 'difficulty', body: 'x' }, kg);
    assert.equal(other.statusCode, 403);
    assert.match(other.json().error.message, /tỉnh, thành phố của mình/);
    assert.equal((await send('PATCH', `/api/difficulties/${mine.json().id}`, { kind: 'difficulty' }, await h.as('province_officer', { province: 'ca-mau' }))).statusCode, 403);
    assert.equal((await send('PATCH', `/api/difficulties/${mine.json().id}`, { kind: 'difficulty' }, kg)).statusCode, 200);
    const pub = await get('/api/difficulties/summary?region=south&period=9T/2024');
    assert.equal(pub.statusCode, 200);
    assert.equal(pub.json().total, 0, 'what a province recorded is not public');
    assert.equal((await get('/api/difficulties/summary?region=south&period=9T/2024', await h.as('viewer'))).json().total, 0, 'a viewer reads as the public');
    assert.equal((await get('/api/difficulties/summary?region=south&period=9T/2024', await h.as('province_officer', { province: 'ca-mau' }))).json().total, 0, 'nor another province\'s');
    assert.equal((await get('/api/difficulties/summary?region=south&period=9T/2024', kg)).json().total, 1, 'the province reads its own');
    const sum = (await get('/api/difficulties/summary?region=south&period=9T/2024', await h.as('ministry_unit', { ministryUnit: 'cuc-hoa-chat' }))).json();
    assert.equal(sum.total, 1);
    assert.equal(sum.groups[0].label, 'Cụm công nghiệp');
    assert.equal(sum.groups[0].kinds[0].label, 'Khó khăn');
    assert.equal(sum.groups[0].kinds[0].items[0].text, 'Vướng mắc giải phóng mặt bằng cụm công nghiệp.');
    const n6 = (await get('/api/difficulties/summary?conference=north-vi-2019')).json();
    assert.equal(n6.total, 6, 'quoted from a published article: public');
    assert.equal(n6.total, 6);
    assert.deepEqual(n6.groups.map((g: any) => g.field), ['industry', 'industrial_clusters', 'trade', 'trade_infrastructure', 'planning']);
    assert.ok(n6.groups.every((g: any) => g.kinds.every((k: any) => k.kind === 'limitation')));
    const sourced = (await get('/api/difficulties?conference=north-vi-2019')).json().difficulties[0];
    assert.equal((await send('DELETE', `/api/difficulties/${sourced.id}`, undefined, await h.as('admin'))).statusCode, 409);
  });

  test('the OpenAPI document lists the conference endpoints under their tag', async () => {
    const doc = (await get('/openapi.json')).json();
    for (const p of ['/api/conferences', '/api/conferences/{id}', '/api/regions/{region}/conferences', '/api/difficulties/summary', '/api/attachments/{id}']) {
      assert.ok(doc.paths[p], `missing ${p}`);
    }
    assert.deepEqual(doc.paths['/api/conferences'].get.tags, ['conferences']);
  });
});
