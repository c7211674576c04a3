// `congthuong report <type> --region south --period 9T/2024 --format docx --out bao-cao.docx --lang vi`
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withStore } from '../cli/store.ts';
import { parsePeriod } from '../periods/period.ts';
import { UserError } from '../server/errors.ts';
import { REPORT_FORMATS, REPORT_TYPES, type ReportFormat, type ReportType } from './model.ts';
import { generateReport } from './generate.ts';

const fail = (vi: string, en: string) => Object.assign(new Error(en), { userMessage: `${vi} / ${en}` });

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('Viết báo cáo từ số liệu (hội nghị khu vực, sơ kết tỉnh, bản tin tháng) / write a report from the data')
    .argument('<type>', `loại / type: ${REPORT_TYPES.join(' | ')}`)
    .option('--region <id>', 'vùng / region (north, south, central, national)')
    .option('--province <id>', 'tỉnh, thành phố / province (báo cáo sơ kết / provincial review)')
    .requiredOption('--period <period>', 'kỳ / period (9T/2024, T10/2024, "9 tháng đầu năm 2024"...)')
    .option('--format <format>', `định dạng / format: ${REPORT_FORMATS.join(' | ')}`, 'docx')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--date <YYYY-MM-DD>', 'ngày ghi trên báo cáo / date printed on the report')
    .option('--out <file>', 'tệp ghi ra (mặc định: tên báo cáo) / output file (default: the report\'s name)')
    .action(async (type: string, o: { region?: string; province?: string; period: string; format: string; lang: string; date?: string; out?: string }) => {
      if (!(REPORT_TYPES as readonly string[]).includes(type)) throw fail(`Loại báo cáo không có: "${type}"`, `unknown report type "${type}" (${REPORT_TYPES.join(', ')})`);
      if (!(REPORT_FORMATS as readonly string[]).includes(o.format)) throw fail(`Định dạng không có: "${o.format}"`, `unknown format "${o.format}"`);
      if (o.lang !== 'vi' && o.lang !== 'en') throw fail('Ngôn ngữ phải là vi hoặc en', 'lang must be vi or en');
      const period = parsePeriod(o.period);
      if (!period) throw fail(`Kỳ không đọc được: "${o.period}"`, 'unreadable period');
      await withStore(async (db) => {
        try {
          // A file opened offline embeds its fonts; links to the API stay relative.
          const out = await generateReport(db, {
            type: type as ReportType, region: o.region ?? null, province: o.province ?? null, period, lang: o.lang as 'vi' | 'en', date: o.date,
          }, o.format as ReportFormat, { fonts: 'inline' });
          const file = o.out ?? out.fileName;
          writeFileSync(file, out.body);
          console.log(`${file} (${Buffer.byteLength(out.body)} bytes)`);
        } catch (e) {
          if (e instanceof UserError) throw fail(e.messageVi, e.messageEn);
          throw e;
        }
      });
    });
}
