// Follow-up API registration: recommendations and tasks share one scope with multipart uploads; the
// vocabulary the forms need; the conference page's follow-up summary; the reports' context.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { langParam } from '../server/params.ts';
import { actorOf, guardAudited, idParam, requireSignInForWrites } from '../conferences/http.ts';
import { coordinators, difficultyScope } from '../conferences/roles.ts';
import { recommendationScope } from './policy.ts';
import { FIELDS } from '../conferences/fields.ts';
import { DIFFICULTY_KINDS } from '../conferences/difficulties.ts';
import { storageFromConfig, type FileStorage } from '../conferences/attachments/store.ts';
import { registerMultipart } from '../conferences/attachments/http.ts';
import { ACCEPTED_TYPES } from '../conferences/attachments/files.ts';
import { requireConference } from '../conferences/store.ts';
import { recommendationRoutes } from './recommendationRoutes.ts';
import { taskRoutes } from './taskRoutes.ts';
import { CLOSE_REASON_LABELS, REC_STATUS_LABELS } from './recommendations/status.ts';
import { ASSIGNMENT_STATE_LABELS, DEFAULT_RULES } from './recommendations/deadlines.ts';
import { TASK_STATUS_LABELS, DEFAULT_PROGRESS_RULES } from './tasks/progress.ts';
import { consolidated } from './recommendations/views.ts';
import { followUpBoard } from './tasks/views.ts';
import { conferenceContext } from './context.ts';

export async function followupRoutes(app: FastifyInstance, ctx: RouteContext & { files?: FileStorage }): Promise<void> {
  const { db } = ctx;
  const storage = ctx.files ?? storageFromConfig();
  await app.register(async (scope) => {
    await registerMultipart(scope, storage);
    requireSignInForWrites(scope);
    guardAudited(scope);
    await recommendationRoutes(scope, db, storage);
    await taskRoutes(scope, db, storage);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['follow-up'];

    r.get('/follow-up/vocabulary', {
      schema: { tags, summary: 'Danh mục dùng trong biểu mẫu: lĩnh vực, trạng thái, loại tệp, quy tắc hạn / fields, statuses, file types, deadline rules' },
    }, async () => ({
      fields: FIELDS, difficulty_kinds: DIFFICULTY_KINDS, recommendation_statuses: REC_STATUS_LABELS, close_reasons: CLOSE_REASON_LABELS,
      coordinating_units: coordinators, assignment_states: ASSIGNMENT_STATE_LABELS, task_statuses: TASK_STATUS_LABELS, deadline_rules: DEFAULT_RULES, progress_rules: DEFAULT_PROGRESS_RULES,
      file_types: Object.values(ACCEPTED_TYPES).map((t) => ({ label: t.label, mime: t.mime, extensions: t.extensions })), upload_max_bytes: storage.maxBytes,
    }));

    r.get('/conferences/:id/follow-up', {
      schema: { tags, summary: 'Tóm tắt theo dõi sau hội nghị: nhiệm vụ và kiến nghị / a conference\'s follow-up summary', params: idParam, querystring: z.object({ lang: langParam }) },
    }, async (req) => {
      const c = await requireConference(db, req.params.id);
      const b = await followUpBoard(db, { conference: String(c.id) }, req.query.lang);
      const recs = await consolidated(db, { conference: String(c.id), scope: recommendationScope(actorOf(req)) }, { lang: req.query.lang, page: { limit: 1 } });
      return { conference: c.slug, task_groups_stated: c.task_groups_stated, tasks: b.totals, by_group: b.by_group, recommendations: recs.figures };
    });

    r.get('/follow-up/context', {
      schema: {
        tags, summary: 'Nội dung cho báo cáo hội nghị: khó khăn, nhiệm vụ, kiến nghị và trả lời / what a conference report needs',
        querystring: z.object({ conference: z.string().optional(), region: z.string().optional(), period: z.string().optional(), lang: langParam }),
      },
    }, async (req) => conferenceContext(db, {
      conferenceId: req.query.conference, region: req.query.region, period: req.query.period, lang: req.query.lang,
      recommendationScope: recommendationScope(actorOf(req)), difficultyScope: difficultyScope(actorOf(req)),
    }));
  });
}
