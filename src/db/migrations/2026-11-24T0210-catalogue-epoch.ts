// A counter that moves whenever the catalogue the servers keep in memory changes (units, successions,
// regions' memberships, indicators, weights: src/catalogue/reference.ts), whoever writes — this server,
// a `congthuong catalogue load` beside it, a second server. A server compares it with the value it read
// when it loaded its catalogue and reloads when it moved. SQLite: triggers bump the row, read per call
// (microseconds). PostgreSQL: statement triggers bump it and NOTIFY catalogue_changed (payload: the
// schema), so a server learns of it without a query per request. The table starts empty (restores).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

export const CATALOGUE_TABLES = ['unit', 'unit_succession', 'region_membership', 'indicator', 'unit_weight'] as const;
const BUMP = 'INSERT INTO catalogue_epoch (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = catalogue_epoch.n + 1';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('catalogue_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  if (isPostgres(db)) {
    await sql.raw(`CREATE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${BUMP}; PERFORM pg_notify('catalogue_changed', TG_TABLE_SCHEMA); RETURN NULL; END $$`).execute(db);
    for (const t of CATALOGUE_TABLES) {
      await sql.raw(`CREATE TRIGGER catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()`).execute(db);
    }
    return;
  }
  for (const t of CATALOGUE_TABLES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER catalogue_changed_${t}_${op.toLowerCase()} AFTER ${op} ON ${t} BEGIN ${BUMP}; END`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const t of CATALOGUE_TABLES) await sql.raw(`DROP TRIGGER IF EXISTS catalogue_changed ON ${t}`).execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS catalogue_changed()').execute(db);
  } else {
    for (const t of CATALOGUE_TABLES) for (const op of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS catalogue_changed_${t}_${op}`).execute(db);
  }
  await db.schema.dropTable('catalogue_epoch').execute();
}
