// PostgreSQL: `ct_refuse(message)` raises an error with SQLSTATE CT409 ("refused: the state moved"),
// so that a single statement that checks its own preconditions (a save written at once, see
// collection/submissions/submissionStore.ts) can abort itself by name instead of by an arithmetic
// trick. SQLite has no such statements and needs nothing.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql.raw(`CREATE FUNCTION ct_refuse(message text) RETURNS integer LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION USING ERRCODE = 'CT409', MESSAGE = message; END $$`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql.raw('DROP FUNCTION IF EXISTS ct_refuse(text)').execute(db);
}
