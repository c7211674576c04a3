import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evalFormula } from './formulaEval.ts';
import { FormulaParseError, formulaVariables, parseFormula, type FormulaNode } from './formulaParse.ts';

const trade = { exports: 108.4, imports: 96.41 };

test('trade balance and import–export total (seed 002: 108,4 and 96,41 tỷ USD)', () => {
  assert.equal(evalFormula('exports - imports', trade), 108.4 - 96.41);
  assert.equal(evalFormula('exports − imports', trade), 108.4 - 96.41); // U+2212, as in the contracts
  assert.equal(evalFormula('exports + imports', trade), 108.4 + 96.41);
});

test('precedence, associativity, unary signs, literals, Unicode operators', () => {
  const v = { a: 2, b: 3, c: 4 };
  assert.equal(evalFormula('a + b * c', v), 14);
  assert.equal(evalFormula('(a + b) * c', v), 20);
  assert.equal(evalFormula('a - b - c', v), -5);
  assert.equal(evalFormula('c / a / a', v), 1);
  assert.equal(evalFormula('-a + +b', v), 1);
  assert.equal(evalFormula('- - a', v), 2);
  assert.equal(evalFormula('a × b ÷ 1.5', v), 4);
  assert.equal(evalFormula('(a+b)/2', v), 2.5);
  assert.equal(evalFormula('  100  ', {}), 100);
});

test('null when an operand is null or absent, or on division by zero; never a prototype property', () => {
  assert.equal(evalFormula('exports - imports', { exports: 1, imports: null }), null);
  assert.equal(evalFormula('exports - imports', { exports: 1 }), null);
  assert.equal(evalFormula('0 * imports', { imports: null }), null);
  assert.equal(evalFormula('a / (b - b)', { a: 1, b: 2 }), null);
  assert.equal(evalFormula('1 / (1 / (b - b))', { b: 2 }), null);
  assert.equal(evalFormula('constructor + toString', {}), null);
  assert.equal(evalFormula('__proto__', {}), null);
});

test('malformed formulas throw FormulaParseError with a position', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['exports -', 9],
    ['(exports', 8],
    ['exports imports', 8],
    ['exports $ imports', 8],
    ['1e3', 1],
    ['a + ()', 5],
    ['a)', 1],
    ['.5', 0],
  ];
  for (const [f, at] of cases) {
    assert.throws(
      () => evalFormula(f, { exports: 1, imports: 1, a: 1 }),
      (e: unknown) => e instanceof FormulaParseError && e.position === at,
      f,
    );
  }
});

test('deep nesting and very long input end in a FormulaParseError, not a stack overflow', () => {
  assert.throws(() => parseFormula('('.repeat(500) + 'a' + ')'.repeat(500)), FormulaParseError);
  assert.throws(() => parseFormula('-'.repeat(900) + 'a'), FormulaParseError);
  assert.throws(() => parseFormula(Array(2000).fill('a').join('+')), FormulaParseError);
  assert.equal(evalFormula('('.repeat(50) + 'a' + ')'.repeat(50), { a: 7 }), 7);
});

test('formulaVariables lists the codes a formula reads', () => {
  assert.deepEqual(formulaVariables(parseFormula('(exports + imports) / exports')), ['exports', 'imports']);
});

// Random formula trees, rendered two ways: for evalFormula (with Unicode operators at random) and as
// JavaScript, which the engine evaluates as the reference for "direct arithmetic" (test code only).
type Tree = FormulaNode;
const NAMES = ['exports', 'imports', 'retail_services', 'iip'];
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map((name): Tree => ({ kind: 'var', name })),
    fc.integer({ min: 0, max: 99999 }).map((c): Tree => ({ kind: 'num', value: c / 100 })),
    tie('t').map((arg): Tree => ({ kind: 'neg', arg })),
    fc
      .record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), left: tie('t'), right: tie('t') })
      .map((b): Tree => ({ kind: 'bin', ...b })),
  ),
})).t;

const PREC = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const UNICODE = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

/** Minimal parentheses: only where precedence or left-associativity needs them. */
function render(t: Tree, unicode: boolean): string {
  switch (t.kind) {
    case 'var':
      return t.name;
    case 'num':
      return String(t.value);
    case 'neg':
      // "--a" would be JavaScript's decrement: nested signs get parentheses too.
      return t.arg.kind === 'bin' || t.arg.kind === 'neg' ? `-(${render(t.arg, unicode)})` : `-${render(t.arg, unicode)}`;
    case 'bin': {
      const side = (c: Tree, right: boolean) => {
        const s = render(c, unicode);
        const needs = c.kind === 'bin' && (PREC[c.op] < PREC[t.op] || (right && PREC[c.op] === PREC[t.op]));
        return needs ? `(${s})` : s;
      };
      return `${side(t.left, false)} ${unicode ? UNICODE[t.op] : t.op} ${side(t.right, true)}`;
    }
  }
}

const direct = (t: Tree, v: Record<string, number>): number =>
  new Function(...NAMES, `return ${render(t, false)};`)(...NAMES.map((n) => v[n])) as number;

function dividesByZero(t: Tree, v: Record<string, number>): boolean {
  if (t.kind === 'neg') return dividesByZero(t.arg, v);
  if (t.kind !== 'bin') return false;
  return (t.op === '/' && direct(t.right, v) === 0) || dividesByZero(t.left, v) || dividesByZero(t.right, v);
}

const values = fc.record(Object.fromEntries(NAMES.map((n) => [n, fc.integer({ min: -1e8, max: 1e8 }).map((c) => c / 100)])));

test('property: evalFormula agrees with direct arithmetic', () => {
  fc.assert(
    fc.property(tree, values, fc.boolean(), (t, v, unicode) => {
      const got = evalFormula(render(t, unicode), v);
      const want = direct(t, v);
      if (dividesByZero(t, v) || !Number.isFinite(want)) assert.equal(got, null);
      else assert.equal(got, want);
    }),
    { numRuns: 1000 },
  );
});

test('property: the parse round-trips the tree (precedence and associativity)', () => {
  fc.assert(
    fc.property(tree, fc.boolean(), (t, unicode) => {
      // A negated literal parses as neg(num), which is how the tree holds it too.
      assert.deepEqual(parseFormula(render(t, unicode)), t);
    }),
  );
});

test('property: a null operand makes the result null', () => {
  fc.assert(
    fc.property(tree, values, (t, v) => {
      const names = formulaVariables(t);
      fc.pre(names.length > 0);
      assert.equal(evalFormula(render(t, false), { ...v, [names[0]!]: null }), null);
    }),
  );
});

test('property: on random strings, evalFormula returns a number or null, or throws FormulaParseError only', () => {
  const alphabet = fc.constantFrom(...'exports imports+-−*/×÷().0123456789 _aZ$\n'.split(''));
  const strings = fc.oneof(fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 2000 }));
  fc.assert(
    fc.property(strings, (s) => {
      try {
        const r = evalFormula(s, { exports: 3, imports: 2, a: 1, e: 0 });
        assert.ok(r === null || Number.isFinite(r));
      } catch (e) {
        assert.ok(e instanceof FormulaParseError, String(e));
      }
    }),
    { numRuns: 2000 },
  );
});
