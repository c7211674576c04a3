// `congthuong dataset load|list` and `congthuong calendar <dataset> <year>`.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withStore } from '../../cli/store.ts';
import { printTable } from '../../cli/table.ts';
import { formatPeriod, periodCode, periodKey } from '../../periods/period.ts';
import { UserError } from '../../server/errors.ts';
import { calendarOf, datasetOr404 } from '../submissions/report.ts';
import { periodsOfYear } from './dataset.ts';
import { datasets } from './datasetStore.ts';
import { loadDatasetDefinition } from './defaults.ts';

const cli = () => ({ actor: null, label: `cli:${process.env.USER ?? 'system'}` });
async function run(fn: () => Promise<void>) {
  try {
    await fn();
  } catch (e) {
    if (e instanceof UserError) throw Object.assign(e, { userMessage: `${e.messageVi}\n${e.messageEn}` });
    throw e;
  }
}

export function registerDatasetCommands(program: Command): void {
  const ds = program.command('dataset').description('Bộ số liệu báo cáo / reporting data sets');
  ds.command('load <file>')
    .description('Nạp hoặc thay định nghĩa bộ số liệu từ tệp JSON / load or replace a data set definition')
    .action(async (file: string) => run(() => withStore(async (db) => {
      const r = await loadDatasetDefinition(db, cli(), JSON.parse(readFileSync(file, 'utf8')));
      console.log(`${r.created ? 'Đã tạo' : 'Đã cập nhật'} bộ số liệu ${r.code}. / Data set ${r.code} ${r.created ? 'created' : 'updated'}.`);
    })));
  ds.command('list')
    .description('Danh sách bộ số liệu / list data sets')
    .action(async () => run(() => withStore(async (db) => {
      console.log(printTable(['code', 'name', 'periodicity', 'items', 'version'],
        (await datasets(db)).map((d) => [d.code, d.nameVi, d.periodicity, d.items.length, d.version])));
    })));
  program.command('calendar <dataset> <year>')
    .description('Lịch báo cáo của năm: kỳ số liệu và hạn nộp / the reporting calendar of a year')
    .action(async (code: string, year: string) => run(() => withStore(async (db) => {
      const d = await datasetOr404(db, code);
      const periods = periodsOfYear(d.periodicity, Number(year));
      const cal = await calendarOf(db, d, periods);
      console.log(printTable(['kỳ / period', 'từ / from', 'đến / to', 'hạn nộp / deadline'],
        periods.map((p) => { const c = cal.get(periodKey(p))!; return [`${periodCode(p)} ${formatPeriod(p)}`, c.windowFrom, c.windowTo, c.deadline + (c.overridden ? ' *' : '')]; })));
    })));
}
