// Liveness and readiness, for the proxy, the orchestrator and the monitoring. /health answers as long as
// the process serves HTTP (it touches nothing else: a slow store must not get a live process killed).
// /ready answers 200 only when the store answers within a bound and its schema is the one this version
// expects, and 503 with the reasons otherwise (traffic is then sent elsewhere, or nowhere).
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { migrationState } from '../store/migrationState.ts';

const STORE_TIMEOUT_MS = 2000;
const started = Date.now();

export interface Readiness {
  ready: boolean;
  store: Db['kind'];
  problems: Array<{ code: string; message: string; messageEn: string }>;
  migrations?: { applied: number; pending: number };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms))),
  ]);
}

export async function readiness(db: Db): Promise<Readiness> {
  const r: Readiness = { ready: false, store: db.kind, problems: [] };
  try {
    await withTimeout(sql`SELECT 1`.execute(db.k), STORE_TIMEOUT_MS);
  } catch (e) {
    r.problems.push({
      code: 'store_unreachable',
      message: `Không kết nối được kho dữ liệu (${(e as Error).message}).`,
      messageEn: `The store does not answer (${(e as Error).message}).`,
    });
    return r;
  }
  const m = await migrationState(db);
  r.migrations = { applied: m.applied.length, pending: m.pending.length };
  if (m.pending.length) {
    r.problems.push({ code: 'migrations_pending', message: `Còn ${m.pending.length} migration chưa áp dụng.`, messageEn: `${m.pending.length} migration(s) not applied.` });
  }
  if (m.unknown.length) {
    r.problems.push({ code: 'migrations_unknown', message: 'Kho do phiên bản mới hơn tạo ra.', messageEn: 'The store was written by a newer version.' });
  }
  r.ready = r.problems.length === 0;
  return r;
}

export function healthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/health', { schema: { hide: true }, logLevel: 'warn' }, async () => ({
    status: 'ok', uptime_s: Math.round((Date.now() - started) / 1000),
  }));
  app.get('/ready', { schema: { hide: true }, logLevel: 'warn' }, async (_req, reply) => {
    const r = await readiness(db);
    return reply.status(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'not_ready', ...r });
  });
}
