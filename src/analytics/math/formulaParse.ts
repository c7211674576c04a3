// Parser for derived-indicator formulas over indicator codes: "exports - imports",
// "(exports + imports) / 2". Operators + − × ÷ (ASCII or Unicode), unary ±, parentheses, decimal
// literals. Hand-written recursive descent: formulas are data, and eval() on data is not an option.

export type FormulaNode =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: string }
  | { kind: 'neg'; arg: FormulaNode }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

/** The only error parsing throws, whatever the input string. */
export class FormulaParseError extends Error {
  constructor(
    message: string,
    readonly formula: string,
    readonly position: number,
  ) {
    super(`${message} at ${position} in formula ${JSON.stringify(formula.slice(0, 80))}`);
    this.name = 'FormulaParseError';
  }
}

// Bounds keep recursion far from the engine's stack limit, so a hostile or corrupt string ends in a
// FormulaParseError and never in a RangeError from the stack.
const MAX_LENGTH = 1000;
const MAX_DEPTH = 100;

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'id'; v: string; at: number }
  | { t: 'op'; v: string; at: number };

// Unicode minus (U+2212, as the contracts write it), en dash, × and ÷ as documents print them.
const OPS = new Map<string, string>(
  [['+', '+'], ['-', '-'], ['−', '-'], ['–', '-'], ['*', '*'], ['×', '*'], ['/', '/'], ['÷', '/'], ['(', '('], [')', ')']],
);

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  // Sticky: every character is consumed by exactly one branch, the last one catching the rest.
  const lex = /\s+|([A-Za-z_][A-Za-z0-9_]*)|(\d+(?:\.\d+)?)|(.)/suy;
  for (let m = lex.exec(formula); m !== null; m = lex.exec(formula)) {
    const [, id, num, other] = m;
    if (id !== undefined) tokens.push({ t: 'id', v: id, at: m.index });
    else if (num !== undefined) tokens.push({ t: 'num', v: Number(num), at: m.index });
    else if (other !== undefined) {
      const op = OPS.get(other);
      if (op === undefined) throw new FormulaParseError(`unexpected ${JSON.stringify(other)}`, formula, m.index);
      tokens.push({ t: 'op', v: op, at: m.index });
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly formula: string,
    private readonly tokens: Token[],
  ) {}

  parse(): FormulaNode {
    const node = this.sum();
    const extra = this.tokens[this.pos];
    if (extra) this.fail(`unexpected ${JSON.stringify(extra.v)}`, extra.at);
    return node;
  }

  private sum(): FormulaNode {
    let left = this.product();
    for (let op = this.takeOp('+', '-'); op; op = this.takeOp('+', '-')) {
      left = { kind: 'bin', op: op as '+' | '-', left, right: this.product() };
    }
    return left;
  }

  private product(): FormulaNode {
    let left = this.unary();
    for (let op = this.takeOp('*', '/'); op; op = this.takeOp('*', '/')) {
      left = { kind: 'bin', op: op as '*' | '/', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FormulaNode {
    const op = this.takeOp('+', '-');
    if (!op) return this.primary();
    const arg = this.nested(() => this.unary());
    return op === '-' ? { kind: 'neg', arg } : arg;
  }

  private primary(): FormulaNode {
    const tok = this.tokens[this.pos++];
    if (!tok) return this.fail('unexpected end', this.formula.length);
    if (tok.t === 'num') return { kind: 'num', value: tok.v };
    if (tok.t === 'id') return { kind: 'var', name: tok.v };
    if (tok.v !== '(') return this.fail(`unexpected ${JSON.stringify(tok.v)}`, tok.at);
    const inner = this.nested(() => this.sum());
    if (!this.takeOp(')')) this.fail('missing ")"', this.tokens[this.pos]?.at ?? this.formula.length);
    return inner;
  }

  private nested(parse: () => FormulaNode): FormulaNode {
    if (++this.depth > MAX_DEPTH) this.fail('nested too deeply', this.tokens[this.pos]?.at ?? 0);
    const node = parse();
    this.depth--;
    return node;
  }

  private takeOp(...ops: string[]): string | null {
    const tok = this.tokens[this.pos];
    if (tok?.t !== 'op' || !ops.includes(tok.v)) return null;
    this.pos++;
    return tok.v;
  }

  private fail(message: string, at: number): never {
    throw new FormulaParseError(message, this.formula, at);
  }
}

export function parseFormula(formula: string): FormulaNode {
  if (formula.length > MAX_LENGTH) {
    throw new FormulaParseError(`longer than ${MAX_LENGTH} characters`, formula, MAX_LENGTH);
  }
  return new Parser(formula, tokenize(formula)).parse();
}

/** The indicator codes a formula reads, in first-use order (for checking them against the catalogue). */
export function formulaVariables(node: FormulaNode): string[] {
  const names = new Set<string>();
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'var') names.add(n.name);
    else if (n.kind === 'neg') walk(n.arg);
    else if (n.kind === 'bin') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...names];
}
