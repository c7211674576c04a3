// Uploading a filled report (Excel template, CSV or JSON): read the file, keep only the cells that
// differ from what is stored, and save them as one all-or-nothing draft save. Every refusal names the
// sheet and cell. A cell changed in the file that someone else changed since the file was made is a
// conflict, never an overwrite.
import type { AuditWho } from '../../access/audit.ts';
import { allow } from '../../access/guards.ts';
import { canWriteProvince } from '../../access/policy.ts';
import type { Actor } from '../../access/roles.ts';
import type { Db } from '../../db/database.ts';
import { UserError } from '../../server/errors.ts';
import { saveEntries, type EntryInput } from '../submissions/actions.ts';
import { buildGrid } from '../submissions/grid.ts';
import type { ReportRef } from '../submissions/report.ts';
import { readFlatUpload, type FlatRow } from './flatFiles.ts';
import { LIMITS } from './layout.ts';
import { readTemplateUpload, type UploadError, type UploadedCell } from './readUpload.ts';
import { cellKey, cellOf, entryMap } from '../submissions/cells.ts';
import { entriesOf, findSubmission } from '../submissions/submissionStore.ts';
import { fromKey, periodCode } from '../../periods/period.ts';

export type UploadFormat = 'xlsx' | 'csv' | 'json';

export function formatOf(fileName: string, mime?: string): UploadFormat | null {
  const n = fileName.toLowerCase();
  if (n.endsWith('.xlsx')) return 'xlsx';
  if (n.endsWith('.csv') || mime === 'text/csv') return 'csv';
  if (n.endsWith('.json') || mime === 'application/json') return 'json';
  return null;
}

const refused = (errors: UploadError[]) =>
  new UserError(422, 'upload_rejected', `Không có gì được lưu: ${errors.length} lỗi trong tệp.`, `Nothing was saved: ${errors.length} errors in the file.`, errors);

export async function flatRowsOf(db: Db, r: ReportRef): Promise<FlatRow[]> {
  const grid = await buildGrid(db, null, r);
  return grid.rows.map((x) => ({
    item: x.item, indicator: x.indicator, breakdown: x.breakdown, period: x.period, name: x.name_vi, unit: x.unit, last_year: x.last_year,
    value: x.value, plan: x.plan ? x.plan.value ?? x.plan.published : null, comment: x.comment, version: x.version,
    plan_version: x.plan?.version ?? null, withPlan: x.plan !== null,
  }));
}

/** What the upload compares the file with: the items and the figures stored now (no history needed). */
async function currentRows(db: Db, r: ReportRef): Promise<FlatRow[]> {
  const sub = await findSubmission(db.k, { datasetId: r.ds.id, unitId: r.unit.id, period: r.key });
  const entries = entryMap(sub ? await entriesOf(db.k, sub.id) : []);
  return r.ds.items.map((it) => {
    const ind = r.ref.indicatorsById.get(it.indicatorId)!;
    const a = entries.get(cellKey(cellOf(it, 'actual', r.period)));
    const p = it.withPlan ? entries.get(cellKey(cellOf(it, 'plan', r.period))) : undefined;
    return {
      item: it.position, indicator: ind.code, breakdown: it.breakdown, period: periodCode(fromKey(cellOf(it, 'actual', r.period).period)),
      name: ind.nameVi, unit: ind.baseUnit, last_year: null, value: a?.value ?? null, plan: p?.value ?? null, comment: a?.comment ?? null,
      version: a?.version ?? 0, plan_version: it.withPlan ? p?.version ?? 0 : null, withPlan: it.withPlan,
    };
  });
}

export async function uploadReport(db: Db, who: AuditWho & { actor: Actor }, r: ReportRef, file: { data: Buffer; name: string; format: UploadFormat }) {
  allow(who.actor, canWriteProvince(who.actor, r.unit.id),
    'Chỉ cán bộ Sở Công Thương của tỉnh này được nộp báo cáo của tỉnh.', "Only this province's officers upload its report.");
  if (file.data.length > LIMITS.bytes) {
    throw refused([{ sheet: '', cell: '', message: `Tệp lớn quá ${LIMITS.bytes / 1024 / 1024} MB.`, messageEn: `The file is over ${LIMITS.bytes / 1024 / 1024} MB.` }]);
  }
  const rows = await currentRows(db, r);
  const parsed = file.format === 'xlsx'
    ? await readTemplateUpload(file.data, r, rows.map((x) => ({ item: x.item, indicator: x.indicator, breakdown: x.breakdown, period: x.period, withPlan: x.withPlan })))
    : readFlatUpload(file.data.toString('utf8'), file.format, rows);
  if ('errors' in parsed) throw refused(parsed.errors);

  const byItem = new Map(rows.map((x) => [x.item, x]));
  const changed: { input: EntryInput; at: UploadedCell }[] = [];
  let unchanged = 0;
  for (const c of parsed.cells) {
    const row = byItem.get(c.item)!;
    const current = c.measure === 'plan' ? { value: row.plan, comment: null } : { value: row.value, comment: row.comment };
    if (current.value === c.value && (c.measure === 'plan' || current.comment === c.comment)) {
      unchanged++;
      continue;
    }
    changed.push({ at: c, input: { item: c.item, measure: c.measure, value: c.value, comment: c.measure === 'plan' ? undefined : c.comment, expectedVersion: c.version ?? 0 } });
  }
  if (!changed.length) return { saved: [], unchanged, warnings: [] };
  const cellOf = (item: number, measure: string) => changed.find((x) => x.at.item === item && x.at.measure === measure)?.at;
  try {
    const res = await saveEntries(db, who, r, changed.map((x) => x.input), { via: 'upload', fileName: file.name.slice(0, 200) });
    return { ...res, unchanged, warnings: res.warnings.map((w) => ({ ...w, sheet: cellOf(w.item, w.measure)?.sheet, cell: cellOf(w.item, w.measure)?.cell })) };
  } catch (e) {
    // The grid's errors, with the sheet and cell they came from.
    if (e instanceof UserError && Array.isArray(e.details) && (e.code === 'invalid_values' || e.code === 'conflict')) {
      const details = (e.details as { item: number; measure: string; message?: string; messageEn?: string }[]).map((d) => {
        const at = cellOf(d.item, d.measure);
        return { ...d, sheet: at?.sheet ?? '', cell: at?.cell ?? '' };
      });
      throw new UserError(e.status, e.code, e.messageVi, e.messageEn, details);
    }
    throw e;
  }
}
