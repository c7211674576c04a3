// The parser fuzzer: every parser of user-supplied data, a million generated inputs each (structured
// by fast-check arbitraries and hand-written generators, mutated from valid inputs, and random), in
// worker threads with a watchdog. Counts crashes (anything thrown that is not the parser's own
// user-facing error), hangs (an input slower than the target's limit, or a worker stuck on one), and
// reports inputs/s, outcomes, errors by type and the slowest input.
//
//   node --import tsx bench/fuzz/run.ts [--n 1000000] [--only numbers,periods] [--workers 1] [--seed 8]
//   node --import tsx bench/fuzz/run.ts --only xlsx --at 123456     # reproduce one input
//   --from 1000000 continues a run with the next indices; --minutes 60 stops a target when its time
//   budget is spent (the inputs actually run are what is reported).
//
// Results: bench/out/fuzz/<target>.json and a Markdown table on stdout (BENCHMARKS.md "Fuzzing").
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inputSeed, Rng } from './gen.ts';
import { kindOf, type FuzzTarget } from './target.ts';
import type { CrashRecord, WorkerStats } from './worker.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt('n', '1000000'));
const SEED = Number(opt('seed', '8'));
const WORKERS = Number(opt('workers', '1'));
const FROM = Number(opt('from', '0'));
const MINUTES = opt('minutes') === undefined ? null : Number(opt('minutes'));
const ALL = readdirSync(new URL('./targets/', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const ONLY = opt('only')?.split(',') ?? ALL;
const OUT = new URL('../out/fuzz/', import.meta.url);

if (opt('at') !== undefined) {
  // Reproduce one input in this thread, with the full stack trace.
  const i = Number(opt('at'));
  const target = (await import(`./targets/${ONLY[0]}.ts`)).target as FuzzTarget;
  await target.setup?.();
  const seed = inputSeed(SEED, i);
  const input = target.generate(new Rng(seed), kindOf(i), seed);
  console.log(`input ${i} (${kindOf(i)}): ${target.show(input)}`);
  const t = performance.now();
  try {
    console.log('outcome:', await target.run(input));
  } catch (e) {
    console.log(target.allowed(e) ? `refused (${target.allowed(e)}):` : 'CRASH:', e);
  }
  console.log(`${(performance.now() - t).toFixed(1)} ms`);
  process.exit(0);
}

interface Result {
  target: string; parsers: string; seed: number; from: number; inputs: number; seconds: number; perSecond: number; limitMs: number;
  outcomes: Record<string, number>; kinds: Record<string, number>; errors: Record<string, number>;
  crashes: Record<string, { count: number; first: CrashRecord[] }>; crashCount: number;
  hangs: Array<{ i: number; ms: number; input: string }>; hangCount: number; killed: number[];
  slowest: { i: number; ms: number; input: string } | null; loadBefore: number[]; loadAfter: number[];
}

function merge(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Runs [from, to) in one worker; a worker stuck on an input longer than `killMs` is terminated,
 *  the input recorded as a hang, and a new worker continues after it. */
async function runRange(name: string, from: number, to: number, killMs: number, deadline: number | null, onProgress: (n: number) => void): Promise<{ stats: WorkerStats[]; killed: number[] }> {
  const out: WorkerStats[] = [];
  const killed: number[] = [];
  let start = from;
  while (start < to) {
    const shared = new SharedArrayBuffer(8);
    const cell = new Int32Array(shared);
    Atomics.store(cell, 0, start);
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { target: name, seed: SEED, from: start, to, shared, deadline } });
    const r = await new Promise<{ stats?: WorkerStats; stuckAt?: number }>((resolve, reject) => {
      let lastIndex = -1;
      let lastDone = -1;
      let since = performance.now();
      let tick = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        // this thread itself was held up (the process stopped, a long GC): not the worker's fault
        if (now - tick > 2000) since = now;
        tick = now;
        const idx = Atomics.load(cell, 0);
        const done = Atomics.load(cell, 1);
        if (idx !== lastIndex || done !== lastDone) { lastIndex = idx; lastDone = done; since = performance.now(); return; }
        if (performance.now() - since > killMs) {
          clearInterval(timer);
          void w.terminate().then(() => resolve({ stuckAt: idx }));
        }
      }, 250);
      w.on('message', (m) => {
        if (m.progress !== undefined) onProgress(m.progress);
        if (m.stats) { clearInterval(timer); resolve({ stats: m.stats }); }
      });
      w.on('error', (e) => { clearInterval(timer); reject(e); });
    });
    if (r.stats) { out.push(r.stats); break; }
    // stuck: what it finished before is lost from the statistics only for that worker; count the hang
    killed.push(r.stuckAt!);
    console.log(`  ${name}: input ${r.stuckAt} ran more than ${killMs} ms; worker ended, continuing after it`);
    start = r.stuckAt! + 1;
  }
  await new Promise((res) => setTimeout(res, 10));
  return { stats: out, killed };
}

