// Evaluation of derived-indicator formulas (formulaParse.ts). A derived figure exists only when every
// operand was reported: "exports − imports" with imports missing is not the exports.
import { formulaVariables, parseFormula, type FormulaNode } from './formulaParse.ts';

export type FormulaValues = Readonly<Record<string, number | null>>;

// Own keys only: a code such as "constructor" must not find Object.prototype's.
function lookup(values: FormulaValues, name: string): number | null {
  if (!Object.hasOwn(values, name)) return null;
  const v = values[name] ?? null;
  if (v !== null && !Number.isFinite(v)) throw new RangeError(`non-finite value for ${name}: ${v}`);
  return v;
}

/** null on a division by zero: there is no figure to publish. */
function evaluate(n: FormulaNode, values: FormulaValues): number | null {
  switch (n.kind) {
    case 'num':
      return n.value;
    case 'var':
      return lookup(values, n.name);
    case 'neg': {
      const a = evaluate(n.arg, values);
      return a === null ? null : -a;
    }
    case 'bin': {
      const a = evaluate(n.left, values);
      const b = evaluate(n.right, values);
      if (a === null || b === null) return null;
      if (n.op === '+') return a + b;
      if (n.op === '-') return a - b;
      if (n.op === '*') return a * b;
      return b === 0 ? null : a / b;
    }
  }
}

/**
 * Value of `formula` over indicator values; null when any operand is null or absent, on division
 * by zero, or when the result overflows. Throws FormulaParseError for a malformed formula.
 */
export function evalFormula(formula: string, values: FormulaValues): number | null {
  const node = parseFormula(formula);
  if (formulaVariables(node).some((name) => lookup(values, name) === null)) return null;
  const result = evaluate(node, values);
  return result !== null && Number.isFinite(result) ? result : null;
}
