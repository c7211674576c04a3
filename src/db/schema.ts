// Table shapes as Kysely sees them. Each capability's migration adds its tables here too.
import type { ColumnType, Generated } from 'kysely';
import type { ConferencesDatabase } from '../conferences/schema.ts';
import type { FollowupDatabase } from '../followup/schema.ts';
import type { AccessDatabase } from '../access/schema.ts';
import type { CollectionWorkflowDatabase } from '../collection/workflowSchema.ts';
import type { GeoDatabase } from '../catalogue/geo/schema.ts';

/** Units of every level: the country, regions, provinces and cities (tỉnh, thành phố), communes (xã, phường). */
export interface UnitTable {
  id: Generated<number>;
  slug: string;
  code: string | null;
  level: 'country' | 'region' | 'province' | 'commune';
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
  unidentified: number;
  aliases: string; // JSON array of names the press uses
  note: string | null;
  meta: Generated<string>; // JSON: labels used in text (regions), flags
}

export interface UnitSuccessionTable {
  predecessor_id: number;
  successor_id: number;
  effective_date: string;
}

export interface RegionMembershipTable {
  region_id: number;
  unit_id: number;
  valid_from: string;
  valid_to: string | null;
}

/** Ministry units (Cục, Vụ) that answer recommendations and own tasks. */
export interface MinistryUnitTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  base_unit: string;
  decimals: number;
  nature: 'flow' | 'stock' | 'index';
  aggregation: 'sum' | 'weighted_index' | 'derived' | 'none';
  formula: string | null;
  field: string | null;
  definition_vi: string | null;
  definition_en: string | null;
  meta: string; // JSON: unit ladder, dimensions, weight source
}

export interface DimensionTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
}

export interface DimensionOptionTable {
  id: Generated<number>;
  dimension_id: number;
  code: string;
  name_vi: string;
  name_en: string;
}

/** A combination of dimension options (commodity group × partner market ...); id 0 is the total. */
export interface BreakdownTable {
  id: Generated<number>;
  signature: string;
}

export interface BreakdownOptionTable {
  breakdown_id: number;
  option_id: number;
}

/** Aggregation weights, e.g. a province's industrial value added in the base year for the IIP. */
export interface UnitWeightTable {
  unit_id: number;
  indicator_id: number;
  base_year: number;
  weight: number;
}

/** A source document figures trace to: an article, a provincial report, an upload. */
export interface DocumentTable {
  id: string;
  title: string | null;
  publisher: string | null;
  published_on: string | null;
  place: string | null;
  url: string | null;
  summary_vi: string | null;
  summary_en: string | null;
  kind: string;
  created_at: string;
  unmapped: Generated<string>; // JSON: figures the catalogue cannot hold, with label and quote
}

/** Who wrote what, when and from which source: every write to values belongs to one change set. */
export interface ChangeSetTable {
  id: Generated<number>;
  at: string;
  actor: string;
  kind: string;
  source_document: string | null;
  source_quote: string | null;
  note: string | null;
  rows: number;
}

/** Current values. measure 0 = actual (status estimate 0 / official 1), 1 = plan (status 2). */
export interface ValueTable {
  period: number;
  indicator_id: number;
  breakdown_id: number;
  unit_id: number;
  measure: number;
  value: number | null;
  status: number;
  growth_pct: number | null;
  pct_of_plan: number | null;
  qualifier: string | null;
  note: string | null;
  version: number;
  change_set_id: number;
}

/** Every superseded or deleted revision, append-only. */
export interface ValueHistoryTable extends ValueTable {
  id: Generated<number>;
  superseded_by: number;
}

/** Region sums kept current on every write, so regional queries never scan raw values. */
export interface RollupTable {
  period: number;
  indicator_id: number;
  breakdown_id: number;
  measure: number;
  region_id: number;
  n: number;
  n_estimate: number;
  total_micro: number; // Σ value in millionths of the base unit: integer sums stay exact under revisions
  nw: number;
  wsum: number;
  wtotal: number;
}

export interface Database {
  unit: UnitTable;
  unit_succession: UnitSuccessionTable;
  region_membership: RegionMembershipTable;
  ministry_unit: MinistryUnitTable;
  indicator: IndicatorTable;
  dimension: DimensionTable;
  dimension_option: DimensionOptionTable;
  breakdown: BreakdownTable;
  breakdown_option: BreakdownOptionTable;
  unit_weight: UnitWeightTable;
  document: DocumentTable;
  change_set: ChangeSetTable;
  value: ValueTable;
  value_history: ValueHistoryTable;
  rollup: RollupTable;
}

export type JsonText = ColumnType<string, string, string>;
// Capabilities' tables, merged by declaration: each capability keeps its table shapes in its own folder.
export interface Database extends ConferencesDatabase, FollowupDatabase {}
export interface Database extends GeoDatabase {}
export interface Database extends AccessDatabase, CollectionWorkflowDatabase {}
