// Word and PDF documents are read off the server's thread: the event loop keeps turning while a long
// document is parsed, a read that takes too long is stopped, and the next read works on a fresh thread.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { readDocument } from './documents.ts';

let long: Buffer;
const small = async () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Năm 2021, IIP tỉnh Yên Bái tăng 9,1%.')] }] }));

before(async () => {
  const paragraphs = Array.from({ length: 15_000 }, (_, i) => new Paragraph(`Đoạn ${i}: kim ngạch xuất khẩu tháng ${1 + (i % 12)} đạt ${i},5 triệu USD.`));
  long = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
});

async function longPdf(): Promise<Buffer> {
  const pdf = new PDFDocument();
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => pdf.on('end', () => r()));
  for (let i = 0; i < 3000; i++) pdf.text(`Doan ${i}: kim ngach xuat khau dat ${i},5 trieu USD.`);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

describe('reading .docx and .pdf in a worker thread', () => {
  test('the event loop keeps turning while a long document is read', async () => {
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    const t0 = performance.now();
    const doc = await readDocument(long, 'dai.docx');
    const ms = performance.now() - t0;
    h.disable();
    assert.match(doc.text, /Đoạn 14999: kim ngạch/);
    assert.ok(ms > 100, `the read took ${ms.toFixed(0)} ms: too short to show anything`);
    // On this thread the parse would stall the loop for the whole read; here it is never held long.
    assert.ok(h.max / 1e6 < Math.max(100, ms / 3), `loop held ${(h.max / 1e6).toFixed(0)} ms during a ${ms.toFixed(0)} ms read`);
  });

  test('a read over its time limit is stopped with a clear error, and the next read works', async () => {
    await assert.rejects(readDocument(long, "dai.docx", { timeoutMs: 5 }), (e: { code?: string; userMessage?: string; message: string }) => {
      assert.equal(e.code, 'timeout');
      assert.match(e.userMessage ?? e.message, /quá .* giây|took over/);
      return true;
    });
    const doc = await readDocument(await small(), 'ngan.docx');
    assert.match(doc.text, /Yên Bái tăng 9,1%/);
  });

  test('a PDF is read there too: stopped at its time limit, read whole otherwise', async () => {
    const pdf = await longPdf();
    await assert.rejects(readDocument(pdf, 'dai.pdf', { timeoutMs: 5 }), (e: { code?: string }) => e.code === 'timeout');
    const doc = await readDocument(pdf, 'dai.pdf');
    assert.equal(doc.format, 'pdf');
    assert.match(doc.text, /Doan 2999: kim ngach/);
  });
});
