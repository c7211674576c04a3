// `congthuong conference list|show|hosts|import` and `congthuong difficulties summary`.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { withStore } from '../cli/store.ts';
import { printTable } from '../cli/table.ts';
import type { Lang } from '../shared/format.ts';
import { UserError } from '../server/errors.ts';
import { conferenceInputSchema } from './conference.ts';
import { createConference, findConference } from './store.ts';
import { cliAudit } from './audit.ts';
import { conferenceDetail, listConferences, regionConferences } from './views.ts';
import { conferenceFigures } from './figures.ts';
import { difficultySummary } from './difficultyStore.ts';

/** A UserError from the store, printed as the API would say it. */
export function cliError(e: unknown): never {
  if (e instanceof UserError) throw Object.assign(new Error(e.messageEn), { userMessage: `${e.messageVi} / ${e.messageEn}` });
  throw e;
}

export function registerConferenceCommands(program: Command): void {
  const conf = program.command('conference').description('Hội nghị ngành Công Thương khu vực / regional conferences');

  conf.command('list')
    .description('Danh sách hội nghị / list the conferences')
    .option('--region <id>', 'vùng / region (north, south, central)')
    .option('--year <year>', 'năm / year')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in JSON / print JSON')
    .action(async (o: { region?: string; year?: string; lang: Lang; json?: boolean }) => {
      await withStore(async (db) => {
        const list = await listConferences(db, { region: o.region, year: o.year ? Number(o.year) : undefined }, o.lang).catch(cliError);
        if (o.json) return void console.log(JSON.stringify(list, null, 2));
        const vi = o.lang === 'vi';
        console.log(printTable(
          vi ? ['Mã', 'Vùng', 'Lần', 'Năm', 'Ngày', 'Đăng cai', 'Nguồn'] : ['Id', 'Region', 'No.', 'Year', 'Date', 'Host', 'Origin'],
          list.map((c) => [c.slug, c.region_name, c.ordinal_roman, c.year, c.starts_on ? c.date_label.replace(/^ngày /, '') : null, c.host_name, c.origin]),
        ));
      });
    });

  conf.command('show <id>')
    .description('Một hội nghị: tham dự, chuyển giao cờ, số liệu kỳ đánh giá / one conference with its figures')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in JSON / print JSON')
    .option('--no-figures', 'không tính số liệu / skip the figures')
    .action(async (id: string, o: { lang: Lang; json?: boolean; figures: boolean }) => {
      await withStore(async (db) => {
        const c = await conferenceDetail(db, id, o.lang).catch(cliError);
        const figures = o.figures ? await conferenceFigures(db, c.region, c.review_periods, o.lang) : [];
        if (o.json) return void console.log(JSON.stringify({ ...c, figures }, null, 2));
        const vi = o.lang === 'vi';
        const line = (k: string, v: unknown) => v !== null && v !== undefined && v !== '' && console.log(`${k}: ${v}`);
        console.log(c.title);
        line(vi ? 'Thời gian' : 'Date', c.date_label);
        line(vi ? 'Đăng cai' : 'Host', c.host_name);
        line(vi ? 'Địa điểm' : 'Venue', c.venue);
        line(vi ? 'Chỉ đạo' : 'Chair', c.chair);
        line(vi ? 'Tổ chức' : 'Organisers', c.organisers);
        line(vi ? 'Dự họp' : 'Attending', [c.attendance.note, ...c.attendance.ministry_units.map((m) => m.name), ...c.attendance.provinces.map((p) => p.name)].filter(Boolean).join('; '));
        if (c.trade_fair?.held) line(vi ? 'Hội chợ' : 'Trade fair', c.trade_fair.note ?? (vi ? 'có' : 'yes'));
        for (const h of c.handovers) line(vi ? 'Chuyển giao cờ' : 'Flag handed', `${h.from_name ?? '—'} → ${h.to_name} (${h.for_ordinal_label ?? ''} ${h.for_year ?? ''})`.trim());
        line(vi ? 'Số nhóm nhiệm vụ theo kết luận' : 'Task groups stated', c.task_groups_stated);
        for (const n of c.notes) console.log(`* ${vi ? n.vi : n.en}`);
        for (const p of figures) {
          console.log(`\n${vi ? 'Số liệu' : 'Figures'} — ${p.label}`);
          for (const f of p.figures) console.log(`- ${f.text.headline}`);
        }
        console.log(`\n${vi ? 'Nguồn' : 'Sources'}: ${[...new Set(c.sources.map((s) => s.document ?? s.primer))].join(', ')}`);
      });
    });

  conf.command('hosts')
    .description('Tỉnh đã đăng cai, chuyển giao cờ, tỉnh đăng cai kế tiếp / hosts, handovers and the next host')
    .requiredOption('--region <id>', 'vùng / region')
    .option('--as-of <date>', 'tính đến ngày / as of (YYYY-MM-DD)')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in JSON / print JSON')
    .action(async (o: { region: string; asOf?: string; lang: Lang; json?: boolean }) => {
      await withStore(async (db) => {
        const r = await regionConferences(db, o.region, { asOf: o.asOf, lang: o.lang }).catch(cliError);
        if (o.json) return void console.log(JSON.stringify(r, null, 2));
        const vi = o.lang === 'vi';
        console.log(printTable(vi ? ['Năm', 'Lần', 'Đăng cai'] : ['Year', 'No.', 'Host'], r.past_hosts.map((p) => [p.year, p.ordinal_label, p.host_name])));
        for (const h of r.handovers) console.log(`${h.from_name ?? '—'} → ${h.to_name} (${h.for_ordinal_label ?? ''} ${h.for_year ?? ''}): ${h.outcome_text}`);
        console.log(r.next_host ? `${vi ? 'Đăng cai kế tiếp' : 'Next host'}: ${r.next_host.host_name} ${r.next_host.ordinal_label ?? ''} ${r.next_host.for_year ?? ''}` : r.next_host_text);
        for (const n of r.numbering_notes) console.log(`* ${n.text}`);
      });
    });

  conf.command('import <file>')
    .description('Ghi nhận hội nghị từ tệp JSON {conferences: [...]} (định dạng như src/conferences/data) / record conferences from a JSON file')
    .action(async (file: string) => {
      const parsed = z.object({ conferences: z.array(z.unknown()) }).parse(JSON.parse(readFileSync(file, 'utf8')));
      await withStore(async (db) => {
        for (const raw of parsed.conferences) {
          const { origin: _o, ...rest } = raw as Record<string, unknown>;
          const c = conferenceInputSchema.parse(rest);
          if (c.slug && (await findConference(db, c.slug))) { console.log(`= ${c.slug} (đã có / exists)`); continue; }
          const r = await createConference(db, c, { audit: cliAudit('conference.create', 'conference') }).catch(cliError);
          console.log(`+ ${r.slug}${r.warnings.length ? ` — ${r.warnings.map((w) => w.vi).join(' ')}` : ''}`);
        }
      });
    });

  program.command('difficulties')
    .description('Tổng hợp hạn chế, khó khăn, vướng mắc theo lĩnh vực / difficulties grouped by field')
    .option('--region <id>', 'vùng / region')
    .option('--period <period>', 'kỳ / period')
    .option('--conference <id>', 'hội nghị / conference')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in JSON / print JSON')
    .action(async (o: { region?: string; period?: string; conference?: string; lang: Lang; json?: boolean }) => {
      await withStore(async (db) => {
        const s = await difficultySummary(db, { region: o.region, period: o.period, conference: o.conference }, o.lang).catch(cliError);
        if (o.json) return void console.log(JSON.stringify(s, null, 2));
        for (const g of s.groups) {
          console.log(`\n${g.label}`);
          for (const k of g.kinds) for (const i of k.items) console.log(`- [${k.label}] ${i.unitName}: ${i.text}`);
        }
        if (!s.total) console.log(o.lang === 'vi' ? 'Chưa có khó khăn, vướng mắc nào được ghi nhận.' : 'No difficulties recorded.');
      });
    });
}
