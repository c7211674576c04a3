// Difficulties a province (or a conference, for its region) records for a period: limitations
// (hạn chế), difficulties (khó khăn), obstacles (vướng mắc), tagged by field; grouped for the region.
import { z } from 'zod';
import { fieldLabel, fieldParam, FIELD_CODES } from './fields.ts';
import { sourceSchema } from './sources.ts';

export const DIFFICULTY_KINDS = {
  limitation: { vi: 'Hạn chế', en: 'Limitation' },
  difficulty: { vi: 'Khó khăn', en: 'Difficulty' },
  obstacle: { vi: 'Vướng mắc', en: 'Obstacle' },
} as const;
export type DifficultyKind = keyof typeof DIFFICULTY_KINDS;
export const DIFFICULTY_KIND_CODES = Object.keys(DIFFICULTY_KINDS) as DifficultyKind[];

export const difficultyInputSchema = z.strictObject({
  unit: z.string().describe('tỉnh ghi nhận (hoặc vùng, với nhận định của hội nghị) / province (or region for a conference finding)'),
  conference: z.union([z.number().int(), z.string()]).nullish(),
  period: z.string().nullish().describe('kỳ / period (9T/2024, "6 tháng đầu năm 2024"…)'),
  field: fieldParam,
  kind: z.enum(DIFFICULTY_KIND_CODES as [DifficultyKind, ...DifficultyKind[]]),
  body: z.string().min(1).max(20_000),
  source: sourceSchema.nullish(),
});

export interface DifficultyItem {
  id: number;
  unit: string;
  unitName: string;
  field: string;
  kind: DifficultyKind | string;
  text: string;
  period: string | null;
}

export interface DifficultyGroup {
  field: string;
  label: string;
  kinds: { kind: string; label: string; items: DifficultyItem[] }[];
  count: number;
}

/** Grouped by field (in the catalogue's order), then by kind; each item names who recorded it. */
export function groupDifficulties(items: DifficultyItem[], lang: 'vi' | 'en' = 'vi'): DifficultyGroup[] {
  const order = (f: string) => { const i = FIELD_CODES.indexOf(f as any); return i < 0 ? 999 : i; };
  const fields = [...new Set(items.map((i) => i.field))].sort((a, b) => order(a) - order(b));
  return fields.map((field) => {
    const mine = items.filter((i) => i.field === field);
    const kinds = DIFFICULTY_KIND_CODES.filter((k) => mine.some((i) => i.kind === k)).map((k) => ({
      kind: k, label: DIFFICULTY_KINDS[k][lang], items: mine.filter((i) => i.kind === k),
    }));
    return { field, label: fieldLabel(field, lang), kinds, count: mine.length };
  });
}
