// `node --import tsx bench/collection/saveCost.ts [sqlite|postgres] [saves]`: the cost of one save of
// the entry grid without concurrency — wall time and this process's CPU time per save (server and
// client share the process), sequential saves through Fastify of one or two cells, a third of them
// touching a cell another officer changed (409, then saved with the version it returns).
import { signInAs } from '../../src/access/testing.ts';
import { benchSetup, type Kind } from './setup.ts';

const kind = (process.argv[2] ?? 'postgres') as Kind;
const n = Number(process.argv[3] ?? 300);
const b = await benchSetup(kind);
const provinces = b.provinces.slice(0, 10);
const officers = await Promise.all(provinces.map((province) => signInAs(b.app, b.db, 'province_officer', { province })));
const versions = new Map<string, number>();
const save = async (i: number) => {
  const p = i % provinces.length;
  const items = [1 + (i % 30), ...(i % 3 === 0 ? [0] : [])];
  for (;;) {
    const entries = items.map((item) => ({ item, value: 100 + (i % 7), version: versions.get(`${p}|${item}`) ?? 0 }));
    const res = await b.app.inject({ method: 'PUT', url: '/api/collection/entries', headers: { ...officers[p]!, 'content-type': 'application/json' },
      payload: { dataset: 'bench-thang', province: provinces[p], period: 'T12/2025', entries } });
    const body = res.json();
    if (res.statusCode === 409 && Array.isArray(body.error?.details)) {
      for (const d of body.error.details) versions.set(`${p}|${d.item}`, d.version);
      continue;
    }
    if (res.statusCode !== 200) throw new Error(res.body);
    for (const s of body.saved) versions.set(`${p}|${s.item}`, s.version);
    return;
  }
};
for (let i = 0; i < 30; i++) await save(i); // warm-up
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 30; i < 30 + n; i++) await save(i);
const wall = (performance.now() - t0) / n;
const cpu = process.cpuUsage(cpu0);
console.log(`${kind}: ${n} saves, ${wall.toFixed(2)} ms wall/save, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU/save (this process)`);
await b.close();
process.exit(0);
