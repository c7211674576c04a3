// Reading .txt, .docx, .html and .pdf, and refusing bad files with a clear message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { checkZip, DocumentError, htmlToText, readDocument } from './documents.ts';
import { extractFigures } from './extract.ts';

const ARTICLE = [
  'Tình hình xuất khẩu của tỉnh Bắc Ninh',
  'Năm 2023, kim ngạch xuất khẩu của tỉnh Bắc Ninh ước đạt 52,1 tỷ USD, giảm 8,2% so với năm 2022.',
  'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 68.400 tỷ đồng, tăng 14,5%.',
];

async function docxOf(paragraphs: string[]): Promise<Uint8Array> {
  const d = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return new Uint8Array(await Packer.toBuffer(d));
}

async function pdfOf(lines: string[]): Promise<Uint8Array> {
  const pdf = new PDFDocument();
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => pdf.on('end', () => r()));
  for (const l of lines) pdf.text(l);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function refuses(p: Promise<unknown>, code: string): Promise<DocumentError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DocumentError, `not a DocumentError: ${(e as Error).message}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.userMessage, /^Lỗi \/ Error: .+ \/ .+/);
    return e;
  }
  assert.fail(`expected refusal ${code}`);
}

describe('readDocument', () => {
  it('reads plain UTF-8 text, with or without BOM, and UTF-16', async () => {
    const t = ARTICLE.join('\n');
    assert.equal((await readDocument(Buffer.from(t, 'utf8'), 'a.txt')).text, t);
    assert.equal((await readDocument(Buffer.from('\uFEFF' + t, 'utf8'), 'a.txt')).text, t);
    const u16 = Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from(t, 'utf16le')]);
    assert.equal((await readDocument(u16, 'a.txt')).text, t);
  });
  it('reads .docx paragraphs and the figures in them', async () => {
    const r = await readDocument(await docxOf(ARTICLE), 'bao-cao.docx');
    assert.equal(r.format, 'docx');
    const f = extractFigures(r.text).figures;
    assert.ok(f.some((x) => x.indicator === 'exports' && x.value === 52.1 && x.scope === 'Bắc Ninh' && x.period === '2023'));
    assert.ok(f.some((x) => x.indicator === 'retail_services' && x.value === 68400));
  });
  it('reads .pdf text', async () => {
    // the standard PDF fonts carry no Vietnamese accents: an unaccented text, as some scans give
    const r = await readDocument(await pdfOf(['Nam 2023, kim ngach xuat khau cua tinh Bac Ninh dat 52,1 ty USD, giam 8,2%.']), 'a.pdf');
    assert.equal(r.format, 'pdf');
    const f = extractFigures(r.text).figures;
    assert.ok(f.some((x) => x.indicator === 'exports' && x.value === 52.1 && x.growth_pct === -8.2), r.text);
  });
  it('reads .html: scripts and styles dropped, blocks on their own lines, address and date kept', async () => {
    const html = `<!doctype html><html><head><title>Xuất khẩu Bắc Ninh</title>
      <link rel="canonical" href="https://baobacninh.vn/kinh-te/xuat-khau-2023-123.html">
      <meta property="article:published_time" content="2024-01-05T08:00:00+07:00">
      <style>p{color:red}</style><script>document.write('tăng 99%')</script></head>
      <body><nav>Trang chủ</nav><article><h1>${ARTICLE[0]}</h1><p>${ARTICLE[1]}</p><p>${ARTICLE[2]}</p></article></body></html>`;
    const r = await readDocument(Buffer.from(html), 'trang.html');
    assert.equal(r.format, 'html');
    assert.equal(r.source, 'https://baobacninh.vn/kinh-te/xuat-khau-2023-123.html');
    assert.equal(r.documentDate, '2024-01-05');
    assert.ok(!/99%|color:red/.test(r.text));
    assert.ok(r.text.split('\n').includes(ARTICLE[1]!));
    const res = extractFigures(r.text, { sourceName: r.source, documentDate: r.documentDate });
    assert.equal(res.source, r.source);
    assert.ok(res.figures.some((x) => x.indicator === 'exports' && x.scope === 'Bắc Ninh'));
  });
  it('decodes entities and keeps line breaks for <br>', () => {
    const r = htmlToText('<p>Kim ngạch&nbsp;xuất khẩu&#58; 5 tỷ USD<br>Nhập khẩu &amp; tái xuất</p>');
    assert.equal(r.text, 'Kim ngạch xuất khẩu: 5 tỷ USD\nNhập khẩu & tái xuất');
  });
  it('refuses a file whose bytes do not match its extension', async () => {
    await refuses(readDocument(Buffer.from('chỉ là văn bản'), 'a.pdf'), 'wrong-type');
    await refuses(readDocument(Buffer.from('chỉ là văn bản'), 'a.docx'), 'wrong-type');
    await refuses(readDocument(await pdfOf(['x']), 'a.txt'), 'wrong-type');
    await refuses(readDocument(await docxOf(['x']), 'a.html'), 'wrong-type');
    await refuses(readDocument(Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), 'anh.txt'), 'wrong-type');
    await refuses(readDocument(Buffer.from([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), 'cu.doc'), 'wrong-type');
  });
  it('refuses binary data and files over the size limit', async () => {
    await refuses(readDocument(Buffer.from([1, 2, 3, 0, 0, 0, 4, 5]), 'a.txt'), 'binary');
    await refuses(readDocument(Buffer.alloc(2048, 65), 'a.txt', { maxBytes: 1024 }), 'too-large');
  });
  it('refuses a corrupted .docx and a corrupted .pdf', async () => {
    const good = await docxOf(ARTICLE);
    const cut = good.slice(0, Math.floor(good.length / 2));
    await refuses(readDocument(cut, 'a.docx'), 'corrupt');
    const zip = new JSZip();
    zip.file('hello.txt', 'không phải Word');
    const notWord = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    await refuses(readDocument(notWord, 'a.docx'), 'corrupt');
    const pdf = await pdfOf(['x']);
    await refuses(readDocument(pdf.slice(0, 60), 'a.pdf'), 'corrupt');
  });
  it('refuses a zip bomb before inflating it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', 'A'.repeat(30 * 1024 * 1024)); // 30 MB of one letter deflates to ~30 KB
    const bomb = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    assert.ok(bomb.length < 1024 * 1024);
    const e = await refuses(readDocument(bomb, 'bom.docx'), 'zip-bomb');
    assert.match(e.userMessage, /bom zip|zip bomb/);
    assert.throws(() => checkZip(bomb, 1024 * 1024), DocumentError);
  });
  it('gives up on a document that takes too long', async () => {
    const big = await docxOf(Array.from({ length: 3000 }, (_, i) => `Đoạn ${i}: ${ARTICLE[1]}`));
    await refuses(readDocument(big, 'cham.docx', { timeoutMs: 1 }), 'timeout');
  });
  it('returns empty text for an empty file', async () => {
    assert.equal((await readDocument(new Uint8Array(0), 'a.txt')).text, '');
  });
});
