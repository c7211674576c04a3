// A conference report shows its reader only the recommendations they may read: the public sees the
// published ones, a province its own, the Agency all — the same rules as the recommendation screens.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, type Harness } from '../conferences/testSupport.ts';

let h: Harness;
let hg: Record<string, string>;
let agency: Record<string, string>;
const TITLE = 'Hỗ trợ hạ tầng điện cho cụm công nghiệp (chưa công bố)';
before(async () => {
  h = await harness();
  hg = await h.as('province_officer', { province: 'hau-giang' });
  agency = await h.as('ministry_unit', { ministryUnit: 'cuc-cong-thuong-dia-phuong' });
  const res = await h.app.inject({ method: 'POST', url: '/api/recommendations', headers: hg,
    payload: { conference: 'south-x-2024', field: 'energy', title: TITLE, body: 'Nội dung kiến nghị.' } });
  assert.equal(res.statusCode, 201, res.body);
});
after(async () => { await h.close(); });

const reportText = async (headers: Record<string, string> = {}) => {
  const res = await h.app.inject({ url: '/api/reports/conference?region=south&period=9T/2024&format=json', headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.body;
};

describe('conference report and its reader', () => {
  test('the Agency and the province that submitted it see the unpublished recommendation', async () => {
    assert.ok((await reportText(agency)).includes(TITLE));
    assert.ok((await reportText(hg)).includes(TITLE));
  });

  test('the public and another province do not', async () => {
    assert.ok(!(await reportText()).includes(TITLE));
    assert.ok(!(await reportText(await h.as('province_officer', { province: 'kien-giang' }))).includes(TITLE));
  });
});
