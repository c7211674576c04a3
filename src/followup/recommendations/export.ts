// The consolidated list of recommendations and answers as the Agency circulates it: a Word document
// (A4 landscape table grouped by field, Times New Roman, figures first) and an Excel workbook (one row
// per recommendation, one per assignment, and the figures) for filtering.
import {
  AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, VerticalAlign,
} from 'docx';
import ExcelJS from 'exceljs';
import { formatDate, type Lang } from '../../shared/format.ts';
import { fieldLabel, FIELD_CODES } from '../../conferences/fields.ts';
import type { RecommendationView } from './views.ts';
import type { figuresOf } from './views.ts';

type Figures = Awaited<ReturnType<typeof figuresOf>>;

export interface ExportInput {
  title: string; // "Hội nghị … lần thứ X năm 2024" or "Khu vực phía Nam"
  today: string;
  items: RecommendationView[];
  figures: Figures;
  lang?: Lang;
}

const FONT = 'Times New Roman';
const t = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 12) * 2, bold: o.bold, italics: o.italics });
const para = (runs: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}) =>
  new Paragraph({ children: runs, alignment: o.align, spacing: { after: o.after ?? 60 } });
const lines = (text: string, size = 11) => text.split('\n').map((l) => para([t(l, { size })], { after: 20 }));

function cell(content: string | Paragraph[], o: { bold?: boolean; width?: number; span?: number; center?: boolean } = {}) {
  const children = typeof content === 'string'
    ? content.split('\n').map((l) => para([t(l, { size: 11, bold: o.bold })], { align: o.center ? AlignmentType.CENTER : undefined, after: 20 }))
    : content;
  return new TableCell({ children, columnSpan: o.span, verticalAlign: VerticalAlign.TOP, width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined });
}

const L = {
  vi: {
    heading: 'TỔNG HỢP KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG VÀ TÌNH HÌNH TRẢ LỜI',
    asOf: (d: string) => `(Số liệu đến ${formatDate(d, 'vi', 'article')})`,
    summary: (f: Figures) => `Tổng số ${f.total} kiến nghị; đã trả lời ${f.answered} (đúng hạn ${f.answered_on_time}); còn chờ trả lời ${f.open}, trong đó quá hạn ${f.overdue}; đã đóng ${f.closed}.`,
    cols: ['STT', 'Địa phương', 'Nội dung kiến nghị', 'Đơn vị xử lý (hạn)', 'Tình trạng', 'Nội dung trả lời'],
    byUnit: 'TÌNH HÌNH TRẢ LỜI THEO ĐƠN VỊ',
    unitCols: ['Đơn vị', 'Được giao', 'Đã trả lời', 'Đúng hạn', 'Trễ hạn', 'Chưa trả lời', 'Quá hạn'],
    session: 'Phiên hội nghị', lead: 'chủ trì', support: 'phối hợp', noAnswer: 'Chưa trả lời', none: 'Không có kiến nghị.',
  },
  en: {
    heading: 'LOCALITIES\' RECOMMENDATIONS AND ANSWERS',
    asOf: (d: string) => `(As of ${formatDate(d, 'en', 'article')})`,
    summary: (f: Figures) => `${f.total} recommendations; ${f.answered} answered (${f.answered_on_time} on time); ${f.open} awaiting an answer, ${f.overdue} of them overdue; ${f.closed} closed.`,
    cols: ['No.', 'Locality', 'Recommendation', 'Assigned to (due)', 'Status', 'Answer'],
    byUnit: 'ANSWERS BY UNIT',
    unitCols: ['Unit', 'Assigned', 'Answered', 'On time', 'Late', 'Unanswered', 'Overdue'],
    session: 'Conference session', lead: 'lead', support: 'support', noAnswer: 'Not answered yet', none: 'No recommendations.',
  },
};

const byField = (items: RecommendationView[]) => {
  const order = (f: string) => { const i = FIELD_CODES.indexOf(f as any); return i < 0 ? 999 : i; };
  const fields = [...new Set(items.map((i) => i.field))].sort((a, b) => order(a) - order(b));
  return fields.map((f) => ({ field: f, items: items.filter((i) => i.field === f) }));
};

function who(r: RecommendationView, lang: Lang): string {
  const l = L[lang];
  return r.province_name ? (r.via === 'session' ? `${r.province_name} (${l.session.toLowerCase()})` : r.province_name) : l.session;
}

