// `congthuong aggregate` and `congthuong pivot`: regional answers printed as tables.
import type { Command } from 'commander';
import { withStore } from '../cli/store.ts';
import { printTable } from '../cli/table.ts';
import { reference } from '../catalogue/reference.ts';
import { formatPeriod, parsePeriod, type Period } from '../periods/period.ts';
import { formatGrowth, formatNumber, type Lang } from '../shared/format.ts';
import { describeRegionalFigure, unitName } from './describe.ts';
import { regionalIndicator } from './regional.ts';
import { regionalPivot } from './pivot.ts';

function periodArg(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw Object.assign(new Error('bad period'), { userMessage: `Kỳ không đọc được / unreadable period: "${text}" (ví dụ / e.g. 9T/2024, "9 tháng đầu năm 2024")` });
  return p;
}

export function registerAnalyticsCommands(program: Command): void {
  program
    .command('aggregate')
    .description('Một chỉ tiêu của một vùng trong kỳ, so cùng kỳ, các tỉnh trên bình quân / one indicator of a region for a period')
    .requiredOption('--region <id>', 'vùng / region (north, south, central, national)')
    .requiredOption('--indicator <code>', 'mã chỉ tiêu / indicator code (retail_services, exports, iip...)')
    .requiredOption('--period <period>', 'kỳ / period ("9 tháng đầu năm 2024", 9T/2024, T10/2024...)')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in JSON / print JSON')
    .action(async (o: { region: string; indicator: string; period: string; lang: Lang; json?: boolean }) => {
      await withStore(async (db) => {
        const period = periodArg(o.period);
        const f = await regionalIndicator(db, { region: o.region, indicator: o.indicator, period });
        const ref = await reference(db);
        const text = describeRegionalFigure(ref, f, o.lang);
        if (o.json) return void console.log(JSON.stringify({ ...f, text }, null, 2));
        const vi = o.lang === 'vi';
        console.log(`${text.headline}\n(${text.coverage})`);
        if (text.aboveAverage) console.log(text.aboveAverage);
        console.log();
        console.log(printTable(
          vi ? ['Hạng', 'Tỉnh, thành phố', formatPeriod(period, 'vi'), 'Cùng kỳ', 'Tăng/giảm', 'Tỷ trọng', '% KH'] : ['Rank', 'Province', formatPeriod(period, 'en'), 'Same period', 'Growth', 'Share', '% plan'],
          [...f.units].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)).map((u) => [
            u.rank, unitName(ref, u.unit, o.lang) + (u.aboveAverage ? ' ▲' : ''), formatNumber(u.value, o.lang),
            formatNumber(u.previous, o.lang), u.growthPct === null ? null : formatGrowth(u.growthPct, o.lang),
            u.sharePct === null ? null : formatNumber(u.sharePct, o.lang) + '%', u.pctOfPlan === null ? null : formatNumber(u.pctOfPlan, o.lang) + '%',
          ]),
          [true, false, true, true, false, true, true],
        ));
        for (const p of f.published) {
          console.log(`\n${vi ? 'Số liệu công bố cho vùng' : 'Published for the region'}: ${formatNumber(p.value, o.lang)} ${p.growthPct !== null ? formatGrowth(p.growthPct, o.lang) : ''} [${p.status}${p.note ? '; ' + p.note : ''}]`);
        }
      });
    });

  program
    .command('pivot')
    .description('Bảng tổng hợp mọi chỉ tiêu × mọi vùng / regional pivot for a period')
    .requiredOption('--period <period>', 'kỳ / period')
    .option('--regions <ids>', 'vùng, cách nhau bởi dấu phẩy / comma-separated regions')
    .option('--indicators <codes>', 'chỉ tiêu / comma-separated indicators')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in JSON / print JSON')
    .action(async (o: { period: string; regions?: string; indicators?: string; lang: Lang; json?: boolean }) => {
      await withStore(async (db) => {
        const period = periodArg(o.period);
        const split = (s?: string) => s?.split(',').map((x) => x.trim()).filter(Boolean);
        const cells = await regionalPivot(db, { period, regions: split(o.regions), indicators: split(o.indicators) });
        if (o.json) return void console.log(JSON.stringify(cells, null, 2));
        const ref = await reference(db);
        const vi = o.lang === 'vi';
        console.log(printTable(
          vi ? ['Vùng', 'Chỉ tiêu', 'Giá trị', 'Cùng kỳ', 'Tăng/giảm', 'Độ phủ', 'Hạng', '% KH'] : ['Region', 'Indicator', 'Value', 'Same period', 'Growth', 'Coverage', 'Rank', '% plan'],
          cells.filter((c) => c.value !== null).map((c) => [
            unitName(ref, c.region, o.lang), c.indicator, formatNumber(c.value, o.lang), formatNumber(c.previous, o.lang),
            c.growthPct === null ? null : formatGrowth(c.growthPct, o.lang), `${c.coverage.reported}/${c.coverage.of}`, c.rank,
            c.pctOfPlan === null ? null : formatNumber(c.pctOfPlan, o.lang) + '%',
          ]),
          [false, false, true, true, false, true, true, true],
        ));
      });
    });
}
