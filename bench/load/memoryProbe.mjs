// Preloaded into the server under test (NODE_OPTIONS=--import …/memoryProbe.mjs) by bench/load:
// every MEMORY_PROBE_MS (default 5 s) it appends the process's memory use to MEMORY_PROBE_FILE as a
// JSON line. Bench-only: the product does not load it.
import { appendFileSync } from 'node:fs';

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  const every = Number(process.env.MEMORY_PROBE_MS ?? 5000);
  const t0 = Date.now();
  const sample = () => {
    const m = process.memoryUsage();
    appendFileSync(file, JSON.stringify({ t: (Date.now() - t0) / 1000, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external }) + '\n');
  };
  setInterval(sample, every).unref();
}
