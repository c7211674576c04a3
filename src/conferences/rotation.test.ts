// The rotating flag: handovers honoured by the recipient or its successor, records that are missing,
// and the next host as of a date.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rotation, type RotationConference, type RotationHandover } from './rotation.ts';

const c = (id: number, slug: string, ordinal: number | null, year: number, startsOn: string | null, host: string, status = 'held'): RotationConference =>
  ({ id, slug, ordinal, year, startsOn, host, status });
const south = [
  c(1, 'south-ix-2023', 9, 2023, '2023-10-06', 'hau-giang'),
  c(2, 'south-x-2024', 10, 2024, '2024-10-11', 'kien-giang'),
  c(3, 'south-xi-2025', 11, 2025, '2025-10-20', 'tay-ninh-2025'),
];
const flag: RotationHandover = { id: 7, conferenceId: 2, from: null, to: 'long-an', forOrdinal: 11, forYear: 2025 };
const merged = (a: string, b: string) => a === 'long-an' && b === 'tay-ninh-2025';

describe('host rotation', () => {
  test('before the XI conference, Long An is the next host, from the handover at the X', () => {
    const r = rotation(south, [flag], '2024-12-31', merged);
    assert.deepEqual(r.next, { host: 'long-an', forOrdinal: 11, forYear: 2025, basis: 'handover', conference: null, handoverId: 7 });
    assert.deepEqual(r.pastHosts.map((p) => p.host), ['hau-giang', 'kien-giang']);
    assert.equal(r.handovers[0]!.outcome, 'pending');
  });

  test('after it, the flag is honoured by Tây Ninh, which Long An merged into; no next host is known', () => {
    const r = rotation(south, [flag], '2026-01-01', merged);
    assert.equal(r.handovers[0]!.outcome, 'held_by_successor');
    assert.equal(r.handovers[0]!.fulfilledBy, 'south-xi-2025');
    assert.equal(r.next, null);
    assert.equal(r.pastHosts.length, 3);
  });

  test('a handover with no matching later record is "not recorded", not pending (North VI → VII, 2020)', () => {
    const north = [c(1, 'n-vi', 6, 2019, '2019-05-24', 'hai-phong'), c(2, 'n-viii', 8, 2022, null, 'thanh-hoa')];
    const r = rotation(north, [{ id: 1, conferenceId: 1, from: 'hai-phong', to: 'thai-nguyen', forOrdinal: 7, forYear: 2020 }], '2026-01-01');
    assert.equal(r.handovers[0]!.outcome, 'not_recorded');
    assert.equal(r.next, null);
  });

  test('held by the recipient, or by another province', () => {
    const list = [c(1, 'a', 1, 2020, '2020-05-01', 'p1'), c(2, 'b', 2, 2021, '2021-05-01', 'p2')];
    assert.equal(rotation(list, [{ id: 1, conferenceId: 1, from: 'p1', to: 'p2', forOrdinal: 2, forYear: null }], '2022-01-01').handovers[0]!.outcome, 'held_by_recipient');
    assert.equal(rotation(list, [{ id: 1, conferenceId: 1, from: 'p1', to: 'p3', forOrdinal: 2, forYear: null }], '2022-01-01').handovers[0]!.outcome, 'held_elsewhere');
  });

  test('a planned conference names the next host; handovers not yet made are not shown', () => {
    const list = [...south, c(4, 'south-xii-2026', 12, 2026, '2026-12-10', 'can-tho-2025', 'planned')];
    const r = rotation(list, [flag], '2026-11-24', merged);
    assert.equal(r.next?.host, 'can-tho-2025');
    assert.equal(r.next?.basis, 'planned');
    assert.equal(rotation(south, [flag], '2024-06-01', merged).handovers.length, 0);
  });
});
