// `node --import tsx bench/collection/roundTrips.ts [sqlite|postgres]`: how many statements one save
// of the entry grid sends to the store (the deadline's cost driver on PostgreSQL, where each one is a
// network round trip), and which ones. Sequential saves through Fastify, statements counted at the
// driver.
import pg from 'pg';
import { signInAs } from '../../src/access/testing.ts';
import { benchSetup, type Kind } from './setup.ts';

const kind = (process.argv[2] ?? 'postgres') as Kind;
const b = await benchSetup(kind);
const seen: string[] = [];
let counting = false;
if (kind === 'postgres') {
  const original = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    if (counting) seen.push(String(typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string })?.text ?? '?').slice(0, 90));
    return original.apply(this, a);
  } as typeof pg.Client.prototype.query;
} else {
  const prepare = b.db.raw.kind === 'sqlite' ? b.db.raw.sqlite.prepare.bind(b.db.raw.sqlite) : null;
  if (b.db.raw.kind === 'sqlite' && prepare) {
    (b.db.raw.sqlite as any).prepare = (s: string) => {
      if (counting) seen.push(s.slice(0, 90));
      return prepare(s);
    };
  }
}
const province = b.provinces[0]!;
const officer = await signInAs(b.app, b.db, 'province_officer', { province });
const q = `dataset=bench-thang&province=${province}&period=T12/2025`;
const grid = (await b.app.inject({ method: 'GET', url: `/api/collection/grid?${q}`, headers: officer })).json();
const version = new Map<number, number>(grid.rows.map((r: any) => [r.item, r.version]));
const save = async (items: number[]) => {
  const entries = items.map((item) => ({ item, value: 100 + Math.round(Math.random() * 5), version: version.get(item) ?? 0 }));
  const res = await b.app.inject({ method: 'PUT', url: '/api/collection/entries', headers: { ...officer, 'content-type': 'application/json' },
    payload: { dataset: 'bench-thang', province, period: 'T12/2025', entries } });
  if (res.statusCode !== 200) throw new Error(res.body);
  for (const s of res.json().saved) version.set(s.item, s.version);
};
await save([30, 31]); // first save creates the report
for (const [label, items] of [['first save of two cells', [40, 41]], ['two cells saved again', [40, 41]], ['one cell again', [40]]] as const) {
  seen.length = 0;
  counting = true;
  const t0 = performance.now();
  await save([...items]);
  const ms = performance.now() - t0;
  counting = false;
  console.log(`${kind} · ${label}: ${seen.length} statements, ${ms.toFixed(1)} ms`);
  for (const s of seen) console.log('   ', s.replace(/\s+/g, ' '));
}
await b.close();
process.exit(0);
