// Scores the extractor against gold annotations (the development set's README rule):
// a predicted figure matches a gold one when indicator, period and scope are the same and the numbers
// agree — values within 0.5 % after unit scaling, rates (growth_pct, pct_of_plan) within 0.01
// points; matching is one-to-one. Prints precision, recall and F1 overall and per article.
//
//   node --import tsx bench/extraction/score.ts [goldDir] [--verbose] [--pred predDir] [--json]
//
// goldDir defaults to /work/shared/extraction; texts are `<name>.txt` beside each gold file, or the
// seed file named by the gold `source` in ../seeds. This is a developer tool: the product never
// reads that folder.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractFigures } from '../../src/extraction/extract.ts';
import { matchCount, type ScoredFigure } from '../../src/extraction/match.ts';

function prf(tp: number, np: number, ng: number): { p: number; r: number; f: number } {
  const p = np ? tp / np : ng ? 0 : 1;
  const r = ng ? tp / ng : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

interface Article { name: string; text: string; source: string | null; gold: ScoredFigure[] }

export function loadArticles(dir: string): Article[] {
  const out: Article[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const g = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { source: string | null; figures: ScoredFigure[] };
    const base = f.replace(/\.json$/, '');
    let textPath = join(dir, `${base}.txt`);
    if (!existsSync(textPath)) {
      const seeds = join(dir, '..', 'seeds');
      const cand = g.source && existsSync(join(seeds, g.source)) ? join(seeds, g.source)
        : existsSync(seeds) ? readdirSync(seeds).filter((x) => x.startsWith(`${base}_`)).map((x) => join(seeds, x))[0] : undefined;
      if (!cand) continue;
      textPath = cand;
    }
    out.push({ name: base, text: readFileSync(textPath, 'utf8'), source: basename(textPath), gold: g.figures });
  }
  return out;
}

function fmt(x: number): string { return x.toFixed(3); }

function describe(f: ScoredFigure): string {
  const nums = [f.value !== null ? `${f.value} ${f.unit ?? ''}`.trim() : null, f.growth_pct !== null ? `g=${f.growth_pct}` : null, f.pct_of_plan !== null ? `kh=${f.pct_of_plan}` : null].filter(Boolean).join(' ');
  const extra = f.indicator === 'other' ? ` [${String(f.label ?? '')}]` : f.indicator === 'product_output' ? ` [${String(f.product ?? '')}]` : '';
  return `${f.indicator}${extra} | ${f.scope ?? '∅'} | ${f.period ?? '∅'} | ${nums} | ${String(f.status ?? '')} | "${String(f.quote ?? '')}"`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const asJson = args.includes('--json');
  const predIdx = args.indexOf('--pred');
  const predDir = predIdx >= 0 ? args[predIdx + 1] : undefined;
  const dir = args.find((a, i) => !a.startsWith('-') && (predIdx < 0 || i !== predIdx + 1)) ?? '/work/shared/extraction';
  const arts = loadArticles(dir);
  let TP = 0; let NP = 0; let NG = 0;
  const rows: Array<{ name: string; tp: number; np: number; ng: number; p: number; r: number; f: number }> = [];
  for (const a of arts) {
    let pred: ScoredFigure[];
    if (predDir) {
      const pf = join(predDir, `${a.name}.json`);
      pred = existsSync(pf) ? (JSON.parse(readFileSync(pf, 'utf8')) as { figures: ScoredFigure[] }).figures : [];
    } else {
      pred = extractFigures(a.text, { sourceName: a.source }).figures as unknown as ScoredFigure[];
    }
    const { tp, pairs } = matchCount(a.gold, pred);
    TP += tp; NP += pred.length; NG += a.gold.length;
    const s = prf(tp, pred.length, a.gold.length);
    rows.push({ name: a.name, tp, np: pred.length, ng: a.gold.length, ...s });
    if (verbose && !asJson) {
      const mg = new Set(pairs.map((x) => x[0]));
      const mp = new Set(pairs.map((x) => x[1]));
      const missed = a.gold.filter((_, i) => !mg.has(i));
      const extra = pred.filter((_, j) => !mp.has(j));
      if (missed.length || extra.length) {
        console.log(`\n== ${a.name}`);
        for (const g of missed) console.log(`  MISS  ${describe(g)}`);
        for (const p of extra) console.log(`  EXTRA ${describe(p)}`);
      }
    }
  }
  const all = prf(TP, NP, NG);
  if (asJson) {
    console.log(JSON.stringify({ overall: { tp: TP, predicted: NP, gold: NG, precision: all.p, recall: all.r, f1: all.f }, articles: rows }, null, 1));
    return;
  }
  console.log('\narticle   tp  pred gold  precision recall  f1');
  for (const r of rows) console.log(`${r.name.padEnd(8)} ${String(r.tp).padStart(3)} ${String(r.np).padStart(5)} ${String(r.ng).padStart(4)}  ${fmt(r.p)}     ${fmt(r.r)}   ${fmt(r.f)}`);
  console.log(`${'overall'.padEnd(8)} ${String(TP).padStart(3)} ${String(NP).padStart(5)} ${String(NG).padStart(4)}  ${fmt(all.p)}     ${fmt(all.r)}   ${fmt(all.f)}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('score.ts')) {
  main().catch((e: unknown) => { console.error(e); process.exit(1); });
}
