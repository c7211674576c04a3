// Map boundaries imported per geography (63 provinces until 30 June 2025, 34 from 1 July 2025), and
// the log of imports with their matching reports. The tile-grid layouts ship as files, not rows.
import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('geo_import'))
    .addColumn('geography', 'text', notNull)
    .addColumn('at', 'text', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('source', 'text')
    .addColumn('report', 'text', notNull)
    .execute();
  await db.schema
    .createTable('geo_boundary')
    .addColumn('geography', 'text', notNull)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('geometry', 'text', notNull)
    .addColumn('import_id', 'integer', (c) => c.notNull().references('geo_import.id'))
    .addPrimaryKeyConstraint('geo_boundary_pk', ['geography', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('geo_boundary').execute();
  await db.schema.dropTable('geo_import').execute();
}
