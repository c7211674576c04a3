// SQLite bulk path: prepared statements inside one IMMEDIATE transaction, holding Kysely's connection
// so no other query interleaves. A row that already exists goes through the same rules as any edit.
import { contribution, RollupDeltaSet } from '../../analytics/rollupDeltas.ts';
import type { Reference } from '../../catalogue/reference.ts';
import type { Db, SqliteHandle } from '../../db/database.ts';
import { decideWrite, type ValueRecord, type ValueWrite } from '../valueModel.ts';
import { WriteRejected, type ChangeContext } from '../writeValues.ts';
import { ROLLUP_FLUSH_ROWS, type Batches, type BulkOptions, type BulkResult } from './bulkLoad.ts';

export async function sqliteBulkLoad(db: Db, ref: Reference, batches: Batches, ctx: ChangeContext, opts: BulkOptions): Promise<BulkResult> {
  const s = (db.raw as SqliteHandle).sqlite;
  return db.k.connection().execute(async () => {
    const st = statements(s);
    s.exec('BEGIN IMMEDIATE');
    try {
      const changeSetId = Number(
        st.changeSet.run(new Date().toISOString(), ctx.actor, ctx.kind, ctx.sourceDocument ?? null,
          ctx.sourceQuote ?? null, ctx.note ?? null).lastInsertRowid,
      );
      const result: BulkResult = { changeSetId, inserted: 0, updated: 0, unchanged: 0 };
      const deltas = new RollupDeltaSet();
      let index = 0;
      for await (const batch of batches) {
        for (const w of batch) {
          loadOne(st, ref, deltas, w, index++, changeSetId, result);
        }
        if (deltas.size >= (opts.rollupFlushRows ?? ROLLUP_FLUSH_ROWS)) flushRollups(st, deltas);
        opts.onProgress?.(index);
      }
      flushRollups(st, deltas);
      st.changeSetRows.run(result.inserted + result.updated, changeSetId);
      s.exec('COMMIT');
      return result;
    } catch (e) {
      s.exec('ROLLBACK');
      throw e;
    }
  });
}

function loadOne(
  st: ReturnType<typeof statements>, ref: Reference, deltas: RollupDeltaSet, w: ValueWrite,
  index: number, cs: number, result: BulkResult,
): void {
  const inserted = st.insert.run(
    w.period, w.indicatorId, w.breakdownId, w.unitId, w.measure, w.value, w.status, w.growthPct,
    w.pctOfPlan, w.qualifier, w.note, 1, cs,
  ).changes;
  const regions = ref.regionsOf(w.unitId, w.period);
  const weight = regions.length ? ref.weightOf(w.unitId, w.indicatorId) : null;
  if (inserted) {
    result.inserted++;
    deltas.addNew(w, regions, w.value, w.status, weight);
    return;
  }
  const row = st.select.get(w.period, w.indicatorId, w.breakdownId, w.unitId, w.measure) as any;
  const before: ValueRecord = {
    period: row.period, indicatorId: row.indicator_id, breakdownId: row.breakdown_id, unitId: row.unit_id,
    measure: row.measure, value: row.value, status: row.status, growthPct: row.growth_pct,
    pctOfPlan: row.pct_of_plan, qualifier: row.qualifier, note: row.note, version: row.version, changeSetId: row.change_set_id,
  };
  const d = decideWrite(index, w, before);
  if (d.kind === 'problem') throw new WriteRejected([d.problem]);
  if (d.kind === 'unchanged') {
    result.unchanged++;
    return;
  }
  if (d.kind === 'insert') throw new Error('unreachable: the row exists');
  if (d.kind === 'delete') throw new WriteRejected([{ index, code: 'nothing_to_delete', messageVi: 'Nạp hàng loạt không xóa số liệu.', messageEn: 'Bulk loads do not delete values.' }]);
  st.archive.run(row.period, row.indicator_id, row.breakdown_id, row.unit_id, row.measure, row.value, row.status,
    row.growth_pct, row.pct_of_plan, row.qualifier, row.note, row.version, row.change_set_id, cs);
  st.update.run(w.value, w.status, w.growthPct, w.pctOfPlan, w.qualifier, w.note, row.version + 1, cs,
    w.period, w.indicatorId, w.breakdownId, w.unitId, w.measure);
  result.updated++;
  deltas.add(w, regions, contribution(before, weight), contribution(w, weight));
}

function flushRollups(st: ReturnType<typeof statements>, deltas: RollupDeltaSet): void {
  for (const r of deltas.sorted()) {
    st.rollup.run(r.period, r.indicator_id, r.breakdown_id, r.measure, r.region_id, r.n, r.n_estimate, r.total_micro, r.nw, r.wsum, r.wtotal);
  }
  deltas.clear();
}

function statements(s: SqliteHandle['sqlite']) {
  return {
    changeSet: s.prepare(
      'INSERT INTO change_set (at, actor, kind, source_document, source_quote, note, rows) VALUES (?, ?, ?, ?, ?, ?, 0)',
    ),
    changeSetRows: s.prepare('UPDATE change_set SET rows = ? WHERE id = ?'),
    insert: s.prepare(
      'INSERT INTO value (period, indicator_id, breakdown_id, unit_id, measure, value, status, growth_pct, pct_of_plan, qualifier, note, version, change_set_id) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    select: s.prepare(
      'SELECT * FROM value WHERE period = ? AND indicator_id = ? AND breakdown_id = ? AND unit_id = ? AND measure = ?',
    ),
    archive: s.prepare(
      'INSERT INTO value_history (period, indicator_id, breakdown_id, unit_id, measure, value, status, growth_pct, pct_of_plan, qualifier, note, version, change_set_id, superseded_by) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    update: s.prepare(
      'UPDATE value SET value = ?, status = ?, growth_pct = ?, pct_of_plan = ?, qualifier = ?, note = ?, version = ?, change_set_id = ? ' +
        'WHERE period = ? AND indicator_id = ? AND breakdown_id = ? AND unit_id = ? AND measure = ?',
    ),
    rollup: s.prepare(
      'INSERT INTO rollup (period, indicator_id, breakdown_id, measure, region_id, n, n_estimate, total_micro, nw, wsum, wtotal) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period, breakdown_id, measure, indicator_id, region_id) DO UPDATE SET ' +
        'n = n + excluded.n, n_estimate = n_estimate + excluded.n_estimate, total_micro = total_micro + excluded.total_micro, ' +
        'nw = nw + excluded.nw, wsum = wsum + excluded.wsum, wtotal = wtotal + excluded.wtotal',
    ),
  };
}
