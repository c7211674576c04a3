// Request shapes for the conclusions' groups of tasks, tasks and progress reports.
import { z } from 'zod';
import { fieldParam } from '../../conferences/fields.ts';
import { sourceSchema } from '../../conferences/sources.ts';
import { RICH_TEXT_MAX } from '../../conferences/richText.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / date as YYYY-MM-DD');

export const taskGroupInputSchema = z.strictObject({
  title: z.string().min(1).max(1000),
  field: fieldParam.nullish(),
  note: z.string().max(2000).nullish(),
  source: sourceSchema.nullish(),
});

export const taskPartySchema = z.strictObject({
  kind: z.enum(['province', 'ministry_unit']),
  unit: z.string().describe('mã tỉnh hoặc đơn vị thuộc Bộ / province or ministry unit id'),
  role: z.enum(['lead', 'support']).default('lead'),
});

export const taskInputSchema = z.strictObject({
  title: z.string().min(1).max(2000),
  body: z.string().max(RICH_TEXT_MAX).nullish(),
  field: fieldParam.nullish(),
  legal_basis: z.array(z.string().min(1).max(500)).max(20).default([]).describe('căn cứ, ví dụ "Nghị quyết số 01/NQ-CP ngày 05/01/2024" / legal basis'),
  starts_on: isoDate.nullish(),
  due_on: isoDate.nullish(),
  due_note: z.string().max(500).nullish(),
  parties: z.array(taskPartySchema).max(100).default([]),
  all_region_members: z.boolean().default(false).describe('giao cho mọi tỉnh của vùng / every province of the region'),
  responsible_note: z.string().max(1000).nullish(),
  source: sourceSchema.nullish(),
}).refine((t) => !t.starts_on || !t.due_on || t.starts_on <= t.due_on, { message: 'Ngày bắt đầu sau hạn hoàn thành / start after due date', path: ['due_on'] });

export const taskPatchSchema = z.strictObject({
  title: z.string().min(1).max(2000).optional(),
  body: z.string().max(RICH_TEXT_MAX).nullish(),
  field: fieldParam.nullish(),
  legal_basis: z.array(z.string().min(1).max(500)).max(20).optional(),
  starts_on: isoDate.nullish(),
  due_on: isoDate.nullish(),
  due_note: z.string().max(500).nullish(),
  parties: z.array(taskPartySchema).max(100).optional(),
  all_region_members: z.boolean().optional(),
  responsible_note: z.string().max(1000).nullish(),
});

export const progressInputSchema = z.strictObject({
  percent: z.number().min(0).max(100),
  narrative: z.string().min(1).max(RICH_TEXT_MAX),
  reported_on: isoDate.optional().describe('ngày số liệu tiến độ; mặc định hôm nay / as-of date, default today'),
});

export const taskQuerySchema = z.object({
  conference: z.string().optional(),
  region: z.string().optional(),
  group: z.coerce.number().int().optional(),
  unit: z.string().optional().describe('tỉnh hoặc đơn vị thuộc Bộ chịu trách nhiệm / responsible province or ministry unit'),
  status: z.enum(['done', 'on_track', 'late', 'no_report']).optional(),
  field: fieldParam.optional(),
});
export type TaskQuery = z.output<typeof taskQuerySchema>;
