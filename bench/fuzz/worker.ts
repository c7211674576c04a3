// One fuzzing worker: runs inputs [from, to) of one target and reports statistics. The shared array
// holds the index being run, so the main thread can name the input of a hang and kill the worker.
import { parentPort, workerData } from 'node:worker_threads';
import { inputSeed, Rng } from './gen.ts';
import { kindOf, type FuzzTarget } from './target.ts';

interface Job { target: string; seed: number; from: number; to: number; shared: SharedArrayBuffer; deadline: number | null }
const job = workerData as Job;
const cell = new Int32Array(job.shared);

const mod = await import(`./targets/${job.target}.ts`);
const target = mod.target as FuzzTarget;
await target.setup?.();

export interface CrashRecord { i: number; type: string; message: string; where: string; input: string }
export interface WorkerStats {
  done: number;
  outcomes: Record<string, number>;
  kinds: Record<string, number>;
  errors: Record<string, number>;
  crashes: Record<string, { count: number; first: CrashRecord[] }>;
  hangs: Array<{ i: number; ms: number; input: string }>;
  hangCount: number;
  slowest: { i: number; ms: number; input: string } | null;
  ms: number;
}

const stats: WorkerStats = { done: 0, outcomes: {}, kinds: {}, errors: {}, crashes: {}, hangs: [], hangCount: 0, slowest: null, ms: 0 };
const bump = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };
const t0 = performance.now();
let lastPost = t0;

for (let i = job.from; i < job.to; i++) {
  if (job.deadline !== null && (i & 15) === 0 && Date.now() > job.deadline) break; // time budget spent
  Atomics.store(cell, 0, i);
  const kind = kindOf(i);
  const seed = inputSeed(job.seed, i);
  const input = target.generate(new Rng(seed), kind, seed);
  const s = performance.now();
  try {
    let out = target.run(input);
    if (out instanceof Promise) out = await out;
    bump(stats.outcomes, out as string);
  } catch (e) {
    const allowed = target.allowed(e);
    if (allowed) bump(stats.errors, allowed);
    else {
      const err = e as Error;
      const type = err?.name ?? typeof e;
      const message = String(err?.message ?? e).slice(0, 200);
      const key = `${type}: ${message.slice(0, 80)}`;
      const rec = (stats.crashes[key] ??= { count: 0, first: [] });
      rec.count++;
      if (rec.first.length < 3) {
        rec.first.push({ i, type, message, where: String(err?.stack ?? '').split('\n').slice(1, 4).join(' | ').trim(), input: target.show(input) });
      }
    }
  }
  const ms = performance.now() - s;
  bump(stats.kinds, kind);
  if (!stats.slowest || ms > stats.slowest.ms) stats.slowest = { i, ms, input: target.show(input) };
  if (ms > target.limitMs) {
    stats.hangCount++;
    if (stats.hangs.length < 20) stats.hangs.push({ i, ms, input: target.show(input) });
  }
  stats.done++;
  Atomics.store(cell, 1, stats.done);
  const now = performance.now();
  if (now - lastPost > 2000) {
    lastPost = now;
    parentPort!.postMessage({ progress: stats.done });
  }
}
stats.ms = performance.now() - t0;
parentPort!.postMessage({ stats });
