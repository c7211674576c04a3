// Diagnostics behind the pivot findings: CPU time of the PostgreSQL backends, and the pivot's rollup
// read alone in the form it is issued today and in the leaner forms proposed to the lead.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { reference } from '../src/catalogue/reference.ts';
import type { Db } from '../src/db/database.ts';
import { makePeriod, periodKey, samePeriodLastYear, type Period } from '../src/periods/period.ts';
import type { SynCatalogue } from './catalogue.ts';
import type { PivotReport } from './pivot.ts';
import { now, summarize, type Summary } from './stats.ts';

export type ReadSummary = Summary & { cpuP50: number; backendMean: number | null };

/** CPU time (ms) used so far by the PostgreSQL backends serving this database (Linux /proc, 10 ms ticks). */
export async function backendCpuMs(db: Db): Promise<number | null> {
  if (db.raw.kind !== 'postgres') return null;
  try {
    const { rows } = await db.raw.pool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    let ticks = 0;
    for (const { pid } of rows) {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    }
    return ticks * 10;
  } catch {
    return null; // not Linux, or the server runs elsewhere
  }
}

/**
 * Diagnostic: the pivot's rollup read alone, as issued today (periods bound, breakdown and regions
 * filtered: every breakdown row of the period is walked) and in leaner forms: indicator ids bound too
 * (the whole primary-key prefix, so only breakdown-0 rows are touched), then only the needed columns and
 * measure per period (no year actuals when the plan is read), then the same rows as arrays, not objects.
 */
export async function measureRollupRead(db: Db, cat: SynCatalogue, periods: Period[]): Promise<PivotReport['rollupRead']> {
  const ref = await reference(db);
  const inds = [...ref.indicatorsById.values()].filter((i) => i.aggregation === 'sum' || i.aggregation === 'weighted_index').map((i) => i.id);
  const keysOf = (p: Period) => [periodKey(p), periodKey(samePeriodLastYear(p)), periodKey(makePeriod('year', p.year))];
  const kysely = (p: Period, withInds: boolean) => {
    const indFilter = withInds ? sql`AND indicator_id IN (${sql.join(inds)})` : sql``;
    return sql`SELECT * FROM rollup WHERE period IN (${sql.join(keysOf(p))}) AND breakdown_id = 0 AND region_id IN (${sql.join(cat.regionIds)}) ${indFilter}`;
  };
  const pg = db.raw.kind === 'postgres';
  const cols = 'period, indicator_id, measure, region_id, n, n_estimate, total_micro, wsum, wtotal';
  const where = `indicator_id IN (${inds.join(',')}) AND breakdown_id = 0 AND region_id IN (${cat.regionIds.join(',')})`;
  const lean = `SELECT ${cols} FROM rollup WHERE period IN (${pg ? '$1, $2' : '?, ?'}) AND ${where} AND measure = 0 ` +
    `UNION ALL SELECT ${cols} FROM rollup WHERE period = ${pg ? '$3' : '?'} AND ${where} AND measure = 1`;
  const driver = async (p: Period, arrays: boolean): Promise<number> => {
    if (db.raw.kind === 'sqlite') {
      const st = db.raw.sqlite.prepare(lean);
      return (arrays ? st.raw(true) : st).all(...keysOf(p)).length;
    }
    const r = await db.raw.pool.query({ text: lean, values: keysOf(p), ...(arrays ? { rowMode: 'array' } : {}) });
    return r.rows.length;
  };
  const time = async (f: (p: Period) => Promise<unknown>): Promise<ReadSummary> => {
    const ms: number[] = [];
    const cpu: number[] = [];
    const b0 = await backendCpuMs(db);
    for (const p of periods) {
      const c0 = process.cpuUsage();
      const t0 = now();
      await f(p);
      ms.push(now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const b1 = await backendCpuMs(db);
    return { ...summarize(ms), cpuP50: summarize(cpu).p50, backendMean: b0 === null || b1 === null ? null : (b1 - b0) / periods.length };
  };
  const explain = async (q: ReturnType<typeof kysely>) => {
    const prefix = db.kind === 'sqlite' ? sql`EXPLAIN QUERY PLAN ` : sql`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) `;
    const { rows } = await sql<Record<string, unknown>>`${prefix}${q}`.execute(db.k);
    return rows.map((r) => String(r.detail ?? r['QUERY PLAN'] ?? JSON.stringify(r))).join(' / ');
  };
  await time((p) => kysely(p, false).execute(db.k));
  const out: PivotReport['rollupRead'] = {
    asPivot: await time((p) => kysely(p, false).execute(db.k)),
    withIndicatorIds: await time((p) => kysely(p, true).execute(db.k)),
    lean: null, leanArrays: null, rows: { asPivot: (await kysely(periods[0]!, false).execute(db.k)).rows.length, lean: 0 },
    plans: { asPivot: await explain(kysely(periods[0]!, false)), withIndicatorIds: await explain(kysely(periods[0]!, true)) },
  };
  try {
    out.rows.lean = await driver(periods[0]!, false);
    out.lean = await time((p) => driver(p, false));
    out.leanArrays = await time((p) => driver(p, true));
  } catch (e) {
    out.plans.lean = `failed: ${(e as Error).message}`; // the rollup columns moved: the diagnostic needs updating
  }
  return out;
}
