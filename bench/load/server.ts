// The server under load: the real `congthuong serve --demo` as a child process on loopback, on SQLite
// (a fresh DATA_DIR) or PostgreSQL (a fresh database congthuong_load), with the memory probe preloaded.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PG_ADMIN = process.env.LOAD_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Served {
  base: string;
  pid: number;
  store: 'sqlite' | 'postgres';
  memoryFile: string;
  memory(): Array<{ t: number; rss: number; heapUsed: number; heapTotal: number }>;
  stop(): Promise<void>;
}

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});

async function freshPostgres(name: string): Promise<string> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function startServer(store: 'sqlite' | 'postgres', opts: { log?: (s: string) => void } = {}): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), 'congthuong-load-'));
  const memoryFile = join(dataDir, 'memory.jsonl');
  const port = await freePort();
  const env: Record<string, string> = {
    ...process.env as Record<string, string>, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
    MEMORY_PROBE_FILE: memoryFile, NODE_OPTIONS: `--import ${join(ROOT, 'bench/load/memoryProbe.mjs')}`,
  };
  if (store === 'postgres') env.DATABASE_URL = await freshPostgres('congthuong_load');
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [...(process.env.LOAD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(ROOT, 'bin/congthuong.mjs'), 'serve', '--demo'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${base}/api/regions`);
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() - t0 > 300_000) throw new Error(`serve did not answer in 5 minutes:\n${out}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  opts.log?.(`serve --demo on ${store}: ${base} (pid ${child.pid}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return {
    base, pid: child.pid!, store, memoryFile,
    memory() {
      try {
        return readFileSync(memoryFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
      } catch {
        return [];
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => { if (child.exitCode !== null) r(null); else child.once('exit', r); setTimeout(r, 10_000); });
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The requests the regional dashboard makes for a region and period (Dashboard.tsx, MapPanel.tsx):
 *  catalogue, regions, the region, six headline figures, their six trends, the selected indicator's
 *  long trend, and the map's tile grid. */
export async function dashboardRequests(base: string, region = 'south', period = '9T/2024', lang = 'vi'): Promise<string[]> {
  const FEATURED = ['retail_services', 'iip', 'exports', 'imports', 'trade_balance', 'industrial_output_value'];
  const [kind, n, year] = period === '9T/2024' ? ['ytd', 9, 2024] : ['ytd', 9, 2024];
  const date = '2024-09-30';
  const q = (o: Record<string, string | number>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();
  const urls = [
    '/api/indicators', `/api/regions?${q({ date })}`, `/api/regions/${region}?${q({ date })}`,
    ...FEATURED.map((c) => `/api/analytics/regions/${region}/indicators/${c}?${q({ period, lang })}`),
    ...FEATURED.map((c) => `/api/analytics/series?${q({ place: region, indicator: c, kind, n, from: (year as number) - 7, to: year })}`),
    `/api/analytics/series?${q({ place: region, indicator: FEATURED[0]!, kind, n, from: (year as number) - 9, to: year })}`,
    '/api/geo/63',
  ];
  for (const u of urls) {
    const r = await fetch(base + u);
    if (!r.ok) throw new Error(`${u}: ${r.status} ${await r.text()}`);
  }
  return urls;
}

/** Least-squares slope of y over t. */
export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mt = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  let num = 0;
  let den = 0;
  for (const [t, y] of points) { num += (t - mt) * (y - my); den += (t - mt) ** 2; }
  return den ? num / den : 0;
}

/** CPU time (user + system) a process has used, ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}
