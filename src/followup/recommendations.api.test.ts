// A recommendation's whole life over HTTP: a province submits it, the Agency assigns two units with
// due dates, each answers only its own assignment, the province reads the answers, the Agency closes
// and publishes it; figures, reminders and the Word and Excel exports, opened and checked.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { harness, multipart, type Harness } from '../conferences/testSupport.ts';
import { addDays, vietnamToday } from './dates.ts';

const JSZip = createRequire(import.meta.url)('jszip');

let h: Harness;
let hg: Record<string, string>; // Hậu Giang's officer
let agency: Record<string, string>;
let erav: Record<string, string>;
let vtt: Record<string, string>;
const today = vietnamToday();
before(async () => {
  h = await harness();
  hg = await h.as('province_officer', { province: 'hau-giang' });
  agency = await h.as('ministry_unit', { ministryUnit: 'cuc-cong-thuong-dia-phuong' });
  erav = await h.as('ministry_unit', { ministryUnit: 'cuc-dieu-tiet-dien-luc' });
  vtt = await h.as('ministry_unit', { ministryUnit: 'vu-thi-truong-trong-nuoc' });
});
after(async () => { await h.close(); });

const call = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  h.app.inject({ method: method as any, url, payload: payload as any, headers });

let id: number;

describe('recommendations over HTTP', () => {
  test('a province submits its own recommendation to a conference of its region', async () => {
    const res = await call('POST', '/api/recommendations', {
      conference: 'south-x-2024', field: 'energy', title: 'Đầu tư lưới điện cho cụm công nghiệp',
      body: '<p>Đề nghị hỗ trợ <b>đầu tư lưới điện</b> trung thế cho cụm công nghiệp Tân Phú Thạnh.<script>x()</script></p>',
    }, hg);
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    id = r.id;
    assert.equal(r.province, 'hau-giang');
    assert.equal(r.via, 'province');
    assert.equal(r.status, 'submitted');
    assert.equal(r.status_label, 'Chờ phân công');
    assert.doesNotMatch(r.body, /script/);
    assert.equal(r.events[0].action, 'submitted');
  });

  test('a province outside the conference\'s region is refused', async () => {
    const res = await call('POST', '/api/recommendations', { conference: 'south-x-2024', field: 'trade', title: 'Kiến nghị', body: 'x' }, await h.as('province_officer', { province: 'ha-noi' }));
    assert.equal(res.statusCode, 422);
    assert.match(res.json().error.message, /không thuộc vùng/);
  });

  test('only the Agency assigns; two units, each with a due date', async () => {
    const body = { assignments: [{ unit: 'cuc-dieu-tiet-dien-luc', due_on: addDays(today, 20), role: 'lead' }, { unit: 'vu-thi-truong-trong-nuoc', due_on: addDays(today, 3), role: 'support' }] };
    assert.equal((await call('POST', `/api/recommendations/${id}/assignments`, body, hg)).statusCode, 403);
    assert.equal((await call('POST', `/api/recommendations/${id}/assignments`, body, erav)).statusCode, 403);
    const past = await call('POST', `/api/recommendations/${id}/assignments`, { assignments: [{ unit: 'cuc-hoa-chat', due_on: '2020-01-01' }] }, agency);
    assert.equal(past.statusCode, 422);
    assert.match(past.json().error.message, /đã qua/);
    const res = await call('POST', `/api/recommendations/${id}/assignments`, body, agency);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'assigned');
    const again = await call('POST', `/api/recommendations/${id}/assignments`, { assignments: [{ unit: 'cuc-dieu-tiet-dien-luc', due_on: addDays(today, 5) }] }, agency);
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /Đã giao cho Cục Điều tiết điện lực/);
  });

  test('once assigned, the province can no longer edit or withdraw it', async () => {
    const res = await call('PATCH', `/api/recommendations/${id}`, { title: 'Sửa tiêu đề' }, hg);
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error.message, /Chỉ sửa được khi kiến nghị chưa được phân công/);
    assert.equal((await call('POST', `/api/recommendations/${id}/withdraw`, {}, hg)).statusCode, 409);
  });

  test('each unit answers only its own assignment', async () => {
    const d = (await call('GET', `/api/recommendations/${id}`, undefined, hg)).json();
    const [lead, support] = d.assignments;
    assert.equal(lead.state, 'pending');
    assert.equal(support.state, 'due_soon');
    const wrong = await call('POST', `/api/recommendations/${id}/assignments/${lead.id}/answer`, { body: 'Không phải việc của Vụ.' }, vtt);
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.json().error.message, /Chỉ đơn vị được giao/);
    assert.equal((await call('POST', `/api/recommendations/${id}/assignments/${lead.id}/answer`, { body: 'x' }, await h.as('ministry_unit', { ministryUnit: 'cuc-hoa-chat' }))).statusCode, 403);
    assert.equal((await call('POST', `/api/recommendations/${id}/assignments/${lead.id}/answer`, { body: 'x' }, agency)).statusCode, 403, 'the Agency coordinates; it does not answer in a unit\'s name');
    const a1 = await call('POST', `/api/recommendations/${id}/assignments/${lead.id}/answer`, { body: 'Đã đưa vào kế hoạch cải tạo lưới điện năm 2025.' }, erav);
    assert.equal(a1.statusCode, 200, a1.body);
    assert.equal(a1.json().status, 'assigned');
    const m = multipart({ name: 'Công văn trả lời.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const file = await h.app.inject({ method: 'POST', url: `/api/recommendations/${id}/assignments/${lead.id}/files`, payload: m.payload, headers: { ...erav, ...m.headers } });
    assert.equal(file.statusCode, 201, file.body);
    const a2 = await call('POST', `/api/recommendations/${id}/assignments/${support.id}/answer`, { body: 'Phối hợp theo dõi.' }, vtt);
    assert.equal(a2.json().status, 'answered');
  });

  test('the province sees the answers and the answer file', async () => {
    const d = (await call('GET', `/api/recommendations/${id}`, undefined, hg)).json();
    assert.equal(d.status_label, 'Đã trả lời');
    assert.equal(d.answered_on_time, true);
    assert.equal(d.assignments[0].answer_text, 'Đã đưa vào kế hoạch cải tạo lưới điện năm 2025.');
    assert.equal(d.assignments[0].state_label, 'Đã trả lời đúng hạn');
    assert.equal(d.assignments[0].files[0].file_name, 'Công văn trả lời.pdf');
    assert.equal((await call('GET', d.assignments[0].files[0].url, undefined, hg)).statusCode, 200);
    assert.equal((await call('GET', d.assignments[0].files[0].url)).statusCode, 401, 'not public before publication');
  });

  test('the public reads nothing until the Agency closes and publishes it', async () => {
    assert.equal((await call('GET', `/api/recommendations/${id}`)).statusCode, 404);
    assert.equal((await call('GET', '/api/recommendations?conference=south-x-2024')).json().items.length, 0);
    assert.equal((await call('POST', `/api/recommendations/${id}/close`, { reason: 'answered' }, hg)).statusCode, 403);
    const closed = await call('POST', `/api/recommendations/${id}/close`, { reason: 'answered', note: 'Đã trả lời đầy đủ', publish: true }, agency);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().status, 'closed');
    const pub = await call('GET', `/api/recommendations/${id}`);
    assert.equal(pub.statusCode, 200);
    assert.equal(pub.json().assignments[0].answered_by, null, 'who typed it stays internal');
    assert.deepEqual(pub.json().events, []);
    assert.equal((await call('GET', pub.json().assignments[0].files[0].url)).statusCode, 200);
    assert.equal((await call('POST', `/api/recommendations/${id}/assignments/${pub.json().assignments[0].id}/answer`, { body: 'sửa' }, erav)).statusCode, 409, 'closed: no more answers');
  });

  test('an overdue assignment shows in the figures and in the unit\'s reminders only', async () => {
    const r2 = (await call('POST', '/api/recommendations', { conference: 'south-x-2024', field: 'e_commerce', title: 'Quản lý sàn thương mại điện tử', body: 'Đề nghị hướng dẫn.' }, hg)).json();
    await call('POST', `/api/recommendations/${r2.id}/assignments`, { assignments: [{ unit: 'cuc-thuong-mai-dien-tu-va-kinh-te-so', due_on: today }] }, agency);
    // The due date is moved into the past directly: the API refuses past due dates.
    await h.db.k.updateTable('recommendation_assignment').set({ due_on: addDays(today, -3) }).where('recommendation_id', '=', r2.id).execute();
    const list = (await call('GET', '/api/recommendations?conference=south-x-2024&overdue=true', undefined, agency)).json();
    assert.deepEqual(list.items.map((x: any) => x.id), [r2.id]);
    const f = (await call('GET', '/api/recommendations/figures?conference=south-x-2024', undefined, agency)).json();
    assert.deepEqual([f.total, f.answered, f.answered_on_time, f.open, f.overdue, f.closed], [2, 1, 1, 1, 1, 1]);
    const ecom = f.by_unit.find((u: any) => u.unit === 'cuc-thuong-mai-dien-tu-va-kinh-te-so');
    assert.deepEqual([ecom.assigned, ecom.overdue], [1, 1]);
    const mine = (await call('GET', '/api/recommendations/reminders', undefined, await h.as('ministry_unit', { ministryUnit: 'cuc-thuong-mai-dien-tu-va-kinh-te-so' }))).json();
    assert.deepEqual(mine.reminders.map((x: any) => `${x.kind}:${x.days}`), ['overdue:3']);
    assert.equal(mine.reminders[0].label, 'Quá hạn trả lời');
    const theirs = (await call('GET', '/api/recommendations/reminders', undefined, erav)).json();
    assert.equal(theirs.reminders.length, 0);
    const all = (await call('GET', '/api/recommendations/reminders', undefined, agency)).json();
    assert.ok(all.reminders.some((x: any) => x.kind === 'awaiting_assignment' && x.recommendation.conference === 'north-x-2024'), 'the seed recommendation waits for assignment');
  });

  test('a session recommendation is recorded by the Agency, not by a province in its name', async () => {
    const body = { conference: 'south-x-2024', province: 'kien-giang', field: 'trade_promotion', title: 'Hội chợ kết nối cung cầu', body: 'Nêu tại phiên thảo luận.' };
    const res = await call('POST', '/api/recommendations', body, agency);
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().via, 'session');
    assert.equal((await call('PATCH', `/api/recommendations/${res.json().id}`, { title: 'Sửa bởi tỉnh' }, await h.as('province_officer', { province: 'kien-giang' }))).statusCode, 403);
    assert.equal((await call('POST', `/api/recommendations/${res.json().id}/withdraw`, {}, agency)).json().status, 'withdrawn');
  });

  test('exports: the Word document and the Excel workbook hold the list, the answers and the figures', async () => {
    const docx = await call('GET', '/api/recommendations/export?conference=south-x-2024&format=docx', undefined, agency);
    assert.equal(docx.statusCode, 200);
    assert.match(String(docx.headers['content-type']), /wordprocessingml/);
    assert.match(String(docx.headers['content-disposition']), /attachment; filename="kien-nghi-south-x-2024-\d{4}-\d{2}-\d{2}\.docx"/);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml: string = await zip.file('word/document.xml').async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['TỔNG HỢP KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG VÀ TÌNH HÌNH TRẢ LỜI', 'Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X năm 2024',
      'Đầu tư lưới điện cho cụm công nghiệp', 'Hậu Giang', 'Năng lượng, điện lực', 'Đã đưa vào kế hoạch cải tạo lưới điện năm 2025.', 'Cục Điều tiết điện lực (chủ trì',
      'Tổng số 2 kiến nghị; đã trả lời 1 (đúng hạn 1); còn chờ trả lời 1, trong đó quá hạn 1', 'TÌNH HÌNH TRẢ LỜI THEO ĐƠN VỊ']) {
      assert.ok(text.includes(s), `docx lacks: ${s}`);
    }
    assert.match(xml, /w:orient="landscape"/);
    assert.match(xml, /Times New Roman/);

    const xlsx = await call('GET', '/api/recommendations/export?conference=south-x-2024&format=xlsx', undefined, agency);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Kiến nghị', 'Phân công', 'Số liệu']);
    const recs = wb.getWorksheet('Kiến nghị')!;
    assert.equal(recs.getRow(1).getCell(7).value, 'Tiêu đề');
    const titles = [2, 3].map((r) => recs.getRow(r).getCell(7).value);
    assert.deepEqual(titles.sort(), ['Quản lý sàn thương mại điện tử', 'Đầu tư lưới điện cho cụm công nghiệp'].sort());
    const asg = wb.getWorksheet('Phân công')!;
    assert.equal(asg.rowCount, 4);
    const fig = wb.getWorksheet('Số liệu')!;
    assert.deepEqual([fig.getRow(2).values, fig.getRow(3).values].map((v: any) => v.slice(1)), [['Tổng số kiến nghị', 2], ['Đã trả lời', 1]]);
  });

  test('the public export holds only what was published', async () => {
    const xlsx = await call('GET', '/api/recommendations/export?conference=south-x-2024&format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    assert.equal(wb.getWorksheet('Kiến nghị')!.rowCount, 2);
  });

  test('every write is in the audit log, with who did it', async () => {
    const rows = await h.db.k.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'actor', 'role']).where('entity', '=', 'recommendation').orderBy('id').execute();
    const actions = rows.filter((r) => r.entity_id === String(id) || r.action === 'recommendation.create').map((r) => `${r.action}:${r.role}`);
    for (const a of ['recommendation.create:province_officer', 'recommendation.assignments:ministry_unit', 'recommendation.assignments.answer:ministry_unit', 'recommendation.close:ministry_unit']) {
      assert.ok(actions.includes(a), `missing ${a} in ${actions.join(', ')}`);
    }
    assert.ok(!rows.some((r) => r.actor === 'public'), 'refused writes are not logged as actions');
  });
});
