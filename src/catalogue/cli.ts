// `congthuong migrate`, `congthuong catalogue load`: the store's schema and master data.
import type { Command } from 'commander';
import { withStore } from '../cli/store.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadMasterData } from './masterData.ts';
import { loadMasterDataIntoStore } from './catalogueStore.ts';
import { rebuildRollups } from '../analytics/rebuildRollups.ts';
import { readFileSync } from 'node:fs';
import { loadWeights, parseWeightsCsv } from './weights.ts';

export function registerCatalogueCommands(program: Command): void {
  program
    .command('migrate')
    .description('Cập nhật lược đồ kho dữ liệu / apply pending migrations')
    .action(async () => {
      // Opened without migrating, so that what this command applies is what it reports.
      await withStore(async (db) => {
        const applied = await migrateToLatest(db.k);
        console.log(applied.length ? `Đã áp dụng ${applied.length} migration / applied ${applied.length}: ${applied.join(', ')}` : 'Lược đồ đã mới nhất / schema is up to date');
      }, { migrate: false });
    });

  const catalogue = program.command('catalogue').description('Danh mục / master data');
  catalogue
    .command('load')
    .description('Nạp danh mục từ các tệp dữ liệu có phiên bản / load the versioned master-data files into the store')
    .action(async () => {
      const md = loadMasterData();
      await withStore(async (db) => {
        const r = await loadMasterDataIntoStore(db, md);
        console.log(`Đã nạp danh mục / master data loaded: ${r.units} đơn vị/units, ${r.memberships} thành viên vùng/memberships, ` +
          `${r.successions} kế thừa/successions, ${r.indicators} chỉ tiêu/indicators, ${r.dimensions} phân tổ/dimensions (${r.options} lựa chọn/options), ` +
          `${r.ministryUnits} đơn vị thuộc Bộ/ministry units.`);
        console.log(`Phiên bản tệp / file versions: ${Object.entries(md.versions).map(([f, v]) => `${f}@${v}`).join(', ')}`);
      });
    });

  catalogue
    .command('weights <file>')
    .description('Nạp quyền số (VD: giá trị tăng thêm công nghiệp năm gốc cho IIP) từ CSV unit,indicator,base_year,weight / load aggregation weights')
    .action(async (file: string) => {
      const parsed = parseWeightsCsv(readFileSync(file, 'utf8'));
      if ('errors' in parsed) throw Object.assign(new Error('bad file'), { userMessage: parsed.errors.map((e) => `dòng/row ${e.row}: ${e.messageVi} / ${e.messageEn}`).join('\n') });
      await withStore(async (db) => {
        const r = await loadWeights(db, parsed.rows);
        console.log(`Đã nạp ${r.weights} quyền số, tính lại ${r.rollups} dòng tổng hợp / loaded ${r.weights} weights, rebuilt ${r.rollups} rollup rows`);
      });
    });

  program
    .command('rebuild-rollups')
    .description('Tính lại toàn bộ bảng tổng hợp vùng từ số liệu / recompute every rollup from the values')
    .action(async () => {
      await withStore(async (db) => {
        const t = Date.now();
        const n = await rebuildRollups(db);
        console.log(`Đã tính lại ${n} dòng tổng hợp trong ${Date.now() - t} ms / rebuilt ${n} rollup rows`);
      });
    });
}
