// The deadline: 34 provinces × 10 officers saving their report at once over real HTTP on loopback.
// The server runs in its own process (serverChild.ts); the 340 officers run here, so their CPU is
// never counted as the server's latency, and the server's own CPU time is read from /proc.
//
// Workload: every officer signs in and reads its grid; when all are ready the clock starts, and each
// makes `saves` saves separated by a pause drawn uniformly from 0..2×thinkMs (mean thinkMs). A save
// is one of the officer's three own cells, plus (30 % of the time) the province's shared cell 0 that
// all ten officers of the province also edit, so conflicts happen; a refused save (409) is retried at
// once with the versions it returns (up to 20 attempts). At the end every acknowledged save must be
// accounted for: a cell's acknowledged versions are exactly 1..V, the store holds version V with the
// value the save acknowledged as V, and the versions stored sum to the number of acknowledged cell
// writes (zero lost writes).
import { signInAs } from '../../src/access/testing.ts';
import { cellPeriod, type Basis } from '../../src/collection/datasets/dataset.ts';
import type { Db } from '../../src/db/database.ts';
import { parsePeriod, periodKey } from '../../src/periods/period.ts';
import type { BenchServer } from './serverChild.ts';
import { summary } from './stats.ts';

export interface DeadlineOptions {
  officers: number; // per province
  saves: number; // per officer
  thinkMs: number; // mean pause between an officer's saves (uniform 0..2×)
  period: string;
}

export async function benchDeadline(db: Db, provinces: string[], server: BenchServer, o: DeadlineOptions) {
  const base = server.base;
  const latencies: number[] = [];
  let conflicts = 0;
  let errors = 0;
  let gaveUp = 0;
  let acknowledgedSaves = 0;
  const acked = new Map<string, Map<number, number | null>>(); // province|item → version → value
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Sessions are made in the store beforehand (no argon2 at the deadline: officers are signed in).
  const sessions = await Promise.all(provinces.flatMap((province) =>
    Array.from({ length: o.officers }, async (_, k) => ({ province, k, session: await signInAs(null, db, 'province_officer', { province }) }))));

  // Everyone opens the grid first; the clock starts when all are ready to save (the deadline burst).
  const total = sessions.length;
  let ready = 0;
  let go!: () => void;
  const started = new Promise<void>((r) => (go = r));
  let t0 = 0;
  let cpu0 = 0;
  let client0 = process.cpuUsage();
  const officer = async ({ province, k, session }: (typeof sessions)[number]) => {
    const headers = { ...session, 'content-type': 'application/json' };
    const q = `dataset=bench-thang&province=${province}&period=${o.period}`;
    const gridRes = await fetch(`${base}/api/collection/grid?${q}`, { headers });
    if (!gridRes.ok) throw new Error(`grid ${gridRes.status}: ${(await gridRes.text()).slice(0, 400)}`);
    const grid = await gridRes.json() as any;
    const version = new Map<number, number>(grid.rows.map((r: any) => [r.item, r.version]));
    const lastYear = new Map<number, number | null>(grid.rows.map((r: any) => [r.item, r.last_year]));
    const integer = new Set<number>(grid.rows.filter((r: any) => r.integer).map((r: any) => r.item));
    const own = [1 + 3 * k, 2 + 3 * k, 3 + 3 * k];
    if (++ready === total) {
      t0 = performance.now();
      cpu0 = server.cpuMs();
      client0 = process.cpuUsage();
      go();
    }
    await started;
    for (let i = 0; i < o.saves; i++) {
      await sleep(Math.random() * 2 * o.thinkMs);
      const cells = [own[i % 3]!, ...(Math.random() < 0.3 ? [0] : [])];
      let done = false;
      for (let attempt = 0; attempt < 20 && !done; attempt++) {
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
          acknowledgedSaves++;
          for (const s of body.saved) {
            version.set(s.item, s.version);
            const key = `${province}|${s.item}`;
            if (!acked.has(key)) acked.set(key, new Map());
            if (acked.get(key)!.has(s.version)) errors++; // the same version acknowledged twice: a write was lost
            acked.get(key)!.set(s.version, s.value);
          }
          done = true;
        } else if (res.status === 409 && Array.isArray(body.error?.details)) {
          conflicts++;
          for (const d of body.error.details) version.set(d.item, d.version);
        } else {
          errors++;
          throw new Error(`save ${res.status}: ${JSON.stringify(body).slice(0, 400)}`);
        }
      }
      if (!done) gaveUp++;
    }
  };

  await Promise.all(sessions.map(officer));
  const wallMs = performance.now() - t0;
  const serverCpuMs = server.cpuMs() - cpu0;
  const client = process.cpuUsage(client0);
  const clientCpuMs = (client.user + client.system) / 1000;
  await server.stop();

  // Every acknowledged save is there: versions 1..V all acknowledged, the stored version is V and the
  // stored value is the one acknowledged as V.
  const rows = await db.k.selectFrom('submission_entry as e').innerJoin('submission as s', 's.id', 'e.submission_id')
    .innerJoin('unit as u', 'u.id', 's.unit_id').innerJoin('dataset as d', 'd.id', 's.dataset_id')
    .select(['u.slug', 'e.indicator_id', 'e.breakdown_id', 'e.period', 'e.measure', 'e.version', 'e.value']).where('d.code', '=', 'bench-thang').execute();
  const items = (await db.k.selectFrom('dataset_item as i').innerJoin('dataset as d', 'd.id', 'i.dataset_id')
    .select(['i.position', 'i.indicator_id', 'i.breakdown_id', 'i.basis']).where('d.code', '=', 'bench-thang').execute());
  // A stored entry's key → its item (the bench saves the actual measure of the reporting period's cells).
  const p = parsePeriod(o.period)!;
  const itemOf = new Map<string, number>(items.map((it) => [`${it.indicator_id}|${it.breakdown_id}|${periodKey(cellPeriod(it.basis as Basis, p))}`, it.position]));
  let lost = 0;
  for (const versions of acked.values()) {
    const max = Math.max(...versions.keys());
    if (versions.size !== max) lost += max - versions.size;
  }
  const stored = new Map<string, { version: number; value: number | null }>();
  for (const r of rows) {
    const pos = r.measure === 0 ? itemOf.get(`${r.indicator_id}|${r.breakdown_id}|${r.period}`) : undefined;
    if (pos === undefined) lost++; // an entry no save of this bench acknowledged
    else stored.set(`${r.slug}|${pos}`, { version: r.version, value: r.value });
  }
  for (const [key, versions] of acked) {
    const max = Math.max(...versions.keys());
    const there = stored.get(key);
    if (!there || there.version !== max || there.value !== versions.get(max)) lost++;
  }
  if (stored.size !== acked.size) lost += Math.abs(stored.size - acked.size);
  const storedSum = rows.reduce((a, r) => a + r.version, 0);
  const acknowledged = [...acked.values()].reduce((a, v) => a + v.size, 0);
  if (storedSum !== acknowledged) lost += Math.abs(storedSum - acknowledged);
  return {
    clients: total, requests: latencies.length, saves: acknowledgedSaves, conflicts, errors, gaveUp, lost, cells: acked.size, wallMs,
    throughput: latencies.length / (wallMs / 1000), savesPerS: acknowledgedSaves / (wallMs / 1000),
    serverCpuMs, cpuPerRequest: serverCpuMs / latencies.length, cpuPerSave: serverCpuMs / acknowledgedSaves,
    serverCores: serverCpuMs / wallMs, clientCpuPerRequest: clientCpuMs / latencies.length, ...summary(latencies),
  };
}
