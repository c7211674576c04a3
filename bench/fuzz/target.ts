// What a fuzz target is: a parser, how to generate its inputs, and which errors are its own
// user-facing refusals (anything else thrown is a crash).
import fc from 'fast-check';
import type { Rng } from './gen.ts';

export type InputKind = 'structured' | 'mutated' | 'random';

export interface FuzzTarget<T = unknown> {
  name: string;
  /** What is called, for the report. */
  parsers: string;
  /** An input slower than this is a hang. */
  limitMs: number;
  setup?(): Promise<void>;
  generate(r: Rng, kind: InputKind, seed: number): T;
  /** Runs the parser; returns an outcome label ("accepted", "refused", …) for the statistics.
   *  Throw InvariantBroken when the result is wrong (counted as a crash). */
  run(input: T): string | Promise<string>;
  /** The name of the parser's own user-facing error type when `e` is one, else null (a crash). */
  allowed(e: unknown): string | null;
  show(input: T): string;
}

export class InvariantBroken extends Error {
  override readonly name = 'InvariantBroken';
}

export function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new InvariantBroken(what);
}

/** One value of a fast-check arbitrary, reproducible from the seed (bias on, so small and edge
 *  values come often). */
export function sampleOne<T>(arb: fc.Arbitrary<T>, seed: number): T {
  return fc.sample(arb, { seed, numRuns: 1 })[0]!;
}

/** Input kinds by index: 4 in 10 structured, 4 mutated, 2 random. */
export const kindOf = (i: number): InputKind => {
  const k = i % 10;
  return k < 4 ? 'structured' : k < 8 ? 'mutated' : 'random';
};

export const clip = (s: string, n = 240): string => {
  const j = JSON.stringify(s.length > n ? s.slice(0, n) : s);
  return s.length > n ? `${j}… (${s.length} chars)` : j;
};
