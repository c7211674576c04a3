// `npm run bench -- --values 1000000 --stores sqlite,postgres [--update-md]`: generate, ingest (raw
// baseline and bulkLoad in the same run), measure the pivot, print a table, write bench/out/*.json.
// Flags: --values N (80M) · --stores sqlite,postgres · --order paired|raw-first|ours-first · --runs 200 ·
// --raw-runs 30 · --fresh-runs 20 · --dir /tmp/congthuong-bench · --pg-url URL · --no-warmup ·
// --keep (keep the loaded store) · --reuse (measure the pivot on a store kept by an earlier run) · --update-md
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/db/database.ts';
import { intFlag, listFlag, parseFlags, type Flags } from './args.ts';
import { buildModel, catalogueIds, createCatalogue, planDataset, type DatasetModel, type SynCatalogue } from './generate.ts';
import { oursLoad, pairedLoad, rawLoad, type LoadMeasure } from './ingest.ts';
import { measurePivot } from './pivot.ts';
import { consoleTable, machine, updateMarkdown, writeJson, type RunResult, type StoreResult } from './report.ts';
import { log, now } from './stats.ts';
import { dropStore, openStore, pgBytes, pgCommand, sqliteBytes, type StoreConfig, type StoreKind } from './stores.ts';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const flags = parseFlags();
  const plan = planDataset(intFlag(flags, 'values', 80_000_000), intFlag(flags, 'seed', 20_251_231));
  const cfg: StoreConfig = {
    sqliteDir: flags.get('dir') ?? '/tmp/congthuong-bench',
    pgUrl: flags.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/congthuong_bench',
  };
  const kinds = listFlag(flags, 'stores', ['sqlite', 'postgres']) as StoreKind[];
  log(`dataset: ${JSON.stringify(plan)}`);
  const model = buildModel(plan);
  const result: RunResult = {
    at: new Date().toISOString(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), machine: machine(), plan, stores: [],
  };
  for (const kind of kinds) {
    if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`unknown store ${kind}`);
    result.stores.push(await benchStore(kind, cfg, model, flags));
  }
  console.log(consoleTable(result));
  const file = writeJson(result, join(here, 'out'));
  log(`results: ${file}`);
  if (flags.has('update-md')) {
    updateMarkdown(join(here, '..', 'BENCHMARKS.md'), result);
    log('BENCHMARKS.md updated');
  }
}

