// Re-runs the inputs a fuzz run recorded as slow (bench/out/fuzz/<target>.json "hangs"), one at a time in
// this thread, to tell a slow parser from a stalled machine (other processes, a stopped run).
//   node --import tsx bench/fuzz/recheck.ts xlsx docx …
import { readFileSync } from 'node:fs';
import { inputSeed, Rng } from './gen.ts';
import { kindOf, type FuzzTarget } from './target.ts';

for (const name of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(new URL(`../out/fuzz/${name}.json`, import.meta.url), 'utf8'));
  const target = (await import(`./targets/${name}.ts`)).target as FuzzTarget;
  await target.setup?.();
  const idx = [...new Set<number>([...r.hangs.map((h: { i: number }) => h.i), ...(r.slowest ? [r.slowest.i] : []), ...r.killed])];
  for (const i of idx) {
    const seed = inputSeed(r.seed, i);
    const input = target.generate(new Rng(seed), kindOf(i), seed);
    const t = performance.now();
    let out: string;
    try { out = String(await target.run(input)); } catch (e) { out = target.allowed(e) ?? `CRASH ${(e as Error).message}`; }
    const ms = performance.now() - t;
    const recorded = r.hangs.find((h: { i: number }) => h.i === i)?.ms ?? r.slowest?.ms;
    console.log(`${name} #${i}: recorded ${recorded?.toFixed(0)} ms, now ${ms.toFixed(0)} ms (${out}) ${ms > target.limitMs ? 'SLOW' : 'ok'}`);
  }
}
