// `congthuong doctor`: every invariant of a store checked in turn. A check that cannot run (a table
// missing, a query refused) is itself a finding, and does not stop the others. The checks that read
// tables only run when the schema is the one this version knows: an old store is reported as such.
import type { Db } from '../../db/database.ts';
import { checkCatalogue } from './catalogueCheck.ts';
import { checkEngine } from './engineCheck.ts';
import type { CheckResult, DoctorReport } from './findings.ts';
import { checkHistory } from './historyCheck.ts';
import { checkMigrations } from './migrationsCheck.ts';
import { checkOrphans } from './orphansCheck.ts';
import { checkRollupsMatch } from './rollupsCheck.ts';

const CHECKS: Array<{ id: string; nameVi: string; nameEn: string; run: (db: Db) => Promise<CheckResult> }> = [
  { id: 'engine', nameVi: 'Cơ sở dữ liệu', nameEn: 'Database engine', run: checkEngine },
  { id: 'migrations', nameVi: 'Phiên bản lược đồ (migration)', nameEn: 'Schema version (migrations)', run: checkMigrations },
  { id: 'orphans', nameVi: 'Tham chiếu giữa các bảng', nameEn: 'References between tables', run: (db) => checkOrphans(db) },
  { id: 'catalogue', nameVi: 'Danh mục đơn vị, vùng và hiệu lực', nameEn: 'Units, regions and their validity', run: checkCatalogue },
  { id: 'history', nameVi: 'Lịch sử sửa đổi số liệu', nameEn: 'Revision history of values', run: checkHistory },
  { id: 'rollups', nameVi: 'Số tổng hợp vùng (rollup)', nameEn: 'Regional rollups', run: checkRollupsMatch },
];

export async function runDoctor(db: Db, storeLabel: string): Promise<DoctorReport> {
  const t0 = performance.now();
  const checks: CheckResult[] = [];
  for (const c of CHECKS) {
    try {
      checks.push(await c.run(db));
    } catch (e) {
      const msg = (e as Error).message.split('\n')[0]!;
      checks.push({ id: c.id, nameVi: c.nameVi, nameEn: c.nameEn, problems: [], failed: { vi: msg, en: msg } });
    }
  }
  return { store: storeLabel, checks, ms: performance.now() - t0 };
}