async function fuzz(name: string): Promise<Result> {
  const target = (await import(`./targets/${name}.ts`)).target as FuzzTarget;
  const loadBefore = loadavg().map((x) => +x.toFixed(2));
  const t0 = performance.now();
  const per = Math.ceil(N / WORKERS);
  const progress = new Array(WORKERS).fill(0);
  let lastPrint = t0;
  const ranges = Array.from({ length: WORKERS }, (_, w) => [FROM + w * per, FROM + Math.min(N, (w + 1) * per)] as const);
  const deadline = MINUTES === null ? null : Date.now() + MINUTES * 60_000;
  const results = await Promise.all(ranges.map(([a, b], w) => runRange(name, a, b, Math.max(20 * target.limitMs, 10_000), deadline, (n) => {
    progress[w] = n;
    const now = performance.now();
    if (now - lastPrint > 15_000) {
      lastPrint = now;
      const done = progress.reduce((x, y) => x + y, 0);
      console.log(`  ${name}: ${done.toLocaleString('en')} / ${N.toLocaleString('en')} (${Math.round(done / ((now - t0) / 1000)).toLocaleString('en')}/s)`);
    }
  })));
  const seconds = (performance.now() - t0) / 1000;
  const r: Result = {
    target: name, parsers: target.parsers, seed: SEED, from: FROM, inputs: 0, seconds, perSecond: 0, limitMs: target.limitMs,
    outcomes: {}, kinds: {}, errors: {}, crashes: {}, crashCount: 0, hangs: [], hangCount: 0, killed: [], slowest: null,
    loadBefore, loadAfter: [],
  };
  for (const { stats, killed } of results) {
    r.killed.push(...killed);
    for (const s of stats) {
      r.inputs += s.done;
      merge(r.outcomes, s.outcomes); merge(r.kinds, s.kinds); merge(r.errors, s.errors);
      for (const [k, c] of Object.entries(s.crashes)) {
        const into = (r.crashes[k] ??= { count: 0, first: [] });
        into.count += c.count;
        into.first.push(...c.first.slice(0, 3 - into.first.length));
      }
      r.hangs.push(...s.hangs);
      r.hangCount += s.hangCount;
      if (s.slowest && (!r.slowest || s.slowest.ms > r.slowest.ms)) r.slowest = s.slowest;
    }
  }
  r.inputs += r.killed.length;
  r.hangCount += r.killed.length;
  r.crashCount = Object.values(r.crashes).reduce((a, c) => a + c.count, 0);
  r.perSecond = r.inputs / seconds;
  r.loadAfter = loadavg().map((x) => +x.toFixed(2));
  return r;
}

mkdirSync(OUT, { recursive: true });
console.log(`fuzz: ${ONLY.join(', ')} · ${N.toLocaleString('en')} inputs each · seed ${SEED} · ${WORKERS} worker(s) · ${cpus().length} cores · load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const all: Result[] = [];
for (const name of ONLY) {
  const r = await fuzz(name);
  all.push(r);
  writeFileSync(new URL(`${name}${FROM ? `-from${FROM}` : ''}.json`, OUT), JSON.stringify(r, null, 2));
  const fmt = (m: Record<string, number>) => Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ');
  console.log(`\n== ${name} (${r.parsers})`);
  console.log(`  ${r.inputs.toLocaleString('en')} inputs in ${r.seconds.toFixed(0)} s = ${Math.round(r.perSecond).toLocaleString('en')}/s (load ${r.loadBefore[0]} → ${r.loadAfter[0]})`);
  console.log(`  kinds: ${fmt(r.kinds)}`);
  console.log(`  outcomes: ${fmt(r.outcomes)}`);
  console.log(`  user-facing errors: ${fmt(r.errors) || 'none'}`);
  console.log(`  crashes: ${r.crashCount}${r.crashCount ? '' : ' ✓'}  hangs (> ${r.limitMs} ms): ${r.hangCount}${r.hangCount ? '' : ' ✓'}`);
  for (const [k, c] of Object.entries(r.crashes)) {
    console.log(`   ✗ ${c.count} × ${k}`);
    for (const f of c.first) console.log(`      #${f.i} ${f.input}\n        at ${f.where}`);
  }
  for (const h of r.hangs.slice(0, 5)) console.log(`   ⏱ #${h.i} ${h.ms.toFixed(0)} ms ${h.input}`);
  if (r.slowest) console.log(`  slowest: #${r.slowest.i} ${r.slowest.ms.toFixed(1)} ms ${r.slowest.input.slice(0, 300)}`);
}

console.log('\n| parser | inputs | inputs/s | crashes | hangs (limit) | user-facing errors | slowest input |');
console.log('|---|---:|---:|---:|---:|---|---|');
for (const r of all) {
  const errs = Object.entries(r.errors).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ') || '—';
  console.log(`| ${r.target} | ${r.inputs.toLocaleString('en')} | ${Math.round(r.perSecond).toLocaleString('en')} | ${r.crashCount} | ${r.hangCount} (${r.limitMs} ms) | ${errs} | ${r.slowest ? `${r.slowest.ms.toFixed(1)} ms (#${r.slowest.i})` : '—'} |`);
}
const bad = all.some((r) => r.crashCount || r.hangCount);
process.exit(bad ? 1 : 0);
