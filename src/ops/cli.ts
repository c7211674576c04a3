// `congthuong doctor | backup | restore | move`: the operator's commands. They open the configured store
// without migrating it (a check or a copy must not change what it looks at); restore and move bring the
// target's schema to the archive's version themselves.
import type { Command } from 'commander';
import { loadConfig, storeFromUrl, type Config } from '../config/config.ts';
import { openDb, type Db } from '../db/database.ts';
import { backupStore, moveStore, restoreStore } from './archive/backup.ts';
import type { ImportSummary } from './archive/importStore.ts';
import { runDoctor } from './doctor/doctor.ts';
import { formatReport, healthy } from './doctor/findings.ts';

/** Where a store is, for people: a file path, or a PostgreSQL URL without its password. */
export function storeLabel(store: Config['store'], schema?: string): string {
  if (store.kind === 'sqlite') return `SQLite ${store.url}`;
  const u = new URL(store.url);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.toString()}${schema ? ` (schema ${schema})` : ''}`;
}

async function withRawStore<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ ...config.store, migrate: false });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printCopy(r: ImportSummary & { ms: number }): void {
  const nonEmpty = r.tables.filter((t) => t.rows > 0);
  console.log(`Đã chép ${r.rows} dòng của ${r.tables.length} bảng trong ${secs(r.ms)}; mỗi bảng được đối chiếu số dòng và mã băm.`);
  console.log(`Copied ${r.rows} rows of ${r.tables.length} tables in ${secs(r.ms)}; every table checked by row count and hash.`);
  for (const t of nonEmpty) console.log(`  ${t.table.padEnd(28)} ${String(t.rows).padStart(10)}  ${t.hash.slice(0, 16)}`);
  console.log(`Phiên bản lược đồ của bản sao / schema version of the copy: ${r.header.migrations.at(-1)}`);
}

export function registerOpsCommands(program: Command): void {
  program
    .command('doctor')
    .description('Kiểm tra các bất biến của kho dữ liệu / check the store\'s invariants (exit 1 if anything is wrong)')
    .option('--json', 'kết quả dạng JSON / JSON output')
    .action(async (o: { json?: boolean }) => {
      await withRawStore(async (db, config) => {
        const report = await runDoctor(db, storeLabel(config.store));
        console.log(o.json ? JSON.stringify(report, null, 1) : formatReport(report));
        if (!healthy(report)) process.exitCode = 1;
      });
    });

  program
    .command('backup <file>')
    .description('Sao lưu kho đang chạy: SQLite sao chép trực tuyến; PostgreSQL (hoặc --logical, hoặc tệp .jsonl.gz) xuất logic dùng được cho cả hai loại kho ' +
      '/ back up the running store: SQLite online copy; PostgreSQL (or --logical, or a .jsonl.gz name) a logical archive either store can restore')
    .option('--logical', 'luôn xuất logic (.jsonl.gz) / always write the logical archive')
    .action(async (file: string, o: { logical?: boolean }) => {
      await withRawStore(async (db) => {
        const r = await backupStore(db, file, { logical: o.logical });
        const what = r.format === 'sqlite' ? 'bản sao SQLite / SQLite copy' : `bản lưu logic / logical archive, ${r.tables} bảng/tables, ${r.rows} dòng/rows`;
        console.log(`Đã sao lưu / backed up → ${file}: ${what}, ${mb(r.bytes)}, ${secs(r.ms)}`);
      });
    });

  program
    .command('restore <file>')
    .description('Khôi phục bản sao lưu (SQLite hoặc .jsonl.gz) vào kho đã cấu hình, kho phải trống / restore a backup into the configured store, which must be empty')
    .action(async (file: string) => {
      await withRawStore(async (db) => printCopy(await restoreStore(db, file)));
    });

  program
    .command('move')
    .description('Chuyển toàn bộ dữ liệu sang kho khác, VD từ SQLite sang PostgreSQL / move every row to another store, e.g. SQLite → PostgreSQL')
    .requiredOption('--to <url>', 'kho đích (trống): postgres://… hoặc đường dẫn tệp SQLite / the empty target: postgres://… or a SQLite file path')
    .option('--schema <name>', 'lược đồ PostgreSQL của kho đích / PostgreSQL schema of the target')
    .action(async (o: { to: string; schema?: string }) => {
      await withRawStore(async (source, config) => {
        const to = storeFromUrl(o.to, config.dataDir);
        const target = await openDb({ ...to, schema: o.schema, migrate: false });
        try {
          console.log(`${storeLabel(config.store)} → ${storeLabel(to, o.schema)}`);
          printCopy(await moveStore(source, target));
          console.log('Xong: đặt DATABASE_URL là URL của kho đích rồi khởi động lại. / Done: set DATABASE_URL to the target\'s URL and restart.');
        } finally {
          await target.close();
        }
      });
    });
}
