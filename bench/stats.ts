// Timing helpers: percentiles, rates, and a throttled progress line on stderr.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();

/** Nearest-rank percentile (p in 0..100) of an unsorted list of numbers. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(ms: number[]): Summary {
  const mean = ms.reduce((a, b) => a + b, 0) / (ms.length || 1);
  return { runs: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: Math.max(...ms), mean };
}

export const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

export function log(msg: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** The machine is shared: the 1-minute load average, sampled during each phase, says how busy it was. */
export class LoadSampler {
  private readonly xs: number[] = [loadavg()[0]!];
  sample(): void {
    this.xs.push(loadavg()[0]!);
  }
  summary(): { mean: number; max: number } {
    this.sample();
    return { mean: round(this.xs.reduce((a, b) => a + b, 0) / this.xs.length), max: round(Math.max(...this.xs)) };
  }
}

/** Progress reporter for a load: prints at most every `everyMs`, with the running rate. */
export function progress(label: string, total: number, load?: LoadSampler, everyMs = 10_000): (done: number) => void {
  const t0 = now();
  let last = t0;
  return (done) => {
    const t = now();
    if (t - last < everyMs && done < total) return;
    last = t;
    load?.sample();
    const rate = done / ((t - t0) / 1000);
    log(`${label}: ${(done / 1e6).toFixed(2)}M / ${(total / 1e6).toFixed(2)}M rows, ${(rate / 1e6).toFixed(3)}M rows/s (incl. generation), load ${loadavg()[0]!.toFixed(1)}`);
  };
}
