// PostgreSQL bulk path: COPY each batch straight into the values table inside one transaction; a
// batch that meets existing values (unique violation) is rolled back to its savepoint and merged row
// by row under the same rules as any edit. Rollup deltas for keys no one has written yet are COPYed
// too (an upsert costs ~3× a COPY per row); the others go in with one set-based upsert per batch.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { contribution, RollupDeltaSet, rollupRowKey, type RollupRow } from '../../analytics/rollupDeltas.ts';
import type { Reference } from '../../catalogue/reference.ts';
import type { Db, PostgresHandle } from '../../db/database.ts';
import { decideWrite, keyOf, type ValueRecord, type ValueWrite } from '../valueModel.ts';
import { WriteRejected, type ChangeContext } from '../writeValues.ts';
import { ROLLUP_FLUSH_ROWS, VALUE_COLUMNS, type Batches, type BulkOptions, type BulkResult } from './bulkLoad.ts';

export async function postgresBulkLoad(db: Db, ref: Reference, batches: Batches, ctx: ChangeContext, opts: BulkOptions): Promise<BulkResult> {
  const client = await (db.raw as PostgresHandle).pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      'INSERT INTO change_set (at, actor, kind, source_document, source_quote, note, rows) VALUES ($1,$2,$3,$4,$5,$6,0) RETURNING id',
      [new Date().toISOString(), ctx.actor, ctx.kind, ctx.sourceDocument ?? null, ctx.sourceQuote ?? null, ctx.note ?? null],
    );
    const changeSetId = rows[0].id as number;
    const result: BulkResult = { changeSetId, inserted: 0, updated: 0, unchanged: 0 };
    const rollups = new RollupWriter(client);
    const deltas = new RollupDeltaSet();
    let done = 0;
    for await (const batch of batches) {
      await loadBatch(client, ref, batch, done, changeSetId, result, deltas);
      if (deltas.size >= (opts.rollupFlushRows ?? ROLLUP_FLUSH_ROWS)) await rollups.write(deltas);
      done += batch.length;
      opts.onProgress?.(done);
    }
    await rollups.write(deltas);
    await client.query('UPDATE change_set SET rows = $1 WHERE id = $2', [result.inserted + result.updated, changeSetId]);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** One batch's values under a savepoint; its rollup deltas join `deltas` once its values are in. */
async function loadBatch(
  client: pg.PoolClient, ref: Reference, batch: ValueWrite[], offset: number, cs: number, result: BulkResult, deltas: RollupDeltaSet,
) {
  await client.query('SAVEPOINT batch');
  try {
    await copyValues(client, batch, cs);
    for (const w of batch) {
      const regions = ref.regionsOf(w.unitId, w.period);
      if (regions.length) deltas.addNew(w, regions, w.value, w.status, ref.weightOf(w.unitId, w.indicatorId));
    }
    result.inserted += batch.length;
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await client.query('ROLLBACK TO SAVEPOINT batch');
    await mergeBatch(client, ref, batch, offset, cs, result, deltas);
  }
  await client.query('RELEASE SAVEPOINT batch');
}

/** COPY in text format: tab-separated, \N for null; JS number text round-trips exactly into float8. */
async function copyValues(client: pg.PoolClient, batch: ValueWrite[], cs: number): Promise<void> {
  const stream = client.query(copyFrom(`COPY value (${VALUE_COLUMNS.join(', ')}) FROM STDIN`));
  const CHUNK = 2000;
  function* lines() {
    for (let i = 0; i < batch.length; i += CHUNK) {
      let out = '';
      for (const w of batch.slice(i, i + CHUNK)) {
        out += `${w.period}\t${w.indicatorId}\t${w.breakdownId}\t${w.unitId}\t${w.measure}\t${num(w.value)}\t${w.status}\t` +
          `${num(w.growthPct)}\t${num(w.pctOfPlan)}\t${text(w.qualifier)}\t${text(w.note)}\t1\t${cs}\n`;
      }
      yield out;
    }
  }
  await pipeline(Readable.from(lines()), stream);
}

const num = (x: number | null) => (x === null ? '\\N' : String(x));
const text = (s: string | null) =>
  s === null ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** The slow path: lock what exists, decide each row as an edit would, archive and update. */
