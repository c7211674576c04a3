// For a reviewer: what changed since the previous version of a report — the figures as they stood when
// it was last submitted before (the version that was returned, or approved before a correction),
// against the figures now. Rebuilt from the audit log, whose save and upload entries carry every cell
// written, so no copy of each version has to be kept.
import type { AuditRecord } from '../../access/audit.ts';

type CellState = { value: number | null; comment: string | null };
type Written = { item: number; measure: 'actual' | 'plan'; value: number | null; comment?: string | null };

export interface CellChange {
  item: number;
  measure: 'actual' | 'plan';
  before: number | null;
  after: number | null;
  comment_before: string | null;
  comment_after: string | null;
}

/**
 * `entries`: the report's audit entries, oldest first. `status`: the report's status now. The baseline
 * is the previous submission: the one before the last when the report is submitted or approved now
 * (the reviewer compares what is in front of them with what came before), else the last one.
 */
export function changesSincePrevious(entries: Pick<AuditRecord, 'action' | 'at' | 'after'>[], status: string) {
  const state = new Map<string, CellState>();
  const snapshots: { at: string; cells: Map<string, CellState> }[] = [];
  for (const e of entries) {
    if (e.action === 'submission.save' || e.action === 'submission.upload') {
      for (const w of (Array.isArray(e.after) ? e.after : []) as Written[]) state.set(`${w.item}|${w.measure}`, { value: w.value, comment: w.comment ?? null });
    } else if (e.action === 'submission.submit') {
      snapshots.push({ at: e.at, cells: new Map(state) });
    }
  }
  const back = status === 'submitted' || status === 'approved' ? 2 : 1;
  const base = snapshots[snapshots.length - back];
  if (!base) return { previous_submitted_at: null, cells: [] as CellChange[] };
  const cells: CellChange[] = [];
  for (const key of new Set([...base.cells.keys(), ...state.keys()])) {
    const b = base.cells.get(key) ?? { value: null, comment: null };
    const a = state.get(key) ?? { value: null, comment: null };
    if (b.value === a.value && b.comment === a.comment) continue;
    const [item, measure] = key.split('|') as [string, 'actual' | 'plan'];
    cells.push({ item: Number(item), measure, before: b.value, after: a.value, comment_before: b.comment, comment_after: a.comment });
  }
  cells.sort((x, y) => x.item - y.item || x.measure.localeCompare(y.measure));
  return { previous_submitted_at: base.at, cells };
}
