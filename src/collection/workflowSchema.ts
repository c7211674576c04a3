// Table shapes of data sets, the reporting calendar and submissions, merged into db/schema.ts.
import type { Generated } from 'kysely';

export interface DatasetTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  periodicity: string; // month | quarter | half | year
  regime: string;
  cutoff_day: number;
  working_days_after: number;
  ministry_unit_id: number | null; // the ministry unit that reviews it, if any
  active: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface DatasetItemTable {
  dataset_id: number;
  position: number;
  indicator_id: number;
  breakdown_id: number;
  basis: string; // period | ytd
  required: number;
  with_plan: number;
  integer_only: number;
  min_value: number | null;
  max_value: number | null;
  growth_band: number | null; // percentage points around the unit's own history before a warning
}

export interface HolidayTable {
  day: string;
  name_vi: string;
  name_en: string;
}

export interface ReportingPeriodTable {
  dataset_id: number;
  period: number;
  window_from: string;
  window_to: string;
  deadline: string;
  note: string | null;
}

export interface SubmissionTable {
  id: Generated<number>;
  dataset_id: number;
  unit_id: number;
  period: number;
  status: string; // draft | submitted | returned | approved
  revision: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
  correction_reason: string | null;
  first_submitted_at: string | null;
}

export interface SubmissionEntryTable {
  submission_id: number;
  indicator_id: number;
  breakdown_id: number;
  period: number;
  measure: number; // 0 actual, 1 plan
  value: number | null;
  comment: string | null;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface CollectionWorkflowDatabase {
  dataset: DatasetTable;
  dataset_item: DatasetItemTable;
  holiday: HolidayTable;
  reporting_period: ReportingPeriodTable;
  submission: SubmissionTable;
  submission_entry: SubmissionEntryTable;
}
