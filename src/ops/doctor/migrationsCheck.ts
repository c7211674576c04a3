// Every migration this version knows is applied, and none the store has is unknown to it.
import type { Db } from '../../db/database.ts';
import { migrationState } from '../store/migrationState.ts';
import type { CheckResult } from './findings.ts';

export async function checkMigrations(db: Db): Promise<CheckResult> {
  const s = await migrationState(db);
  const r: CheckResult = {
    id: 'migrations', nameVi: 'Phiên bản lược đồ (migration)', nameEn: 'Schema version (migrations)', problems: [],
    noteVi: `đã áp dụng ${s.applied.length}/${s.applied.length + s.pending.length}`,
    noteEn: `${s.applied.length}/${s.applied.length + s.pending.length} applied`,
  };
  if (s.pending.length) {
    r.problems.push({
      code: 'migrations_pending', count: s.pending.length,
      vi: `${s.pending.length} migration chưa được áp dụng: kho đang ở phiên bản cũ hơn chương trình.`,
      en: `${s.pending.length} migration(s) not applied: the store is older than the program.`,
      fixVi: 'Khởi động máy chủ hoặc chạy `congthuong migrate` để nâng cấp.',
      fixEn: 'Start the server or run `congthuong migrate` to upgrade.',
      examples: s.pending,
    });
  }
  if (s.unknown.length) {
    r.problems.push({
      code: 'migrations_unknown', count: s.unknown.length,
      vi: `Kho có ${s.unknown.length} migration mà chương trình không biết: kho do một phiên bản mới hơn tạo ra.`,
      en: `The store has ${s.unknown.length} migration(s) this program does not know: a newer version wrote it.`,
      fixVi: 'Dùng phiên bản chương trình mới hơn; không chạy phiên bản cũ trên kho này.',
      fixEn: 'Use the newer program; do not run an older version on this store.',
      examples: s.unknown,
    });
  }
  return r;
}
