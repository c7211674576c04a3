// Values and their revisions tell one story. A current value of version v > 1 has its previous revision
// (v − 1) in value_history, superseded by the very change set that wrote it; no archived revision is
// newer than the current one; and every change set holds exactly as many writes as it says it made
// (inserts + updates + deletes) — a change set with fewer would be a half-applied import.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { countWords, type CheckResult, type Problem } from './findings.ts';

const LIMIT = 20;
type KeyRow = { period: number; indicator_id: number; breakdown_id: number; unit_id: number; measure: number; version: number };
const keyText = (r: KeyRow) => `kỳ/period ${r.period} · chỉ tiêu/indicator #${r.indicator_id} · đơn vị/unit #${r.unit_id} · phân tổ/breakdown ${r.breakdown_id} · ${r.measure ? 'kế hoạch/plan' : 'thực hiện/actual'} · v${r.version}`;
const sameKey = sql`h.period = v.period AND h.indicator_id = v.indicator_id AND h.breakdown_id = v.breakdown_id AND h.unit_id = v.unit_id AND h.measure = v.measure`;

export async function checkHistory(db: Db): Promise<CheckResult> {
  const r: CheckResult = { id: 'history', nameVi: 'Lịch sử sửa đổi số liệu', nameEn: 'Revision history of values', problems: [] };
  const push = (p: Problem | null) => p && r.problems.push(p);

  const badVersion = (await sql<KeyRow>`SELECT * FROM value v WHERE v.version < 1 LIMIT ${LIMIT}`.execute(db.k)).rows;
  push(problem('value_bad_version', badVersion, 'số liệu hiện hành có số phiên bản nhỏ hơn 1', 'current value with a version below 1',
    'Số phiên bản phải bắt đầu từ 1.', 'Versions start at 1.'));

  const missing = (await sql<KeyRow>`
    SELECT v.period, v.indicator_id, v.breakdown_id, v.unit_id, v.measure, v.version FROM value v
    WHERE v.version > 1 AND NOT EXISTS (
      SELECT 1 FROM value_history h WHERE ${sameKey} AND h.version = v.version - 1 AND h.superseded_by = v.change_set_id)
    LIMIT ${LIMIT}`.execute(db.k)).rows;
  push(problem('history_missing', missing,
    'số liệu hiện hành thiếu bản trước trong lịch sử (phiên bản v−1, thay bởi lô ghi của nó)',
    'current value missing its previous revision in the history (version v−1, superseded by its change set)',
    'Lịch sử sửa đổi bị mất một phần; khôi phục từ bản sao lưu nếu cần truy vết.',
    'Part of the revision history is lost; restore from a backup if the trail is needed.'));

  const newer = (await sql<KeyRow>`
    SELECT v.period, v.indicator_id, v.breakdown_id, v.unit_id, v.measure, v.version FROM value v
    WHERE EXISTS (SELECT 1 FROM value_history h WHERE ${sameKey} AND h.superseded_by > v.change_set_id)
    LIMIT ${LIMIT}`.execute(db.k)).rows;
  push(problem('history_newer_than_current', newer,
    'số liệu hiện hành cũ hơn một bản đã lưu trữ (bản hiện hành không phải bản mới nhất)',
    'current value older than an archived revision (the current one is not the latest)',
    'Giá trị hiện hành có thể đã bị ghi đè bằng một bản cũ.', 'The current value may have been overwritten with an old one.'));

  const inverted = (await sql<KeyRow>`SELECT * FROM value_history v WHERE v.change_set_id > v.superseded_by LIMIT ${LIMIT}`.execute(db.k)).rows;
  push(problem('history_order', inverted, 'bản lưu trữ bị thay bởi một lô ghi trước cả lô đã ghi ra nó',
    'archived revision superseded by a change set older than the one that wrote it', undefined, undefined));

  r.problems.push(...(await changeSetCounts(db)));
  return r;
}

function problem(code: string, rows: KeyRow[], vi: string, en: string, fixVi?: string, fixEn?: string): Problem | null {
  if (!rows.length) return null;
  const w = countWords(rows.length, rows.length >= LIMIT, vi, en);
  return { code, count: rows.length, atLeast: rows.length >= LIMIT, vi: `${w.vi}.`, en: `${w.en}.`, fixVi, fixEn, examples: rows.slice(0, 5).map(keyText) };
}

/** Writes per change set, from three grouped scans (no per-change-set query: there are many). */
async function changeSetCounts(db: Db): Promise<Problem[]> {
  const tally = new Map<number, { written: number; updates: number; archived: number }>();
  const at = (id: number) => {
    let t = tally.get(id);
    if (!t) tally.set(id, (t = { written: 0, updates: 0, archived: 0 }));
    return t;
  };
  for (const table of ['value', 'value_history'] as const) {
    const rows = (await sql<{ cs: number; n: number; up: number }>`
      SELECT change_set_id AS cs, COUNT(*) AS n, SUM(CASE WHEN version > 1 THEN 1 ELSE 0 END) AS up
      FROM ${sql.table(table)} GROUP BY change_set_id`.execute(db.k)).rows;
    for (const x of rows) {
      const t = at(Number(x.cs));
      t.written += Number(x.n);
      t.updates += Number(x.up);
    }
  }
  const archived = (await sql<{ cs: number; n: number }>`SELECT superseded_by AS cs, COUNT(*) AS n FROM value_history GROUP BY superseded_by`.execute(db.k)).rows;
  for (const x of archived) at(Number(x.cs)).archived += Number(x.n);

  const sets = (await sql<{ id: number; rows: number; kind: string }>`SELECT id, rows, kind FROM change_set`.execute(db.k)).rows;
  const known = new Set(sets.map((s) => Number(s.id)));
  const partial: string[] = [];
  let partialCount = 0;
  for (const s of sets) {
    const t = tally.get(Number(s.id)) ?? { written: 0, updates: 0, archived: 0 };
    const deletes = t.archived - t.updates;
    const found = t.written + deletes;
    if (deletes < 0 || found !== Number(s.rows)) {
      partialCount++;
      if (partial.length < 5) partial.push(`lô/change set #${s.id} (${s.kind}): ghi nhận/recorded ${s.rows}, tìm thấy/found ${found}`);
    }
  }
  const out: Problem[] = [];
  if (partialCount) {
    const w = countWords(partialCount, false, 'lô ghi (change set) có số dòng khác với số dòng nó đã ghi — dấu hiệu một lần nhập dở dang', 'change set');
    out.push({
      code: 'change_set_partial', count: partialCount, vi: `${w.vi}.`,
      en: `${w.en} whose stored rows differ from the rows it says it wrote — the mark of a half-applied import.`,
      fixVi: 'Đối chiếu với tệp đã nhập và nhập lại; khôi phục từ bản sao lưu nếu cần.',
      fixEn: 'Compare with the imported file and import it again; restore from a backup if needed.',
      examples: partial,
    });
  }
  const orphanSets = [...tally.keys()].filter((id) => !known.has(id));
  if (orphanSets.length) {
    const w = countWords(orphanSets.length, false, 'lô ghi được số liệu nhắc tới nhưng không tồn tại', 'change set');
    out.push({
      code: 'change_set_missing', count: orphanSets.length, vi: `${w.vi}.`,
      en: `${w.en} referred to by values but missing (who wrote them, and from which source, is lost).`,
      examples: orphanSets.slice(0, 5).map((id) => `#${id}`),
    });
  }
  return out;
}
