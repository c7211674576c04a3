// Prometheus metrics (prom-client), one registry per application so that tests may build several:
// request durations by route template and status (bounded label sets: the template, never the raw URL),
// the store's connections, values written — counted from the change sets in the store, so the figure
// includes CLI imports and survives restarts (change sets are append-only: a true counter) — and the
// process's own (memory, event loop lag, GC) for the soak.
import client from 'prom-client';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface OpsMetrics {
  registry: client.Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

export function createMetrics(db: Db): OpsMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'congthuong_' });

  const duration = new client.Histogram({
    name: 'congthuong_http_request_duration_seconds',
    help: 'Thời gian xử lý yêu cầu HTTP / HTTP request duration, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new client.Gauge({
    name: 'congthuong_store_connections',
    help: 'Kết nối tới kho / store connections: total, idle, waiting (PostgreSQL pool; SQLite has one)',
    labelNames: ['store', 'state'] as const,
    registers: [registry],
    collect() {
      if (db.raw.kind === 'postgres') {
        const p = db.raw.pool;
        this.set({ store: 'postgres', state: 'total' }, p.totalCount);
        this.set({ store: 'postgres', state: 'idle' }, p.idleCount);
        this.set({ store: 'postgres', state: 'waiting' }, p.waitingCount);
      } else {
        this.set({ store: 'sqlite', state: 'total' }, db.raw.sqlite.open ? 1 : 0);
      }
    },
  });

  new client.Gauge({
    name: 'congthuong_store_sqlite_bytes',
    help: 'Kích thước tệp SQLite / SQLite database size in bytes (pages in use × page size)',
    registers: [registry],
    collect() {
      if (db.raw.kind !== 'sqlite' || !db.raw.sqlite.open) return;
      const s = db.raw.sqlite;
      this.set(Number(s.pragma('page_count', { simple: true })) * Number(s.pragma('page_size', { simple: true })));
    },
  });

  // Both counters are read in one query per scrape, by the first of them to be collected.
  let pending: Promise<Array<{ kind: string; n: number; rows: number }>> | null = null;
  const totals = () => (pending ??= sql<{ kind: string; n: number; rows: number }>`
      SELECT kind, COUNT(*) AS n, COALESCE(SUM(rows), 0) AS rows FROM change_set GROUP BY kind`.execute(db.k)
    .then((r) => r.rows).finally(() => setTimeout(() => (pending = null), 0)));
  new client.Counter({
    name: 'congthuong_values_written_total',
    help: 'Số liệu đã ghi (thêm, sửa, xóa) theo loại lô ghi / values written (inserted, revised, deleted) by change-set kind',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await totals()) this.inc({ kind: r.kind }, Number(r.rows));
    },
  });
  new client.Counter({
    name: 'congthuong_change_sets_total',
    help: 'Số lô ghi / change sets (write batches) by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await totals()) this.inc({ kind: r.kind }, Number(r.n));
    },
  });

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      duration.observe({ method, route, status: String(status) }, seconds);
    },
  };
}
