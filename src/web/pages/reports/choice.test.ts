// The reports page's choice: periods read as people write them, the monthly brief's month, the API's
// errors placed on their field, and figure inputs opened in the app rather than as raw JSON.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asMonth, failureOf, missingPlace, normalPeriod, reportUrl, webHref, type Choice } from './choice.ts';

const choice: Choice = { type: 'conference', region: 'south', province: '', period: '9T/2024', lang: 'vi' };

describe('report choice', () => {
  test('periods become codes; a longer period gives the monthly brief its last month', () => {
    assert.equal(normalPeriod('9 tháng đầu năm 2024'), '9T/2024');
    assert.equal(normalPeriod('quý III/2024'), 'Q3/2024');
    assert.equal(normalPeriod('soon'), 'soon');
    assert.equal(asMonth('9T/2024'), 'T9/2024');
    assert.equal(asMonth('Q2/2024'), 'T6/2024');
    assert.equal(asMonth('2023'), 'T12/2023');
    assert.equal(asMonth('T3/2024'), 'T3/2024');
  });

  test('the request names the place the type needs, and waits for it', () => {
    assert.equal(reportUrl(choice, 'region', 'docx'), '/api/reports/conference?region=south&period=9T%2F2024&lang=vi&format=docx');
    assert.equal(reportUrl({ ...choice, type: 'provincial', province: 'ben-tre' }, 'province', 'json'), '/api/reports/provincial?province=ben-tre&period=9T%2F2024&lang=vi&format=json');
    assert.equal(missingPlace({ ...choice, province: '' }, 'province'), 'province');
    assert.equal(missingPlace({ ...choice, region: '' }, 'region?'), null, 'the monthly brief may cover every region');
  });

  test('errors land on the field they are about', () => {
    const named = failureOf(404, { error: { code: 'wrong_place', message: 'vi', messageEn: 'en', details: { field: 'region' } } }, choice, 'region');
    assert.equal(named.field, 'region');
    assert.equal(named.error.messageVi, 'vi');
    const validation = failureOf(400, { error: { code: 'invalid_request', message: 'x', messageEn: 'Invalid request.', details: [{ instancePath: '/period' }] } }, { ...choice, period: 'soon' }, 'region');
    assert.deepEqual([validation.field, validation.unreadablePeriod], ['period', 'soon']);
    assert.equal(failureOf(404, { error: { code: 'not_found' } }, choice, 'province').field, 'province', 'an unnamed 404 is about the place');
    assert.equal(failureOf(500, null, choice, 'region').field, null);
  });

  test("a figure's inputs open in the app", () => {
    assert.equal(webHref('/api/analytics/regions/south/indicators/iip?period=9T%2F2024&lang=vi', 'vi'), '/figure/south/iip?period=9T/2024');
    assert.equal(webHref('/api/analytics/regions/south/indicators/iip?period=9T%2F2024&lang=en', 'en'), '/figure/south/iip?period=9T/2024&lang=en');
    assert.equal(webHref('/api/documents/seed-002', 'vi'), '/documents/seed-002');
    assert.equal(webHref('/api/values/history?place=south&indicator=iip&period=9T%2F2024&status=official', 'vi'), '/extraction/trace?place=south&indicator=iip&period=9T/2024&status=official');
    assert.equal(webHref('/api/values?place=ca-mau&indicator=iip&period=9T%2F2024', 'vi'), '/api/values?place=ca-mau&indicator=iip&period=9T%2F2024');
  });
});
