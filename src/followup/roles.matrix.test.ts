// Who may do what, as a matrix over every kind of actor: a province writes only its own
// recommendations, difficulties and progress reports; a ministry unit answers only what is assigned
// to it; the Agency coordinates without writing in a province's or a unit's name; the public reads
// only what is public.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { harness, type Harness } from '../conferences/testSupport.ts';
import { addDays, vietnamToday } from './dates.ts';

type Who = 'public' | 'viewer' | 'admin' | 'analyst' | 'agency' | 'unitA' | 'unitB' | 'own' | 'other';
const WHO: Who[] = ['public', 'viewer', 'admin', 'analyst', 'agency', 'unitA', 'unitB', 'own', 'other'];

let h: Harness;
const hdr = {} as Record<Who, Record<string, string>>;
const due = addDays(vietnamToday(), 30);

before(async () => {
  h = await harness();
  hdr.public = {};
  hdr.viewer = await h.as('viewer');
  hdr.admin = await h.as('admin');
  hdr.analyst = await h.as('analyst');
  hdr.agency = await h.as('ministry_unit', { ministryUnit: 'cuc-cong-thuong-dia-phuong' });
  hdr.unitA = await h.as('ministry_unit', { ministryUnit: 'cuc-dieu-tiet-dien-luc' });
  hdr.unitB = await h.as('ministry_unit', { ministryUnit: 'cuc-hoa-chat' });
  hdr.own = await h.as('province_officer', { province: 'kien-giang' });
  hdr.other = await h.as('province_officer', { province: 'ca-mau' });
});
after(async () => { await h.close(); });

const call = async (method: string, url: string, payload: unknown, who: Who) =>
  h.app.inject({ method: method as any, url, payload: payload as any, headers: hdr[who] });

