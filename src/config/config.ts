// One typed configuration object, read from the environment once and validated at start.
// A bad value stops the process with a message that names the variable (Vietnamese, then English).
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  // Operations (src/ops): proxy trust, metrics, the web build at start; the PostgreSQL pool's size.
  TRUST_PROXY: z.string().default('false').transform((v, ctx) => parseTrustProxy(v, ctx)),
  METRICS_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  METRICS_TOKEN: z.string().min(16, 'ít nhất 16 ký tự / at least 16 characters').optional(),
  WEB_BUILD: z.enum(['auto', 'off']).default('auto'),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Read by src/access itself; validated here so that a bad value stops the start, not a sign-in.
  SESSION_TTL_HOURS: z.coerce.number().positive().optional(),
  SESSION_IDLE_HOURS: z.coerce.number().positive().optional(),
  SIGN_IN_RATE_MAX: z.coerce.number().int().positive().optional(),
  SIGN_IN_LOCK_AFTER: z.coerce.number().int().positive().optional(),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().positive().optional(),
});

/**
 * Fastify's trustProxy: `false` (direct clients), `true` (any proxy: only when nothing else can reach the
 * port), a number of proxy hops, or a comma-separated list of proxy addresses / CIDR ranges.
 */
function parseTrustProxy(v: string, ctx: z.RefinementCtx): boolean | number | string[] {
  const t = v.trim().toLowerCase();
  if (t === 'false' || t === '' || t === '0') return false;
  if (t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  const list = t.split(',').map((x) => x.trim()).filter(Boolean);
  if (list.every((x) => /^[0-9a-f:.]+(\/\d{1,3})?$/.test(x) || x === 'loopback' || x === 'linklocal' || x === 'uniquelocal')) return list;
  ctx.addIssue({ code: 'custom', message: 'false | true | số bước proxy / hop count | danh sách địa chỉ / address list (127.0.0.1,10.0.0.0/8)' });
  return z.NEVER;
}

export type StoreKind = 'sqlite' | 'postgres';

export interface Config {
  dataDir: string;
  /** poolSize: PostgreSQL connections (PG_POOL_SIZE); SQLite has one connection. */
  store: { kind: StoreKind; url: string; poolSize?: number };
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  uploadMaxBytes: number;
  ops: {
    trustProxy: boolean | number | string[];
    metricsEnabled: boolean;
    metricsToken: string | null;
    webBuild: 'auto' | 'off';
  };
}

export class ConfigError extends Error {}

/** Where the store lives: postgres:// URLs select PostgreSQL, anything else is a SQLite file path. */
export function storeFromUrl(url: string | undefined, dataDir: string): Config['store'] {
  if (!url) return { kind: 'sqlite', url: resolve(dataDir, 'congthuong.db') };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  return { kind: 'sqlite', url: path === ':memory:' ? path : resolve(path) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(
      `Cấu hình không hợp lệ / Invalid configuration:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    dataDir,
    store: { ...storeFromUrl(e.DATABASE_URL, dataDir), poolSize: e.PG_POOL_SIZE },
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    ops: {
      trustProxy: e.TRUST_PROXY,
      metricsEnabled: e.METRICS_ENABLED,
      metricsToken: e.METRICS_TOKEN ?? null,
      webBuild: e.WEB_BUILD,
    },
  };
}
