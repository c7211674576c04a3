// Table shapes of the follow-up capability, merged into the store's Database type in db/schema.ts.
import type { Generated } from 'kysely';

export interface RecommendationTable {
  id: Generated<number>;
  conference_id: number | null;
  region_id: number | null;
  province_unit_id: number | null;
  via: string; // province | session
  field: string;
  title: string;
  body: string; // sanitised rich text
  status: string;
  submitted_at: string;
  submitted_by: string;
  closed_at: string | null;
  close_reason: string | null;
  close_note: string | null;
  published: Generated<number>;
  origin: string;
  source: string | null;
  updated_at: string;
  version: Generated<number>;
}

export interface RecommendationAssignmentTable {
  id: Generated<number>;
  recommendation_id: number;
  ministry_unit_id: number;
  role: string; // lead | support
  due_on: string;
  assigned_at: string;
  assigned_by: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

export interface RecommendationEventTable {
  id: Generated<number>;
  recommendation_id: number;
  at: string;
  actor: string;
  action: string;
  note: string | null;
}

export interface TaskGroupTable {
  id: Generated<number>;
  conference_id: number;
  position: number;
  title: string;
  field: string | null;
  note: string | null;
  origin: string;
  source: string | null;
}

export interface TaskTable {
  id: Generated<number>;
  group_id: number;
  position: number;
  title: string;
  body: string | null;
  field: string | null;
  legal_basis: string; // JSON string[]
  starts_on: string | null;
  due_on: string | null;
  due_note: string | null;
  all_region_members: Generated<number>;
  responsible_note: string | null;
  origin: string;
  source: string | null;
  created_at: string;
}

export interface TaskPartyTable {
  id: Generated<number>;
  task_id: number;
  kind: string; // province | ministry_unit
  unit_id: number | null;
  ministry_unit_id: number | null;
  role: string; // lead | support
}

export interface ProgressReportTable {
  id: Generated<number>;
  task_id: number;
  kind: string;
  unit_id: number | null;
  ministry_unit_id: number | null;
  percent: number;
  narrative: string;
  reported_on: string;
  reported_at: string;
  reported_by: string;
}

export interface FollowupDatabase {
  recommendation: RecommendationTable;
  recommendation_assignment: RecommendationAssignmentTable;
  recommendation_event: RecommendationEventTable;
  task_group: TaskGroupTable;
  task: TaskTable;
  task_party: TaskPartyTable;
  progress_report: ProgressReportTable;
}
