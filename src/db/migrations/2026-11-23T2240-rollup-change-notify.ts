// PostgreSQL tells every server process when rollups change (NOTIFY, delivered at commit), so answers
// cached in memory (src/analytics/answerCache.ts) are dropped even when another process — a CLI import,
// a second server — wrote. One notification per statement, with the schema as payload (several stores
// may share a database). SQLite needs nothing: its connection reports changes itself (data_version).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE OR REPLACE FUNCTION rollup_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('rollup_changed', TG_TABLE_SCHEMA); RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER rollup_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rollup
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP TRIGGER IF EXISTS rollup_changed ON rollup`.execute(db);
  await sql`DROP FUNCTION IF EXISTS rollup_changed()`.execute(db);
}
