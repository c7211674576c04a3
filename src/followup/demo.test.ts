// The demo conferences, tasks and recommendations: loaded once, every fact sourced (and, where the
// seed articles are at hand, every quote found in them), and read back as the reports will.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestDb } from '../db/testing.ts';
import type { Db } from '../db/database.ts';
import { ensureDemoData } from '../collection/demo/loadDemo.ts';
import { readConferenceData, readDifficultyData } from '../conferences/demo.ts';
import { readRecommendationData, readTaskData } from './demo.ts';
import { conferenceContext } from './context.ts';

let db: Db;
before(async () => {
  db = await openTestDb();
  await ensureDemoData(db);
});
after(async () => { await db.close(); });

const count = async (t: 'conference' | 'task' | 'recommendation' | 'difficulty' | 'handover' | 'task_group') =>
  Number((await db.k.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const seedsDir = new URL('../../../shared/seeds/', import.meta.url).pathname;
const squash = (s: string) => s.replace(/\s+/g, ' ');
const seeds: Record<string, string> = existsSync(seedsDir)
  ? Object.fromEntries(readdirSync(seedsDir).map((f) => [`seed-${f.slice(0, 3)}`, squash(readFileSync(join(seedsDir, f), 'utf8'))]))
  : {};

function allSources(): { where: string; source: any }[] {
  const out: { where: string; source: any }[] = [];
  for (const { conference: c } of readConferenceData()) {
    for (const s of c.sources ?? []) out.push({ where: `${c.slug}.${s.field}`, source: s });
    for (const p of c.parties ?? []) out.push({ where: `${c.slug} party ${p.unit}`, source: p.source });
    for (const h of c.handovers ?? []) out.push({ where: `${c.slug} handover`, source: h.source });
    if (c.trade_fair) out.push({ where: `${c.slug} trade fair`, source: c.trade_fair.source });
  }
  for (const d of readDifficultyData()) out.push({ where: `difficulty ${d.body.slice(0, 30)}`, source: d.source });
  for (const c of readTaskData()) {
    for (const g of c.groups) {
      out.push({ where: `${c.conference} group ${g.title}`, source: g.source });
      for (const t of g.tasks) out.push({ where: `${c.conference} task ${t.title}`, source: t.source });
    }
  }
  for (const r of readRecommendationData()) out.push({ where: `recommendation ${r.title}`, source: r.source });
  return out;
}

describe('demo conferences and follow-up', () => {
  test('loaded once: a second load adds nothing', async () => {
    const before = await Promise.all((['conference', 'task_group', 'task', 'recommendation', 'difficulty', 'handover'] as const).map(count));
    assert.deepEqual(before, [12, 8, 27, 1, 6, 2]);
    await ensureDemoData(db);
    assert.deepEqual(await Promise.all((['conference', 'task_group', 'task', 'recommendation', 'difficulty', 'handover'] as const).map(count)), before);
  });

  test('every fact has a source: a seed article in the store with its sentence, or the primer section', async () => {
    const docs = new Set((await db.k.selectFrom('document').select('id').execute()).map((d) => d.id));
    const list = allSources();
    assert.ok(list.length > 80);
    for (const { where, source } of list) {
      assert.ok(source, `${where}: no source`);
      assert.ok(source.quote?.length > 5, `${where}: no quote`);
      if (source.document) assert.ok(docs.has(source.document), `${where}: unknown document ${source.document}`);
      else assert.match(source.primer, /^domain\.md §\d+$/, `${where}: neither document nor primer`);
    }
    const conferences = await db.k.selectFrom('conference').select(['slug', 'origin', 'sources']).execute();
    assert.ok(conferences.every((c) => c.origin !== 'user' && JSON.parse(c.sources).length > 0));
  });

  test('every quote from a seed article is found in it, word for word', { skip: Object.keys(seeds).length ? false : 'seed articles not at hand' }, () => {
    for (const { where, source } of allSources()) {
      if (source.document) assert.ok(seeds[source.document]!.includes(squash(source.quote)), `${where}: quote not in ${source.document}: ${source.quote}`);
    }
  });

  test('what the articles state, and only that: counts, hosts, ordinals as given', () => {
    const byslug = Object.fromEntries(readConferenceData().map(({ conference: c }) => [c.slug, c]));
    assert.equal(byslug['north-vi-2019']!.task_groups_stated, 19);
    assert.equal(byslug['central-xi-2025']!.ordinal, 11, 'kept as the organiser numbered it');
    assert.equal(byslug['south-2019-0712']!.ordinal, undefined, 'the article gives no ordinal');
    assert.equal(byslug['south-x-2024']!.handovers![0]!.from, null, 'the article does not say who handed the flag over');
    const tasks = readTaskData().flatMap((c) => c.groups.flatMap((g) => g.tasks));
    assert.ok(tasks.every((t) => !t.due_on), 'no deadline is made up');
    assert.equal(readTaskData().find((c) => c.conference === 'north-vi-2019')!.groups[0]!.tasks.length, 9);
  });

  test('the reports\' context of South X: its figures period, tasks and recommendations', async () => {
    const ctx = await conferenceContext(db, { region: 'south', period: '9 tháng đầu năm 2024' });
    assert.equal(ctx.conference?.slug, 'south-x-2024');
    assert.equal(ctx.period, '9T/2024');
    assert.equal(ctx.tasks.groups[0]!.tasks.length, 4);
    assert.equal(ctx.tasks.totals.no_report, 4);
    assert.equal(ctx.recommendations.figures.total, 0);
  });

  test('the reports\' context of North VI and North X: limitations by field, 19 groups, the open recommendation', async () => {
    const n6 = await conferenceContext(db, { conferenceId: 'north-vi-2019' });
    assert.equal(n6.period, '4T/2019');
    assert.equal(n6.tasks.groupsStated, 19);
    assert.equal(n6.difficulties.total, 6);
    assert.equal(n6.difficulties.groups[0]!.label, 'Công nghiệp');
    assert.equal(n6.difficulties.groups[0]!.kinds[0]!.label, 'Hạn chế');
    const n10 = await conferenceContext(db, { conferenceId: 'north-x-2024', lang: 'en' });
    assert.equal(n10.recommendations.items.length, 1);
    assert.equal(n10.recommendations.items[0]!.status_label, 'Awaiting assignment');
    assert.equal(n10.recommendations.items[0]!.source?.document, 'seed-004');
    const pub = await conferenceContext(db, { conferenceId: 'north-vi-2019', publicOnly: true });
    assert.equal(pub.difficulties.total, 6, 'the limitations are quoted from the published article');
    const pubX = await conferenceContext(db, { conferenceId: 'north-x-2024', publicOnly: true });
    assert.equal(pubX.recommendations.items.length, 0, 'the seed recommendation is not published');
    const kg = await conferenceContext(db, { conferenceId: 'north-x-2024', recommendationScope: { kind: 'province', provinceUnitId: -1 }, difficultyScope: { kind: 'province', unitId: -1 } });
    assert.equal(kg.recommendations.items.length, 0, 'a session recommendation in nobody\'s name is not a province\'s own');
    await assert.rejects(conferenceContext(db, { region: 'south', period: 'tháng 13' }), (e: any) => /^Kỳ không đọc được/.test(e.messageVi));
  });
});

describe('the reports\' provider', () => {
  test('a region\'s report of 9 months 2024 reads South X; a province\'s reads its own share', async () => {
    const { reportsConferenceContext } = await import('./reportsProvider.ts');
    const { parseCode } = await import('../periods/period.ts');
    const r = await reportsConferenceContext(db, { place: 'south', period: parseCode('9T/2024'), lang: 'vi' });
    assert.equal(r.conference?.title, 'Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X năm 2024');
    assert.equal(r.conference?.host, 'Kiên Giang');
    assert.equal(r.tasks.length, 4);
    assert.equal(r.tasks[0]!.fieldLabel, 'Công nghiệp');
    const n6 = await reportsConferenceContext(db, { place: 'north', period: parseCode('4T/2019'), lang: 'vi' });
    assert.equal(n6.difficulties.length, 6);
    assert.equal(n6.difficulties[0]!.by, 'Phía Bắc');
    const p = await reportsConferenceContext(db, { place: 'kien-giang', period: parseCode('9T/2024'), lang: 'vi' });
    assert.equal(p.conference?.host, 'Kiên Giang');
    assert.equal(p.tasks.length, 4, 'all four are the localities\' tasks');
    const none = await reportsConferenceContext(db, { place: 'unnamed-province-003', period: parseCode('9T/2019'), lang: 'vi' });
    assert.equal(none.conference, null);
  });
});
