// Answers kept in memory (src/analytics/answerCache.ts, src/server/answerResponses.ts) read more than the
// rollups: values (a region's own published figures, series of provinces, the latest period), the
// catalogue (units, successions, memberships, indicators, weights) and the map's boundaries. On
// PostgreSQL, a write to any of them by another process — a CLI import, a catalogue load, a second
// server — now sends the same notification as a rollup change, at its commit, so every server drops what
// it kept. One notification per statement (and PostgreSQL folds identical ones within a transaction).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

export const ANSWER_INPUT_TABLES = [
  'value', 'unit', 'unit_succession', 'region_membership', 'indicator', 'unit_weight', 'geo_boundary', 'geo_import',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // The function of 2026-11-23T2240-rollup-change-notify: NOTIFY rollup_changed, payload the schema.
  for (const t of ANSWER_INPUT_TABLES) {
    await sql`CREATE TRIGGER answer_inputs_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(t)}
      FOR EACH STATEMENT EXECUTE FUNCTION rollup_changed()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const t of ANSWER_INPUT_TABLES) await sql`DROP TRIGGER IF EXISTS answer_inputs_changed ON ${sql.table(t)}`.execute(db);
}
