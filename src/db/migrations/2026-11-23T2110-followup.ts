// Follow-up of conferences: localities' recommendations (kiến nghị) with their assignment to ministry
// units, answers and an audit trail; the conclusions' groups of tasks, who is responsible and their
// progress reports.
import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('recommendation'))
    .addColumn('conference_id', 'integer', (c) => c.references('conference.id').onDelete('set null'))
    .addColumn('region_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('province_unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('via', 'text', notNull) // province | session
    .addColumn('field', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('submitted_at', 'text', notNull)
    .addColumn('submitted_by', 'text', notNull)
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('close_note', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', notNull)
    .addColumn('source', 'text')
    .addColumn('updated_at', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('recommendation_conf').on('recommendation').columns(['conference_id', 'status']).execute();
  await db.schema.createIndex('recommendation_region').on('recommendation').columns(['region_id', 'status']).execute();

  await withId(db, db.schema.createTable('recommendation_assignment'))
    .addColumn('recommendation_id', 'integer', (c) => c.notNull().references('recommendation.id').onDelete('cascade'))
    .addColumn('ministry_unit_id', 'integer', (c) => c.notNull().references('ministry_unit.id'))
    .addColumn('role', 'text', notNull) // lead | support
    .addColumn('due_on', 'text', notNull)
    .addColumn('assigned_at', 'text', notNull)
    .addColumn('assigned_by', 'text', notNull)
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addUniqueConstraint('recommendation_assignment_unit', ['recommendation_id', 'ministry_unit_id'])
    .execute();
  await db.schema.createIndex('assignment_unit').on('recommendation_assignment').columns(['ministry_unit_id', 'due_on']).execute();

  await withId(db, db.schema.createTable('recommendation_event'))
    .addColumn('recommendation_id', 'integer', (c) => c.notNull().references('recommendation.id').onDelete('cascade'))
    .addColumn('at', 'text', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('note', 'text')
    .execute();

  await withId(db, db.schema.createTable('task_group'))
    .addColumn('conference_id', 'integer', (c) => c.notNull().references('conference.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('field', 'text')
    .addColumn('note', 'text')
    .addColumn('origin', 'text', notNull)
    .addColumn('source', 'text')
    .execute();

  await withId(db, db.schema.createTable('task'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('task_group.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text')
    .addColumn('field', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('due_note', 'text')
    .addColumn('all_region_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('responsible_note', 'text')
    .addColumn('origin', 'text', notNull)
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('task_party'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull) // province | ministry_unit
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('ministry_unit_id', 'integer', (c) => c.references('ministry_unit.id'))
    .addColumn('role', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('progress_report'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('ministry_unit_id', 'integer', (c) => c.references('ministry_unit.id'))
    .addColumn('percent', 'double precision', notNull)
    .addColumn('narrative', 'text', notNull)
    .addColumn('reported_on', 'text', notNull)
    .addColumn('reported_at', 'text', notNull)
    .addColumn('reported_by', 'text', notNull)
    .execute();
  await db.schema.createIndex('progress_task').on('progress_report').columns(['task_id', 'reported_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['progress_report', 'task_party', 'task', 'task_group', 'recommendation_event', 'recommendation_assignment', 'recommendation']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
