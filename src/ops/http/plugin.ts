// Operations on the HTTP application: /health, /ready, /metrics, and the request hook that feeds both
// the log line and the duration histogram. Registered once at the root (app.ts), so it sees every route.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { healthRoutes } from './health.ts';
import { createMetrics } from './metrics.ts';
import { logRequest, routeOf } from './requestLog.ts';

export interface OpsPluginOptions {
  db: Db;
  config?: Config;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given), b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function installOps(app: FastifyInstance, o: OpsPluginOptions): Promise<void> {
  const metricsOn = o.config?.ops.metricsEnabled ?? true;
  const token = o.config?.ops.metricsToken ?? null;
  const metrics = metricsOn ? createMetrics(o.db) : null;

  app.addHook('onResponse', async (req, reply) => {
    logRequest(req, reply);
    metrics?.observeRequest(req.method, routeOf(req), reply.statusCode, reply.elapsedTime / 1000);
  });

  healthRoutes(app, o.db);

  if (metrics) {
    app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (req, reply) => {
      if (token && !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
        return reply.status(401).header('www-authenticate', 'Bearer').send({
          error: { code: 'unauthorized', message: 'Cần mã truy cập số đo (METRICS_TOKEN).', messageEn: 'The metrics token is required (METRICS_TOKEN).' },
        });
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
}
