// `node --import tsx bench/collection/run.ts [--stores sqlite,postgres] [--runs 30] [--think-ms 1000]
// [--saves 10] [--update-md]`: the collection benchmarks (Excel upload of a province's month; the
// deadline with 34 × 10 officers saving at once), printed and, with --update-md, written into the
// "Collection" section of BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchDeadline } from './deadline.ts';
import { benchExcelUpload } from './excelUpload.ts';
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

const lines: string[] = [];
for (const kind of stores) {
  let b = await benchSetup(kind);
  const { result: excel, load: excelLoad } = await underLoad(() => benchExcelUpload(b, runs));
  console.log(kind, 'excel', excel, 'load', excelLoad);
  await b.close();
  b = await benchSetup(kind);
  const { result: dl, load: dlLoad } = await underLoad(() => benchDeadline(b, { officers: 10, saves, thinkMs, period: 'T12/2025' }));
  console.log(kind, 'deadline', dl, 'load', dlLoad);
  await b.db.close();
  lines.push(`| ${kind} | Excel upload, ${excel.values} values (read, check, store, audit) | ${excel.n} | ${round(excel.p50)} | ${round(excel.p95)} | ${round(excel.p99)} | ${round(excel.max)} | ${excelLoad} | ≤ 200 ms: ${excel.p99 <= 200 ? 'met' : 'NOT met'} |`);
  lines.push(`| ${kind} | Deadline: ${dl.clients} officers × ${saves} saves, think ${thinkMs} ms (${round(dl.throughput)} req/s, ${dl.conflicts} conflicts retried) | ${dl.requests} | ${round(dl.p50)} | ${round(dl.p95)} | ${round(dl.p99)} | ${round(dl.max)} | ${dlLoad} | p99 ≤ 200 ms: ${dl.p99 <= 200 ? 'met' : 'NOT met'}; lost writes: ${dl.lost} |`);
}

const section = [
  '## Collection',
  '',
  `Command: \`node --import tsx bench/collection/run.ts ${args.join(' ')}\`. Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `${new Date().toISOString().slice(0, 10)}. Real master data (34 provinces from July 2025), a monthly data set of 200 cells, five years ` +
    'of history for every province (last year, growth checks). The Excel upload is timed from the request to the response through ' +
    'Fastify (multipart parse, zip checks, exceljs read, validation against history, all-or-nothing store, audit entry); the template ' +
    'is downloaded and filled outside the timing. The deadline runs a real HTTP server on loopback; every officer signs in, reads its ' +
    'grid, then saves with random pauses; a 409 (someone else changed the cell) is retried with the version it returns. Lost writes: ' +
    'for every cell, the acknowledged saves must be exactly versions 1..V and the store must hold V.',
  '',
  '| store | what | n | p50 ms | p95 ms | p99 ms | max ms | load avg (2 cores) | target |',
  '|---|---|---|---|---|---|---|---|---|',
  ...lines,
  '',
].join('\n');
console.log(section);
if (args.includes('--update-md')) {
  const path = new URL('../../BENCHMARKS.md', import.meta.url);
  const md = readFileSync(path, 'utf8');
  const start = md.indexOf('## Collection');
  const next = start >= 0 ? md.indexOf('\n## ', start + 3) : -1;
  const out = start < 0 ? `${md.trimEnd()}\n\n${section}` : md.slice(0, start) + section + (next >= 0 ? md.slice(next + 1) : '');
  writeFileSync(path, out);
}
process.exit(0);
