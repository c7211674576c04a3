// Indicator helpers: derived-indicator formulas, display units, allowed disaggregations.
import type { DimensionOption, Indicator, LadderStep, MasterData } from './masterDataSchema.ts';

export type FormulaToken = { kind: 'name'; name: string } | { kind: 'number'; value: number } | { kind: 'op'; op: '+' | '-' | '*' | '/' | '(' | ')' };

/** Splits a formula such as `exports - imports` into tokens; throws on any other character. */
export function tokenizeFormula(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  const re = /\s*(?:([a-z][a-z0-9_]*)|(\d+(?:\.\d+)?)|([-+*/()]))/y;
  let pos = 0;
  while (pos < formula.length) {
    if (/^\s*$/.test(formula.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(formula);
    if (!m) throw new Error(`ký tự không hợp lệ ở vị trí ${pos + 1} / invalid character at position ${pos + 1}: "${formula}"`);
    if (m[1]) tokens.push({ kind: 'name', name: m[1] });
    else if (m[2]) tokens.push({ kind: 'number', value: Number(m[2]) });
    else tokens.push({ kind: 'op', op: m[3] as '+' });
    pos = re.lastIndex;
  }
  return tokens;
}

/** The indicator codes a formula names, in order of first appearance. */
export function formulaOperands(formula: string): string[] {
  return [...new Set(tokenizeFormula(formula).flatMap((t) => (t.kind === 'name' ? [t.name] : [])))];
}

/**
 * Evaluates a derived indicator's formula over operand values (in their base units).
 * Returns null when an operand is missing: a missing value is never zero.
 */
export function evaluateFormula(formula: string, values: Readonly<Record<string, number | null | undefined>>): number | null {
  const tokens = tokenizeFormula(formula);
  let i = 0;
  const peek = () => tokens[i];
  const expr = (): number | null => {
    let left = term();
    for (let t = peek(); t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = peek()) {
      i++;
      const right = term();
      left = left === null || right === null ? null : t.op === '+' ? left + right : left - right;
    }
    return left;
  };
  const term = (): number | null => {
    let left = factor();
    for (let t = peek(); t?.kind === 'op' && (t.op === '*' || t.op === '/'); t = peek()) {
      i++;
      const right = factor();
      left = left === null || right === null ? null : t.op === '*' ? left * right : right === 0 ? null : left / right;
    }
    return left;
  };
  const factor = (): number | null => {
    const t = tokens[i++];
    if (!t) throw new Error(`công thức chưa hết / formula ends early: "${formula}"`);
    if (t.kind === 'number') return t.value;
    if (t.kind === 'name') return values[t.name] ?? null;
    if (t.op === '-') {
      const v = factor();
      return v === null ? null : -v;
    }
    if (t.op === '(') {
      const v = expr();
      const close = tokens[i++];
      if (close?.kind !== 'op' || close.op !== ')') throw new Error(`thiếu ")" / missing ")": "${formula}"`);
      return v;
    }
    throw new Error(`công thức sai / malformed formula: "${formula}"`);
  };
  const v = expr();
  if (i !== tokens.length) throw new Error(`công thức sai / malformed formula: "${formula}"`);
  return v;
}

/** The display unit for a value in the base unit: the highest ladder rung whose use_from ≤ |value|. */
export function displayStep(indicator: Indicator, baseValue: number): LadderStep {
  let best = indicator.ladder[0]!;
  for (const step of indicator.ladder) if (Math.abs(baseValue) >= step.use_from) best = step;
  return best;
}

/** A base-unit value expressed in a display rung: { value, unit, unit_en, decimals }. */
export function toDisplay(indicator: Indicator, baseValue: number): { value: number; unit: string; unit_en: string; decimals: number } {
  const step = displayStep(indicator, baseValue);
  return { value: baseValue / step.factor, unit: step.unit, unit_en: step.unit_en, decimals: step.decimals };
}

/** The options of a dimension an indicator may be broken down by (commodity groups filtered by flow). */
export function allowedOptions(md: Pick<MasterData, 'indicatorByCode' | 'dimensionByCode'>, indicatorCode: string, dimensionCode: string): DimensionOption[] {
  const ind = md.indicatorByCode.get(indicatorCode);
  const dim = md.dimensionByCode.get(dimensionCode);
  if (!ind || !dim || !ind.disaggregations.includes(dimensionCode)) return [];
  const flow = indicatorCode === 'exports' ? 'export' : indicatorCode === 'imports' ? 'import' : null;
  return dim.options.filter((o) => !flow || !o.flow || o.flow === 'both' || o.flow === flow);
}
