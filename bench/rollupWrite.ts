// Diagnostic behind the PostgreSQL ingest recommendation: cost per rollup row of the ways a bulk batch
// can write its rollup deltas (a month at 80 M values ≈ 67 k rollup rows), in a scratch schema.
//   unnest:  INSERT … SELECT FROM unnest($1::int[], …) ON CONFLICT DO UPDATE   (postgresBulk today)
//   staged:  COPY into a temp table, then INSERT … SELECT … ON CONFLICT DO UPDATE
//   copy:    COPY straight into rollup (valid while the batch's periods have no rollups yet)
// `node --import tsx bench/rollupWrite.ts [--batches 12] [--rows 67000]`
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { intFlag, parseFlags } from './args.ts';
import { now, summarize } from './stats.ts';

const COLS = 'period, indicator_id, breakdown_id, measure, region_id, n, n_estimate, total_micro, nw, wsum, wtotal';
type Row = number[];

function batchRows(period: number, count: number): Row[] {
  const rows: Row[] = [];
  for (let k = 0; k < count; k++) {
    const cell = Math.floor(k / 7);
    rows.push([period, 1 + Math.floor(cell / 400), cell % 400, 0, 1 + (k % 7), 5, 0, 123_456_789 + k, 0, 0, 0]);
  }
  return rows;
}

const text = (rows: Row[]) => Readable.from((function* () {
  for (let i = 0; i < rows.length; i += 2000) yield rows.slice(i, i + 2000).map((r) => r.join('\t')).join('\n') + '\n';
})());

const UPSERT = `ON CONFLICT (period, indicator_id, breakdown_id, measure, region_id) DO UPDATE SET
  n = rollup.n + excluded.n, n_estimate = rollup.n_estimate + excluded.n_estimate, total_micro = rollup.total_micro + excluded.total_micro,
  nw = rollup.nw + excluded.nw, wsum = rollup.wsum + excluded.wsum, wtotal = rollup.wtotal + excluded.wtotal`;

const methods: Record<string, (c: pg.PoolClient, rows: Row[]) => Promise<void>> = {
  unnest: async (c, rows) => {
    const col = (k: number) => rows.map((r) => r[k]);
    await c.query(`INSERT INTO rollup (${COLS}) SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[],
      $7::int[], $8::int8[], $9::int[], $10::float8[], $11::float8[]) ${UPSERT}`, Array.from({ length: 11 }, (_, k) => col(k)));
  },
  staged: async (c, rows) => {
    await pipeline(text(rows), c.query(copyFrom(`COPY rollup_stage (${COLS}) FROM STDIN`)));
    await c.query(`INSERT INTO rollup (${COLS}) SELECT ${COLS} FROM rollup_stage ${UPSERT}`);
    await c.query('TRUNCATE rollup_stage');
  },
  copy: async (c, rows) => {
    await pipeline(text(rows), c.query(copyFrom(`COPY rollup (${COLS}) FROM STDIN`)));
  },
};

async function main(): Promise<void> {
  const flags = parseFlags();
  const batches = intFlag(flags, 'batches', 12);
  const perBatch = intFlag(flags, 'rows', 67_000);
  const pool = new pg.Pool({ connectionString: flags.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/congthuong_bench', max: 1, options: '-c search_path=bench_rollup_write' });
  const c = await pool.connect();
  const out: Record<string, unknown> = {};
  try {
    for (const [name, write] of Object.entries(methods)) {
      await c.query('DROP SCHEMA IF EXISTS bench_rollup_write CASCADE; CREATE SCHEMA bench_rollup_write');
      await c.query(`CREATE TABLE rollup (period int NOT NULL, indicator_id int NOT NULL, breakdown_id int NOT NULL, measure int NOT NULL,
        region_id int NOT NULL, n int NOT NULL, n_estimate int NOT NULL, total_micro bigint NOT NULL, nw int NOT NULL, wsum float8 NOT NULL,
        wtotal float8 NOT NULL, PRIMARY KEY (period, indicator_id, breakdown_id, measure, region_id))`);
      await c.query(`CREATE TEMP TABLE rollup_stage (LIKE rollup)`);
      await c.query('BEGIN');
      const ms: number[] = [];
      for (let b = 0; b < batches; b++) {
        const rows = batchRows(2006101 + b, perBatch); // a new period each batch, as in a bulk load
        const t0 = now();
        await write(c, rows);
        ms.push(now() - t0);
      }
      await c.query('COMMIT');
      await c.query('DROP TABLE rollup_stage');
      const s = summarize(ms.slice(1));
      out[name] = { msPerBatch: Math.round(s.p50), usPerRow: Math.round((s.p50 * 1000) / perBatch * 100) / 100 };
    }
  } finally {
    await c.query('ROLLBACK').catch(() => {});
    await c.query('DROP SCHEMA IF EXISTS bench_rollup_write CASCADE');
    c.release();
    await pool.end();
  }
  console.log(JSON.stringify({ rowsPerBatch: perBatch, batches, ...out }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
