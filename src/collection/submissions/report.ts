// Naming one report: data set × province × period, as people write them, checked against the
// catalogue (the province must be in force at the period's end) and the data set's periodicity; and
// its calendar entry (computed, or moved by the ministry).
import { inForce, reference, type Reference, type UnitRef } from '../../catalogue/reference.ts';
import type { Db } from '../../db/database.ts';
import { endDate, parsePeriod, periodCode, periodKey, type Period } from '../../periods/period.ts';
import { UserError } from '../../server/errors.ts';
import { computedCalendar, type CalendarEntry } from '../datasets/calendar.ts';
import { isReportingPeriod, type Dataset } from '../datasets/dataset.ts';
import { calendarOverrides, datasetByCode, holidays } from '../datasets/datasetStore.ts';

export interface ReportRef {
  ds: Dataset;
  unit: UnitRef;
  period: Period;
  key: number; // period key
  ref: Reference;
}

const notFound = (vi: string, en: string) => new UserError(404, 'not_found', vi, en);

export async function datasetOr404(db: Db, code: string): Promise<Dataset> {
  const ds = await datasetByCode(db, code);
  if (!ds) throw notFound(`Không có bộ số liệu "${code}".`, `No data set "${code}".`);
  return ds;
}

export function reportingPeriodOr400(ds: Dataset, text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new UserError(400, 'invalid_period', `Kỳ "${text}" không đọc được (ví dụ T10/2024).`, `Unreadable period "${text}".`);
  if (!isReportingPeriod(ds.periodicity, p)) {
    throw new UserError(400, 'invalid_period', `${periodCode(p)} không phải kỳ báo cáo của bộ số liệu "${ds.nameVi}" (${ds.periodicity}).`,
      `${periodCode(p)} is not a reporting period of "${ds.nameEn}" (${ds.periodicity}).`);
  }
  return p;
}

export async function resolveReport(db: Db, dataset: string, province: string, period: string): Promise<ReportRef> {
  const ds = await datasetOr404(db, dataset);
  const p = reportingPeriodOr400(ds, period);
  const ref = await reference(db);
  const unit = ref.unitsBySlug.get(province);
  if (!unit || unit.level !== 'province' || unit.unidentified) throw notFound(`Không có tỉnh, thành phố "${province}".`, `No province "${province}".`);
  if (!inForce(unit, endDate(p))) {
    throw new UserError(422, 'not_in_force', `${unit.nameVi} không còn hiệu lực vào ${endDate(p)} (cuối kỳ).`, `${unit.nameEn} is not in force on ${endDate(p)}.`);
  }
  return { ds, unit, period: p, key: periodKey(p), ref };
}

/** Calendar entries of several periods of one data set: the ministry's override, else the rule. */
export async function calendarOf(db: Db, ds: Dataset, periods: Period[]): Promise<Map<number, CalendarEntry>> {
  const [days, overrides] = await Promise.all([
    holidays(db.k), calendarOverrides(db.k, ds.id, periods.map(periodKey)),
  ]);
  const off = days.map((d) => d.day);
  const byKey = new Map(overrides.map((o) => [o.period, o]));
  return new Map(periods.map((p) => {
    const o = byKey.get(periodKey(p));
    const c = o ? { windowFrom: o.window_from, windowTo: o.window_to, deadline: o.deadline, overridden: true, note: o.note } : computedCalendar(ds, p, off);
    return [periodKey(p), c];
  }));
}
