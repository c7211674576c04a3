// What a conference report needs beyond the figures, in one read: the conference, the region's
// difficulties for the period grouped by field, the conclusions' tasks with their progress, and the
// recommendations with their answers and figures. Consumed by src/reports.
import type { Db } from '../db/database.ts';
import type { Lang } from '../shared/format.ts';
import { parsePeriod, periodCode } from '../periods/period.ts';
import { UserError } from '../server/errors.ts';
import { lookup } from '../conferences/lookup.ts';
import { findConference, listConferenceRows } from '../conferences/store.ts';
import { conferenceDetail, type ConferenceDetail } from '../conferences/views.ts';
import { listDifficulties } from '../conferences/difficultyStore.ts';
import { groupDifficulties, type DifficultyGroup } from '../conferences/difficulties.ts';
import { parseJson } from '../conferences/sources.ts';
import { vietnamToday } from './dates.ts';
import { consolidated, type RecommendationView } from './recommendations/views.ts';
import { conferenceTasks, type TaskView } from './tasks/views.ts';
import { board } from './tasks/board.ts';
import type { TaskStatus } from './tasks/progress.ts';
import type { RecommendationScope } from './policy.ts';
import type { DifficultyScope } from '../conferences/roles.ts';

export interface ConferenceContextQuery {
  /** A conference id or slug; or else a region and a period, which finds the conference reviewing it. */
  conferenceId?: number | string;
  region?: string;
  period?: string; // any way a period is written: 9T/2024, "9 tháng đầu năm 2024"
  lang?: Lang;
  today?: string;
  /** Only what the public may read: published recommendations, difficulties from published sources. */
  publicOnly?: boolean;
  /** Whose reading, when it is neither everything nor the public's (policy.ts, roles.ts). */
  recommendationScope?: RecommendationScope;
  difficultyScope?: DifficultyScope;
}

export interface ConferenceContext {
  region: string;
  period: string | null;
  conference: ConferenceDetail | null;
  difficulties: { total: number; groups: DifficultyGroup[] };
  tasks: {
    groupsStated: number | null;
    groups: { id: number; title: string; field: string | null; source: unknown; tasks: TaskView[] }[];
    totals: Record<TaskStatus, number> & { total: number };
  };
  recommendations: { items: RecommendationView[]; figures: Awaited<ReturnType<typeof consolidated>>['figures'] };
  today: string;
}

export async function conferenceContext(db: Db, q: ConferenceContextQuery): Promise<ConferenceContext> {
  const lang = q.lang ?? 'vi';
  const today = q.today ?? vietnamToday();
  const l = await lookup(db);
  const period = q.period ? parsePeriod(q.period) : null;
  if (q.period && !period) throw new UserError(422, 'invalid_period', `Kỳ không đọc được: "${q.period}".`, `Unreadable period: "${q.period}".`);
  let conf = q.conferenceId !== undefined ? await findConference(db, q.conferenceId) : undefined;
  if (q.conferenceId !== undefined && !conf) throw new UserError(404, 'not_found', `Không tìm thấy hội nghị "${q.conferenceId}".`, `Conference "${q.conferenceId}" not found.`);
  if (!conf) {
    if (!q.region) throw new UserError(422, 'region_required', 'Cần hội nghị, hoặc vùng và kỳ.', 'A conference, or a region and a period, is required.');
    const r = l.ref.unitsBySlug.get(q.region);
    if (!r || r.level !== 'region') throw new UserError(404, 'not_found', `Không có vùng "${q.region}".`, `No region "${q.region}".`);
    const code = period ? periodCode(period) : null;
    const rows = (await listConferenceRows(db, { regionId: r.id })).reverse();
    conf = (code && rows.find((c) => parseJson<string[]>(c.review_periods, []).includes(code)))
      || (period ? rows.find((c) => c.year === period.year) : undefined);
  }
  const detail = conf ? await conferenceDetail(db, conf.id, lang) : null;
  const region = detail?.region ?? q.region!;
  const periodText = period ? periodCode(period) : detail?.review_periods.at(-1) ?? null;

  const dScope: DifficultyScope = q.difficultyScope ?? (q.publicOnly ? { kind: 'public' } : { kind: 'all' });
  const rScope: RecommendationScope = q.recommendationScope ?? (q.publicOnly ? { kind: 'published' } : { kind: 'all' });
  const byRegion = await listDifficulties(db, { region, period: periodText ?? undefined, scope: dScope }, lang);
  const byConf = conf ? await listDifficulties(db, { conference: conf.id, scope: dScope }, lang) : [];
  const all = [...new Map([...byRegion, ...byConf].map((d) => [d.id, d])).values()];
  const difficulties: ConferenceContext['difficulties'] = {
    total: all.length,
    groups: groupDifficulties(all.map((d) => ({ id: d.id, unit: d.unit, unitName: d.unit_name, field: d.field, kind: d.kind, text: d.text, period: d.period })), lang),
  };

  const taskData = conf ? await conferenceTasks(db, conf.id, lang) : null;
  const allTasks: TaskView[] = taskData ? taskData.groups.flatMap((g) => g.tasks) : [];
  const b = board(allTasks.map((t) => ({ id: t.id, region: t.region, conference: t.conference.slug, group: { id: t.group.id, title: t.group.title }, status: t.status as TaskStatus, parties: [] })));

  const recs = conf
    ? await consolidated(db, { conference: String(conf.id), scope: rScope }, { lang, today })
    : await consolidated(db, { region, year: period?.year, scope: rScope }, { lang, today });

  return {
    region, period: periodText, conference: detail, difficulties,
    tasks: {
      groupsStated: taskData?.groups_stated ?? null,
      groups: (taskData?.groups ?? []).map((g) => ({ id: g.id, title: g.title, field: g.field, source: g.source, tasks: g.tasks })),
      totals: b.totals,
    },
    recommendations: { items: recs.items, figures: recs.figures },
    today,
  };
}
