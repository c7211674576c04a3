// Data sets, the reporting calendar and provinces' submissions (issue 4). Figures a province enters
// live in submission_entry until approval writes them into `value`: what is in `value` is published.
import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('dataset'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('periodicity', 'text', notNull) // month | quarter | half | year
    .addColumn('regime', 'text', notNull) // decree09 | statistics | custom
    .addColumn('cutoff_day', 'integer', notNull)
    .addColumn('working_days_after', 'integer', notNull)
    .addColumn('ministry_unit_id', 'integer', (c) => c.references('ministry_unit.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema.createTable('dataset_item')
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('dataset.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('breakdown_id', 'integer', notNull)
    .addColumn('basis', 'text', notNull) // period | ytd
    .addColumn('required', 'integer', notNull)
    .addColumn('with_plan', 'integer', notNull)
    .addColumn('integer_only', 'integer', notNull)
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('growth_band', 'double precision')
    .addPrimaryKeyConstraint('dataset_item_pk', ['dataset_id', 'position'])
    .execute();

  await db.schema.createTable('holiday')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .execute();

  await db.schema.createTable('reporting_period')
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('dataset.id').onDelete('cascade'))
    .addColumn('period', 'integer', notNull)
    .addColumn('window_from', 'text', notNull)
    .addColumn('window_to', 'text', notNull)
    .addColumn('deadline', 'text', notNull)
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('reporting_period_pk', ['dataset_id', 'period'])
    .execute();

  await withId(db, db.schema.createTable('submission'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('dataset.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('period', 'integer', notNull)
    .addColumn('status', 'text', notNull) // draft | submitted | returned | approved
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('correction_reason', 'text')
    .addColumn('first_submitted_at', 'text')
    .addUniqueConstraint('submission_key', ['dataset_id', 'unit_id', 'period'])
    .execute();
  await db.schema.createIndex('submission_period').on('submission').columns(['dataset_id', 'period', 'status']).execute();

  await db.schema.createTable('submission_entry')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submission.id').onDelete('cascade'))
    .addColumn('indicator_id', 'integer', notNull)
    .addColumn('breakdown_id', 'integer', notNull)
    .addColumn('period', 'integer', notNull)
    .addColumn('measure', 'integer', notNull)
    .addColumn('value', 'double precision')
    .addColumn('comment', 'text')
    .addColumn('version', 'integer', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('updated_by', 'text', notNull)
    .addPrimaryKeyConstraint('submission_entry_pk', ['submission_id', 'indicator_id', 'breakdown_id', 'period', 'measure'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['submission_entry', 'submission', 'reporting_period', 'holiday', 'dataset_item', 'dataset']) {
    await db.schema.dropTable(t).execute();
  }
}