function assignedText(r: RecommendationView, lang: Lang): string {
  const l = L[lang];
  return r.assignments.map((a) => `${a.unit_name} (${a.role === 'lead' ? l.lead : l.support}, ${formatDate(a.due_on, lang)})`).join('\n');
}

function answersText(r: RecommendationView, lang: Lang): string {
  const answered = r.assignments.filter((a) => a.answer_text);
  if (!answered.length) return L[lang].noAnswer;
  return answered.map((a) => (r.assignments.length > 1 ? `${a.unit_name}: ` : '') + a.answer_text).join('\n');
}

function statusText(r: RecommendationView): string {
  return [r.status_label, ...r.assignments.filter((a) => a.state === 'overdue' || a.state === 'answered_late').map((a) => `${a.unit_name}: ${a.state_label}`)].join('\n');
}

export async function exportDocx(x: ExportInput): Promise<Buffer> {
  const lang = x.lang ?? 'vi';
  const l = L[lang];
  const header = new TableRow({ tableHeader: true, children: l.cols.map((c, i) => cell(c, { bold: true, center: true, width: [5, 12, 30, 17, 11, 25][i] })) });
  const rows: TableRow[] = [header];
  let n = 0;
  for (const g of byField(x.items)) {
    rows.push(new TableRow({ children: [cell(fieldLabel(g.field, lang), { bold: true, span: 6 })] }));
    for (const r of g.items) {
      n++;
      rows.push(new TableRow({
        children: [
          cell(String(n), { center: true }), cell(who(r, lang)),
          cell([para([t(r.title, { size: 11, bold: true })], { after: 20 }), ...lines(r.text)]),
          cell(assignedText(r, lang) || '—'), cell(statusText(r)), cell(answersText(r, lang)),
        ],
      }));
    }
  }
  const unitRows = [
    new TableRow({ tableHeader: true, children: l.unitCols.map((c) => cell(c, { bold: true, center: true })) }),
    ...x.figures.by_unit.map((u) => new TableRow({
      children: [cell(u.unit_name ?? u.unit), ...[u.assigned, u.answered, u.answered_on_time, u.answered_late, u.pending, u.overdue].map((v) => cell(String(v), { center: true }))],
    })),
  ];
  const doc = new Document({
    creator: 'Công Thương Vùng',
    title: `${l.heading} — ${x.title}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
          margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
        },
      },
      children: [
        para([t(l.heading, { bold: true, size: 14 })], { align: AlignmentType.CENTER }),
        para([t(x.title, { bold: true, size: 13 })], { align: AlignmentType.CENTER }),
        para([t(l.asOf(x.today), { italics: true, size: 13 })], { align: AlignmentType.CENTER, after: 200 }),
        para([t(l.summary(x.figures), { size: 13 })], { after: 200 }),
        x.items.length ? new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }) : para([t(l.none, { size: 13 })]),
        para([t(l.byUnit, { bold: true, size: 13 })], { after: 120 }),
        ...(x.figures.by_unit.length ? [new Table({ rows: unitRows, width: { size: 100, type: WidthType.PERCENTAGE } })] : []),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

export async function exportXlsx(x: ExportInput): Promise<Buffer> {
  const lang = x.lang ?? 'vi';
  const vi = lang === 'vi';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Công Thương Vùng';
  wb.created = new Date(`${x.today}T00:00:00Z`);
  const style = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true, name: FONT };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
    ws.eachRow((row) => row.eachCell((c) => { c.alignment = { wrapText: true, vertical: 'top' }; }));
  };
  const recs = wb.addWorksheet(vi ? 'Kiến nghị' : 'Recommendations');
  recs.columns = [
    { header: vi ? 'STT' : 'No.', key: 'n', width: 6 },
    { header: vi ? 'Mã' : 'Id', key: 'id', width: 7 },
    { header: vi ? 'Hội nghị' : 'Conference', key: 'conference', width: 30 },
    { header: vi ? 'Vùng' : 'Region', key: 'region', width: 16 },
    { header: vi ? 'Địa phương' : 'Locality', key: 'who', width: 18 },
    { header: vi ? 'Lĩnh vực' : 'Field', key: 'field', width: 18 },
    { header: vi ? 'Tiêu đề' : 'Title', key: 'title', width: 40 },
    { header: vi ? 'Nội dung kiến nghị' : 'Recommendation', key: 'text', width: 60 },
    { header: vi ? 'Đơn vị xử lý (hạn)' : 'Assigned to (due)', key: 'assigned', width: 36 },
    { header: vi ? 'Trạng thái' : 'Status', key: 'status', width: 16 },
    { header: vi ? 'Quá hạn' : 'Overdue', key: 'overdue', width: 9 },
    { header: vi ? 'Đã trả lời đúng hạn' : 'Answered on time', key: 'ontime', width: 12 },
    { header: vi ? 'Nội dung trả lời' : 'Answer', key: 'answer', width: 60 },
    { header: vi ? 'Ngày gửi' : 'Submitted', key: 'submitted', width: 12 },
    { header: vi ? 'Nguồn' : 'Source', key: 'source', width: 30 },
  ];
  x.items.forEach((r, i) => recs.addRow({
    n: i + 1, id: r.id, conference: r.conference?.title ?? '', region: r.region_name ?? '', who: who(r, lang), field: r.field_label, title: r.title,
    text: r.text, assigned: assignedText(r, lang), status: r.status_label, overdue: r.overdue ? (vi ? 'Có' : 'Yes') : '',
    ontime: r.answered ? (r.answered_on_time ? (vi ? 'Có' : 'Yes') : (vi ? 'Không' : 'No')) : '', answer: answersText(r, lang),
    submitted: formatDate(r.submitted_at.slice(0, 10), lang), source: r.source ? `${r.source.document ?? r.source.primer}: "${r.source.quote}"` : '',
  }));
  style(recs);
  const asg = wb.addWorksheet(vi ? 'Phân công' : 'Assignments');
  asg.columns = [
    { header: vi ? 'Mã kiến nghị' : 'Recommendation', key: 'rec', width: 12 },
    { header: vi ? 'Đơn vị' : 'Unit', key: 'unit', width: 36 },
    { header: vi ? 'Vai trò' : 'Role', key: 'role', width: 10 },
    { header: vi ? 'Hạn trả lời' : 'Due', key: 'due', width: 12 },
    { header: vi ? 'Tình trạng' : 'State', key: 'state', width: 22 },
    { header: vi ? 'Ngày trả lời' : 'Answered', key: 'answered', width: 12 },
    { header: vi ? 'Nội dung trả lời' : 'Answer', key: 'answer', width: 60 },
  ];
  for (const r of x.items) {
    for (const a of r.assignments) {
      asg.addRow({
        rec: r.id, unit: a.unit_name, role: a.role === 'lead' ? L[lang].lead : L[lang].support, due: formatDate(a.due_on, lang), state: a.state_label,
        answered: a.answered_at ? formatDate(a.answered_at.slice(0, 10), lang) : '', answer: a.answer_text ?? '',
      });
    }
  }
  style(asg);
  const fig = wb.addWorksheet(vi ? 'Số liệu' : 'Figures');
  fig.columns = [{ header: vi ? 'Chỉ tiêu' : 'Measure', key: 'k', width: 40 }, { header: vi ? 'Số lượng' : 'Count', key: 'v', width: 12 }];
  const f = x.figures;
  const pairs: [string, string, number | null][] = [
    ['Tổng số kiến nghị', 'Recommendations', f.total], ['Đã trả lời', 'Answered', f.answered], ['Đã trả lời đúng hạn', 'Answered on time', f.answered_on_time],
    ['Còn chờ trả lời', 'Awaiting an answer', f.open], ['Quá hạn', 'Overdue', f.overdue], ['Chờ phân công', 'Awaiting assignment', f.awaiting_assignment],
    ['Đã đóng', 'Closed', f.closed], ['Đã rút', 'Withdrawn', f.withdrawn],
  ];
  for (const [v, e, n] of pairs) fig.addRow({ k: vi ? v : e, v: n });
  fig.addRow({});
  const head = fig.addRow(L[lang].unitCols);
  head.font = { bold: true };
  for (const u of f.by_unit) fig.addRow([u.unit_name ?? u.unit, u.assigned, u.answered, u.answered_on_time, u.answered_late, u.pending, u.overdue]);
  style(fig);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
