// Conference rules: Roman ordinals, titles, dates, the host in force on the day, irregular numbering.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkConference, conferenceInputSchema, conferenceTitle, dateLabel, defaultStatus, ordinalIrregularities, ordinalLabel, slugFor, type ValidityLookup } from './conference.ts';
import { fromRoman } from '../shared/format.ts';

const units: Record<string, { validFrom: string; validTo: string | null; level: string }> = {
  south: { validFrom: '1900-01-01', validTo: null, level: 'region' },
  'long-an': { validFrom: '1900-01-01', validTo: '2025-06-30', level: 'province' },
  'tay-ninh-2025': { validFrom: '2025-07-01', validTo: null, level: 'province' },
  'kien-giang': { validFrom: '1900-01-01', validTo: '2025-06-30', level: 'province' },
  'ha-noi': { validFrom: '1900-01-01', validTo: null, level: 'province' },
};
const look: ValidityLookup = {
  unit: (s) => units[s] ?? null,
  isMemberOn: (_r, u) => u !== 'ha-noi',
};
const parse = (x: unknown) => conferenceInputSchema.parse(x);

describe('conference rules', () => {
  test('ordinals are written in Roman numerals, "lần thứ X"', () => {
    assert.equal(ordinalLabel(10), 'lần thứ X');
    assert.equal(ordinalLabel(13), 'lần thứ XIII');
    assert.equal(ordinalLabel(11, 'en'), '11th (XI)');
    assert.equal(ordinalLabel(2, 'en'), '2nd (II)');
    assert.equal(ordinalLabel(null), null);
  });

  test('an ordinal is read as the organiser writes it: X, x or 10; nonsense is refused', () => {
    assert.equal(parse({ region: 'south', year: 2024, ordinal: 'X' }).ordinal, 10);
    assert.equal(parse({ region: 'south', year: 2024, ordinal: 'xi' }).ordinal, 11);
    assert.equal(parse({ region: 'south', year: 2024, ordinal: 10 }).ordinal, 10);
    const bad = conferenceInputSchema.safeParse({ region: 'south', year: 2024, ordinal: 'IIII' });
    assert.equal(bad.success, false);
    assert.match(JSON.stringify(bad.error?.issues), /Số thứ tự không đọc được/);
  });

  test('Roman labels read back to the number (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3999 }), (n) => fromRoman(ordinalLabel(n)!.replace('lần thứ ', '')) === n));
  });

  test('the title is the organiser\'s name with the ordinal and year', () => {
    const region = { conferenceNameVi: 'Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam', nameEn: 'Southern region' };
    assert.equal(conferenceTitle({ ordinal: 10, year: 2024 }, region),
      'Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X năm 2024');
    assert.equal(conferenceTitle({ ordinal: null, year: 2019 }, region), 'Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam năm 2019');
    assert.equal(conferenceTitle({ ordinal: 10, year: 2024 }, region, 'en'), '10th (X) Industry and Trade Conference of the Southern region, 2024');
    assert.equal(conferenceTitle({ ordinal: 6, year: 2019, title_vi: 'Tên riêng' }, region), 'Tên riêng');
  });

  test('dates: "ngày 11/10/2024"; the year alone when the day is not known', () => {
    assert.equal(dateLabel({ starts_on: '2024-10-11', ends_on: null, year: 2024 }), 'ngày 11/10/2024');
    assert.equal(dateLabel({ starts_on: '2024-10-11', ends_on: '2024-10-12', year: 2024 }), 'ngày 11/10/2024 – 12/10/2024');
    assert.equal(dateLabel({ starts_on: null, ends_on: null, year: 2016 }), 'năm 2016');
  });

  test('the host must be the unit in force on the day (Long An no longer exists in October 2025)', () => {
    const problems = checkConference(parse({ region: 'south', year: 2025, starts_on: '2025-10-20', host: 'long-an' }), look);
    assert.equal(problems[0]?.severity, 'error');
    assert.match(problems[0]!.vi, /không còn\/chưa có hiệu lực/);
    assert.deepEqual(checkConference(parse({ region: 'south', year: 2025, starts_on: '2025-10-20', host: 'tay-ninh-2025' }), look), []);
  });

  test('a host outside the region is a warning, not an error; dates must agree with the year', () => {
    const p = checkConference(parse({ region: 'south', year: 2024, starts_on: '2024-10-11', host: 'ha-noi' }), look);
    assert.deepEqual(p.map((x) => x.severity), ['warning']);
    const d = checkConference(parse({ region: 'south', year: 2023, starts_on: '2024-10-11', ends_on: '2024-10-10' }), look);
    assert.deepEqual(d.map((x) => x.field).sort(), ['ends_on', 'starts_on']);
    assert.equal(checkConference(parse({ region: 'nowhere', year: 2024 }), look)[0]?.field, 'region');
  });

  test('numbering that goes backwards is reported (Central XIII in 2022, XI in 2025), never corrected', () => {
    const notes = ordinalIrregularities([
      { slug: 'c-2022', ordinal: 13, year: 2022, starts_on: '2022-08-19' },
      { slug: 'c-2025', ordinal: 11, year: 2025, starts_on: '2025-12-05' },
      { slug: 'c-2016', ordinal: null, year: 2016, starts_on: null },
    ]);
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.slug, 'c-2025');
    assert.match(notes[0]!.vi, /XI \(2025\) không lớn hơn XIII \(2022\)/);
    assert.deepEqual(ordinalIrregularities([{ slug: 'a', ordinal: 9, year: 2023, starts_on: null }, { slug: 'b', ordinal: 10, year: 2024, starts_on: null }]), []);
  });

  test('status and slug defaults', () => {
    assert.equal(defaultStatus('2026-12-01', 2026, '2026-11-24'), 'planned');
    assert.equal(defaultStatus(null, 2024, '2026-11-24'), 'held');
    assert.equal(slugFor({ region: 'south', year: 2024, ordinal: 10 }), 'south-x-2024');
    assert.equal(slugFor({ region: 'south', year: 2019, starts_on: '2019-07-12' }), 'south-2019-0712');
  });

  test('audit action names from routes', async () => {
    const { auditAction } = await import('./http.ts');
    assert.deepEqual(auditAction('POST', '/api/conferences'), { entity: 'conference', action: 'conference.create' });
    assert.deepEqual(auditAction('PATCH', '/api/conferences/:id'), { entity: 'conference', action: 'conference.update' });
    assert.deepEqual(auditAction('PUT', '/api/conferences/:id/agenda'), { entity: 'conference', action: 'conference.agenda.update' });
    assert.deepEqual(auditAction('DELETE', '/api/recommendations/:id/assignments/:assignment'), { entity: 'recommendation', action: 'recommendation.assignments.delete' });
    assert.deepEqual(auditAction('POST', '/api/task-groups/:id/tasks'), { entity: 'task_group', action: 'task_group.tasks' });
  });
});
