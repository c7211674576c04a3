// Per period, every province's status (not started, draft, submitted, returned, approved, late), and
// the completeness and timeliness report per region: who reported, who was late and by how long.
import { inForce, type Reference, type UnitRef } from '../../catalogue/reference.ts';
import type { Db } from '../../db/database.ts';
import { endDate, formatPeriod, periodCode, periodKey, type Period } from '../../periods/period.ts';
import { boardCell, vnDate, STATUS_NAMES } from '../datasets/calendar.ts';
import type { Dataset } from '../datasets/dataset.ts';
import { calendarOf } from './report.ts';

export function provincesOn(ref: Reference, date: string, regionId?: number): UnitRef[] {
  if (regionId !== undefined) return ref.membersOn(regionId, date).filter((u) => u.level === 'province' && !u.unidentified);
  return [...ref.unitsById.values()]
    .filter((u) => u.level === 'province' && !u.unidentified && inForce(u, date))
    .sort((a, b) => (a.code ?? a.slug).localeCompare(b.code ?? b.slug));
}

export async function statusBoard(db: Db, ref: Reference, ds: Dataset, p: Period, regionId?: number, today = vnDate()) {
  const key = periodKey(p);
  const cal = (await calendarOf(db, ds, [p])).get(key)!;
  const subs = await db.k.selectFrom('submission').select(['id', 'unit_id', 'status', 'first_submitted_at', 'submitted_at', 'reviewed_at', 'version', 'revision'])
    .where('dataset_id', '=', ds.id).where('period', '=', key).execute();
  const byUnit = new Map(subs.map((s) => [s.unit_id, s]));
  const provinces = provincesOn(ref, endDate(p), regionId).map((u) => {
    const s = byUnit.get(u.id) ?? null;
    const c = boardCell(s, cal.deadline, today);
    return {
      province: u.slug, name_vi: u.nameVi, name_en: u.nameEn, submission_id: s?.id ?? null,
      status: c.status, workflow_status: c.workflowStatus, status_name: STATUS_NAMES[c.status], days_late: c.daysLate,
      first_submitted_at: c.submittedAt, last_submitted_at: s?.submitted_at ?? null, reviewed_at: s?.reviewed_at ?? null,
      version: s?.version ?? 0, revision: s?.revision ?? 0,
    };
  });
  const count = (st: string) => provinces.filter((x) => x.status === st).length;
  return {
    dataset: ds.code, period: periodCode(p), period_vi: formatPeriod(p, 'vi'), period_en: formatPeriod(p, 'en'),
    deadline: cal.deadline, window_from: cal.windowFrom, window_to: cal.windowTo, today,
    counts: Object.fromEntries((['not_started', 'draft', 'submitted', 'returned', 'approved', 'late'] as const).map((s) => [s, count(s)])),
    provinces,
  };
}

export async function completeness(db: Db, ref: Reference, ds: Dataset, p: Period, regionIds: number[], today = vnDate()) {
  const board = await statusBoard(db, ref, ds, p, undefined, today);
  const bySlug = new Map(board.provinces.map((x) => [x.province, x]));
  const summarise = (list: typeof board.provinces) => {
    const reported = list.filter((x) => x.first_submitted_at !== null);
    const late = reported.filter((x) => x.days_late > 0);
    const missing = list.filter((x) => x.first_submitted_at === null);
    return {
      expected: list.length, reported: reported.length, approved: list.filter((x) => x.workflow_status === 'approved').length,
      on_time: reported.length - late.length, late: late.length, missing: missing.length,
      completeness_pct: list.length ? (reported.length / list.length) * 100 : null,
      timeliness_pct: reported.length ? ((reported.length - late.length) / reported.length) * 100 : null,
      average_days_late: late.length ? late.reduce((a, x) => a + x.days_late, 0) / late.length : 0,
      late_provinces: late.map((x) => ({ province: x.province, name_vi: x.name_vi, days_late: x.days_late, first_submitted_at: x.first_submitted_at })),
      missing_provinces: missing.map((x) => ({ province: x.province, name_vi: x.name_vi, status: x.status, days_overdue: x.days_late })),
    };
  };
  const regions = regionIds.map((id) => {
    const r = ref.unitsById.get(id)!;
    const members = ref.membersOn(id, endDate(p)).map((u) => bySlug.get(u.slug)).filter((x) => x !== undefined);
    return { region: r.slug, name_vi: r.nameVi, name_en: r.nameEn, ...summarise(members) };
  });
  return {
    dataset: ds.code, period: board.period, period_vi: board.period_vi, period_en: board.period_en, deadline: board.deadline, today,
    national: summarise(board.provinces), regions,
  };
}
