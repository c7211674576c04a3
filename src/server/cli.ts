// `congthuong serve`: the web application and the API on one origin.
import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openDb } from '../db/database.ts';
import { ensureDemoData } from '../collection/demo/loadDemo.ts';
import { ensureDemoAccounts, retireDemoAccounts } from '../collection/demo/demoAccounts.ts';
import { buildApp } from './app.ts';
import { ensureWebBuilt } from './webBuild.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web + API / run the web application and API (PORT, HOST, DATABASE_URL, DATA_DIR)')
    .option('--demo', 'nạp danh mục và số liệu mẫu nếu kho trống / load master data and demo figures into an empty store')
    .action(async (opts: { demo?: boolean }) => {
      const config = loadConfig();
      const db = await openDb(config.store);
      if (opts.demo) await ensureDemoData(db);
      if (opts.demo) await ensureDemoAccounts(db); // sign-in page lists them in demo mode only
      else await retireDemoAccounts(db, (m) => console.warn(m));
      if (config.ops.webBuild !== 'off') await ensureWebBuilt({ log: (s) => console.log(s) });
      const app = await buildApp({ db, logLevel: config.logLevel, config });
      const close = async () => {
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      const where = config.store.kind === 'sqlite' ? config.store.url : 'PostgreSQL';
      console.log(`Công Thương Vùng: http://${config.host}:${config.port}/  (API /api, tài liệu /docs, kho ${where})`);
    });
}
