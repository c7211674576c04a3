// The regional rollups equal a recomputation from the current values (analytics' own check, which uses
// the very arithmetic the writes use), reported with the names people know.
import { checkRollups, type RollupMismatch } from '../../analytics/rebuildRollups.ts';
import { reference } from '../../catalogue/reference.ts';
import type { Db } from '../../db/database.ts';
import { fromKey } from '../../periods/core.ts';
import { periodCode } from '../../periods/codes.ts';
import { countWords, type CheckResult } from './findings.ts';

const LIMIT = 20;

export async function checkRollupsMatch(db: Db): Promise<CheckResult> {
  const mismatches = await checkRollups(db, LIMIT);
  const r: CheckResult = {
    id: 'rollups', nameVi: 'Số tổng hợp vùng (rollup)', nameEn: 'Regional rollups', problems: [],
    noteVi: 'khớp với tính lại từ số liệu', noteEn: 'equal to a recomputation from the values',
  };
  if (!mismatches.length) return r;
  const ref = await reference(db);
  const words = countWords(mismatches.length, mismatches.length >= LIMIT, 'dòng tổng hợp vùng khác với tính lại từ số liệu hiện hành', 'rollup row');
  r.problems.push({
    code: 'rollup_mismatch', count: mismatches.length, atLeast: mismatches.length >= LIMIT,
    vi: `${words.vi} (các câu trả lời nhanh theo vùng đang sai).`,
    en: `${words.en} differ from a recomputation from the current values (fast regional answers are wrong).`,
    fixVi: 'Chạy `congthuong rebuild-rollups` để tính lại.',
    fixEn: 'Run `congthuong rebuild-rollups` to recompute them.',
    examples: mismatches.slice(0, 5).map((m) => describe(m, ref)),
  });
  return r;
}

function describe(m: RollupMismatch, ref: Awaited<ReturnType<typeof reference>>): string {
  const k = m.key;
  let period = String(k.period);
  try {
    period = periodCode(fromKey(k.period));
  } catch { /* an impossible key is shown as it is */ }
  const where = `${period} · ${ref.indicatorsById.get(k.indicator_id)?.code ?? `#${k.indicator_id}`} · ${ref.unitsById.get(k.region_id)?.slug ?? `#${k.region_id}`}` +
    (k.breakdown_id ? ` · phân tổ/breakdown ${k.breakdown_id}` : '') + (k.measure ? ' · kế hoạch/plan' : '');
  const side = (x: RollupMismatch['stored']) => (x ? `n=${x.n}, Σ=${Number(x.total_micro) / 1e6}` : '—');
  return `${where}: lưu/stored ${side(m.stored)}; tính lại/recomputed ${side(m.expected)}`;
}
