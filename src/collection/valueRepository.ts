// SQL of values, their history and change sets. No rules here: see valueModel.ts and writeValues.ts.
import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ValueTable } from '../db/schema.ts';
import type { ValueKey, ValueRecord, ValueWrite } from './valueModel.ts';

type Q = Kysely<Database> | Transaction<Database>;
const CHUNK = 200;

/** The five key columns of one value; unqualified, as they are unique in every query that uses them. */
const sameKey = (k: ValueKey) => (eb: ExpressionBuilder<any, any>) =>
  eb.and({ period: k.period, indicator_id: k.indicatorId, breakdown_id: k.breakdownId, unit_id: k.unitId, measure: k.measure });

export function toRecord(r: Selectable<ValueTable>): ValueRecord {
  return {
    period: r.period, indicatorId: r.indicator_id, breakdownId: r.breakdown_id, unitId: r.unit_id,
    measure: r.measure, value: r.value, status: r.status, growthPct: r.growth_pct,
    pctOfPlan: r.pct_of_plan, qualifier: r.qualifier, note: r.note, version: r.version,
    changeSetId: r.change_set_id,
  };
}

export function toRow(w: ValueKey & Omit<ValueRecord, keyof ValueKey>): ValueTable {
  return {
    period: w.period, indicator_id: w.indicatorId, breakdown_id: w.breakdownId, unit_id: w.unitId,
    measure: w.measure, value: w.value, status: w.status, growth_pct: w.growthPct,
    pct_of_plan: w.pctOfPlan, qualifier: w.qualifier, note: w.note, version: w.version,
    change_set_id: w.changeSetId,
  };
}

/** Current values for the given keys; `lock` takes row locks on PostgreSQL (SQLite locks the file). */
export async function findCurrent(q: Q, keys: ValueKey[], lock: boolean): Promise<ValueRecord[]> {
  const out: ValueRecord[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    let s = q
      .selectFrom('value')
      .selectAll()
      .where((eb) => eb.or(part.map((k) => sameKey(k)(eb))));
    if (lock) s = s.forUpdate();
    out.push(...(await s.execute()).map(toRecord));
  }
  return out;
}

export async function createChangeSet(
  q: Q,
  cs: { actor: string; kind: string; sourceDocument?: string | null; sourceQuote?: string | null; note?: string | null; rows: number },
): Promise<number> {
  const r = await q
    .insertInto('change_set')
    .values({
      at: new Date().toISOString(), actor: cs.actor, kind: cs.kind,
      source_document: cs.sourceDocument ?? null, source_quote: cs.sourceQuote ?? null,
      note: cs.note ?? null, rows: cs.rows,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertValues(q: Q, rows: ValueTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await q.insertInto('value').values(rows.slice(i, i + CHUNK)).execute();
}

export async function archiveValues(q: Q, before: ValueRecord[], supersededBy: number): Promise<void> {
  const rows = before.map((b) => ({ ...toRow(b), superseded_by: supersededBy }));
  for (let i = 0; i < rows.length; i += CHUNK) await q.insertInto('value_history').values(rows.slice(i, i + CHUNK)).execute();
}

export async function updateValue(q: Q, w: ValueWrite, version: number, changeSetId: number): Promise<void> {
  await q
    .updateTable('value')
    .set({
      value: w.value, status: w.status, growth_pct: w.growthPct, pct_of_plan: w.pctOfPlan,
      qualifier: w.qualifier, note: w.note, version, change_set_id: changeSetId,
    })
    .where(sameKey(w))
    .execute();
}

export async function deleteValue(q: Q, k: ValueKey): Promise<void> {
  await q
    .deleteFrom('value')
    .where(sameKey(k))
    .execute();
}

export interface RevisionRow extends ValueRecord {
  supersededBy: number | null;
  at: string;
  actor: string;
  kind: string;
  sourceDocument: string | null;
  sourceQuote: string | null;
  changeNote: string | null;
}

/** Every revision of one value, oldest first, with who wrote it, when, and from which source. */
export async function revisions(q: Q, k: ValueKey): Promise<RevisionRow[]> {
  const past = await q
    .selectFrom('value_history as h')
    .innerJoin('change_set as c', 'c.id', 'h.change_set_id')
    .selectAll('h')
    .select(['c.at', 'c.actor', 'c.kind', 'c.source_document', 'c.source_quote', 'c.note as change_note'])
    .where(sameKey(k))
    .orderBy('h.id')
    .execute();
  const current = await q
    .selectFrom('value as v')
    .innerJoin('change_set as c', 'c.id', 'v.change_set_id')
    .selectAll('v')
    .select(['c.at', 'c.actor', 'c.kind', 'c.source_document', 'c.source_quote', 'c.note as change_note'])
    .where(sameKey(k))
    .execute();
  const withMeta = (r: any, supersededBy: number | null): RevisionRow => ({
    ...toRecord(r), supersededBy, at: r.at, actor: r.actor, kind: r.kind,
    sourceDocument: r.source_document, sourceQuote: r.source_quote, changeNote: r.change_note,
  });
  return [...past.map((r) => withMeta(r, r.superseded_by)), ...current.map((r) => withMeta(r, null))];
}

export interface ValueFilter {
  periods: number[];
  indicatorIds: number[];
  unitIds?: number[];
  breakdownId?: number;
  measure?: number;
}

/** Current values matching a filter (keyed reads on the primary key's period prefix). */
export async function readValues(q: Q, f: ValueFilter): Promise<ValueRecord[]> {
  if (!f.periods.length || !f.indicatorIds.length) return [];
  let s = q
    .selectFrom('value')
    .selectAll()
    .where('period', 'in', f.periods)
    .where('indicator_id', 'in', f.indicatorIds)
    .where('breakdown_id', '=', f.breakdownId ?? 0);
  if (f.unitIds) s = s.where('unit_id', 'in', f.unitIds.length ? f.unitIds : [-1]);
  if (f.measure !== undefined) s = s.where('measure', '=', f.measure);
  return (await s.execute()).map(toRecord);
}
