// `congthuong import` and `congthuong export`: value files in and out, all-or-nothing, with progress.
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { withStore } from '../cli/store.ts';
import { exportValues } from './exportValues.ts';
import { importValues, ImportRejected } from './importValues.ts';
import { CSV_COLUMNS, parseValueFile, toCsv } from './valueFiles.ts';

export function registerValueCommands(program: Command): void {
  program
    .command('import <file>')
    .description('Nhập số liệu từ tệp CSV hoặc JSON (tất cả hoặc không) / import values from CSV or JSON, all or nothing')
    .option('--format <format>', 'csv | json (mặc định theo đuôi tệp / default from the extension)')
    .option('--actor <name>', 'người nhập / who imports', process.env.USER ?? 'cli')
    .option('--source <document>', 'tài liệu nguồn / source document')
    .option('--note <text>', 'ghi chú / note')
    .action(async (file: string, o: { format?: 'csv' | 'json'; actor: string; source?: string; note?: string }) => {
      const format = o.format ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      const size = statSync(file).size;
      const parsed = parseValueFile(readFileSync(file, 'utf8'), format);
      if ('errors' in parsed) throw Object.assign(new Error('unreadable'), { userMessage: `${parsed.errors[0]!.messageVi}\n${parsed.errors[0]!.messageEn}` });
      await withStore(async (db) => {
        const bar = process.stderr.isTTY ? new SingleBar({ format: 'Nhập / importing [{bar}] {value}/{total}' }, Presets.shades_classic) : null;
        bar?.start(parsed.rows.length, 0);
        try {
          const r = await importValues(db, parsed.rows, { actor: o.actor, kind: 'import', sourceDocument: o.source ?? file, note: o.note },
            { bulk: parsed.rows.length > 5000, onProgress: (n) => bar?.update(n) });
          bar?.stop();
          console.log(`Đã nhập ${r.rows} dòng (${(size / 1024).toFixed(0)} KB): ${r.inserted} mới, ${r.updated} sửa, ${r.unchanged} không đổi; lô thay đổi #${r.changeSetId}.`);
          console.log(`Imported ${r.rows} rows: ${r.inserted} new, ${r.updated} revised, ${r.unchanged} unchanged; change set #${r.changeSetId}.`);
        } catch (e) {
          bar?.stop();
          if (!(e instanceof ImportRejected)) throw e;
          console.error(`Không có gì được ghi: ${e.errors.length} lỗi / nothing was written: ${e.errors.length} errors`);
          for (const x of e.errors.slice(0, 50)) console.error(`  dòng/row ${x.row}, ${x.field}: ${x.messageVi} / ${x.messageEn}`);
          if (e.errors.length > 50) console.error(`  … và ${e.errors.length - 50} lỗi khác / and ${e.errors.length - 50} more`);
          process.exitCode = 1;
        }
      });
    });

  program
    .command('export')
    .description('Xuất số liệu ra CSV hoặc JSON / export values as CSV or JSON')
    .option('--format <format>', 'csv | json', 'csv')
    .option('--place <ids>', 'đơn vị, cách nhau bởi dấu phẩy / comma-separated units')
    .option('--indicator <codes>', 'chỉ tiêu / indicators')
    .option('--period <periods>', 'kỳ / periods (9T/2024,T10/2024)')
    .option('--out <file>', 'tệp ra (mặc định: màn hình) / output file (default stdout)')
    .action(async (o: { format: 'csv' | 'json'; place?: string; indicator?: string; period?: string; out?: string }) => {
      await withStore(async (db) => {
        const out = o.out ? createWriteStream(o.out) : process.stdout;
        const rows = [];
        for await (const v of exportValues(db, { places: o.place?.split(','), indicators: o.indicator?.split(','), periods: o.period?.split(',') })) rows.push(v);
        out.write(o.format === 'json' ? JSON.stringify({ values: rows }, null, 1) + '\n' : toCsv(rows as unknown as Record<string, unknown>[]));
        if (o.out) {
          (out as ReturnType<typeof createWriteStream>).end();
          console.error(`Đã xuất ${rows.length} số liệu / exported ${rows.length} values → ${o.out}`);
        }
      });
    });
  void CSV_COLUMNS;
}
