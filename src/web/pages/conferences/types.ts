// The API's answers as the conference and follow-up pages read them, taken from the server's own
// types (type-only imports, erased from the bundle) so that the pages and the API cannot drift apart.
import type { ConferenceDetail as Detail, ConferenceSummary, regionConferences } from '../../../conferences/views.ts';
import type { PeriodFigures } from '../../../conferences/figures.ts';
import type { difficultySummary } from '../../../conferences/difficultyStore.ts';
import type { RecommendationView, consolidated, recommendationDetail } from '../../../followup/recommendations/views.ts';
import type { TaskView, conferenceTasks, followUpBoard } from '../../../followup/tasks/views.ts';
import type { Page } from '../../../conferences/paging.ts';

export type { ConferenceSummary, RecommendationView, TaskView, PeriodFigures };

export type ConferenceDetail = Detail & { figures?: PeriodFigures[] };
export type RegionRotation = Awaited<ReturnType<typeof regionConferences>>;
export type ConferenceList = { conferences: ConferenceSummary[] } & Omit<Page<unknown>, 'items'>;
export type RecommendationList = Awaited<ReturnType<typeof consolidated>>;
export type RecommendationFigures = RecommendationList['figures'];
export type RecommendationDetail = Awaited<ReturnType<typeof recommendationDetail>>;
export type TaskDetail = TaskView;
export type ConferenceTasks = Awaited<ReturnType<typeof conferenceTasks>>;
export type Board = Awaited<ReturnType<typeof followUpBoard>>;
export type DifficultySummary = Awaited<ReturnType<typeof difficultySummary>>;

export interface FollowUpSummary {
  conference: string;
  task_groups_stated: number | null;
  tasks: Board['totals'];
  by_group: Board['by_group'];
  recommendations: RecommendationFigures;
}

type Label = { vi: string; en: string };
export interface Vocabulary {
  fields: Record<string, Label>;
  difficulty_kinds: Record<string, Label>;
  recommendation_statuses: Record<string, Label>;
  close_reasons: Record<string, Label>;
  assignment_states: Record<string, Label>;
  task_statuses: Record<string, Label>;
  coordinating_units: string[];
  upload_max_bytes: number;
}

export interface MinistryUnit {
  id: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
}
