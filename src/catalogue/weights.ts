// Aggregation weights as data: for the IIP, each province's industrial value added in the base year
// (domain §4: weights must be data, never code). Loading weights recomputes the rollups they enter.
import { parse } from 'csv-parse/sync';
import type { Db } from '../db/database.ts';
import { rebuildRollups } from '../analytics/rebuildRollups.ts';
import { invalidateReference, reference } from './reference.ts';

export interface WeightRow {
  unit: string;
  indicator: string;
  base_year: number;
  weight: number;
}

export interface WeightProblem {
  row: number;
  messageVi: string;
  messageEn: string;
}

export function parseWeightsCsv(text: string): { rows: WeightRow[] } | { errors: WeightProblem[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    return { errors: [{ row: 0, messageVi: `Tệp CSV không đọc được: ${(e as Error).message}`, messageEn: `Unreadable CSV: ${(e as Error).message}` }] };
  }
  const errors: WeightProblem[] = [];
  const rows: WeightRow[] = [];
  records.forEach((r, i) => {
    const weight = Number(r.weight);
    const year = Number(r.base_year);
    if (!r.unit || !r.indicator || !Number.isFinite(weight) || weight < 0 || !Number.isInteger(year)) {
      errors.push({ row: i + 1, messageVi: 'Cần các cột unit, indicator, base_year (năm) và weight (số không âm).', messageEn: 'Columns unit, indicator, base_year (a year) and weight (non-negative) are required.' });
    } else rows.push({ unit: r.unit, indicator: r.indicator, base_year: year, weight });
  });
  return errors.length ? { errors } : { rows };
}

/** Replaces the weights of the indicators named in `rows`, all or nothing, then rebuilds the rollups. */
export async function loadWeights(db: Db, rows: WeightRow[]): Promise<{ weights: number; rollups: number }> {
  const ref = await reference(db);
  const problems: WeightProblem[] = [];
  const resolved = rows.map((r, i) => {
    const unit = ref.unitsBySlug.get(r.unit);
    const ind = ref.indicatorsByCode.get(r.indicator);
    if (!unit) problems.push({ row: i + 1, messageVi: `Không có đơn vị "${r.unit}".`, messageEn: `Unknown unit "${r.unit}".` });
    if (!ind) problems.push({ row: i + 1, messageVi: `Không có chỉ tiêu "${r.indicator}".`, messageEn: `Unknown indicator "${r.indicator}".` });
    else if (ind.aggregation !== 'weighted_index') {
      problems.push({ row: i + 1, messageVi: `Chỉ tiêu "${r.indicator}" không tổng hợp theo quyền số.`, messageEn: `"${r.indicator}" is not a weighted index.` });
    }
    return { unit_id: unit?.id ?? -1, indicator_id: ind?.id ?? -1, base_year: r.base_year, weight: r.weight };
  });
  if (problems.length) throw Object.assign(new Error('invalid weights'), { problems, userMessage: problems.map((p) => `dòng/row ${p.row}: ${p.messageVi} / ${p.messageEn}`).join('\n') });
  const indicators = [...new Set(resolved.map((r) => r.indicator_id))];
  await db.k.transaction().execute(async (trx) => {
    await trx.deleteFrom('unit_weight').where('indicator_id', 'in', indicators.length ? indicators : [-1]).execute();
    for (let i = 0; i < resolved.length; i += 500) await trx.insertInto('unit_weight').values(resolved.slice(i, i + 500)).execute();
  });
  invalidateReference(db);
  return { weights: resolved.length, rollups: await rebuildRollups(db) };
}
