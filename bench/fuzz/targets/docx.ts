// Word documents: readDocument on .docx bytes (sniffing, the zip-bomb guard, mammoth). Structured
// inputs are documents written here as stored zips: paragraphs, runs, tables, breaks, hyperlinks and
// footnote references of generated Vietnamese text. DocumentError is the reader's own refusal.
import { DocumentError, readDocument } from '../../../src/extraction/documents.ts';
import { INTERESTING_TEXT, mutateBytes, mutateText, randomBytes, randomText, storedZip, xmlEscape, type Rng } from '../gen.ts';
import { check, type FuzzTarget } from '../target.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SENTENCES = ['Năm 2024, kim ngạch xuất khẩu của tỉnh đạt 8,1 tỷ USD, tăng 5,2% so với cùng kỳ.', 'Tổng mức bán lẻ hàng hóa 9 tháng ước đạt 85.000 tỷ đồng.',
  'Chỉ số sản xuất công nghiệp (IIP) tăng 10,73%.', 'Hội nghị lần thứ XIV do tỉnh Long An đăng cai.'];

function run(r: Rng): string {
  const t = r.bool(0.7) ? r.pick(SENTENCES) : r.bool(0.5) ? randomText(r, 60) : r.pick(INTERESTING_TEXT);
  switch (r.int(8)) {
    case 0: return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;
    case 1: return `<w:r><w:br/><w:t>${xmlEscape(t)}</w:t><w:tab/></w:r>`;
    case 2: return `<w:hyperlink r:id="rId9"><w:r><w:t>${xmlEscape(t)}</w:t></w:r></w:hyperlink>`;
    case 3: return `<w:r><w:footnoteReference w:id="${r.int(5)}"/></w:r>`;
    case 4: return `<w:ins w:id="1"><w:r><w:t>${xmlEscape(t)}</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>x</w:delText></w:r></w:del>`;
    default: return `<w:r><w:t>${xmlEscape(t)}</w:t></w:r>`;
  }
}

function body(r: Rng, depth = 0): string {
  let s = '';
  for (let n = 1 + r.int(6); n > 0; n--) {
    if (depth < 3 && r.bool(0.15)) {
      s += `<w:tbl>${Array.from({ length: 1 + r.int(3) }, () => `<w:tr>${Array.from({ length: 1 + r.int(3) }, () => `<w:tc>${body(r, depth + 1)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
    } else {
      s += `<w:p>${r.bool(0.2) ? `<w:pPr><w:pStyle w:val="${r.pick(['Heading1', 'ListParagraph', 'x'])}"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${r.int(3)}"/></w:numPr></w:pPr>` : ''}${Array.from({ length: r.int(4) }, () => run(r)).join('')}</w:p>`;
    }
  }
  return s;
}

function docx(r: Rng, mutateXml: boolean): Buffer {
  let doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body(r)}</w:body></w:document>`;
  if (mutateXml) doc = mutateText(r, doc, SENTENCES);
  const entries: Array<[string, string]> = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${r.bool(0.95) ? 'word/document.xml' : r.pick(['../../etc/passwd', 'word/missing.xml', '/word/document.xml'])}"/></Relationships>`],
    ['word/document.xml', doc],
  ];
  if (r.bool(0.5)) entries.push(['word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://congthuong.vn" TargetMode="External"/>${r.bool(0.3) ? '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' : ''}</Relationships>`]);
  if (r.bool(0.2)) entries.push(['word/footnotes.xml', `<?xml version="1.0"?><w:footnotes xmlns:w="${W}"><w:footnote w:id="1"><w:p><w:r><w:t>${xmlEscape(randomText(r, 30))}</w:t></w:r></w:p></w:footnote></w:footnotes>`]);
  return storedZip(entries);
}

type In = { bytes: Buffer; name: string; how: string };

export const target: FuzzTarget<In> = {
  name: 'docx',
  parsers: 'readDocument (.docx: sniffing, zip guard, mammoth)',
  limitMs: 5000,
  generate(r: Rng, kind) {
    const name = r.bool(0.9) ? 'bao-cao.docx' : r.pick(['bao-cao.doc', 'bao-cao.txt', 'bao-cao', 'x.DOCX']);
    if (kind === 'structured') return { bytes: docx(r, false), name, how: 'structured' };
    if (kind === 'mutated') return r.bool(0.5) ? { bytes: docx(r, true), name, how: 'xml-mutated' } : { bytes: mutateBytes(r, docx(r, false)), name, how: 'byte-mutated' };
    return { bytes: randomBytes(r, 4096), name, how: 'random' };
  },
  async run({ bytes, name }) {
    const res = await readDocument(bytes, name, { timeoutMs: 10_000 });
    check(typeof res.text === 'string', 'text');
    return `read as ${res.format}`;
  },
  allowed: (e) => (e instanceof DocumentError ? `DocumentError(${e.code})` : null),
  show: (x) => `${x.how} ${x.name} ${x.bytes.length} bytes base64:${x.bytes.subarray(0, 3000).toString('base64')}${x.bytes.length > 3000 ? '…' : ''}`,
};
