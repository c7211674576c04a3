// Report requests that cannot be served: an unknown place or a place of the wrong kind (404 on the API),
// a missing place or a period the report cannot take (400). Each error names the request field it is
// about (`details.field`), so a form can show the message next to that field.
import { UserError } from '../../server/errors.ts';
import type { UnitRef } from '../../catalogue/reference.ts';

export type ReportField = 'region' | 'province' | 'period';

const LEVEL: Record<string, [string, string]> = {
  province: ['một tỉnh, thành phố', 'a province'],
  region: ['một vùng', 'a region'],
  country: ['cả nước', 'the whole country'],
  commune: ['một xã, phường', 'a commune'],
};

export const reportNotFound = (whatVi: string, whatEn: string, id: string, field: ReportField) =>
  new UserError(404, 'not_found', `Không tìm thấy ${whatVi} "${id}".`, `No ${whatEn} "${id}".`, { field });

/** The place exists but is not what the report is about ("Kiên Giang" given as a region). */
export function reportWrongPlace(unit: UnitRef, wantVi: string, wantEn: string, field: ReportField): UserError {
  const [isVi, isEn] = LEVEL[unit.level] ?? [unit.level, unit.level];
  return new UserError(404, 'wrong_place',
    `${unit.shortVi} là ${isVi}, không phải ${wantVi}.`, `${unit.shortEn} is ${isEn}, not ${wantEn}.`, { field });
}

export const reportBadRequest = (vi: string, en: string, field: ReportField) => new UserError(400, 'invalid_request', vi, en, { field });
