// The development set's matching rule, shared by the scorer (bench/extraction/score.ts) and the tests:
// same indicator, period (canonical: H1 ≡ 6T, Q1 ≡ 3T …) and scope; values within 0.5 % after unit
// scaling; rates (growth_pct, pct_of_plan) within 0.01 points; one-to-one matching.

import { canonicalPeriod } from './periods.ts';

export interface ScoredFigure {
  indicator: string;
  scope: string | null;
  period: string | null;
  value: number | null;
  unit: string | null;
  growth_pct: number | null;
  pct_of_plan: number | null;
  [k: string]: unknown;
}

const SCALE: Array<[RegExp, number]> = [
  [/^nghìn tỷ|^ngàn tỷ/, 1e12], [/^triệu tỷ/, 1e15], [/^tỷ|^tỉ/, 1e9], [/^triệu/, 1e6], [/^nghìn|^ngàn/, 1e3],
];
function unitScale(unit: string | null): { dim: string; f: number } {
  if (!unit) return { dim: 'none', f: 1 };
  const u = unit.normalize('NFC').trim().toLowerCase();
  let f = 1;
  let rest = u;
  for (const [re, m] of SCALE) {
    const mm = re.exec(rest);
    if (mm) { f = m; rest = rest.slice(mm[0].length).trim(); break; }
  }
  if (/^(đồng|vnđ|vnd|đ)?$/.test(rest) && f !== 1) return { dim: 'vnd', f };
  if (/^(đồng|vnđ|vnd)$/.test(rest)) return { dim: 'vnd', f };
  if (/^(usd|us\$|\$|đô la.*)$/.test(rest)) return { dim: 'usd', f };
  if (/^(ha|héc.?ta|hecta)$/.test(rest)) return { dim: 'area', f };
  if (/^%$/.test(rest)) return { dim: 'pct', f };
  if (/^(kwh)$/.test(rest)) return { dim: 'kwh', f };
  if (/^(tấn)$/.test(rest)) return { dim: 'ton', f };
  return { dim: 'count', f };
}

function normScope(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return s.normalize('NFC').toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s*-\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}

export function closeRate(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  return Math.abs(a - b) <= 0.01 + 1e-9;
}

export function closeValue(g: ScoredFigure, p: ScoredFigure): boolean {
  if (g.value === null || g.value === undefined) return p.value === null || p.value === undefined;
  if (p.value === null || p.value === undefined) return false;
  const gu = unitScale(g.unit);
  const pu = unitScale(p.unit);
  if (gu.dim !== pu.dim && !(gu.dim === 'none' || pu.dim === 'none')) return false;
  const a = g.value * gu.f;
  const b = p.value * pu.f;
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005 + 1e-9;
}

export function figuresMatch(g: ScoredFigure, p: ScoredFigure): boolean {
  if (g.indicator !== p.indicator) return false;
  if (canonicalPeriod(g.period) !== canonicalPeriod(p.period)) return false;
  if (normScope(g.scope) !== normScope(p.scope)) return false;
  return closeValue(g, p) && closeRate(g.growth_pct, p.growth_pct) && closeRate(g.pct_of_plan, p.pct_of_plan);
}

/** Maximum one-to-one matching (augmenting paths; the lists are small). */
export function matchCount(gold: ScoredFigure[], pred: ScoredFigure[]): { tp: number; pairs: Array<[number, number]> } {
  const adj = gold.map((g) => pred.map((p, j) => (figuresMatch(g, p) ? j : -1)).filter((j) => j >= 0));
  const matchP = new Array<number>(pred.length).fill(-1);
  const tryG = (gi: number, seen: boolean[]): boolean => {
    for (const pj of adj[gi]!) {
      if (seen[pj]) continue;
      seen[pj] = true;
      if (matchP[pj] === -1 || tryG(matchP[pj]!, seen)) { matchP[pj] = gi; return true; }
    }
    return false;
  };
  let tp = 0;
  for (let gi = 0; gi < gold.length; gi++) if (tryG(gi, new Array<boolean>(pred.length).fill(false))) tp++;
  const pairs: Array<[number, number]> = [];
  matchP.forEach((gi, pj) => { if (gi >= 0) pairs.push([gi, pj]); });
  return { tp, pairs };
}


/** Precision, recall and F1 of predicted figures against gold figures. */
export function score(gold: ScoredFigure[], pred: ScoredFigure[]): { tp: number; precision: number; recall: number; f1: number } {
  const { tp } = matchCount(gold, pred);
  const precision = pred.length ? tp / pred.length : gold.length ? 0 : 1;
  const recall = gold.length ? tp / gold.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, precision, recall, f1 };
}
