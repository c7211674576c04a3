// Recomputing rollups from the values, period by period, through the very same delta arithmetic the
// writes use (so a recomputation and the incremental sums agree to the last micro-unit). Used when the
// sums' definition moves (region memberships, weights) and by the consistency check.
import { noteStoreChanged } from './answerCache.ts';
import type { Db } from '../db/database.ts';
import { reference, type Reference } from '../catalogue/reference.ts';
import { toRecord } from '../collection/valueRepository.ts';
import { applyRollupDeltas } from './rollupRepository.ts';
import { contribution, NO_CONTRIBUTION, RollupDeltaSet, type RollupRow } from './rollupDeltas.ts';

const PAGE = 20_000;

/** Calls `onPeriod` with the complete expected rollups of each period holding values, in period order. */
async function forEachPeriod(db: Db, ref: Reference, onPeriod: (period: number, rows: RollupRow[]) => Promise<void>): Promise<void> {
  const deltas = new RollupDeltaSet();
  let current: number | null = null;
  let after: [number, number, number, number, number] | null = null;
  for (;;) {
    let q = db.k.selectFrom('value').selectAll();
    if (after) {
      const a = after;
      q = q.where((eb) => eb(eb.refTuple('period', 'indicator_id', 'breakdown_id', 'unit_id', 'measure'), '>', eb.tuple(a[0], a[1], a[2], a[3], a[4])));
    }
    const rows = await q.orderBy('period').orderBy('indicator_id').orderBy('breakdown_id').orderBy('unit_id').orderBy('measure').limit(PAGE).execute();
    for (const r of rows) {
      if (current !== null && r.period !== current) {
        await onPeriod(current, deltas.sorted());
        deltas.clear();
      }
      current = r.period;
      const v = toRecord(r);
      const regions = ref.regionsOf(v.unitId, v.period);
      if (regions.length) deltas.add(v, regions, NO_CONTRIBUTION, contribution(v, ref.weightOf(v.unitId, v.indicatorId)));
    }
    if (rows.length < PAGE) break;
    const l = rows[rows.length - 1]!;
    after = [l.period, l.indicator_id, l.breakdown_id, l.unit_id, l.measure];
  }
  if (current !== null) await onPeriod(current, deltas.sorted());
}

export async function rebuildRollups(db: Db): Promise<number> {
  const ref = await reference(db);
  const n = await db.k.transaction().execute(async (trx) => {
    await trx.deleteFrom('rollup').execute();
    let rows = 0;
    await forEachPeriod(db.kind === 'sqlite' ? { ...db, k: trx } : db, ref, async (_p, deltas) => {
      await applyRollupDeltas(trx, deltas);
      rows += deltas.length;
    });
    return rows;
  });
  noteStoreChanged(db);
  return n;
}

export interface RollupMismatch {
  key: Pick<RollupRow, 'period' | 'indicator_id' | 'breakdown_id' | 'measure' | 'region_id'>;
  stored: RollupRow | null;
  expected: RollupRow | null;
}

const rowKey = (r: RollupRow) => `${r.indicator_id}|${r.breakdown_id}|${r.measure}|${r.region_id}`;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function sameRow(s: RollupRow, e: RollupRow): boolean {
  return s.n === e.n && s.n_estimate === e.n_estimate && s.nw === e.nw && Number(s.total_micro) === e.total_micro &&
    close(s.wsum, e.wsum) && close(s.wtotal, e.wtotal);
}

/** Rollup rows that differ from a recomputation (counts and sums exact; weighted sums to 1e-9). */
export async function checkRollups(db: Db, limit = 20): Promise<RollupMismatch[]> {
  const ref = await reference(db);
  const out: RollupMismatch[] = [];
  const seen = new Set<number>();
  const compare = async (period: number, expected: RollupRow[]) => {
    seen.add(period);
    const stored = (await db.k.selectFrom('rollup').selectAll().where('period', '=', period).where('n', '>', 0).execute()) as RollupRow[];
    const byKey = new Map(stored.map((r) => [rowKey(r), r]));
    for (const e of expected.filter((x) => x.n !== 0)) {
      const s = byKey.get(rowKey(e));
      byKey.delete(rowKey(e));
      if ((!s || !sameRow(s, e)) && out.length < limit) out.push({ key: e, stored: s ?? null, expected: e });
    }
    for (const s of byKey.values()) if (out.length < limit) out.push({ key: s, stored: s, expected: null });
  };
  await forEachPeriod(db, ref, compare);
  // Rollups of periods that no longer hold any value must be empty too.
  const orphans = await db.k.selectFrom('rollup').selectAll().where('n', '>', 0).limit(limit + seen.size * 0 + 1000).execute();
  for (const s of orphans as RollupRow[]) if (!seen.has(s.period) && out.length < limit) out.push({ key: s, stored: s, expected: null });
  return out;
}