async function mergeBatch(
  client: pg.PoolClient, ref: Reference, batch: ValueWrite[], offset: number, cs: number,
  result: BulkResult, deltas: RollupDeltaSet,
): Promise<void> {
  const cols = (f: (w: ValueWrite) => number) => batch.map(f);
  const { rows } = await client.query(
    `SELECT v.* FROM value v JOIN unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[]) AS k(p, i, b, u, m)
       ON v.period = k.p AND v.indicator_id = k.i AND v.breakdown_id = k.b AND v.unit_id = k.u AND v.measure = k.m
     ORDER BY v.period, v.indicator_id, v.breakdown_id, v.unit_id, v.measure FOR UPDATE OF v`,
    [cols((w) => w.period), cols((w) => w.indicatorId), cols((w) => w.breakdownId), cols((w) => w.unitId), cols((w) => w.measure)],
  );
  const existing = new Map<string, ValueRecord>(rows.map((r) => {
    const rec: ValueRecord = {
      period: r.period, indicatorId: r.indicator_id, breakdownId: r.breakdown_id, unitId: r.unit_id, measure: r.measure,
      value: r.value, status: r.status, growthPct: r.growth_pct, pctOfPlan: r.pct_of_plan, qualifier: r.qualifier,
      note: r.note, version: r.version, changeSetId: r.change_set_id,
    };
    return [keyOf(rec), rec];
  }));
  const fresh: ValueWrite[] = [];
  for (let i = 0; i < batch.length; i++) {
    const w = batch[i]!;
    const before = existing.get(keyOf(w)) ?? null;
    const d = decideWrite(offset + i, w, before);
    if (d.kind === 'problem') throw new WriteRejected([d.problem]);
    if (d.kind === 'unchanged') {
      result.unchanged++;
      continue;
    }
    const regions = ref.regionsOf(w.unitId, w.period);
    const weight = ref.weightOf(w.unitId, w.indicatorId);
    deltas.add(w, regions, contribution(before, weight), contribution(w, weight));
    if (d.kind === 'insert') {
      fresh.push(w);
      continue;
    }
    const b = before!;
    await client.query(
      `INSERT INTO value_history (${VALUE_COLUMNS.join(', ')}, superseded_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [b.period, b.indicatorId, b.breakdownId, b.unitId, b.measure, b.value, b.status, b.growthPct, b.pctOfPlan, b.qualifier, b.note, b.version, b.changeSetId, cs],
    );
    await client.query(
      `UPDATE value SET value=$1, status=$2, growth_pct=$3, pct_of_plan=$4, qualifier=$5, note=$6, version=$7, change_set_id=$8
        WHERE period=$9 AND indicator_id=$10 AND breakdown_id=$11 AND unit_id=$12 AND measure=$13`,
      [w.value, w.status, w.growthPct, w.pctOfPlan, w.qualifier, w.note, b.version + 1, cs, w.period, w.indicatorId, w.breakdownId, w.unitId, w.measure],
    );
    result.updated++;
  }
  if (fresh.length) await copyValues(client, fresh, cs);
  result.inserted += fresh.length;
}

/**
 * Sends a load's rollup deltas. A key is new when its period had no rollups before the load (asked once
 * per period) and no earlier batch of this load wrote it: new keys are COPYed, the rest upserted. A
 * concurrent writer creating one of the "new" keys meanwhile makes the COPY fail with a unique
 * violation; its savepoint is rolled back and everything goes through the upsert instead.
 */
export class RollupWriter {
  private readonly hadRollups = new Map<number, boolean>();
  private readonly written = new Map<number, Set<number>>();

  constructor(private readonly client: pg.PoolClient) {}

  /** Writes the pending deltas and clears them. */
  async write(deltas: RollupDeltaSet): Promise<void> {
    const rows = deltas.sorted();
    deltas.clear();
    if (!rows.length) return;
    await this.learnPeriods(rows);
    const fresh: RollupRow[] = [];
    const known: RollupRow[] = [];
    for (const r of rows) {
      const k = rollupRowKey(r);
      let seen = this.written.get(r.period);
      if (!seen) this.written.set(r.period, (seen = new Set()));
      if (this.hadRollups.get(r.period) || seen.has(k)) known.push(r);
      else fresh.push(r);
      seen.add(k);
    }
    if (fresh.length) {
      await this.client.query('SAVEPOINT rollups');
      try {
        await copyRollups(this.client, fresh);
        await this.client.query('RELEASE SAVEPOINT rollups');
      } catch (e) {
        if ((e as { code?: string }).code !== '23505') throw e;
        await this.client.query('ROLLBACK TO SAVEPOINT rollups');
        known.push(...fresh);
      }
    }
    await upsertRollups(this.client, known);
  }

  private async learnPeriods(rows: RollupRow[]): Promise<void> {
    const unknown = [...new Set(rows.map((r) => r.period))].filter((p) => !this.hadRollups.has(p));
    if (!unknown.length) return;
    const { rows: found } = await this.client.query(
      'SELECT p FROM unnest($1::int[]) AS p WHERE EXISTS (SELECT 1 FROM rollup WHERE period = p)', [unknown]);
    const present = new Set(found.map((r: { p: number }) => r.p));
    for (const p of unknown) this.hadRollups.set(p, present.has(p));
  }
}

async function copyRollups(client: pg.PoolClient, rows: RollupRow[]): Promise<void> {
  const stream = client.query(copyFrom('COPY rollup (period, indicator_id, breakdown_id, measure, region_id, n, n_estimate, total_micro, nw, wsum, wtotal) FROM STDIN'));
  const CHUNK = 2000;
  function* lines() {
    for (let i = 0; i < rows.length; i += CHUNK) {
      let out = '';
      for (const r of rows.slice(i, i + CHUNK)) {
        out += `${r.period}\t${r.indicator_id}\t${r.breakdown_id}\t${r.measure}\t${r.region_id}\t${r.n}\t${r.n_estimate}\t${r.total_micro}\t${r.nw}\t${r.wsum}\t${r.wtotal}\n`;
      }
      yield out;
    }
  }
  await pipeline(Readable.from(lines()), stream);
}

async function upsertRollups(client: pg.PoolClient, rows: RollupRow[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof RollupRow>(k: K) => rows.map((r) => r[k]);
  await client.query(
    `INSERT INTO rollup (period, indicator_id, breakdown_id, measure, region_id, n, n_estimate, total_micro, nw, wsum, wtotal)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int8[], $9::int[], $10::float8[], $11::float8[])
     ON CONFLICT (period, breakdown_id, measure, indicator_id, region_id) DO UPDATE SET
       n = rollup.n + excluded.n, n_estimate = rollup.n_estimate + excluded.n_estimate, total_micro = rollup.total_micro + excluded.total_micro,
       nw = rollup.nw + excluded.nw, wsum = rollup.wsum + excluded.wsum, wtotal = rollup.wtotal + excluded.wtotal`,
    [col('period'), col('indicator_id'), col('breakdown_id'), col('measure'), col('region_id'), col('n'), col('n_estimate'),
      col('total_micro'), col('nw'), col('wsum'), col('wtotal')],
  );
}
