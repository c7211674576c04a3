// The Excel template upload: readTemplateUpload (zip guard, ExcelJS, the template's meta sheet, every
// cell of the data sheet). Structured inputs are workbooks written here as stored zips (fast, and
// independent of ExcelJS's writer): the template's layout with generated cell contents of every type
// (numbers, Vietnamese-written numbers, text, formulas, booleans, errors, rich text, shared strings).
import ExcelJS from 'exceljs';
import { makePeriod, periodKey } from '../../../src/periods/core.ts';
import { readTemplateUpload } from '../../../src/collection/excel/readUpload.ts';
import { COL, DATA_SHEET, FIRST_ROW, META_ITEMS_ROW, META_SHEET, TEMPLATE_KIND, colLetter } from '../../../src/collection/excel/layout.ts';
import type { ReportRef } from '../../../src/collection/submissions/report.ts';
import { INTERESTING_TEXT, mutateBytes, mutateText, randomBytes, randomText, storedZip, xmlEscape, type Rng } from '../gen.ts';
import { check, type FuzzTarget } from '../target.ts';

const period = makePeriod('month', 2024, 10);
const REF = { ds: { code: 'bc-thang', version: 3 }, unit: { slug: 'ha-noi' }, period, key: periodKey(period), ref: null } as unknown as ReportRef;
const ITEMS = ['retail_services', 'exports', 'imports', 'iip', 'industrial_output_value'].map((indicator, i) => ({
  item: i + 1, indicator, breakdown: i === 2 ? 'commodity_group=rice' : '', period: i % 2 ? '10T/2024' : 'T10/2024', withPlan: i === 0,
}));

type Cell = { t: 'n'; v: string } | { t: 's'; v: string } | { t: 'shared'; v: string } | { t: 'f'; f: string; v?: string } | { t: 'b'; v: string } | { t: 'e'; v: string } | { t: 'rich'; v: string[] } | { t: 'date'; v: string } | { t: 'raw'; xml: string };

function cellXml(ref: string, c: Cell, shared: string[]): string {
  switch (c.t) {
    case 'n': return `<c r="${ref}"><v>${xmlEscape(c.v)}</v></c>`;
    case 's': return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c.v)}</t></is></c>`;
    case 'shared': shared.push(c.v); return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
    case 'f': return `<c r="${ref}"><f>${xmlEscape(c.f)}</f>${c.v !== undefined ? `<v>${xmlEscape(c.v)}</v>` : ''}</c>`;
    case 'b': return `<c r="${ref}" t="b"><v>${c.v}</v></c>`;
    case 'e': return `<c r="${ref}" t="e"><v>${xmlEscape(c.v)}</v></c>`;
    case 'rich': return `<c r="${ref}" t="inlineStr"><is>${c.v.map((t) => `<r><t>${xmlEscape(t)}</t></r>`).join('')}</is></c>`;
    case 'date': return `<c r="${ref}" s="1"><v>${c.v}</v></c>`;
    default: return c.xml;
  }
}

function sheetXml(rows: Map<number, Map<number, Cell>>, shared: string[], extra = ''): string {
  const body = [...rows].sort((a, b) => a[0] - b[0]).map(([r, cells]) => `<row r="${r}">${[...cells].sort((a, b) => a[0] - b[0]).map(([c, cell]) => cellXml(`${colLetter(c)}${r}`, cell, shared)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${body}</sheetData>${extra}</worksheet>`;
}

function randomCell(r: Rng): Cell {
  switch (r.int(12)) {
    case 0: case 1: return { t: 'n', v: String(r.pick([0, -1, 12.5, 2442330.5, 1e308, -0, 5e-324, r.int(1e9) / 100])) };
    case 2: return { t: 'n', v: r.pick(['NaN', 'Infinity', '1e999', '', 'abc', '1,5', '-']) };
    case 3: case 4: return { t: 's', v: r.pick(['12,5', '1.234,5', '2.442.330', ' 7 ', '', '=1+1', '+84', '-12', '@SUM(A1)', '1e5', 'mười hai', '１２']) };
    case 5: return { t: 'shared', v: r.pick(INTERESTING_TEXT) };
    case 6: return { t: 'f', f: r.pick(['SUM(H6:H9)', 'HYPERLINK("http://x","y")', 'cmd|\' /C calc\'!A0', '1/0', 'A1']), v: r.bool() ? '3' : undefined };
    case 7: return { t: 'b', v: r.pick(['0', '1', 'x']) };
    case 8: return { t: 'e', v: r.pick(['#DIV/0!', '#N/A', '#REF!', 'x']) };
    case 9: return { t: 'rich', v: [randomText(r, 20), randomText(r, 20)] };
    case 10: return { t: 'date', v: String(r.int(60000)) };
    default: return { t: 's', v: r.bool(0.1) ? 'x'.repeat(2500) : randomText(r, 40) };
  }
}

/** A workbook in the template's layout; most fields right, some wrong, cells of every type. */
function workbook(r: Rng, mutateXml: boolean): Buffer {
  const shared: string[] = [];
  const meta = new Map<number, Map<number, Cell>>();
  const set = (m: Map<number, Map<number, Cell>>, row: number, col: number, c: Cell) => (m.get(row) ?? m.set(row, new Map()).get(row)!).set(col, c);
  const right = r.bool(0.8);
  const pairs: [string, Cell][] = [['template', { t: 's', v: right || r.bool() ? TEMPLATE_KIND : 'khac' }], ['template_version', { t: 'n', v: '1' }],
    ['dataset', { t: 's', v: right || r.bool() ? 'bc-thang' : 'bc-quy' }], ['dataset_version', { t: 'n', v: right || r.bool() ? '3' : String(r.int(5)) }],
    ['province', { t: 's', v: right || r.bool() ? 'ha-noi' : 'hai-phong' }], ['period', { t: 's', v: right || r.bool() ? 'T10/2024' : '9T/2024' }]];
  pairs.forEach(([k, v], i) => { set(meta, i + 1, 1, { t: 's', v: k }); set(meta, i + 1, 2, v); });
  const rows = ITEMS.length + (r.bool(0.1) ? r.int(80) : 0);
  for (let i = 0; i < rows; i++) {
    set(meta, META_ITEMS_ROW + i, 1, r.bool(0.95) ? { t: 'n', v: String(i + 1) } : randomCell(r));
    set(meta, META_ITEMS_ROW + i, 2, { t: 'n', v: String(FIRST_ROW + i) });
    set(meta, META_ITEMS_ROW + i, 3, r.bool(0.9) ? { t: 'n', v: String(r.int(4)) } : randomCell(r));
    set(meta, META_ITEMS_ROW + i, 4, { t: 'n', v: String(r.int(2)) });
  }
  const data = new Map<number, Map<number, Cell>>();
  ITEMS.forEach((it, i) => {
    const n = FIRST_ROW + i;
    const keep = r.bool(0.95);
    set(data, n, COL.no, { t: 'n', v: String(i + 1) });
    set(data, n, COL.code, { t: 's', v: keep ? it.indicator : randomText(r, 10) });
    set(data, n, COL.breakdown, { t: 's', v: it.breakdown });
    set(data, n, COL.period, { t: 's', v: keep || r.bool() ? it.period : 'T9/2024' });
    if (r.bool(0.9)) set(data, n, COL.value, r.bool(0.6) ? { t: 'n', v: String(r.int(1e7) / 10) } : randomCell(r));
    if (r.bool(0.4)) set(data, n, COL.plan, r.bool(0.6) ? { t: 'n', v: String(r.int(1e8)) } : randomCell(r));
    if (r.bool(0.4)) set(data, n, COL.comment, randomCell(r));
  });
  for (let k = r.bool(0.1) ? r.int(60) : 0; k > 0; k--) set(data, FIRST_ROW + r.int(200), 1 + r.int(40), randomCell(r));
  const sheets = r.bool(0.95) ? [DATA_SHEET, META_SHEET] : r.pick([[DATA_SHEET], [META_SHEET], ['Sheet1', META_SHEET], Array.from({ length: 12 }, (_, i) => `S${i}`)]);
  let s1 = sheetXml(data, shared, r.bool(0.2) ? '<mergeCells count="1"><mergeCell ref="A1:J1"/></mergeCells>' : '');
  let s2 = sheetXml(meta, shared);
  if (mutateXml) { s1 = mutateText(r, s1, [s2]); if (r.bool(0.3)) s2 = mutateText(r, s2, [s1]); }
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((t) => `<si><t xml:space="preserve">${xmlEscape(t)}</t></si>`).join('')}</sst>`;
  const ct = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"${n === META_SHEET ? ' state="veryHidden"' : ''}/>`).join('')}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const entries: Array<[string, string]> = [['[Content_Types].xml', ct], ['_rels/.rels', rels], ['xl/workbook.xml', wb], ['xl/_rels/workbook.xml.rels', wbRels],
    ['xl/worksheets/sheet1.xml', s1], ['xl/worksheets/sheet2.xml', s2], ['xl/sharedStrings.xml', sst], ['xl/styles.xml', styles]];
  for (let i = 3; i <= sheets.length; i++) entries.push([`xl/worksheets/sheet${i}.xml`, sheetXml(new Map(), shared)]);
  return storedZip(entries);
}

