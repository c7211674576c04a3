// `node --import tsx bench/web/bundle.ts [--no-build]`: builds the web app and measures what the first
// page load downloads — the entry script, its module preloads and the stylesheet — gzip-compressed,
// against the budget of 250 KB of JavaScript; lists the chunks loaded on demand. Exit code 1 over budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuilt, WEB_ROOT } from '../../src/server/webBuild.ts';
import { parseFlags } from '../args.ts';
import { log } from '../stats.ts';

export const BUDGET_KB = 250;

export interface BundleReport {
  at: string;
  initialJs: Array<{ file: string; bytes: number; gzip: number }>;
  initialJsGzip: number;
  css: { file: string; bytes: number; gzip: number } | null;
  lazy: Array<{ file: string; bytes: number; gzip: number }>;
  budgetKb: number;
  withinBudget: boolean;
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;

export async function measureBundle(build = true): Promise<BundleReport> {
  if (build) await ensureWebBuilt({ force: true, log });
  const dist = join(WEB_ROOT, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const cssRef = /<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/.exec(html)?.[1] ?? null;
  const entry = (file: string) => ({ file, bytes: statSync(join(dist, file)).size, gzip: gz(join(dist, file)) });
  const initialJs = refs.map(entry);
  const initialJsGzip = initialJs.reduce((s, f) => s + f.gzip, 0);
  const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !refs.includes(`assets/${f}`)).map((f) => entry(`assets/${f}`))
    .sort((a, b) => b.gzip - a.gzip);
  return {
    at: new Date().toISOString(), initialJs, initialJsGzip, css: cssRef ? entry(cssRef) : null, lazy,
    budgetKb: BUDGET_KB, withinBudget: initialJsGzip <= BUDGET_KB * 1024,
  };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

export function bundleMarkdown(r: BundleReport): string {
  const lines = [
    '| what | file | raw | gzip |', '|---|---|---:|---:|',
    ...r.initialJs.map((f) => `| initial JS | \`${f.file.replace(/-[\w-]{8}\.js$/, '.js')}\` | ${kb(f.bytes)} | ${kb(f.gzip)} |`),
    `| **initial JS, total** | | | **${kb(r.initialJsGzip)}** (budget ${r.budgetKb} KB) |`,
    ...(r.css ? [`| stylesheet | \`${r.css.file.replace(/-[\w-]{8}\.css$/, '.css')}\` | ${kb(r.css.bytes)} | ${kb(r.css.gzip)} |`] : []),
    ...r.lazy.map((f) => `| on demand | \`${f.file.replace(/-[\w-]{8}\.js$/, '.js')}\` | ${kb(f.bytes)} | ${kb(f.gzip)} |`),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = parseFlags();
  const r = await measureBundle(!flags.has('no-build'));
  console.log(bundleMarkdown(r));
  console.log(`\ninitial JavaScript: ${kb(r.initialJsGzip)} gzip — ${r.withinBudget ? 'within' : 'OVER'} the ${r.budgetKb} KB budget`);
  process.exit(r.withinBudget ? 0 : 1);
}
