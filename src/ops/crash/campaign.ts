// A crash campaign: the real server (and, at times, a bulk import from the CLI) doing real writes —
// value batches, CSV imports, monthly reports uploaded as Excel, submitted and approved (reportChain.ts),
// while reports are being written — killed with SIGKILL at random instants: while it serves, while it
// starts and migrates, in the middle of a bulk load. Then checked with the store closed: the doctor's invariants (rollups equal a
// recomputation, history complete, no half-applied change set, engine integrity) and the ledger's
// (every acknowledged write present, nothing half-written). Then started again, many times.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDb, type Db } from '../../db/database.ts';
import { loadMasterData } from '../../catalogue/masterData.ts';
import { loadMasterDataIntoStore } from '../../catalogue/catalogueStore.ts';
import { inForce, reference } from '../../catalogue/reference.ts';
import { createAccount } from '../../access/accounts.ts';
import { fromKey, makePeriod } from '../../periods/core.ts';
import { periodCode } from '../../periods/codes.ts';
import { runDoctor } from '../doctor/doctor.ts';
import { formatReport, healthy } from '../doctor/findings.ts';
import { Ledger, opNote, violations, type Op } from './ledger.ts';
import { freePort, kill9, signInOverHttp, spawnCli, startServer, waitReady, type Child, type HttpSession } from './server.ts';
import { CHAIN_INDICATORS, chainViolations, prepareChains, ReportChains } from './reportChain.ts';

export interface CampaignOptions {
  store: 'sqlite' | 'postgres';
  /** Stop after this many kills… */
  kills: number;
  /** …or when this much time has passed (after at least `minKills`). */
  budgetMs: number;
  minKills?: number;
  seed?: number;
  /** PostgreSQL: a database of the campaign's own (its public schema is emptied first). */
  pgUrl?: string;
  provinces?: number;
  log?: (line: string) => void;
}

export interface CampaignResult {
  store: string;
  kills: number;
  killsDuringStart: number;
  killsDuringBulk: number;
  checks: number;
  ops: Record<string, number>;
  /** Excel uploads of the report chains, by outcome. */
  uploads: Record<string, number>;
  /** Reports (Word, PDF, Excel) requested while the server was killed at random. */
  reportsRequested: number;
  opsByKind: Record<string, number>;
  rowsAcknowledged: number;
  violations: string[];
  doctorProblems: string[];
  startMs: number[];
  ms: number;
}

const ADMIN = { username: 'crash.admin', password: 'mật-khẩu-thử-sập-máy-2026' };
const RETAIL = 'retail_services';
const BULK_INDICATORS = ['exports', 'imports', 'industrial_output_value'];
const MONTHS = Array.from({ length: 180 }, (_, i) => periodCode(makePeriod('month', 2010 + Math.floor(i / 12), (i % 12) + 1)));

