// A store for the collection benchmarks: the real master data (34 provinces from July 2025), a monthly
// data set of ~200 cells (indicators by period and cumulative, exports and imports by commodity group,
// IIP by industry), five years of published history for every province, and the app over it.
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { loadMasterData } from '../../src/catalogue/masterData.ts';
import { loadMasterDataIntoStore } from '../../src/catalogue/catalogueStore.ts';
import { reference } from '../../src/catalogue/reference.ts';
import { openDb, type Db } from '../../src/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadDatasetDefinition } from '../../src/collection/datasets/defaults.ts';
import { importValues } from '../../src/collection/importValues.ts';

export type Kind = 'sqlite' | 'postgres';
export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/congthuong_bench';
const SQLITE_PATH = '/tmp/congthuong-bench-collection.db';
const SCHEMA = 'bench_collection';

export interface Bench {
  db: Db;
  app: FastifyInstance;
  provinces: string[];
  items: number;
  close(): Promise<void>;
}

/** The bench store: emptied first (`fresh`), or opened as it is (the server child of the deadline). */
export async function openBenchStore(kind: Kind, fresh = true): Promise<Db> {
  if (!fresh) return kind === 'sqlite' ? openDb({ kind, url: SQLITE_PATH }) : openDb({ kind, url: PG_URL, schema: SCHEMA, poolSize: Number(process.env.PG_POOL_SIZE ?? 10) });
  if (kind === 'sqlite') {
    for (const f of [SQLITE_PATH, `${SQLITE_PATH}-wal`, `${SQLITE_PATH}-shm`]) rmSync(f, { force: true });
    return openDb({ kind, url: SQLITE_PATH });
  }
  const admin = new URL(PG_URL);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  const name = new URL(PG_URL).pathname.slice(1);
  if (!(await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const drop = await openDb({ kind, url: PG_URL, migrate: false, poolSize: 1 });
  await sql.raw(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`).execute(drop.k);
  await drop.close();
  return openDb({ kind, url: PG_URL, schema: SCHEMA, poolSize: 10 });
}

export async function benchSetup(kind: Kind): Promise<Bench> {
  const db = await openBenchStore(kind);
  const md = loadMasterData();
  await loadMasterDataIntoStore(db, md);
  const ref = await reference(db);
  const flows = [...ref.indicatorsByCode.values()].filter((i) => i.aggregation === 'sum' || i.aggregation === 'weighted_index');
  const opts = async (dim: string) => (await db.k.selectFrom('dimension_option as o').innerJoin('dimension as d', 'd.id', 'o.dimension_id')
    .select('o.code').where('d.code', '=', dim).orderBy('o.id').execute()).map((r) => r.code);
  const items: { indicator: string; basis?: string; breakdown?: string; required: boolean; integer?: boolean; plan?: boolean; max?: number }[] = [
    ...flows.map((i) => ({ indicator: i.code, basis: 'period', required: false, integer: i.nature === 'stock', max: i.code === 'iip' ? 1000 : undefined })),
    ...flows.filter((i) => i.nature === 'flow').map((i) => ({ indicator: i.code, basis: 'ytd', required: false, plan: ['retail_services', 'exports'].includes(i.code) })),
    ...(await opts('commodity_group')).map((o) => ({ indicator: 'exports', breakdown: `commodity_group=${o}`, required: false })),
    ...(await opts('commodity_group')).map((o) => ({ indicator: 'imports', breakdown: `commodity_group=${o}`, required: false })),
    ...(await opts('industry')).map((o) => ({ indicator: 'iip', breakdown: `industry=${o}`, required: false, max: 1000 })),
  ].slice(0, 200);
  await loadDatasetDefinition(db, { actor: null, label: 'bench' }, { code: 'bench-thang', name_vi: 'Báo cáo tháng (đo)', name_en: 'Monthly (bench)', periodicity: 'month', items });
  const provinces = [...ref.unitsById.values()].filter((u) => u.level === 'province' && !u.unidentified && u.validFrom <= '2025-07-01' && (u.validTo === null || u.validTo >= '2025-12-31')).map((u) => u.slug);
  // History: every month of 2020–2024 for every province then in force (the 63 before the 2025
  // reorganisation; a merged province's last year is its predecessors' sum) and the first 40 items.
  const history = [];
  for (let y = 2020; y <= 2024; y++) {
    const then = [...ref.unitsById.values()].filter((u) => u.level === 'province' && !u.unidentified && u.validFrom <= `${y}-01-01` && (u.validTo === null || u.validTo >= `${y}-12-31`)).map((u) => u.slug);
    for (const p of then) {
      for (let m = 1; m <= 12; m++) {
        for (const it of items.slice(0, 40)) {
          const ytd = it.basis === 'ytd';
          const base = it.indicator === 'iip' ? 100 + (y - 2019) : (ytd ? 1000 * m : 1000) * 1.05 ** (y - 2020);
          history.push({ place: p, indicator: it.indicator, period: ytd ? `${m}T/${y}` : `T${m}/${y}`, breakdown: (it as any).breakdown, value: Math.round(base * 100) / 100 });
        }
      }
    }
  }
  await importValues(db, history.filter((h) => !(h.period.startsWith('12T') || h.period.startsWith('1T'))), { actor: 'bench', kind: 'seed' }, { bulk: true });
  const app = await buildApp({ db });
  return {
    db, app, provinces, items: items.length,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
