// `node --import tsx bench/collection/run.ts [--stores sqlite,postgres] [--runs 30] [--think-ms 1000]
// [--saves 10] [--officers 10] [--only excel|deadline] [--update-md]`: the collection benchmarks (Excel
// upload of a province's month; the deadline with 34 × 10 officers saving at once, the server in its
// own process), printed and, with --update-md, written as the table of the "Collection" section of
// BENCHMARKS.md (between the markers <!-- collection-table --> and <!-- /collection-table -->).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchDeadline } from './deadline.ts';
import { benchExcelUpload } from './excelUpload.ts';
import { startBenchServer } from './serverChild.ts';
import { benchSetup, type Kind } from './setup.ts';
import { round } from './stats.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const stores = flag('stores', 'sqlite,postgres').split(',') as Kind[];
const runs = Number(flag('runs', '30'));
const thinkMs = Number(flag('think-ms', '1000'));
const saves = Number(flag('saves', '10'));
const officers = Number(flag('officers', '10'));
const only = flag('only', '');

/** The 1-minute load average sampled every 2 s while `work` runs (the machine is shared). */
async function underLoad<T>(work: () => Promise<T>): Promise<{ result: T; load: string }> {
  const samples = [loadavg()[0]!];
  const timer = setInterval(() => samples.push(loadavg()[0]!), 2000);
  try {
    const result = await work();
    samples.push(loadavg()[0]!);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    return { result, load: `${mean.toFixed(1)} (max ${Math.max(...samples).toFixed(1)})` };
  } finally {
    clearInterval(timer);
  }
}

const day = new Date().toISOString().slice(0, 16).replace('T', ' ');
const lines: string[] = [];
for (const kind of stores) {
  if (only !== 'deadline') {
    const b = await benchSetup(kind);
    const { result: excel, load } = await underLoad(() => benchExcelUpload(b, runs));
    console.log(kind, 'excel', excel, 'load', load);
    await b.close();
    lines.push(`| ${kind} | ${day} | Excel upload, ${excel.values} values (read, check, store, audit) | ${excel.n} | ${round(excel.p50)} | ${round(excel.p95)} | ${round(excel.p99)} | ${round(excel.max)} | ${round(excel.cpuMs)} ms / upload (p50) | ${load} | p50 ≤ 200 ms: ${excel.p50 <= 200 ? 'met' : 'NOT met'} |`);
  }
  if (only !== 'excel') {
    const b = await benchSetup(kind);
    await b.app.close(); // the server under test is the child below
    const server = await startBenchServer(kind);
    const { result: dl, load } = await underLoad(() => benchDeadline(b.db, b.provinces, server, { officers, saves, thinkMs, period: 'T12/2025' }));
    console.log(kind, 'deadline', dl, 'load', load);
    await b.db.close();
    lines.push(`| ${kind} | ${day} | Deadline: ${dl.clients} officers × ${saves} saves, think ${thinkMs} ms mean: ${round(dl.savesPerS)} saves/s acknowledged, ${round(dl.throughput)} req/s, ${dl.conflicts} conflicts retried${dl.gaveUp ? `, ${dl.gaveUp} given up after 20 conflicts` : ''} | ${dl.requests} | ${round(dl.p50)} | ${round(dl.p95)} | ${round(dl.p99)} | ${round(dl.max)} | ${round(dl.cpuPerRequest)} ms / request, ${round(dl.cpuPerSave)} ms / save (${round(dl.serverCores * 100)} % of a core; clients ${round(dl.clientCpuPerRequest)} ms / request) | ${load} | p99 ≤ 200 ms: ${dl.p99 <= 200 ? 'met' : 'NOT met'}; lost writes: ${dl.lost} |`);
  }
}

const table = [
  `Command: \`node --import tsx bench/collection/run.ts ${args.filter((a) => a !== '--update-md').join(' ')}\`. Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  '',
  '| store | run | what | n | p50 ms | p95 ms | p99 ms | max ms | server CPU | load avg (1 min, 2 cores) | target |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...lines,
].join('\n');
console.log(table);
if (args.includes('--update-md')) {
  const path = new URL('../../BENCHMARKS.md', import.meta.url);
  const md = readFileSync(path, 'utf8');
  const [open, close] = ['<!-- collection-table -->', '<!-- /collection-table -->'];
  const a = md.indexOf(open);
  const z = md.indexOf(close);
  if (a < 0 || z < a) throw new Error(`BENCHMARKS.md has no ${open} … ${close} block`);
  writeFileSync(path, `${md.slice(0, a + open.length)}\n${table}\n${md.slice(z)}`);
}
process.exit(0);
