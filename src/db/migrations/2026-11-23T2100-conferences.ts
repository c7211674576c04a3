// Regional conferences: the conference, who hosted and attended, its agenda and documents, the handover
// of the rotating flag, uploaded files (shared with follow-up), and the difficulties provinces record.
// Facts loaded from articles keep their source (document id + quote) in a JSON `sources` column.
import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('conference'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('region_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('ordinal', 'integer') // as the organiser numbers it, even when inconsistent
    .addColumn('year', 'integer', notNull)
    .addColumn('title_vi', 'text')
    .addColumn('title_en', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('host_unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('venue', 'text')
    .addColumn('chair', 'text')
    .addColumn('organisers', 'text')
    .addColumn('review_periods', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', notNull)
    .addColumn('summary_vi', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('attendance_note', 'text')
    .addColumn('trade_fair', 'text')
    .addColumn('task_groups_stated', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('origin', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('conference_region').on('conference').columns(['region_id', 'year']).execute();

  await withId(db, db.schema.createTable('conference_party'))
    .addColumn('conference_id', 'integer', (c) => c.notNull().references('conference.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('ministry_unit_id', 'integer', (c) => c.references('ministry_unit.id'))
    .addColumn('role', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .execute();
  await db.schema.createIndex('conference_party_conf').on('conference_party').column('conference_id').execute();

  await withId(db, db.schema.createTable('conference_agenda_item'))
    .addColumn('conference_id', 'integer', (c) => c.notNull().references('conference.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('time_text', 'text')
    .addColumn('title', 'text', notNull)
    .addColumn('presenter', 'text')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', notNull)
    .addColumn('owner_id', 'integer', notNull)
    .addColumn('file_name', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('storage_key', 'text', notNull)
    .addColumn('uploaded_by', 'text', notNull)
    .addColumn('uploaded_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('attachment_owner').on('attachment').columns(['owner_kind', 'owner_id']).execute();

  await withId(db, db.schema.createTable('conference_document'))
    .addColumn('conference_id', 'integer', (c) => c.notNull().references('conference.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('attachment_id', 'text', (c) => c.references('attachment.id'))
    .addColumn('document_id', 'text') // a source document (article) already in `document`
    .addColumn('url', 'text')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('handover'))
    .addColumn('conference_id', 'integer', (c) => c.notNull().references('conference.id').onDelete('cascade'))
    .addColumn('from_unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('for_ordinal', 'integer')
    .addColumn('for_year', 'integer')
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .execute();

  await withId(db, db.schema.createTable('difficulty'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id')) // a province, or a region for a conference's own finding
    .addColumn('region_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('conference_id', 'integer', (c) => c.references('conference.id').onDelete('set null'))
    .addColumn('period', 'text')
    .addColumn('period_key', 'integer')
    .addColumn('field', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('origin', 'text', notNull)
    .addColumn('source', 'text')
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('difficulty_region').on('difficulty').columns(['region_id', 'period_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['difficulty', 'handover', 'conference_document', 'attachment', 'conference_agenda_item', 'conference_party', 'conference']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
