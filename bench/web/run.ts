// `node --import tsx bench/web/run.ts [--values 80M | --store kept.db] [--runs 15] [--update-md]`:
// the web benchmarks — initial JavaScript (gzip) against its 250 KB budget, and the time to the regional
// dashboard with its figures in headless Chromium — printed as Markdown, written to bench/out/, and with
// --update-md put between the <!-- bench:web --> markers of BENCHMARKS.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseFlags } from '../args.ts';
import { round } from '../stats.ts';
import { bundleMarkdown, measureBundle } from './bundle.ts';
import { benchDashboard, dashboardMarkdown } from './dashboard.ts';

const flags = parseFlags();
const bundle = await measureBundle(!flags.has('no-build'));
const dash = await benchDashboard(flags);
const md = [
  `Measured ${dash.at.slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores (Node ${process.version}, Chromium headless),`,
  `command \`node --import tsx bench/web/run.ts ${process.argv.slice(2).join(' ')}\`.`,
  '',
  `**Initial JavaScript: ${round(bundle.initialJsGzip / 1024, 1)} KB gzip** (budget 250 KB): the entry and its module preloads; the chart,`,
  'the map, the pivot explorer, the catalogue and the administration are loaded when used.',
  '',
  bundleMarkdown(bundle),
  '',
  `**Dashboard with its figures: p50 ${round(dash.cold.p50, 0)} ms, p95 ${round(dash.cold.p95, 0)} ms cold** (target 1 000 ms), from navigation`,
  'start to the frame after the headline cards rendered (`performance.mark(\'ct:dashboard-figures\')` in the app).',
  '',
  dashboardMarkdown(dash),
].join('\n');
console.log(md);
const out = join(new URL('..', import.meta.url).pathname, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `web-${dash.at.replace(/[:.]/g, '-')}.json`), JSON.stringify({ bundle, dashboard: dash, loadAtEnd: loadavg()[0] }, null, 2));
if (flags.has('update-md')) {
  const path = join(new URL('../..', import.meta.url).pathname, 'BENCHMARKS.md');
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    const [open, close] = ['<!-- bench:web -->', '<!-- /bench:web -->'];
    const i = text.indexOf(open);
    const j = text.indexOf(close);
    if (i >= 0 && j > i) writeFileSync(path, `${text.slice(0, i + open.length)}\n${md}\n${text.slice(j)}`);
  }
}
