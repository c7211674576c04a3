// Table shapes of accounts, sessions and the audit log, merged into the store's Database in db/schema.ts.
import type { Generated } from 'kysely';

export interface AccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string; // argon2id, PHC string
  role: string;
  province_id: number | null; // unit id, province officers only
  ministry_unit_id: number | null; // ministry units only
  active: Generated<number>;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  version: Generated<number>;
}

export interface SessionTable {
  token_hash: string; // sha-256 of the cookie's token
  account_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  account_id: number | null;
  actor: string;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  province_id: number | null;
  before: string | null; // JSON
  after: string | null; // JSON
  note: string | null;
  ip: string | null;
}

export interface SignInLockoutTable {
  username: string; // lower-case, as typed at sign-in (an account need not exist)
  failures: number;
  first_failure_at: string;
  last_failure_at: string;
  locked_until: string | null;
}

/** One row (id 1) once anything changed: moved by triggers (migration 2026-11-24T0130-access-epoch). */
export interface AccessEpochTable {
  id: number;
  n: number;
}

export interface AccessDatabase {
  access_epoch: AccessEpochTable;
  account: AccountTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  sign_in_lockout: SignInLockoutTable;
}
