// The mixed soak: `serve --demo` under steady reads (the dashboard's requests, as the public) and
// signed-in writes (an analyst publishing estimates through POST /api/values, CSRF token and all) for
// 10 minutes. Pass: 0 errors and 0 non-2xx answers, and flat memory — the server's RSS and heap are
// sampled every 5 s by bench/load/memoryProbe.mjs and their least-squares slope reported after the
// first minute (warm-up). The deadline burst of saves is bench/collection's, not repeated here.
//
//   node --import tsx bench/load/soak.ts [--store sqlite|postgres] [--minutes 10] [--read-rate 300] [--write-rate 5]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../../src/collection/demo/demoAccounts.ts';
import { cpuMs, dashboardRequests, slope, startServer } from './server.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1]! : d; };
const store = opt('store', 'sqlite') as 'sqlite' | 'postgres';
const minutes = Number(opt('minutes', '10'));
const readRate = Number(opt('read-rate', '300'));
const writeRate = Number(opt('write-rate', '5'));

const served = await startServer(store, { log: console.log });
const base = served.base;
const reads = await dashboardRequests(base);

// Signed in as the demo analyst (the demo start creates the account with the published password).
const signIn = await fetch(`${base}/api/auth/sign-in`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chuyenvien', password: DEMO_PASSWORD }),
});
if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
const cookie = String(signIn.headers.get('set-cookie')).split(';')[0]!;
const csrf = ((await signIn.json()) as { csrf_token: string }).csrf_token;
const writeHeaders = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
const PLACES = ['ha-noi', 'cao-bang', 'dien-bien', 'lai-chau', 'son-la', 'lang-son', 'quang-ninh', 'thanh-hoa', 'nghe-an', 'ha-tinh', 'hue'];
let writes = 0;
const body = () => JSON.stringify({
  values: [{ place: PLACES[writes % PLACES.length], indicator: 'retail_services', period: `T${1 + (Math.floor(writes++ / PLACES.length) % 12)}/2026`,
    value: Math.round(1000 + Math.random() * 9000) / 10, unit: 'tỷ đồng', status: 'estimate' }],
  note: 'bench/load soak',
});
const probe = await fetch(`${base}/api/values`, { method: 'POST', headers: writeHeaders, body: body() });
if (probe.status >= 300) throw new Error(`write: ${probe.status} ${await probe.text()}`);

console.log(`soak on ${store}: ${minutes} min, reads ${readRate}/s over ${reads.length} dashboard URLs, writes ${writeRate}/s signed in`);
const load0 = loadavg();
const cpu0 = cpuMs(served.pid);
const duration = Math.round(minutes * 60);
const progress = setInterval(() => {
  const m = served.memory().at(-1);
  if (m) console.log(`  t=${m.t.toFixed(0)} s rss ${(m.rss / 2 ** 20).toFixed(1)} MB heap ${(m.heapUsed / 2 ** 20).toFixed(1)} MB · load ${loadavg()[0]!.toFixed(2)}`);
}, 60_000);
const [r, w] = await Promise.all([
  autocannon({ url: base, connections: 20, duration, overallRate: readRate, requests: reads.map((path) => ({ method: 'GET', path })) }),
  autocannon({
    url: base, connections: 2, duration, overallRate: writeRate,
    requests: [{ method: 'POST', path: '/api/values', headers: writeHeaders, setupRequest: (req) => ({ ...req, body: body() }) }],
  }),
]);
clearInterval(progress);
const cpu1 = cpuMs(served.pid);
const load1 = loadavg();
await new Promise((res) => setTimeout(res, 6000)); // one more memory sample after the load
const mem = served.memory();
const steady = mem.filter((m) => m.t >= 60 + (mem[0]?.t ?? 0));
const mb = (x: number) => x / 2 ** 20;
const result = {
  store, minutes, readRate, writeRate,
  reads: { requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx },
  writes: { requests: w.requests.total, rps: w.requests.average, p50: w.latency.p50, p99: w.latency.p99, max: w.latency.max, errors: w.errors, timeouts: w.timeouts, non2xx: w.non2xx },
  memory: {
    samples: mem.length,
    rssMB: { first: mb(steady[0]?.rss ?? 0), last: mb(steady.at(-1)?.rss ?? 0), max: mb(Math.max(...steady.map((m) => m.rss))), slopeMBperMin: slope(steady.map((m) => [m.t / 60, mb(m.rss)])) },
    heapMB: { first: mb(steady[0]?.heapUsed ?? 0), last: mb(steady.at(-1)?.heapUsed ?? 0), max: mb(Math.max(...steady.map((m) => m.heapUsed))), slopeMBperMin: slope(steady.map((m) => [m.t / 60, mb(m.heapUsed)])) },
  },
  serverCpuSeconds: (cpu1 - cpu0) / 1000,
  loadBefore: load0.map((x) => +x.toFixed(2)), loadAfter: load1.map((x) => +x.toFixed(2)), cores: cpus().length,
};
const errs = r.errors + r.timeouts + r.non2xx + w.errors + w.timeouts + w.non2xx;
console.log(`\nreads: ${r.requests.total.toLocaleString('en')} (${r.requests.average.toFixed(0)}/s) p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms · errors ${r.errors} timeouts ${r.timeouts} non-2xx ${r.non2xx}`);
console.log(`writes: ${w.requests.total.toLocaleString('en')} (${w.requests.average.toFixed(1)}/s) p50 ${w.latency.p50} ms p99 ${w.latency.p99} ms · errors ${w.errors} timeouts ${w.timeouts} non-2xx ${w.non2xx}`);
console.log(`memory after warm-up: RSS ${result.memory.rssMB.first.toFixed(1)} → ${result.memory.rssMB.last.toFixed(1)} MB (max ${result.memory.rssMB.max.toFixed(1)}), slope ${result.memory.rssMB.slopeMBperMin.toFixed(3)} MB/min; ` +
  `heap ${result.memory.heapMB.first.toFixed(1)} → ${result.memory.heapMB.last.toFixed(1)} MB (max ${result.memory.heapMB.max.toFixed(1)}), slope ${result.memory.heapMB.slopeMBperMin.toFixed(3)} MB/min`);
console.log(`load ${load0.map((x) => x.toFixed(2)).join(' ')} → ${load1.map((x) => x.toFixed(2)).join(' ')} · ${errs === 0 ? '0 errors' : `${errs} ERRORS`}`);
mkdirSync(new URL('../out/load/', import.meta.url), { recursive: true });
writeFileSync(new URL(`../out/load/soak-${store}-${Date.now()}.json`, import.meta.url), JSON.stringify({ ...result, memorySamples: mem }, null, 2));
await served.stop();
process.exit(errs === 0 ? 0 : 1);
