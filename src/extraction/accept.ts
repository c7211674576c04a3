// From a reading to a value: what the extractor read, proposed in the shape an import takes (place id,
// indicator code, period code, unit as written), or the reason it cannot be stored as it is. The
// analyst corrects proposals before accepting them; nothing here writes.
import type { MasterData } from '../catalogue/masterDataSchema.ts';
import { findUnitByName } from '../catalogue/units.ts';
import { endDate, parsePeriod } from '../periods/period.ts';
import type { ValueInput } from '../collection/valueInput.ts';
import type { Figure } from './extract.ts';

export interface Proposal {
  input: ValueInput | null;
  reasonVi: string | null;
  reasonEn: string | null;
}

const QUALIFIERS = new Set(['hơn', 'trên', 'gần', 'khoảng']);

export function propose(md: MasterData, f: Figure): Proposal {
  const no = (vi: string, en: string): Proposal => ({ input: null, reasonVi: vi, reasonEn: en });
  const code = f.indicator === 'product_output' && f.product ? `product_${f.product}` : f.indicator;
  if (!md.indicatorByCode.has(code)) {
    return no(`Danh mục chưa có chỉ tiêu cho "${f.label ?? f.indicator}" (tỷ trọng, phân tổ…): giữ như một ghi nhận, không ép vào chỉ tiêu khác.`,
      `The catalogue has no indicator for "${f.label ?? f.indicator}": kept as a reading, not forced into another indicator.`);
  }
  const period = f.period ? parsePeriod(f.period) : null;
  if (!period) return no('Chưa xác định được kỳ: hãy chọn kỳ.', 'No period could be read: choose one.');
  if (!f.scope) return no('Bài không nêu địa phương: hãy chọn đơn vị.', 'The text names no place: choose one.');
  const unit = findUnitByName(md, f.scope, endDate(period));
  if (!unit) return no(`Không nhận ra địa phương "${f.scope}" vào ${endDate(period)}: hãy chọn đơn vị.`, `Unknown place "${f.scope}" on ${endDate(period)}: choose one.`);
  if (unit.unidentified) return no('Đơn vị chưa xác định: hãy chọn đơn vị.', 'Unidentified place: choose one.');
  return {
    input: {
      place: unit.id, indicator: code, period: f.period!, value: f.value, unit: f.unit ?? undefined,
      status: f.status === 'reported' ? 'official' : f.status, growth_pct: f.growth_pct, pct_of_plan: f.pct_of_plan,
      qualifier: f.qualifier && QUALIFIERS.has(f.qualifier) ? (f.qualifier as ValueInput['qualifier']) : null,
      note: f.quote,
    },
    reasonVi: null,
    reasonEn: null,
  };
}
