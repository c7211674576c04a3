// Bulk ingest, measured against the engine's own raw bulk insert on the same rows in the same run:
// SQLite: one prepared INSERT per row in one transaction; PostgreSQL: COPY (text format) per batch in
// one transaction. Both go into a `value` table built by the same migration (same columns, primary key
// and pragmas / server settings); ours goes through bulkLoad(), which also keeps the rollups current.
// Generation time is measured and subtracted, so the rates are the stores' own.
// Paired mode (the default) feeds each generated month to the raw table and then to bulkLoad before
// the next month: on a shared 2-core machine both sides then see the same background load.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import { bulkLoad, type BulkResult } from '../src/collection/bulk/bulkLoad.ts';
import type { ValueWrite } from '../src/collection/valueModel.ts';
import type { Db } from '../src/db/database.ts';
import { generateBatches, type SynCatalogue } from './generate.ts';
import { LoadSampler, now, progress } from './stats.ts';

export interface LoadMeasure {
  rows: number;
  storeMs: number; // time spent in the store's path (generation and the other side excluded)
  genMs: number; // spent generating rows
  rowsPerSec: number; // rows / storeMs
  load: { mean: number; max: number }; // 1-minute load average during the phase
}

export type Ours = LoadMeasure & { result: BulkResult };

const COLUMNS = 'period, indicator_id, breakdown_id, unit_id, measure, value, status, growth_pct, pct_of_plan, qualifier, note, version, change_set_id';
const CTX = { actor: 'bench', kind: 'bulk', note: 'synthetic benchmark dataset (bench/generate.ts)' };

const measure = (rows: number, storeMs: number, genMs: number, load: LoadSampler): LoadMeasure =>
  ({ rows, storeMs, genMs, rowsPerSec: rows / (storeMs / 1000), load: load.summary() });

/** The raw baseline as a sink: one open transaction, batches appended, then commit. */
interface RawSink {
  insert(batch: ValueWrite[]): Promise<void>;
  commit(): Promise<void>;
}

async function openRawSink(db: Db): Promise<RawSink> {
  if (db.raw.kind === 'sqlite') {
    const s = db.raw.sqlite;
    const ins = s.prepare(`INSERT INTO value (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    s.exec('BEGIN IMMEDIATE');
    return {
      insert: async (batch) => {
        for (const w of batch) {
          ins.run(w.period, w.indicatorId, w.breakdownId, w.unitId, w.measure, w.value, w.status, w.growthPct,
            w.pctOfPlan, w.qualifier, w.note, 1, 1);
        }
      },
      commit: async () => void s.exec('COMMIT'),
    };
  }
  const client: pg.PoolClient = await db.raw.pool.connect();
  await client.query('BEGIN');
  return {
    insert: (batch) => pipeline(Readable.from(copyText(batch)), client.query(copyFrom(`COPY value (${COLUMNS}) FROM STDIN`))),
    commit: async () => {
      try {
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
  };
}

/** COPY text: tab-separated, \N for null, 2000 rows a chunk (the same shape bulkLoad sends). */
function* copyText(batch: ValueWrite[]): Generator<string> {
  const n = (x: number | null) => (x === null ? '\\N' : String(x));
  for (let i = 0; i < batch.length; i += 2000) {
    let out = '';
    const end = Math.min(batch.length, i + 2000);
    for (let k = i; k < end; k++) {
      const w = batch[k]!;
      // the generator never sets qualifier or note; they would need COPY escaping
      out += `${w.period}\t${w.indicatorId}\t${w.breakdownId}\t${w.unitId}\t${w.measure}\t${n(w.value)}\t${w.status}\t${n(w.growthPct)}\t${n(w.pctOfPlan)}\t\\N\t\\N\t1\t1\n`;
    }
    yield out;
  }
}

/** Batches from the generator; each is first given to `before` (the raw side in paired mode). */
async function* feed(cat: SynCatalogue, t: { genMs: number; sideMs: number; rows: number }, before?: (b: ValueWrite[]) => Promise<void>) {
  const it = generateBatches(cat);
  for (;;) {
    const t0 = now();
    const r = it.next();
    const t1 = now();
    t.genMs += t1 - t0;
    if (r.done) return;
    if (before) {
      await before(r.value);
      t.sideMs += now() - t1;
    }
    t.rows += r.value.length;
    yield r.value;
  }
}

export async function rawLoad(db: Db, cat: SynCatalogue, label: string): Promise<LoadMeasure> {
  const load = new LoadSampler();
  const tick = progress(label, cat.model.plan.rows, load);
  const t = { genMs: 0, sideMs: 0, rows: 0 };
  const t0 = now();
  const sink = await openRawSink(db);
  for await (const batch of feed(cat, t)) {
    await sink.insert(batch);
    tick(t.rows);
  }
  await sink.commit();
  return measure(t.rows, now() - t0 - t.genMs, t.genMs, load);
}

export async function oursLoad(db: Db, cat: SynCatalogue, label: string): Promise<Ours> {
  const load = new LoadSampler();
  const t = { genMs: 0, sideMs: 0, rows: 0 };
  const t0 = now();
  const result = await bulkLoad(db, feed(cat, t), CTX, { onProgress: progress(label, cat.model.plan.rows, load) });
  return { ...measure(t.rows, now() - t0 - t.genMs, t.genMs, load), result };
}

/** Both loads in step: month k goes into the raw table, then through bulkLoad, then month k+1 is made. */
export async function pairedLoad(rawDb: Db, oursDb: Db, cat: SynCatalogue, label: string): Promise<{ raw: LoadMeasure; ours: Ours }> {
  const load = new LoadSampler();
  const t = { genMs: 0, sideMs: 0, rows: 0 };
  const sink = await openRawSink(rawDb);
  const t0 = now();
  const result = await bulkLoad(oursDb, feed(cat, t, (b) => sink.insert(b)), CTX, { onProgress: progress(label, cat.model.plan.rows, load) });
  const oursMs = now() - t0 - t.genMs - t.sideMs;
  const t1 = now();
  await sink.commit();
  const rawMs = t.sideMs + (now() - t1);
  const loadSummary = load.summary();
  return {
    raw: { rows: t.rows, storeMs: rawMs, genMs: t.genMs, rowsPerSec: t.rows / (rawMs / 1000), load: loadSummary },
    ours: { rows: t.rows, storeMs: oursMs, genMs: t.genMs, rowsPerSec: t.rows / (oursMs / 1000), load: loadSummary, result },
  };
}
