// The shape of a value as people and files give it (CSV, JSON, API), before it is resolved to ids.
import { z } from 'zod';

export const STATUS_WORDS: Record<string, 'estimate' | 'official' | 'plan'> = {
  estimate: 'estimate', 'ước tính': 'estimate', 'ước': 'estimate', 'ước đạt': 'estimate',
  official: 'official', 'chính thức': 'official', reported: 'official', 'thực hiện': 'official',
  plan: 'plan', 'kế hoạch': 'plan', 'mục tiêu': 'plan',
};

export const valueInputSchema = z.object({
  place: z.string().min(1).describe('đơn vị: mã định danh (ha-noi, south) hoặc mã thống kê (01) / unit id or statistics code'),
  indicator: z.string().min(1).describe('mã chỉ tiêu / indicator code'),
  period: z.string().min(1).describe('kỳ / period: 9T/2024, T10/2024, "9 tháng đầu năm 2024"...'),
  breakdown: z.union([z.record(z.string(), z.string()), z.string()]).optional()
    .describe('phân tổ / disaggregation: {"commodity_group":"rice"} hoặc "commodity_group=rice"'),
  value: z.union([z.number(), z.string(), z.null()]).optional(),
  unit: z.string().optional().describe('đơn vị tính như đã viết / unit as written, e.g. "nghìn tỷ đồng"'),
  status: z.string().default('official').describe('estimate | official | plan (ước tính | chính thức | kế hoạch)'),
  growth_pct: z.union([z.number(), z.string(), z.null()]).optional(),
  pct_of_plan: z.union([z.number(), z.string(), z.null()]).optional(),
  qualifier: z.enum(['hơn', 'trên', 'gần', 'khoảng']).nullable().optional(),
  note: z.string().max(4000).nullable().optional(),
  expected_version: z.number().int().min(0).optional()
    .describe('phiên bản bạn đã thấy (0 = chưa có) để phát hiện sửa đồng thời / version you saw, for conflict detection'),
  delete: z.boolean().optional(),
});

export type ValueInput = z.infer<typeof valueInputSchema>;

export interface FieldError {
  row: number; // 1-based, as a user counts rows
  field: string;
  messageVi: string;
  messageEn: string;
}
