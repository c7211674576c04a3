// Dashboard reads under load: `serve --demo` on loopback, autocannon cycling through the requests the
// regional dashboard makes (south, 9T/2024), 100 connections. Target: ≥ 5,000 requests/s, p99 ≤ 50 ms.
//
//   node --import tsx bench/load/dashboard.ts [--store sqlite|postgres] [--seconds 30] [--connections 100] [--url http://…]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cpuMs, dashboardRequests, startServer } from './server.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1]! : d; };
const store = opt('store', 'sqlite') as 'sqlite' | 'postgres';
const seconds = Number(opt('seconds', '30'));
const connections = Number(opt('connections', '100'));
const external = opt('url', '');

const log = (s: string) => console.log(s);
const served = external ? null : await startServer(store, { log });
const base = external || served!.base;
const urls = await dashboardRequests(base);
log(`${urls.length} dashboard requests; warming up 5 s`);
await autocannon({ url: base, connections: 20, duration: 5, requests: urls.map((path) => ({ method: 'GET', path })) });

const load0 = loadavg();
const cpu0 = served ? cpuMs(served.pid) : 0;
const r = await autocannon({
  url: base, connections, duration: seconds, pipelining: 1, requests: urls.map((path) => ({ method: 'GET', path })),
});
const load1 = loadavg();
// CPU the server spent per request: unlike requests/s, not hidden by other processes on a shared machine
const cpuPerRequest = served ? (cpuMs(served.pid) - cpu0) / r.requests.total : null;
const result = {
  cpuMsPerRequest: cpuPerRequest === null ? null : +cpuPerRequest.toFixed(4),
  oneCoreCapacity: cpuPerRequest ? Math.round(1000 / cpuPerRequest) : null,
  store, connections, seconds, requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90,
  p99: r.latency.p99, max: r.latency.max, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
  loadBefore: load0.map((x) => +x.toFixed(2)), loadAfter: load1.map((x) => +x.toFixed(2)), cores: cpus().length,
  target: { rps: 5000, p99: 50 }, met: r.requests.average >= 5000 && r.latency.p99 <= 50,
};
log(`\n${store}: ${Math.round(result.rps).toLocaleString('en')} requests/s · p50 ${result.p50} ms · p90 ${result.p90} ms · p99 ${result.p99} ms · max ${result.max} ms · ` +
  `errors ${result.errors} · non-2xx ${result.non2xx} · server CPU ${result.cpuMsPerRequest} ms/request (≈ ${result.oneCoreCapacity} requests/s per free core) · load ${load0.map((x) => x.toFixed(2)).join(' ')} → ${load1.map((x) => x.toFixed(2)).join(' ')} · ${result.met ? 'target met' : 'target missed'}`);
mkdirSync(new URL('../out/load/', import.meta.url), { recursive: true });
writeFileSync(new URL(`../out/load/dashboard-${store}-${Date.now()}.json`, import.meta.url), JSON.stringify(result, null, 2));
await served?.stop();
process.exit(0);
