// `congthuong recommendations list|figures|reminders|export`, `congthuong tasks board|list`,
// `congthuong follow-up context`: the follow-up from the terminal (read-only, as an internal reader).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withStore } from '../cli/store.ts';
import { printTable } from '../cli/table.ts';
import type { Lang } from '../shared/format.ts';
import { cliError } from '../conferences/cli.ts';
import { lookup } from '../conferences/lookup.ts';
import { findConference } from '../conferences/store.ts';
import { summarize } from '../conferences/views.ts';
import type { RecStatus } from './recommendations/status.ts';
import { assignmentsOf, queryRecommendationRows } from './recommendations/store.ts';
import { consolidated, recDates } from './recommendations/views.ts';
import { DEFAULT_RULES, REMINDER_LABELS, reminders, sortReminders } from './recommendations/deadlines.ts';
import { exportDocx, exportXlsx } from './recommendations/export.ts';
import { followUpBoard } from './tasks/views.ts';
import { conferenceContext } from './context.ts';
import { vietnamToday } from './dates.ts';

interface RecOpts { conference?: string; region?: string; province?: string; status?: RecStatus; unit?: string; overdue?: boolean; lang: Lang; json?: boolean }

const recOptions = (c: Command) => c
  .option('--conference <id>', 'hội nghị / conference (id or slug)')
  .option('--region <id>', 'vùng / region')
  .option('--province <id>', 'tỉnh kiến nghị / submitting province')
  .option('--status <status>', 'submitted | assigned | answered | closed | withdrawn')
  .option('--unit <id>', 'đơn vị thuộc Bộ được giao / assigned ministry unit')
  .option('--overdue', 'chỉ kiến nghị quá hạn / overdue only')
  .option('--lang <lang>', 'vi | en', 'vi');

const query = (o: RecOpts) => ({ conference: o.conference, region: o.region, province: o.province, status: o.status, unit: o.unit, overdue: o.overdue ? 'true' as const : undefined });

