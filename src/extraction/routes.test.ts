// Reading an article through the API, correcting nothing, and saving its figures as values whose
// history names the document and the sentence.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../db/testing.ts';
import type { Db } from '../db/database.ts';
import { buildApp } from '../server/app.ts';
import { ensureDemoData } from '../collection/demo/loadDemo.ts';
import { signInAs, type TestSession } from '../access/testing.ts';

let db: Db;
let app: FastifyInstance;
let analyst: TestSession;
let province: TestSession;
before(async () => {
  db = await openTestDb();
  await ensureDemoData(db);
  app = await buildApp({ db });
  analyst = await signInAs(app, db, 'analyst');
  province = await signInAs(app, db, 'province_officer', { province: 'gia-lai-2025' });
});
after(async () => {
  await app.close();
  await db.close();
});

const ARTICLE = 'Ngày 5/10/2025, Sở Công Thương tỉnh Gia Lai cho biết: 9 tháng đầu năm 2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn tỉnh ước đạt 98.765 tỷ đồng, tăng 11,2% so với cùng kỳ năm trước. Kim ngạch xuất khẩu đạt 1.234 triệu USD, bằng 75% kế hoạch năm.';

describe('extraction API', () => {
  test('only the ministry reads documents through the API', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/extraction/read', payload: { text: ARTICLE }, headers: province });
    assert.equal(res.statusCode, 403);
    const anon = await app.inject({ method: 'POST', url: '/api/extraction/read', payload: { text: ARTICLE } });
    assert.equal(anon.statusCode, 401);
  });

  test('readings come with proposals, and accepted ones become values traced to their sentence', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/extraction/read', payload: { text: ARTICLE }, headers: analyst });
    assert.equal(res.statusCode, 200, res.body);
    const figures = res.json().figures as any[];
    const retail = figures.find((f) => f.indicator === 'retail_services');
    assert.equal(retail.value, 98765);
    assert.equal(retail.growth_pct, 11.2);
    assert.equal(retail.status, 'estimate');
    assert.equal(retail.proposal.input.place, 'gia-lai-2025');
    assert.equal(ARTICLE.slice(retail.explain.start, retail.explain.end), retail.quote);
    // Confidence follows what the sentence itself said: place, period and indicator all in it → high;
    // the exports sentence names neither place nor period (both carried) → medium.
    assert.equal(retail.confidence.level, 'high');
    const exports = figures.find((f) => f.indicator === 'exports');
    assert.equal(exports.confidence.level, 'medium');
    assert.deepEqual(exports.confidence.reasons.map((r: any) => r.en), [
      "Place taken from the article's subject (Gia Lai); the sentence names none.", 'Period carried over from an earlier sentence.',
    ]);
    const accepted = figures.filter((f) => f.proposal.input).map((f) => ({ ...f.proposal.input, quote: f.quote }));
    const save = await app.inject({
      method: 'POST', url: '/api/extraction/accept', headers: analyst,
      payload: { document: { title: 'Báo cáo 9 tháng 2025, Sở Công Thương Gia Lai' }, figures: accepted },
    });
    assert.equal(save.statusCode, 201, save.body);
    const hist = (await app.inject({ url: '/api/values/history?place=gia-lai-2025&indicator=retail_services&period=9T/2025&status=estimate', headers: analyst })).json();
    assert.equal(hist.revisions[0].value, 98765);
    assert.equal(hist.revisions[0].source_document, save.json().document);
    assert.match(hist.revisions[0].source_quote, /98\.765 tỷ đồng/);
  });

  test('a corrected reading that is still wrong writes nothing and names the row', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/extraction/accept', headers: analyst,
      payload: { document: { title: 'x' }, figures: [
        { place: 'gia-lai-2025', indicator: 'exports', period: '9T/2025', value: 1, quote: 'a' },
        { place: 'gia-lai-2025', indicator: 'exports', period: 'kỳ nào đó', value: 1, quote: 'b' },
      ] },
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().error.details.map((d: any) => [d.row, d.field]), [[2, 'period']]);
  });

  test('a figure the catalogue cannot hold is read, graded low, and proposed for nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/extraction/read', headers: analyst, payload: { text: `${ARTICLE} Tỷ trọng công nghiệp chế biến chiếm 30%.` } });
    const share = (res.json().figures as any[]).find((f) => f.indicator === 'other');
    assert.equal(share.value, 30);
    assert.equal(share.proposal.input, null);
    assert.equal(share.confidence.level, 'low');
  });

  test('a hostile upload gets a clear message', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/extraction/read', headers: analyst,
      payload: { filename: 'bao-cao.docx', content_base64: Buffer.from('not a zip at all').toString('base64') },
    });
    assert.equal(res.statusCode, 422);
    assert.ok(res.json().error.message.length > 10);
  });
});
