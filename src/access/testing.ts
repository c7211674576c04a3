// Signing in from tests: an account of the role (with its province or ministry unit) and a live
// session, without the cost of argon2 per test. Returns the headers a browser would send.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { createSession, insertAccount } from './accessStore.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from './roles.ts';
import { newToken, SESSION_COOKIE } from './sessions.ts';

export interface SignInOptions {
  province?: string; // unit slug
  ministryUnit?: string; // ministry unit slug
  username?: string;
}

/** The headers to send (cookie and CSRF token); the username rides along, not enumerable, so the object
 *  can be passed as `headers` as it is. */
export type TestSession = { cookie: string; 'x-csrf-token': string; readonly username: string };

let sharedHash: Promise<string> | null = null;
let counter = 0;

export async function signInAs(_app: FastifyInstance | null, db: Db, role: Role, opts: SignInOptions = {}): Promise<TestSession> {
  sharedHash ??= hashPassword('mat-khau-thu-nghiem');
  let provinceId: number | null = null;
  let ministryUnitId: number | null = null;
  if (opts.province) {
    provinceId = (await db.k.selectFrom('unit').select('id').where('slug', '=', opts.province).executeTakeFirstOrThrow()).id;
  }
  if (opts.ministryUnit) {
    ministryUnitId = (await db.k.selectFrom('ministry_unit').select('id').where('slug', '=', opts.ministryUnit).executeTakeFirstOrThrow()).id;
  }
  const username = opts.username ?? `${role.replace('_', '-')}-${opts.province ?? opts.ministryUnit ?? 'x'}-${++counter}-${randomBytes(2).toString('hex')}`;
  const accountId = await insertAccount(db.k, {
    username, displayName: `Thử nghiệm ${role}`, passwordHash: await sharedHash, role, provinceId, ministryUnitId,
  });
  const token = newToken();
  const csrf = randomBytes(24).toString('base64url');
  await createSession(db.k, accountId, token, csrf, {});
  const headers = { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrf };
  return Object.defineProperties(headers, { username: { value: username } }) as TestSession;
}
