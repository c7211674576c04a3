// A counter that moves whenever a session or an account changes in a way that could end or narrow a
// session: a session deleted (sign-out, rotation, expiry, an account's sessions ended), its expiry,
// token or account changed or its last-seen time moved back; an account's role, scope, status, name or
// password changed, or the account deleted. Triggers keep it, whoever writes (this server, the CLI, a
// second server, SQL by hand), so the sessions kept in memory (src/access/sessionCache.ts) are exact:
// a request reads the counter and trusts a kept session only if it has not moved since it was read.
// Moving last_seen_at forward (the idle-timeout touch) and new sessions do not move it. The table has
// no row until the first change (a restore needs empty tables).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

const SESSION_CHANGED = (o: string, n: string) =>
  `${n}.last_seen_at < ${o}.last_seen_at OR ${n}.expires_at <> ${o}.expires_at OR ${n}.csrf_token <> ${o}.csrf_token ` +
  `OR ${n}.account_id <> ${o}.account_id OR ${n}.token_hash <> ${o}.token_hash`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('access_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  const bump = 'INSERT INTO access_epoch (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = access_epoch.n + 1';
  if (isPostgres(db)) {
    const distinct = (c: string) => `NEW.${c} IS DISTINCT FROM OLD.${c}`;
    await sql.raw(`CREATE FUNCTION access_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`).execute(db);
    for (const t of ['session', 'account']) {
      await sql.raw(`CREATE TRIGGER access_epoch_${t}_delete AFTER DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION access_epoch_bump()`).execute(db);
    }
    await sql.raw(`CREATE TRIGGER access_epoch_session_update AFTER UPDATE ON session FOR EACH ROW WHEN (${SESSION_CHANGED('OLD', 'NEW')}) EXECUTE FUNCTION access_epoch_bump()`).execute(db);
    await sql.raw(`CREATE TRIGGER access_epoch_account_update AFTER UPDATE ON account FOR EACH ROW WHEN (${
      ['username', 'display_name', 'password_hash', 'role', 'province_id', 'ministry_unit_id', 'active', 'id'].map(distinct).join(' OR ')
    }) EXECUTE FUNCTION access_epoch_bump()`).execute(db);
    return;
  }
  const distinct = (c: string) => `NEW.${c} IS NOT OLD.${c}`;
  for (const t of ['session', 'account']) {
    await sql.raw(`CREATE TRIGGER access_epoch_${t}_delete AFTER DELETE ON ${t} BEGIN ${bump}; END`).execute(db);
  }
  await sql.raw(`CREATE TRIGGER access_epoch_session_update AFTER UPDATE ON session WHEN ${SESSION_CHANGED('OLD', 'NEW')} BEGIN ${bump}; END`).execute(db);
  await sql.raw(`CREATE TRIGGER access_epoch_account_update AFTER UPDATE ON account WHEN ${
    ['username', 'display_name', 'password_hash', 'role', 'province_id', 'ministry_unit_id', 'active', 'id'].map(distinct).join(' OR ')
  } BEGIN ${bump}; END`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['session', 'account']) {
    for (const k of ['delete', 'update']) await sql.raw(`DROP TRIGGER IF EXISTS access_epoch_${t}_${k}${isPostgres(db) ? ` ON ${t}` : ''}`).execute(db);
  }
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS access_epoch_bump()`.execute(db);
  await db.schema.dropTable('access_epoch').execute();
}