async function benchStore(kind: StoreKind, cfg: StoreConfig, model: DatasetModel, flags: Flags): Promise<StoreResult> {
  const order = flags.get('order') ?? 'paired';
  const oursName = kind === 'sqlite' ? `ours-${model.plan.rows}` : `bench_ours_${model.plan.rows}`;
  const rawName = kind === 'sqlite' ? 'raw' : 'bench_raw';
  let ours: Db;
  let cat: SynCatalogue;
  let raw: LoadMeasure | null = null;
  let mine: StoreResult['ours'] = null;
  let catalogueMs = 0;
  let ingestAt: string | undefined;
  const bytes: Record<string, number> = {};
  const postLoad = { what: kind === 'sqlite' ? 'wal_checkpoint(TRUNCATE)' : 'VACUUM (ANALYZE) value, rollup; CHECKPOINT', ms: 0 };

  if (flags.has('reuse')) {
    ours = await openStore(kind, cfg, oursName, false);
    cat = await catalogueIds(ours, model);
    log(`${kind}: reusing the loaded store ${oursName}`);
    const saved = ingestFile(kind, model.plan.rows);
    if (existsSync(saved)) {
      // the pivot is re-measured; the ingest figures are those of the run that loaded this store
      const prev = JSON.parse(readFileSync(saved, 'utf8')) as Pick<StoreResult, 'raw' | 'ours' | 'order' | 'postLoad' | 'bytes'> & { at: string };
      ({ raw, ours: mine } = prev);
      Object.assign(postLoad, prev.postLoad);
      Object.assign(bytes, prev.bytes);
      ingestAt = prev.at;
    }
  } else {
    if (!flags.has('no-warmup')) await warmUp(kind, cfg);
    ours = await openStore(kind, cfg, oursName, true);
    const t0 = now();
    cat = await createCatalogue(ours, model);
    catalogueMs = now() - t0;
    const finishOurs = async () => {
      const t1 = now();
      if (ours.raw.kind === 'sqlite') ours.raw.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      else await pgCommand(ours, 'VACUUM (ANALYZE) value, rollup');
      postLoad.ms = now() - t1;
      await settle(ours);
    };
    const rawDb = await openStore(kind, cfg, rawName, true);
    const finishRaw = async () => {
      if (rawDb.raw.kind === 'sqlite') rawDb.raw.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // size without the WAL
      bytes.raw = kind === 'sqlite' ? sqliteBytes(cfg, rawName) : await pgBytes(rawDb, 'value');
      await rawDb.close();
      await dropStore(kind, cfg, rawName);
      await settle(ours);
    };
    if (order === 'paired') {
      ({ raw, ours: mine } = await pairedLoad(rawDb, ours, cat, `${kind} paired`));
      await finishRaw();
      await finishOurs();
    } else {
      for (const side of order === 'ours-first' ? ['ours', 'raw'] : ['raw', 'ours']) {
        if (side === 'raw') {
          raw = await rawLoad(rawDb, cat, `${kind} raw`);
          await finishRaw();
        } else {
          mine = await oursLoad(ours, cat, `${kind} ours`);
          await finishOurs();
        }
      }
    }
    const [r, o] = [raw as LoadMeasure | null, mine as StoreResult['ours']];
    mkdirSync(join(here, 'out'), { recursive: true });
    writeFileSync(ingestFile(kind, model.plan.rows), JSON.stringify({ at: new Date().toISOString(), order, raw: r, ours: o, postLoad, bytes }));
    log(`${kind}: raw ${((r?.rowsPerSec ?? 0) / 1e6).toFixed(3)} M rows/s, ours ${((o?.rowsPerSec ?? 0) / 1e6).toFixed(3)} M rows/s`);
  }
  if (kind === 'sqlite') bytes.ours = sqliteBytes(cfg, oursName);
  else for (const t of ['value', 'rollup']) bytes[`ours ${t}`] = await pgBytes(ours, t);

  const pivot = await measurePivot(ours, cat, {
    runs: Math.max(200, intFlag(flags, 'runs', 200)), rawRuns: intFlag(flags, 'raw-runs', 30),
    freshnessRuns: intFlag(flags, 'fresh-runs', 20), seed: model.plan.seed,
  }, (m) => log(`${kind} ${m}`));
  await ours.close();
  if (!flags.has('keep') && !flags.has('reuse')) await dropStore(kind, cfg, oursName);
  const r = raw as LoadMeasure | null;
  const o = mine as StoreResult['ours'];
  return { kind, order, ingestAt, catalogueMs, raw: r, ours: o, ratio: r && o ? o.rowsPerSec / r.rowsPerSec : null, postLoad, bytes, pivot };
}

const ingestFile = (kind: StoreKind, rows: number) => join(here, 'out', `ingest-${kind}-${rows}.json`);

/** Both paths once on a small dataset in throwaway stores, so neither measured load pays for JIT warm-up. */
async function warmUp(kind: StoreKind, cfg: StoreConfig): Promise<void> {
  const model = buildModel(planDataset(400_000));
  const ours = await openStore(kind, cfg, kind === 'sqlite' ? 'warm-ours' : 'bench_warm_ours', true);
  const cat = await createCatalogue(ours, model);
  const raw = await openStore(kind, cfg, kind === 'sqlite' ? 'warm-raw' : 'bench_warm_raw', true);
  const { raw: r, ours: o } = await pairedLoad(raw, ours, cat, `${kind} warm-up`);
  log(`${kind} warm-up: raw ${(r.rowsPerSec / 1e6).toFixed(3)} M rows/s, ours ${(o.rowsPerSec / 1e6).toFixed(3)} M rows/s (not reported)`);
  await raw.close();
  await ours.close();
  await dropStore(kind, cfg, kind === 'sqlite' ? 'warm-raw' : 'bench_warm_raw');
  await dropStore(kind, cfg, kind === 'sqlite' ? 'warm-ours' : 'bench_warm_ours');
  await settle(null);
}

/** Between measured phases: flush dirty pages so one load does not pay for the previous one's writes. */
async function settle(db: Db | null): Promise<void> {
  if (db?.raw.kind === 'postgres') await pgCommand(db, 'CHECKPOINT');
  execFileSync('sync');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