async function newRec(): Promise<number> {
  const r = await call('POST', '/api/recommendations', { conference: 'south-x-2024', field: 'energy', title: 'Kiến nghị thử', body: 'Nội dung' }, 'own');
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
async function assigned(): Promise<{ id: number; assignment: number }> {
  const id = await newRec();
  const r = await call('POST', `/api/recommendations/${id}/assignments`, { assignments: [{ unit: 'cuc-dieu-tiet-dien-luc', due_on: due }] }, 'agency');
  assert.equal(r.statusCode, 200, r.body);
  const d = (await call('GET', `/api/recommendations/${id}`, undefined, 'agency')).json();
  return { id, assignment: d.assignments[0].id };
}
let taskId = 0;
async function task(): Promise<number> {
  if (taskId) return taskId;
  const g = await call('POST', '/api/conferences/south-x-2024/task-groups', { title: 'Nhóm thử', field: 'energy' }, 'admin');
  const t = await call('POST', `/api/task-groups/${g.json().id}/tasks`, {
    title: 'Cải tạo lưới điện', due_on: addDays(vietnamToday(), 200), parties: [{ kind: 'province', unit: 'kien-giang' }, { kind: 'ministry_unit', unit: 'cuc-dieu-tiet-dien-luc', role: 'support' }],
  }, 'admin');
  assert.equal(t.statusCode, 201, t.body);
  return (taskId = t.json().id);
}

interface Case {
  name: string;
  expect: Record<Who, number>;
  run(who: Who): Promise<{ statusCode: number; body: string }>;
}

const row = (codes: number[]) => Object.fromEntries(WHO.map((w, i) => [w, codes[i]!])) as Record<Who, number>;
//                                     public viewer admin analyst agency unitA unitB own other
const cases: Case[] = [
  { name: 'record a conference', expect: row([401, 403, 201, 201, 201, 403, 403, 403, 403]),
    run: (w) => call('POST', '/api/conferences', { region: 'north', year: 2027, slug: `north-test-${w.toLowerCase()}` }, w) },
  { name: 'submit a recommendation naming Kiên Giang', expect: row([401, 403, 201, 201, 201, 403, 403, 201, 403]),
    run: (w) => call('POST', '/api/recommendations', { conference: 'south-x-2024', province: 'kien-giang', field: 'trade', title: 'Kiến nghị', body: 'x' }, w) },
  { name: 'edit Kiên Giang\'s own recommendation', expect: row([401, 403, 403, 403, 403, 403, 403, 200, 403]),
    run: async (w) => call('PATCH', `/api/recommendations/${await newRec()}`, { title: 'Sửa tiêu đề' }, w) },
  { name: 'withdraw Kiên Giang\'s own recommendation', expect: row([401, 403, 403, 403, 403, 403, 403, 200, 403]),
    run: async (w) => call('POST', `/api/recommendations/${await newRec()}/withdraw`, {}, w) },
  { name: 'assign a recommendation', expect: row([401, 403, 200, 200, 200, 403, 403, 403, 403]),
    run: async (w) => call('POST', `/api/recommendations/${await newRec()}/assignments`, { assignments: [{ unit: 'cuc-hoa-chat', due_on: due }] }, w) },
  { name: 'answer what is assigned to the Electricity Regulatory Authority', expect: row([401, 403, 403, 403, 403, 200, 403, 403, 403]),
    run: async (w) => { const a = await assigned(); return call('POST', `/api/recommendations/${a.id}/assignments/${a.assignment}/answer`, { body: 'Trả lời' }, w); } },
  { name: 'close a recommendation', expect: row([401, 403, 200, 200, 200, 403, 403, 403, 403]),
    run: async (w) => call('POST', `/api/recommendations/${await newRec()}/close`, { reason: 'duplicate' }, w) },
  { name: 'read Kiên Giang\'s unpublished recommendation', expect: row([404, 404, 200, 200, 200, 404, 404, 200, 404]),
    run: async (w) => call('GET', `/api/recommendations/${await newRec()}`, undefined, w) },
  { name: 'read one assigned to the Electricity Regulatory Authority', expect: row([404, 404, 200, 200, 200, 200, 404, 200, 404]),
    run: async (w) => call('GET', `/api/recommendations/${(await assigned()).id}`, undefined, w) },
  { name: 'record a difficulty of Kiên Giang', expect: row([401, 403, 403, 403, 403, 403, 403, 201, 403]),
    run: (w) => call('POST', '/api/difficulties', { unit: 'kien-giang', period: '9T/2024', field: 'energy', kind: 'difficulty', body: 'Thiếu điện' }, w) },
  { name: 'record a finding of the southern region', expect: row([401, 403, 201, 201, 201, 403, 403, 403, 403]),
    run: (w) => call('POST', '/api/difficulties', { unit: 'south', conference: 'south-x-2024', field: 'trade', kind: 'limitation', body: 'Hạn chế chung' }, w) },
  { name: 'read difficulties (each within its scope)', expect: row([200, 200, 200, 200, 200, 200, 200, 200, 200]),
    run: (w) => call('GET', '/api/difficulties?region=south', undefined, w) },
  { name: 'report progress on a task of Kiên Giang and the Electricity Regulatory Authority', expect: row([401, 403, 403, 403, 403, 201, 403, 201, 403]),
    run: async (w) => call('POST', `/api/tasks/${await task()}/progress`, { percent: 40, narrative: 'Đang triển khai' }, w) },
  { name: 'add a task', expect: row([401, 403, 201, 201, 201, 403, 403, 403, 403]),
    run: async (w) => { await task(); const g = (await call('GET', '/api/conferences/south-x-2024/tasks', undefined, 'admin')).json().groups.at(-1).id; return call('POST', `/api/task-groups/${g}/tasks`, { title: 'Thêm' }, w); } },
  { name: 'read the follow-up board', expect: row([200, 200, 200, 200, 200, 200, 200, 200, 200]),
    run: (w) => call('GET', '/api/follow-up/board?region=south', undefined, w) },
];

describe('role matrix', () => {
  for (const c of cases) {
    for (const w of WHO) {
      test(`${c.name}: ${w} → ${c.expect[w]}`, async () => {
        const res = await c.run(w);
        assert.equal(res.statusCode, c.expect[w], res.body);
        if (res.statusCode === 401 || res.statusCode === 403) {
          const e = JSON.parse(res.body).error;
          assert.ok(e.message && e.messageEn && e.message !== e.messageEn, 'Vietnamese first, English second');
        }
      });
    }
  }
});