/** A small deterministic generator (mulberry32), so that a failing campaign can be replayed by its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function resetPostgres(url: string): Promise<void> {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const a = new pg.Client({ connectionString: admin.toString() });
  await a.connect();
  try {
    const name = target.pathname.slice(1);
    if (!(await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) await a.query(`CREATE DATABASE "${name}"`);
  } finally {
    await a.end();
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP SCHEMA IF EXISTS public CASCADE');
    await c.query('CREATE SCHEMA public');
  } finally {
    await c.end();
  }
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignResult> {
  const t0 = Date.now();
  const rnd = random(o.seed ?? Date.now());
  const log = o.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), `ct-crash-${o.store}-`));
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, DATABASE_URL: '', SIGN_IN_RATE_MAX: '1000' };
  if (o.store === 'postgres') {
    env.DATABASE_URL = o.pgUrl ?? 'postgres://postgres@127.0.0.1:5432/congthuong_crash';
    await resetPostgres(env.DATABASE_URL);
  }
  const storeOpts = () => (o.store === 'sqlite' ? { kind: 'sqlite' as const, url: join(dataDir, 'congthuong.db') } : { kind: 'postgres' as const, url: env.DATABASE_URL! });

  // The store as an operator leaves it before the first start: master data and an administrator.
  const { provinces, chainProvinces } = await (async () => {
    const db = await openDb(storeOpts());
    try {
      await loadMasterDataIntoStore(db, loadMasterData());
      await createAccount(db, { actor: null, label: 'crash' }, { username: ADMIN.username, displayName: 'Thử sập máy', password: ADMIN.password, role: 'admin' });
      const ref = await reference(db);
      const provinces = [...ref.unitsById.values()]
        .filter((u) => u.level === 'province' && !u.unidentified && inForce(u, '2010-01-01') && inForce(u, '2024-12-31'))
        .map((u) => u.slug).sort().slice(0, o.provinces ?? 30);
      return { provinces, chainProvinces: await prepareChains(db, provinces) };
    } finally {
      await db.close();
    }
  })();

  const ledger = new Ledger();
  const result: CampaignResult = {
    store: o.store, kills: 0, killsDuringStart: 0, killsDuringBulk: 0, checks: 0, ops: {}, uploads: {}, reportsRequested: 0, opsByKind: {}, rowsAcknowledged: 0,
    violations: [], doctorProblems: [], startMs: [], ms: 0,
  };
  let session: HttpSession | null = null;
  let nextMonth = 0;
  let bulkRound = 0;
  let cliMs = 15_000;
  const live = new Set<Child>();

  const value = (op: number, i: number) => Math.round((op * 1000 + i + rnd()) * 100) / 100;
  const chains = new ReportChains(ledger, chainProvinces, value);
  const REPORT_FORMATS = ['docx', 'pdf', 'xlsx'];

  /** A report requested and left running: the kill may land while it is being written. */
  function requestReport(base: string): void {
    const format = REPORT_FORMATS[result.reportsRequested++ % REPORT_FORMATS.length];
    void fetch(`${base}/api/reports/monthly?region=north&period=T10/2024&format=${format}`, {
      headers: { cookie: session!.cookie }, signal: AbortSignal.timeout(60_000),
    }).then((r) => r.arrayBuffer()).catch(() => {});
  }

  async function signIn(base: string) {
    session = await signInOverHttp(base, ADMIN);
  }

  /** One API operation; its outcome goes to the ledger. */
  async function apiOp(base: string): Promise<void> {
    const importing = nextMonth > 0 && (nextMonth >= MONTHS.length || rnd() < 0.5);
    const period = importing ? MONTHS[Math.floor(rnd() * nextMonth)]! : MONTHS[nextMonth++]!;
    const writes = new Map<string, number>();
    const op = ledger.begin(importing ? 'api-import' : 'api-write', writes);
    provinces.forEach((p, i) => writes.set(`${p}|${RETAIL}|${period}`, value(op.id, i)));
    const rows = [...writes].map(([k, v]) => ({ place: k.split('|')[0]!, indicator: RETAIL, period, value: v, status: 'official' }));
    const headers = { cookie: session!.cookie, 'x-csrf-token': session!.csrf };
    let r: Response;
    try {
      r = importing
        ? await fetch(`${base}/api/values/import?format=csv&note=${encodeURIComponent(opNote(op))}`, {
          method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, signal: AbortSignal.timeout(60_000),
          body: 'place,indicator,period,value,status\n' + rows.map((x) => `${x.place},${x.indicator},${x.period},${x.value},official`).join('\n'),
        })
        : await fetch(`${base}/api/values`, {
          method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, signal: AbortSignal.timeout(60_000),
          body: JSON.stringify({ values: rows, note: opNote(op) }),
        });
    } catch {
      op.outcome = 'unknown'; // no answer: the server died with the request in flight
      return;
    }
    const body = await r.text().catch(() => '');
    if (r.status === 200 || r.status === 201) op.outcome = 'acked';
    else if (r.status >= 400 && r.status < 500) {
      op.outcome = 'refused';
      if (r.status === 401 || r.status === 403) session = null;
      else throw new Error(`op ${op.id} refused: ${r.status} ${body.slice(0, 500)}`);
    } else op.outcome = 'unknown';
  }

  /** A bulk import from the CLI (> 5,000 rows: the bulk path), running beside the server. */
  function startBulk(): { op: Op; child: Child; started: number } {
    const indicator = BULK_INDICATORS[bulkRound++ % BULK_INDICATORS.length]!;
    const writes = new Map<string, number>();
    const op = ledger.begin('cli-bulk', writes);
    const lines = ['place,indicator,period,value,status'];
    let i = 0;
    for (const p of provinces) {
      for (const m of MONTHS) {
        const v = value(op.id, i++);
        writes.set(`${p}|${indicator}|${m}`, v);
        lines.push(`${p},${indicator},${m},${v},official`);
      }
    }
    const file = join(dataDir, `bulk-${op.id}.csv`);
    writeFileSync(file, lines.join('\n'));
    const child = spawnCli(['import', file, '--note', opNote(op), '--actor', 'crash'], env);
    live.add(child);
    return { op, child, started: Date.now() };
  }

  async function check(): Promise<void> {
    const db: Db = await openDb(storeOpts());
    try {
      const report = await runDoctor(db, o.store);
      if (!healthy(report)) result.doctorProblems.push(`kill ${result.kills}: ${formatReport(report)}`);
      const current = new Map<string, number>();
      const ref = await reference(db);
      const ids = [RETAIL, ...BULK_INDICATORS, ...CHAIN_INDICATORS].map((c) => ref.indicatorsByCode.get(c)!.id);
      const rows = await db.k.selectFrom('value').select(['unit_id', 'indicator_id', 'period', 'value'])
        .where('indicator_id', 'in', ids).where('breakdown_id', '=', 0).where('measure', '=', 0).execute();
      for (const r of rows) {
        current.set(`${ref.unitsById.get(r.unit_id)!.slug}|${ref.indicatorsById.get(r.indicator_id)!.code}|${periodCode(fromKey(r.period))}`, r.value!);
      }
      const sets = (await sql<{ note: string; rows: number }>`SELECT note, rows FROM change_set WHERE note LIKE 'crash:%'`.execute(db.k)).rows;
      const v = violations(ledger, current, sets.map((s) => ({ note: s.note, rows: Number(s.rows) })));
      v.push(...(await chainViolations(db, chains.uploads, ledger)));
      result.violations.push(...v.map((x) => `kill ${result.kills}: ${x}`));
      result.checks++;
    } finally {
      await db.close();
    }
  }

  try {
    for (;;) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const bulk = rnd() < 0.5 ? startBulk() : null;
      const killBulkAt = bulk && rnd() < 0.6 ? rnd() * cliMs * 1.2 : null;
      const started = Date.now();
      const server = startServer(env, port);
      live.add(server);
      const duringStart = rnd() < 0.2;
      let stop = false;
      let bulkTimer: NodeJS.Timeout | undefined;
      if (bulk && killBulkAt !== null) bulkTimer = setTimeout(() => void kill9(bulk.child), killBulkAt);

      if (duringStart) {
        // Killed while it opens the store, migrates, builds its routes: a start is a random point too.
        await sleep(rnd() * 4000);
        result.killsDuringStart++;
      } else {
        await waitReady(base, server);
        result.startMs.push(Date.now() - started);
        if (!session) await signIn(base);
        const work = (async () => {
          while (!stop) {
            if (!session) await signIn(base).catch(() => {});
            if (!session) break;
            if (rnd() < 0.1) requestReport(base);
            if (!chains.exhausted && rnd() < 0.3) await chains.run(base, session);
            else await apiOp(base);
          }
        })();
        await sleep(300 + rnd() * 2700);
        stop = true;
        await kill9(server);
        await work;
      }
      await kill9(server);
      result.kills++;
      if (bulk) {
        if (killBulkAt === null) await bulk.child.exited; else if (bulk.child.proc.exitCode === null) await kill9(bulk.child);
        clearTimeout(bulkTimer);
        const code = await bulk.child.exited;
        if (code === 0) {
          bulk.op.outcome = 'acked';
          cliMs = Date.now() - bulk.started;
        } else bulk.op.outcome = 'unknown';
        if (bulk.child.proc.signalCode === 'SIGKILL' && bulk.op.outcome === 'unknown') result.killsDuringBulk++;
        if (code !== 0 && code !== null) throw new Error(`bulk import failed (${code}):\n${bulk.child.output()}`);
      }
      ledger.settlePending();
      await check();
      log(`${o.store}: kill ${result.kills}${duringStart ? ' (khi khởi động / during start)' : ''}${bulk ? (bulk.op.outcome === 'acked' ? ' + nhập CLI xong / bulk done' : ' + nhập CLI bị ngắt / bulk killed') : ''}; ` +
        `ops ${JSON.stringify(ledger.counts())}; vi phạm / violations ${result.violations.length}, doctor ${result.doctorProblems.length}`);
      const elapsed = Date.now() - t0;
      if (result.kills >= o.kills || (elapsed > o.budgetMs && result.kills >= (o.minKills ?? 2))) break;
    }
  } finally {
    // A failed campaign leaves no server or import running behind it.
    for (const c of live) await kill9(c);
    rmSync(dataDir, { recursive: true, force: true });
  }
  result.ops = ledger.counts();
  for (const u of chains.uploads) result.uploads[u.outcome] = (result.uploads[u.outcome] ?? 0) + 1;
  for (const op of ledger.ops) {
    result.opsByKind[op.kind] = (result.opsByKind[op.kind] ?? 0) + 1;
    if (op.outcome === 'acked') result.rowsAcknowledged += op.writes.size;
  }
  result.ms = Date.now() - t0;
  return result;
}
