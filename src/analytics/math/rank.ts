// Rankings as published: standard competition ranking (1, 2, 2, 4). Units without a figure come last
// and get no rank, rather than a rank that would read as "last place".

export type RankKey<T> = keyof T | ((item: T) => number | null);

export interface RankOptions<T> {
  by: RankKey<T>;
  direction: 'asc' | 'desc';
  /** Only competition ranking is defined; stated so a reader of the call site knows which. */
  ties?: 'competition';
}

export interface Ranked<T> {
  item: T;
  /** 1-based; null for items without a value (they come last, in input order). */
  rank: number | null;
}

function keyOf<T>(by: RankKey<T>, item: T): number | null {
  const v = typeof by === 'function' ? by(item) : item[by];
  // NaN has no place in an order; treat it like a missing figure.
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}

/** Items in rank order. Equal values share a rank and keep their input order. */
export function rank<T>(items: readonly T[], opts: RankOptions<T>): Ranked<T>[] {
  const sign = opts.direction === 'desc' ? -1 : 1;
  const keyed = items.map((item, i) => ({ item, i, k: keyOf(opts.by, item) }));
  const cmp = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0); // not x − y: ∞ − ∞ is NaN
  const valued = keyed.filter((e) => e.k !== null).sort((a, b) => sign * cmp(a.k!, b.k!) || a.i - b.i);
  const out: Ranked<T>[] = [];
  valued.forEach((e, pos) => {
    const prev = valued[pos - 1];
    // Competition ranking: a tie repeats the previous rank; the next value skips by the tie's size.
    const r = prev !== undefined && prev.k === e.k ? out[pos - 1]!.rank! : pos + 1;
    out.push({ item: e.item, rank: r });
  });
  for (const e of keyed) if (e.k === null) out.push({ item: e.item, rank: null });
  return out;
}