type In = { bytes: Buffer; how: string };

export const target: FuzzTarget<In> = {
  name: 'xlsx',
  parsers: 'readTemplateUpload (zip guard → ExcelJS → template meta and cells)',
  limitMs: 5000,
  async setup() {
    // A workbook ExcelJS itself wrote, to be sure the structured ones are read the same way.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(DATA_SHEET).getCell(1, 1).value = 1;
    wb.addWorksheet(META_SHEET).getCell(1, 2).value = TEMPLATE_KIND;
    const own = await readTemplateUpload(Buffer.from(await wb.xlsx.writeBuffer()), REF, ITEMS);
    check('errors' in own, 'an ExcelJS workbook that is not a template is refused');
  },
  generate(r: Rng, kind) {
    if (kind === 'structured') return { bytes: workbook(r, false), how: 'structured' };
    if (kind === 'mutated') return r.bool(0.5) ? { bytes: workbook(r, true), how: 'xml-mutated' } : { bytes: mutateBytes(r, workbook(r, false)), how: 'byte-mutated' };
    return { bytes: randomBytes(r, 4096), how: 'random' };
  },
  async run({ bytes }) {
    const res = await readTemplateUpload(bytes, REF, ITEMS);
    if ('cells' in res) {
      for (const c of res.cells) {
        check(c.value === null || Number.isFinite(c.value), `cell ${c.cell} value ${c.value}`);
        check(c.comment === null || (typeof c.comment === 'string' && c.comment.length <= 2000 && !/^[=@\t\r]/.test(c.comment)), `comment ${c.cell}`);
      }
      return 'accepted';
    }
    check(res.errors.length > 0 && res.errors.every((e) => typeof e.message === 'string' && typeof e.messageEn === 'string'), 'errors shape');
    return 'refused';
  },
  allowed: () => null, // readTemplateUpload returns errors; it must never throw
  show: (x) => `${x.how} ${x.bytes.length} bytes base64:${x.bytes.subarray(0, 3000).toString('base64')}${x.bytes.length > 3000 ? '…' : ''}`,
};
