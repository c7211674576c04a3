// Where a fact comes from. Demo facts cite a seed article (document id + the sentence) or the domain
// primer (section), so nothing shown as real is unsourced; facts entered by users have no source.
import { z } from 'zod';

const shape = {
  document: z.string().nullable().describe('mã tài liệu nguồn / source document id (seed-001…)'),
  primer: z.string().optional().describe('mục của tài liệu nghiệp vụ khi không có bài báo / primer section when no article'),
  quote: z.string().min(1),
  inferred: z.boolean().optional().describe('suy ra, không phải nguyên văn / inferred rather than stated'),
  note: z.string().optional(),
};
const cited = (s: { document: string | null; primer?: string }) => s.document !== null || !!s.primer;
const message = 'cần document hoặc primer / document or primer required';

export const sourceSchema = z.strictObject(shape).refine(cited, { message });
export const fieldSourceSchema = z.strictObject({ field: z.string(), ...shape }).refine(cited, { message });

export type Source = z.infer<typeof sourceSchema>;
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
