// The reporting core: units with history, regions, ministry units, indicators with disaggregations,
// values with revision history, and the rollups that keep regional answers fast.
import type { Kysely } from 'kysely';
import { clustered, notNull, withId } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('unit'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text')
    .addColumn('level', 'text', notNull)
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('short_vi', 'text', notNull)
    .addColumn('short_en', 'text', notNull)
    .addColumn('parent_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('valid_from', 'text', notNull)
    .addColumn('valid_to', 'text')
    .addColumn('unidentified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('unit_code').on('unit').columns(['code', 'valid_from']).execute();
  await db.schema.createIndex('unit_parent').on('unit').column('parent_id').execute();

  await db.schema
    .createTable('unit_succession')
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('effective_date', 'text', notNull)
    .addPrimaryKeyConstraint('unit_succession_pk', ['predecessor_id', 'successor_id'])
    .execute();

  await db.schema
    .createTable('region_membership')
    .addColumn('region_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('valid_from', 'text', notNull)
    .addColumn('valid_to', 'text')
    .addPrimaryKeyConstraint('region_membership_pk', ['region_id', 'unit_id', 'valid_from'])
    .execute();

  await withId(db, db.schema.createTable('ministry_unit'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', notNull)
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('short_vi', 'text', notNull)
    .addColumn('short_en', 'text', notNull)
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();

  await withId(db, db.schema.createTable('indicator'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('short_vi', 'text', notNull)
    .addColumn('short_en', 'text', notNull)
    .addColumn('base_unit', 'text', notNull)
    .addColumn('decimals', 'integer', notNull)
    .addColumn('nature', 'text', notNull)
    .addColumn('aggregation', 'text', notNull)
    .addColumn('formula', 'text')
    .addColumn('field', 'text')
    .addColumn('definition_vi', 'text')
    .addColumn('definition_en', 'text')
    .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await withId(db, db.schema.createTable('dimension'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .execute();
  await withId(db, db.schema.createTable('dimension_option'))
    .addColumn('dimension_id', 'integer', (c) => c.notNull().references('dimension.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addUniqueConstraint('dimension_option_code', ['dimension_id', 'code'])
    .execute();
  await withId(db, db.schema.createTable('breakdown'))
    .addColumn('signature', 'text', (c) => c.notNull().unique())
    .execute();
  await db.insertInto('breakdown').values({ id: 0, signature: '' }).execute();
  await db.schema
    .createTable('breakdown_option')
    .addColumn('breakdown_id', 'integer', (c) => c.notNull().references('breakdown.id'))
    .addColumn('option_id', 'integer', (c) => c.notNull().references('dimension_option.id'))
    .addPrimaryKeyConstraint('breakdown_option_pk', ['breakdown_id', 'option_id'])
    .execute();

  await db.schema
    .createTable('unit_weight')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('base_year', 'integer', notNull)
    .addColumn('weight', 'double precision', notNull)
    .addPrimaryKeyConstraint('unit_weight_pk', ['unit_id', 'indicator_id'])
    .execute();

  // Source documents that figures trace to (articles, provincial reports, uploads).
  await db.schema
    .createTable('document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text')
    .addColumn('publisher', 'text')
    .addColumn('published_on', 'text')
    .addColumn('place', 'text')
    .addColumn('url', 'text')
    .addColumn('summary_vi', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('kind', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('unmapped', 'text', (c) => c.notNull().defaultTo('[]')) // figures the catalogue cannot hold
    .execute();

  await withId(db, db.schema.createTable('change_set'))
    .addColumn('at', 'text', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('source_document', 'text')
    .addColumn('source_quote', 'text')
    .addColumn('note', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Values are clustered by period first: a period's figures for all indicators and units are
  // neighbours, which is what both the bulk loads (period by period) and the regional queries read.
  await clustered(db, valueColumns(db.schema.createTable('value')))
    .addPrimaryKeyConstraint('value_pk', ['period', 'indicator_id', 'breakdown_id', 'unit_id', 'measure'])
    .execute();

  await valueColumns(withId(db, db.schema.createTable('value_history')))
    .addColumn('superseded_by', 'integer', notNull)
    .execute();
  await db.schema
    .createIndex('value_history_key')
    .on('value_history')
    .columns(['indicator_id', 'unit_id', 'period', 'breakdown_id', 'measure'])
    .execute();

  await clustered(
    db,
    db.schema
      .createTable('rollup')
      .addColumn('period', 'integer', notNull)
      .addColumn('indicator_id', 'integer', notNull)
      .addColumn('breakdown_id', 'integer', notNull)
      .addColumn('measure', 'integer', notNull)
      .addColumn('region_id', 'integer', notNull)
      .addColumn('n', 'integer', notNull)
      .addColumn('n_estimate', 'integer', notNull)
      .addColumn('total_micro', 'bigint', notNull)
      .addColumn('nw', 'integer', notNull)
      .addColumn('wsum', 'double precision', notNull)
      .addColumn('wtotal', 'double precision', notNull),
  )
    // Breakdown before indicator: a regional pivot reads one period's totals (breakdown 0) with one seek,
    // never walking the period's many commodity × market rollups.
    .addPrimaryKeyConstraint('rollup_pk', ['period', 'breakdown_id', 'measure', 'indicator_id', 'region_id'])
    .execute();
}

function valueColumns<T extends string>(t: ReturnType<Kysely<any>['schema']['createTable']>) {
  return t
    .addColumn('period', 'integer', notNull)
    .addColumn('indicator_id', 'integer', notNull)
    .addColumn('breakdown_id', 'integer', notNull)
    .addColumn('unit_id', 'integer', notNull)
    .addColumn('measure', 'integer', notNull)
    .addColumn('value', 'double precision')
    .addColumn('status', 'integer', notNull)
    .addColumn('growth_pct', 'double precision')
    .addColumn('pct_of_plan', 'double precision')
    .addColumn('qualifier', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', notNull)
    .addColumn('change_set_id', 'integer', notNull);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rollup', 'value_history', 'value', 'change_set', 'document', 'unit_weight', 'breakdown_option',
    'breakdown', 'dimension_option', 'dimension', 'indicator', 'ministry_unit', 'region_membership',
    'unit_succession', 'unit']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
