// Request parameters shared by the routes: periods in any form a user writes them, languages.
import { z } from 'zod';
import { parsePeriod, type Period } from '../periods/period.ts';

/** "9T/2024", "9 tháng đầu năm 2024", "quý III/2024", "first 9 months of 2024"... → a canonical Period. */
export const periodParam = z.string().transform((s, ctx): Period => {
  const p = parsePeriod(s);
  if (!p) {
    ctx.addIssue({ code: 'custom', message: `Kỳ không đọc được: "${s}" (ví dụ 9T/2024, tháng 10/2024, quý III/2024) / unreadable period` });
    return z.NEVER;
  }
  return p;
}).describe('Kỳ / period: 9T/2024, T10/2024, Q3/2024, 2024, "9 tháng đầu năm 2024"...');

export const langParam = z.enum(['vi', 'en']).default('vi').describe('Ngôn ngữ / language');
