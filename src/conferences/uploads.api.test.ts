// Uploads over HTTP: too large, wrong type, disguised or hostile names are refused with clear
// Vietnamese-first errors; accepted files are stored under random names and served as attachments
// that browsers never sniff; private files stay private.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { harness, multipart, type Harness } from './testSupport.ts';

let h: Harness;
let admin: Record<string, string>;
before(async () => {
  h = await harness({ uploadMaxBytes: 4096 });
  admin = await h.as('admin');
});
after(async () => { await h.close(); });

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const upload = (url: string, file: Parameters<typeof multipart>[0], fields: Record<string, string> = {}, headers = admin) => {
  const m = multipart(file, fields);
  return h.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...headers, ...m.headers } });
};
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

describe('conference documents: uploads and downloads', () => {
  test('a PDF is stored under a random name and served as an attachment with nosniff', async () => {
    const res = await upload('/api/conferences/south-x-2024/documents', { name: 'Báo cáo tổng hợp 9 tháng.pdf', data: PDF, type: 'text/html' }, { title: 'Báo cáo tổng hợp', kind: 'report' });
    assert.equal(res.statusCode, 201, res.body);
    const file = res.json().file;
    assert.equal(file.mime, 'application/pdf', 'the type comes from the bytes, not from the browser');
    assert.equal(file.file_name, 'Báo cáo tổng hợp 9 tháng.pdf');
    const stored = files(join(h.dataDir, 'attachments'));
    assert.equal(stored.length, 1);
    assert.match(stored[0]!, /attachments\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    assert.deepEqual(readFileSync(stored[0]!), PDF);
    const dl = await h.app.inject(file.url);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.match(String(dl.headers['content-disposition']), /^attachment; filename="Bao cao tong hop 9 thang.pdf"; filename\*=UTF-8''B%C3%A1o/);
    assert.match(String(dl.headers['content-security-policy']), /sandbox/);
    assert.deepEqual(dl.rawPayload, PDF);
    const c = (await h.app.inject('/api/conferences/south-x-2024')).json();
    assert.equal(c.documents[0].title, 'Báo cáo tổng hợp');
    assert.equal(c.documents[0].file.url, file.url);
  });

  test('too large: 413, "Tệp quá lớn", nothing stored', async () => {
    const before = files(join(h.dataDir, 'attachments')).length;
    const res = await upload('/api/conferences/south-x-2024/documents', { name: 'lon.pdf', data: Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]) });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.message, 'Tệp quá lớn: tối đa 4 KB.');
    assert.match(res.json().error.messageEn, /too large/);
    assert.equal(files(join(h.dataDir, 'attachments')).length, before);
    const c = (await h.app.inject('/api/conferences/south-x-2024')).json();
    assert.equal(c.documents.length, 1, 'no document row is left behind');
  });

  test('wrong type: an HTML page or an executable named .pdf is refused with 415', async () => {
    const html = await upload('/api/conferences/south-x-2024/documents', { name: 'trang.html', data: Buffer.from('<html><script>alert(1)</script></html>') });
    assert.equal(html.statusCode, 415);
    assert.match(html.json().error.message, /^Loại tệp không được chấp nhận\. Chỉ nhận: PDF, PNG, JPEG, Word/);
    const exe = await upload('/api/conferences/south-x-2024/documents', { name: 'bao-cao.pdf', data: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') });
    assert.equal(exe.statusCode, 415);
    const mismatch = await upload('/api/conferences/south-x-2024/documents', { name: 'bao-cao.docx', data: PDF });
    assert.equal(mismatch.statusCode, 415);
    assert.match(mismatch.json().error.message, /Đuôi tệp "\.docx" không khớp với nội dung \(PDF\)/);
  });

  test('hostile names: folders are stripped, control and direction characters refused', async () => {
    const trav = await upload('/api/conferences/south-x-2024/documents', { name: '../../../etc/passwd.pdf', data: PDF });
    assert.equal(trav.statusCode, 201, trav.body);
    assert.equal(trav.json().file.file_name, 'passwd.pdf');
    assert.ok(files(join(h.dataDir, 'attachments')).every((f) => f.startsWith(join(h.dataDir, 'attachments'))));
    const rlo = await upload('/api/conferences/south-x-2024/documents', { name: 'bao-cao\u202Efdp.exe', data: PDF });
    assert.equal(rlo.statusCode, 422);
    assert.match(rlo.json().error.message, /^Tên tệp không hợp lệ/);
    const dev = await upload('/api/conferences/south-x-2024/documents', { name: 'CON.pdf', data: PDF });
    assert.equal(dev.statusCode, 422);
  });

  test('no file, or not multipart at all, is refused clearly', async () => {
    const none = await upload('/api/conferences/south-x-2024/documents', null, { title: 'x' });
    assert.equal(none.statusCode, 422);
    assert.match(none.json().error.message, /Chưa chọn tệp/);
    const json = await h.app.inject({ method: 'POST', url: '/api/conferences/south-x-2024/documents', payload: { title: 'x' }, headers: admin });
    assert.equal(json.statusCode, 415);
    assert.match(json.json().error.message, /multipart\/form-data/);
  });

  test('only coordinators upload; a private document is hidden from the public', async () => {
    const prov = await upload('/api/conferences/south-x-2024/documents', { name: 'a.pdf', data: PDF }, {}, await h.as('province_officer', { province: 'kien-giang' }));
    assert.equal(prov.statusCode, 403);
    const res = await upload('/api/conferences/south-x-2024/documents', { name: 'noi-bo.pdf', data: PDF }, { title: 'Nội bộ', public: 'false' });
    assert.equal(res.statusCode, 201);
    const url = res.json().file.url;
    assert.equal((await h.app.inject(url)).statusCode, 401);
    assert.equal((await h.app.inject({ url, headers: await h.as('viewer') })).statusCode, 200);
    const publicView = (await h.app.inject('/api/conferences/south-x-2024')).json();
    assert.ok(!publicView.documents.some((d: any) => d.title === 'Nội bộ'));
    assert.equal((await h.app.inject('/api/attachments/00000000-0000-0000-0000-000000000000')).statusCode, 404);
    assert.equal((await h.app.inject('/api/attachments/..%2F..%2Fetc%2Fpasswd')).statusCode, 404);
  });

  test('removing a document deletes its file', async () => {
    const res = await upload('/api/conferences/north-x-2024/documents', { name: 'xoa.pdf', data: PDF });
    const before = files(join(h.dataDir, 'attachments')).length;
    const del = await h.app.inject({ method: 'DELETE', url: `/api/conferences/north-x-2024/documents/${res.json().id}`, headers: admin });
    assert.equal(del.statusCode, 204);
    assert.equal(files(join(h.dataDir, 'attachments')).length, before - 1);
    assert.equal((await h.app.inject(res.json().file.url)).statusCode, 404);
  });
});
