// The deadline: 34 provinces × 10 officers saving their report at once over real HTTP on loopback.
// Each officer owns three cells and all ten of a province also edit one shared cell, so conflicts
// happen; a refused save (409) is retried with the current version it returns. At the end every
// acknowledged save must be accounted for: a cell's version equals the number of saves acknowledged
// on it, and its value is the one the last acknowledged save wrote (zero lost writes).
import { signInAs } from '../../src/access/testing.ts';
import type { Bench } from './setup.ts';
import { summary } from './stats.ts';

export interface DeadlineOptions {
  officers: number; // per province
  saves: number; // per officer
  thinkMs: number; // mean pause between an officer's saves (uniform 0..2×)
  period: string;
}

export async function benchDeadline(b: Bench, o: DeadlineOptions) {
  await b.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = b.app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const latencies: number[] = [];
  let conflicts = 0;
  let errors = 0;
  const acked = new Map<string, Map<number, number | null>>(); // province|item → version → value
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Everyone opens the grid first; the clock starts when all are ready to save (the deadline burst).
  const total = b.provinces.length * o.officers;
  let ready = 0;
  let go!: () => void;
  const started = new Promise<void>((r) => (go = r));
  let t0 = 0;
  const officer = async (province: string, k: number) => {
    const session = await signInAs(b.app, b.db, 'province_officer', { province });
    const headers = { ...session, 'content-type': 'application/json' };
    const q = `dataset=bench-thang&province=${province}&period=${o.period}`;
    const grid = await (await fetch(`${base}/api/collection/grid?${q}`, { headers })).json() as any;
    const version = new Map<number, number>(grid.rows.map((r: any) => [r.item, r.version]));
    const lastYear = new Map<number, number | null>(grid.rows.map((r: any) => [r.item, r.last_year]));
    const integer = new Set<number>(grid.rows.filter((r: any) => r.integer).map((r: any) => r.item));
    const own = [1 + 3 * k, 2 + 3 * k, 3 + 3 * k];
    if (++ready === total) {
      t0 = performance.now();
      go();
    }
    await started;
    for (let i = 0; i < o.saves; i++) {
      await sleep(Math.random() * 2 * o.thinkMs);
      const cells = [own[i % 3]!, ...(Math.random() < 0.3 ? [0] : [])];
      for (let attempt = 0; attempt < 20; attempt++) {
        const entries = cells.map((item) => {
          const ly = lastYear.get(item);
          const raw = ly && ly > 0 ? ly * (1.03 + Math.random() * 0.06) : 100 + Math.random() * 10;
          const value = integer.has(item) ? Math.round(raw) : Math.round(raw * 100) / 100;
          return { item, value, version: version.get(item) ?? 0 };
        });
        const sent = performance.now();
        const res = await fetch(`${base}/api/collection/entries`, {
          method: 'PUT', headers, body: JSON.stringify({ dataset: 'bench-thang', province, period: o.period, entries }),
        });
        const body = await res.json() as any;
        latencies.push(performance.now() - sent);
        if (res.status === 200) {
          for (const s of body.saved) {
            version.set(s.item, s.version);
            const key = `${province}|${s.item}`;
            if (!acked.has(key)) acked.set(key, new Map());
            acked.get(key)!.set(s.version, s.value);
          }
          break;
        }
        if (res.status === 409 && Array.isArray(body.error?.details)) {
          conflicts++;
          for (const d of body.error.details) version.set(d.item, d.version);
          continue;
        }
        errors++;
        throw new Error(`save ${res.status}: ${JSON.stringify(body).slice(0, 400)}`);
      }
    }
  };

  await Promise.all(b.provinces.flatMap((p) => Array.from({ length: o.officers }, (_, k) => officer(p, k))));
  const wallMs = performance.now() - t0;
  await b.app.close();

  // Every acknowledged save is there: versions 1..V all acknowledged, the stored value is version V's.
  const rows = await b.db.k.selectFrom('submission_entry as e').innerJoin('submission as s', 's.id', 'e.submission_id')
    .innerJoin('unit as u', 'u.id', 's.unit_id').innerJoin('dataset as d', 'd.id', 's.dataset_id')
    .select(['e.version']).where('d.code', '=', 'bench-thang').execute();
  let lost = 0;
  let checked = 0;
  for (const versions of acked.values()) {
    const max = Math.max(...versions.keys());
    if (versions.size !== max) lost += max - versions.size;
    checked++;
  }
  const stored = rows.reduce((a, r) => a + r.version, 0);
  const acknowledged = [...acked.values()].reduce((a, v) => a + v.size, 0);
  if (stored !== acknowledged) lost += Math.abs(stored - acknowledged);
  return { clients: b.provinces.length * o.officers, requests: latencies.length, conflicts, errors, lost, cells: checked, wallMs, throughput: latencies.length / (wallMs / 1000), ...summary(latencies) };
}
