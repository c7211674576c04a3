// No row points at a row that is not there: every declared foreign key (SQLite does not enforce them on
// rows written with enforcement off, and a restore can disable them on PostgreSQL), plus the references
// the schema leaves undeclared for speed (values and rollups carry bare ids on their hot paths).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { listTables, type ForeignKey, type TableInfo } from '../store/introspect.ts';
import { quote } from '../store/rawConnection.ts';
import { countWords, type CheckResult } from './findings.ts';

/** References kept without a declared foreign key. */
export const UNDECLARED: Array<{ table: string } & ForeignKey> = [
  ...['value', 'value_history', 'rollup'].flatMap((table) => [
    { table, columns: ['indicator_id'], parent: 'indicator', parentColumns: ['id'] },
    { table, columns: ['breakdown_id'], parent: 'breakdown', parentColumns: ['id'] },
  ]),
  { table: 'value', columns: ['unit_id'], parent: 'unit', parentColumns: ['id'] },
  { table: 'value_history', columns: ['unit_id'], parent: 'unit', parentColumns: ['id'] },
  { table: 'rollup', columns: ['region_id'], parent: 'unit', parentColumns: ['id'] },
  { table: 'submission_entry', columns: ['indicator_id'], parent: 'indicator', parentColumns: ['id'] },
  { table: 'submission_entry', columns: ['breakdown_id'], parent: 'breakdown', parentColumns: ['id'] },
  { table: 'dataset_item', columns: ['breakdown_id'], parent: 'breakdown', parentColumns: ['id'] },
];

export async function checkOrphans(db: Db, tables?: TableInfo[]): Promise<CheckResult> {
  const all = tables ?? (await listTables(db));
  const names = new Set(all.map((t) => t.name));
  const refs = [
    ...all.flatMap((t) => t.foreignKeys.map((fk) => ({ table: t.name, ...fk }))),
    ...UNDECLARED.filter((u) => names.has(u.table) && names.has(u.parent)),
  ];
  const r: CheckResult = {
    id: 'orphans', nameVi: 'Tham chiếu giữa các bảng', nameEn: 'References between tables', problems: [],
    noteVi: `${refs.length} tham chiếu đều trỏ tới dòng có thật`, noteEn: `all ${refs.length} references point at existing rows`,
  };
  for (const ref of refs) {
    const child = ref.columns.map((c) => `c.${quote(c)}`);
    const match = ref.columns.map((c, i) => `p.${quote(ref.parentColumns[i]!)} = c.${quote(c)}`).join(' AND ');
    const text = `SELECT COUNT(*) AS n FROM ${quote(ref.table)} c WHERE ${child.map((c) => `${c} IS NOT NULL`).join(' AND ')}` +
      ` AND NOT EXISTS (SELECT 1 FROM ${quote(ref.parent)} p WHERE ${match})`;
    const n = Number((await sql<{ n: number }>`${sql.raw(text)}`.execute(db.k)).rows[0]!.n);
    if (!n) continue;
    const w = countWords(n, false, `dòng của bảng ${ref.table} trỏ tới ${ref.parent} không tồn tại (cột ${ref.columns.join(', ')})`, `row`);
    r.problems.push({
      code: 'orphan_rows', count: n,
      vi: `${w.vi}.`,
      en: `${w.en} of ${ref.table} point at a missing ${ref.parent} (column ${ref.columns.join(', ')}).`,
      fixVi: 'Dữ liệu bị xóa dở hoặc khôi phục thiếu; khôi phục từ bản sao lưu đầy đủ.',
      fixEn: 'Data was deleted half-way or restored incompletely; restore from a complete backup.',
      examples: [`${ref.table}.${ref.columns.join(',')} → ${ref.parent}.${ref.parentColumns.join(',')}`],
    });
  }
  return r;
}
