// Request shapes for recommendations (API, CLI and demo files share them).
import { z } from 'zod';
import { fieldParam } from '../../conferences/fields.ts';
import { sourceSchema } from '../../conferences/sources.ts';
import { RICH_TEXT_MAX } from '../../conferences/richText.ts';
import { CLOSE_REASONS, REC_STATUSES } from './status.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / date as YYYY-MM-DD');

export const recommendationInputSchema = z.strictObject({
  conference: z.union([z.number().int(), z.string()]).nullish().describe('hội nghị (id hoặc mã) / conference id or slug'),
  province: z.string().nullish().describe('tỉnh kiến nghị; để trống khi là kiến nghị của phiên hội nghị / submitting province; empty for a session'),
  region: z.string().nullish().describe('vùng, khi không có hội nghị và tỉnh / region when there is neither'),
  field: fieldParam,
  title: z.string().min(3).max(500),
  body: z.string().min(1).max(RICH_TEXT_MAX),
  source: sourceSchema.nullish(),
});
export type RecommendationInput = z.output<typeof recommendationInputSchema>;

export const recommendationPatchSchema = z.strictObject({
  field: fieldParam.optional(),
  title: z.string().min(3).max(500).optional(),
  body: z.string().min(1).max(RICH_TEXT_MAX).optional(),
  expected_version: z.number().int().optional(),
});

export const assignSchema = z.strictObject({
  assignments: z.array(z.strictObject({
    unit: z.string().describe('mã đơn vị thuộc Bộ / ministry unit id'),
    due_on: isoDate,
    role: z.enum(['lead', 'support']).default('lead'),
  })).min(1).max(20),
  note: z.string().max(2000).nullish(),
});

export const answerSchema = z.strictObject({ body: z.string().min(1).max(RICH_TEXT_MAX) });

export const closeSchema = z.strictObject({
  reason: z.enum(CLOSE_REASONS).default('answered'),
  note: z.string().max(5000).nullish(),
  publish: z.boolean().default(false).describe('công khai kiến nghị và trả lời / publish the recommendation and its answers'),
});

export const recommendationQuerySchema = z.object({
  conference: z.string().optional(),
  region: z.string().optional(),
  province: z.string().optional(),
  field: fieldParam.optional(),
  status: z.enum(REC_STATUSES).optional(),
  unit: z.string().optional().describe('đơn vị thuộc Bộ được giao / assigned ministry unit'),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional().describe('tìm trong tiêu đề và nội dung / search title and text'),
  year: z.coerce.number().int().optional(),
});
export type RecommendationQuery = z.output<typeof recommendationQuerySchema>;