export function registerFollowupCommands(program: Command): void {
  const recs = program.command('recommendations').description('Kiến nghị của địa phương và trả lời / localities\' recommendations and answers');

  recOptions(recs.command('list').description('Danh sách tổng hợp / the consolidated list')).option('--json', 'in JSON / print JSON')
    .action(async (o: RecOpts) => {
      await withStore(async (db) => {
        const c = await consolidated(db, query(o), { lang: o.lang }).catch(cliError);
        if (o.json) return void console.log(JSON.stringify(c, null, 2));
        const vi = o.lang === 'vi';
        console.log(printTable(
          vi ? ['Mã', 'Địa phương', 'Lĩnh vực', 'Tiêu đề', 'Đơn vị xử lý', 'Hạn gần nhất', 'Trạng thái'] : ['Id', 'Locality', 'Field', 'Title', 'Assigned to', 'Next due', 'Status'],
          c.items.map((r) => [r.id, r.province_name ?? (vi ? 'Phiên hội nghị' : 'Session'), r.field_label, r.title.slice(0, 60), r.assignments.map((a) => a.unit).join(', ') || null,
            r.next_due, r.status_label + (r.overdue ? (vi ? ' (quá hạn)' : ' (overdue)') : '')]),
          [true],
        ));
        const f = c.figures;
        console.log(vi
          ? `\nTổng số ${f.total}; đã trả lời ${f.answered} (đúng hạn ${f.answered_on_time}); còn chờ trả lời ${f.open}, quá hạn ${f.overdue}; đã đóng ${f.closed}.`
          : `\n${f.total} in all; ${f.answered} answered (${f.answered_on_time} on time); ${f.open} awaiting an answer, ${f.overdue} overdue; ${f.closed} closed.`);
      });
    });

  recOptions(recs.command('figures').description('Số liệu trả lời, theo đơn vị / answer figures, by unit'))
    .action(async (o: RecOpts) => {
      await withStore(async (db) => {
        const f = (await consolidated(db, query(o), { lang: o.lang }).catch(cliError)).figures;
        const vi = o.lang === 'vi';
        console.log(printTable(
          vi ? ['Đơn vị', 'Được giao', 'Đã trả lời', 'Đúng hạn', 'Trễ hạn', 'Chưa trả lời', 'Quá hạn'] : ['Unit', 'Assigned', 'Answered', 'On time', 'Late', 'Unanswered', 'Overdue'],
          f.by_unit.map((u) => [u.unit_name ?? u.unit, u.assigned, u.answered, u.answered_on_time, u.answered_late, u.pending, u.overdue]),
          [false, true, true, true, true, true, true],
        ));
      });
    });

  recs.command('reminders').description('Việc cần nhắc: quá hạn, sắp đến hạn, chờ phân công, chờ đóng / reminders')
    .option('--days <n>', 'sắp đến hạn trong n ngày / due within n days', String(DEFAULT_RULES.dueSoonDays))
    .option('--unit <id>', 'chỉ của đơn vị / one unit only')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (o: { days: string; unit?: string; lang: Lang }) => {
      await withStore(async (db) => {
        const today = vietnamToday();
        const l = await lookup(db);
        const rows = await queryRecommendationRows(db, {});
        const as = await assignmentsOf(db, rows.map((r) => r.id));
        const list = sortReminders(rows.flatMap((r) => reminders({ ...recDates(r, as.filter((a) => a.recommendation_id === r.id)), id: r.id }, today, { ...DEFAULT_RULES, dueSoonDays: Number(o.days) })));
        const unitOf = (m: (typeof list)[number]) => {
          if (m.assignmentIndex === null) return null;
          return as.filter((a) => a.recommendation_id === m.recommendationId)[m.assignmentIndex]!.ministry_unit_id;
        };
        const shown = o.unit ? list.filter((m) => l.ministryById.get(unitOf(m) ?? -1)?.slug === o.unit) : list;
        console.log(printTable(
          o.lang === 'vi' ? ['Việc', 'Kiến nghị', 'Đơn vị', 'Hạn', 'Số ngày'] : ['Reminder', 'Recommendation', 'Unit', 'Due', 'Days'],
          shown.map((m) => [REMINDER_LABELS[m.kind][o.lang], `#${m.recommendationId} ${rows.find((r) => r.id === m.recommendationId)!.title.slice(0, 50)}`,
            l.ministryById.get(unitOf(m) ?? -1)?.shortVi ?? null, m.dueOn, m.days]),
          [false, false, false, false, true],
        ));
      });
    });

  recOptions(recs.command('export').description('Xuất danh sách tổng hợp ra Word hoặc Excel / export to Word or Excel'))
    .requiredOption('--format <format>', 'docx | xlsx')
    .option('--out <file>', 'tệp ghi ra / output file')
    .action(async (o: RecOpts & { format: string; out?: string }) => {
      if (o.format !== 'docx' && o.format !== 'xlsx') throw Object.assign(new Error('format'), { userMessage: 'Định dạng phải là docx hoặc xlsx / format must be docx or xlsx' });
      await withStore(async (db) => {
        const c = await consolidated(db, query(o), { lang: o.lang }).catch(cliError);
        const l = await lookup(db);
        const conf = o.conference ? await findConference(db, o.conference) : undefined;
        const title = conf ? summarize(l, conf, o.lang).title : o.region ? (l.ref.unitsBySlug.get(o.region)?.nameVi ?? o.region) : (o.lang === 'vi' ? 'Tất cả các vùng' : 'All regions');
        const input = { title, today: c.today, items: c.items, figures: c.figures, lang: o.lang };
        const buf = o.format === 'docx' ? await exportDocx(input) : await exportXlsx(input);
        const out = o.out ?? `kien-nghi-${o.conference ?? o.region ?? 'tong-hop'}-${c.today}.${o.format}`;
        writeFileSync(out, buf);
        console.log(`${o.lang === 'vi' ? 'Đã ghi' : 'Written'}: ${out} (${c.items.length} ${o.lang === 'vi' ? 'kiến nghị' : 'recommendations'})`);
      });
    });

  const tasks = program.command('tasks').description('Nhiệm vụ, giải pháp sau hội nghị và tiến độ / tasks and their progress');
  tasks.command('board').description('Bảng theo dõi: hoàn thành, đúng tiến độ, chậm, chưa báo cáo / the follow-up board')
    .option('--region <id>', 'vùng / region')
    .option('--conference <id>', 'hội nghị / conference')
    .option('--unit <id>', 'tỉnh hoặc đơn vị thuộc Bộ / province or ministry unit')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--json', 'in JSON / print JSON')
    .action(async (o: { region?: string; conference?: string; unit?: string; lang: Lang; json?: boolean }) => {
      await withStore(async (db) => {
        const b = await followUpBoard(db, { region: o.region, conference: o.conference, unit: o.unit }, o.lang).catch(cliError);
        if (o.json) return void console.log(JSON.stringify(b, null, 2));
        const L = b.status_labels;
        const head = (first: string) => [first, o.lang === 'vi' ? 'Tổng' : 'Total', L.done!, L.on_track!, L.late!, L.no_report!];
        const num = [false, true, true, true, true, true];
        console.log(printTable(head(o.lang === 'vi' ? 'Nhóm' : 'Group'), b.by_group.map((g) => [`${g.conference}: ${g.title.slice(0, 50)}`, g.total, g.done, g.on_track, g.late, g.no_report]), num));
        console.log();
        console.log(printTable(head(o.lang === 'vi' ? 'Vùng' : 'Region'), b.by_region.map((r) => [r.region, r.total, r.done, r.on_track, r.late, r.no_report]), num));
      });
    });

  tasks.command('list').description('Nhiệm vụ của một hội nghị / a conference\'s tasks')
    .requiredOption('--conference <id>', 'hội nghị / conference')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (o: { conference: string; lang: Lang }) => {
      await withStore(async (db) => {
        const b = await followUpBoard(db, { conference: o.conference }, o.lang).catch(cliError);
        console.log(printTable(
          o.lang === 'vi' ? ['Nhóm', 'Nhiệm vụ', 'Lĩnh vực', 'Hạn', 'Tiến độ', 'Trạng thái'] : ['Group', 'Task', 'Field', 'Due', 'Progress', 'Status'],
          b.tasks.map((t) => [t.group.position, t.title.slice(0, 70), t.field_label, t.due_on ?? t.due_note?.slice(0, 30) ?? null,
            t.percent === null ? null : `${t.percent}% (${t.coverage.reported}/${t.coverage.of})`, t.status_label]),
        ));
      });
    });

  program.command('follow-up-context')
    .description('Nội dung cho báo cáo hội nghị (JSON): khó khăn, nhiệm vụ, kiến nghị / a conference report\'s context as JSON')
    .option('--conference <id>', 'hội nghị / conference')
    .option('--region <id>', 'vùng / region')
    .option('--period <period>', 'kỳ / period')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (o: { conference?: string; region?: string; period?: string; lang: Lang }) => {
      await withStore(async (db) => {
        console.log(JSON.stringify(await conferenceContext(db, { conferenceId: o.conference, region: o.region, period: o.period, lang: o.lang }).catch(cliError), null, 2));
      });
    });
}
