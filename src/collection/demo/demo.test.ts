// The demo store: master data and the seed articles' figures, read back through the API the way an
// analyst would check them against the articles.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../../db/testing.ts';
import type { Db } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { ensureDemoData } from './loadDemo.ts';

let db: Db;
let app: FastifyInstance;
before(async () => {
  db = await openTestDb();
  await ensureDemoData(db);
  app = await buildApp({ db });
});
after(async () => {
  await app.close();
  await db.close();
});

const figure = async (region: string, indicator: string, period: string, lang = 'vi') =>
  (await app.inject(`/api/analytics/regions/${region}/indicators/${indicator}?period=${encodeURIComponent(period)}&lang=${lang}`)).json();

describe('demo data from the seed articles', () => {
  test('loading twice adds nothing', async () => {
    const before = await db.k.selectFrom('value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await ensureDemoData(db);
    assert.equal(r.figures, 0);
    const after = await db.k.selectFrom('value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
    assert.ok(Number(before.n) >= 24);
  });

  test('southern retail, 9 months of 2024, reads as the article writes it', async () => {
    const f = await figure('south', 'retail_services', '9 tháng đầu năm 2024');
    assert.equal(f.coverage.of, 20);
    assert.equal(f.coverage.reported, 0);
    assert.equal(f.published[0].value, 2442000);
    assert.equal(f.published[0].growthPct, 12.47);
    assert.equal(f.text.headline,
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam 9 tháng đầu năm 2024 đạt hơn 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước.');
    const en = await figure('south', 'retail_services', '9T/2024', 'en');
    assert.match(en.text.headline, /over 2,442 trillion VND, up 12\.47% year on year/);
  });

  test('southern exports are an estimate and say so; imports are reported', async () => {
    const ex = await figure('south', 'exports', '9T/2024');
    assert.match(ex.text.headline, /ước đạt 108,4 tỷ USD, tăng 10,41% so với cùng kỳ năm trước/);
    const im = await figure('south', 'imports', '9T/2024');
    assert.match(im.text.headline, /đạt 96,41 tỷ USD, tăng 10,66%/);
  });

  test('the trade balance is derived from the published exports and imports (108,4 − 96,41)', async () => {
    const tb = await figure('south', 'trade_balance', '9T/2024');
    assert.ok(Math.abs(tb.published[0].value - 11990) < 1e-6);
    assert.match(tb.text.headline, /11,99 tỷ USD/);
  });

  test('the southern IIP is the published regional rate, 10,73%', async () => {
    const f = await figure('south', 'iip', '9T/2024');
    assert.equal(f.published[0].growthPct, 10.73);
    assert.ok(Math.abs(f.published[0].value - 110.73) < 1e-9);
    assert.match(f.text.headline, /tăng 10,73% so với cùng kỳ năm trước/);
  });

  test('industrial clusters at the end of 9/2024 are stocks of the South', async () => {
    const jobs = await figure('south', 'clusters_jobs', 'T9/2024');
    assert.equal(jobs.published[0].value, 162810);
    assert.equal(jobs.published[0].qualifier, 'hơn');
    // Published figures keep the article's digits and qualifier: never re-rounded into "gần 73,81 nghìn tỷ".
    const capital = await figure('south', 'clusters_capital', 'T9/2024');
    assert.match(capital.text.headline, /đạt hơn 73\.809 tỷ đồng\./);
  });

  test('every stored figure traces to its article and sentence', async () => {
    const doc = (await app.inject('/api/documents/seed-002')).json();
    assert.ok(doc.values.length >= 9);
    for (const v of doc.values) assert.ok(v.quote && v.quote.length > 5, `${v.indicator} has its quote`);
    const retail = doc.values.find((v: any) => v.indicator === 'retail_services');
    assert.match(retail.quote, /2\.442 nghìn tỷ đồng/);
    assert.ok(doc.unmapped.some((u: any) => u.kind === 'provinces_above_average' && u.value === 6 && u.of === 20));
    const hist = (await app.inject('/api/values/history?place=south&indicator=retail_services&period=9T/2024')).json();
    assert.equal(hist.revisions[0].source_document, 'seed-002');
  });

  test('the unnamed province of article 003 is kept unnamed, with its plan and % of plan', async () => {
    const values = (await app.inject('/api/values?place=unnamed-province-003')).json().values;
    const plan = values.find((v: any) => v.indicator === 'retail_services' && v.status === 'plan');
    assert.equal(plan.value, 19550);
    const exp = values.find((v: any) => v.indicator === 'exports' && v.period === '9T/2019');
    assert.equal(exp.pct_of_plan, 72);
  });

  test('the catalogue knows the reorganisation: Bắc Giang became part of Bắc Ninh on 1 July 2025', async () => {
    const u = (await app.inject('/api/units/bac-giang')).json();
    assert.deepEqual(u.successors, ['bac-ninh-2025']);
    const south = (await app.inject('/api/regions/south?date=2024-09-30')).json();
    assert.equal(south.members.length, 20);
    const south25 = (await app.inject('/api/regions/south?date=2025-10-20')).json();
    assert.equal(south25.members.length, 8);
    const n = (await app.inject('/api/units?date=2025-07-01')).json();
    assert.equal(n.units.length, 34);
  });
});
