// A demo store and the app over it for the conference and follow-up API tests, with uploads going
// to a temporary folder and sessions of any role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../db/testing.ts';
import type { Db } from '../db/database.ts';
import { ensureDemoData } from '../collection/demo/loadDemo.ts';
import { buildApp } from '../server/app.ts';
import { signInAs, type SignInOptions } from '../access/testing.ts';
import type { Role } from '../access/roles.ts';

export interface Harness {
  db: Db;
  app: FastifyInstance;
  dataDir: string;
  as(role: Role, opts?: SignInOptions): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function harness(opts: { uploadMaxBytes?: number } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ct-conf-'));
  process.env.DATA_DIR = dataDir;
  process.env.UPLOAD_MAX_BYTES = String(opts.uploadMaxBytes ?? 64 * 1024);
  const db = await openTestDb();
  await ensureDemoData(db);
  const app = await buildApp({ db });
  const sessions = new Map<string, Record<string, string>>();
  return {
    db, app, dataDir,
    async as(role, o = {}) {
      const key = `${role}|${o.province ?? ''}|${o.ministryUnit ?? ''}`;
      if (!sessions.has(key)) sessions.set(key, { ...(await signInAs(app, db, role, o)) });
      return sessions.get(key)!;
    },
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart body with one file and some fields, as a browser sends it. */
export function multipart(file: { name: string; data: Buffer; type?: string } | null, fields: Record<string, string> = {}) {
  const boundary = '----ct' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
