// The database engine's own view. SQLite: PRAGMA integrity_check (pages, indexes, records) and the
// journal mode the durability argument rests on (WAL). PostgreSQL: the server answers, no index left
// invalid by an interrupted CREATE INDEX CONCURRENTLY, no constraint left NOT VALID, and no id
// sequence behind its table's largest id (the classic fault after a restore: the next insert collides).
import { sql } from 'kysely';
import type { Db, SqliteHandle } from '../../db/database.ts';
import { listTables } from '../store/introspect.ts';
import { quote } from '../store/rawConnection.ts';
import type { CheckResult } from './findings.ts';

export async function checkEngine(db: Db): Promise<CheckResult> {
  return db.raw.kind === 'sqlite' ? sqliteEngine(db.raw) : postgresEngine(db);
}

function sqliteEngine(h: SqliteHandle): CheckResult {
  const s = h.sqlite;
  const r: CheckResult = { id: 'engine', nameVi: 'Tệp SQLite', nameEn: 'SQLite file', problems: [] };
  const lines = (s.pragma('integrity_check(50)') as Array<{ integrity_check: string }>)
    .flatMap((x) => x.integrity_check.split('\n')).filter((l) => l && !l.startsWith('***'));
  if (!(lines.length === 1 && lines[0] === 'ok')) {
    r.problems.push({
      code: 'sqlite_integrity', count: lines.length,
      vi: `Tệp cơ sở dữ liệu bị hỏng: SQLite báo ${lines.length} lỗi cấu trúc.`,
      en: `The database file is damaged: SQLite reports ${lines.length} structural error(s).`,
      fixVi: 'Dừng máy chủ và khôi phục từ bản sao lưu gần nhất (`congthuong restore`).',
      fixEn: 'Stop the server and restore the latest backup (`congthuong restore`).',
      examples: lines.slice(0, 5),
    });
  }
  const mode = String(s.pragma('journal_mode', { simple: true }));
  const memory = s.name === ':memory:' || s.memory;
  if (!memory && mode !== 'wal') {
    r.problems.push({
      code: 'sqlite_journal_mode', count: 1,
      vi: `Chế độ nhật ký là "${mode}", không phải WAL: một lần mất điện có thể mất các lần ghi đã xác nhận.`,
      en: `The journal mode is "${mode}", not WAL: a power loss may lose acknowledged writes.`,
      fixVi: 'Khởi động lại máy chủ (nó đặt WAL khi mở kho).', fixEn: 'Restart the server (it sets WAL when it opens the store).',
    });
  }
  r.noteVi = `integrity_check: ok, journal_mode: ${mode}`;
  r.noteEn = r.noteVi;
  return r;
}

async function postgresEngine(db: Db): Promise<CheckResult> {
  const r: CheckResult = { id: 'engine', nameVi: 'Máy chủ PostgreSQL', nameEn: 'PostgreSQL server', problems: [] };
  const v = (await sql<{ v: string; s: string }>`SELECT current_setting('server_version') AS v, current_schema() AS s`.execute(db.k)).rows[0]!;
  r.noteVi = `phiên bản ${v.v}, lược đồ ${v.s}`;
  r.noteEn = `version ${v.v}, schema ${v.s}`;

  const invalid = (await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND NOT i.indisvalid`.execute(db.k)).rows;
  if (invalid.length) {
    r.problems.push({
      code: 'pg_invalid_index', count: invalid.length,
      vi: `${invalid.length} chỉ mục không hợp lệ (một lệnh tạo chỉ mục bị ngắt giữa chừng).`,
      en: `${invalid.length} invalid index(es) (an index build was interrupted).`,
      fixVi: 'Chạy REINDEX INDEX cho từng chỉ mục.', fixEn: 'Run REINDEX INDEX on each of them.',
      examples: invalid.map((x) => x.name),
    });
  }
  const notValid = (await sql<{ name: string }>`
    SELECT c.conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = current_schema() AND NOT c.convalidated`.execute(db.k)).rows;
  if (notValid.length) {
    r.problems.push({
      code: 'pg_constraint_not_valid', count: notValid.length,
      vi: `${notValid.length} ràng buộc chưa được kiểm tra trên dữ liệu cũ (NOT VALID).`,
      en: `${notValid.length} constraint(s) never checked against existing rows (NOT VALID).`,
      fixVi: 'Chạy ALTER TABLE … VALIDATE CONSTRAINT.', fixEn: 'Run ALTER TABLE … VALIDATE CONSTRAINT.',
      examples: notValid.map((x) => x.name),
    });
  }
  const behind: string[] = [];
  for (const t of await listTables(db)) {
    if (!t.serial) continue;
    // pg_sequences.last_value is null until the sequence hands out its first value.
    const q = `SELECT (SELECT MAX(${quote(t.serial)}) FROM ${quote(t.name)}) AS max_id, ` +
      `(SELECT COALESCE(s.last_value, 0) FROM pg_sequences s WHERE format('%I.%I', s.schemaname, s.sequencename) = ` +
      `pg_get_serial_sequence('${quote(t.name).replace(/'/g, "''")}', '${t.serial.replace(/'/g, "''")}')) AS seq`;
    const x = (await sql<{ max_id: number | null; seq: number }>`${sql.raw(q)}`.execute(db.k)).rows[0]!;
    if (x.max_id !== null && Number(x.seq) < Number(x.max_id)) behind.push(`${t.name}.${t.serial}: max ${x.max_id}, sequence ${x.seq}`);
  }
  if (behind.length) {
    r.problems.push({
      code: 'pg_sequence_behind', count: behind.length,
      vi: `${behind.length} bộ đếm mã tự tăng đứng sau mã lớn nhất đã có: lần ghi tới sẽ bị trùng khóa.`,
      en: `${behind.length} id sequence(s) behind the largest id in use: the next insert will collide.`,
      fixVi: "Chạy SELECT setval(pg_get_serial_sequence('bảng', 'id'), MAX(id)) FROM bảng.",
      fixEn: "Run SELECT setval(pg_get_serial_sequence('table', 'id'), MAX(id)) FROM table.",
      examples: behind,
    });
  }
  return r;
}
