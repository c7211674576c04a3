// Times on the screens read in Vietnam time whatever the browser's zone: a submission at 23:30 UTC on
// 15 October is 06:30 on 16 October in Hà Nội, for a reader in Paris and in Hà Nội alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateTimeLabel } from './fmt.ts';

test('a moment is shown in Vietnam time (UTC+7), whatever the process time zone', () => {
  const before = process.env.TZ;
  try {
    for (const tz of ['Europe/Paris', 'America/New_York', 'Asia/Ho_Chi_Minh', 'UTC']) {
      process.env.TZ = tz;
      assert.equal(dateTimeLabel('2024-10-15T23:30:00.000Z', 'vi'), '06:30 16/10/2024', tz);
      assert.match(dateTimeLabel('2024-10-15T23:30:00.000Z', 'en'), /16.*2024, 06:30$/, tz);
    }
  } finally {
    process.env.TZ = before;
  }
  assert.equal(dateTimeLabel(null, 'vi'), '—');
  assert.equal(dateTimeLabel('không phải ngày', 'vi'), 'không phải ngày');
});

// The English trace page showed "hơn 2,442 trillion VND": a published figure's qualifier is stored in
// Vietnamese, as the article wrote it, and must be said in the page's language.
test('a published figure\'s qualifier reads in the page\'s language', async () => {
  const { qualifierText, withQualifier } = await import('./fmt.ts');
  assert.equal(withQualifier('hơn', '2,442 trillion VND', 'en'), 'over 2,442 trillion VND');
  assert.equal(withQualifier('hơn', '2.442 nghìn tỷ đồng', 'vi'), 'hơn 2.442 nghìn tỷ đồng');
  assert.deepEqual(['hơn', 'trên', 'gần', 'khoảng'].map((q) => qualifierText(q, 'en')), ['over', 'over', 'nearly', 'about']);
  assert.deepEqual(['hơn', 'trên', 'gần', 'khoảng'].map((q) => qualifierText(q, 'vi')), ['hơn', 'trên', 'gần', 'khoảng']);
  assert.equal(withQualifier(null, '105,3%', 'vi'), '105,3%');
  assert.equal(qualifierText('', 'en'), null);
});
