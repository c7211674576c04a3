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
});

export type StoreKind = 'sqlite' | 'postgres';

export interface Config {
  dataDir: string;
  store: { kind: StoreKind; url: string };
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  uploadMaxBytes: number;
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
    store: storeFromUrl(e.DATABASE_URL, dataDir),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
  };
}
