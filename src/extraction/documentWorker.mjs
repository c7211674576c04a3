// The document readers' thread: mammoth (.docx) and pdf.js (.pdf) parse here, so that a malformed or
// hostile document (seconds of XML or PDF work) never holds the server's event loop, and a read that
// takes too long can be stopped by terminating this thread. Plain JavaScript: it needs no TypeScript
// loader. Answers { id, text } or { id, error, code } (code: 'encrypted' | 'corrupt').
import { parentPort } from 'node:worker_threads';

async function docx(bytes) {
  const mammoth = (await import('mammoth')).default;
  const res = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return res.value;
}

async function pdf(bytes, { maxPages, maxChars }) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    throw Object.assign(new Error(e?.message ?? String(e)), { code: e?.name === 'PasswordException' ? 'encrypted' : 'corrupt' });
  }
  try {
    const pages = [];
    let len = 0;
    const n = Math.min(doc.numPages, maxPages);
    for (let i = 1; i <= n && len < maxChars; i++) {
      const page = await doc.getPage(i);
      const tc = await page.getTextContent();
      const lines = [];
      let line = '';
      for (const it of tc.items) {
        if (!('str' in it)) continue;
        line += it.str;
        if (it.hasEOL) { lines.push(line); line = ''; }
      }
      if (line) lines.push(line);
      const pageText = lines.join('\n');
      pages.push(pageText);
      len += pageText.length;
      page.cleanup();
    }
    return pages.join('\n\n');
  } catch (e) {
    throw Object.assign(new Error(e?.message ?? String(e)), { code: 'content' });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

parentPort.on('message', async ({ id, kind, bytes, options }) => {
  try {
    const text = kind === 'pdf' ? await pdf(bytes, options) : await docx(bytes);
    parentPort.postMessage({ id, text });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.message ?? e).slice(0, 120), code: e?.code ?? 'corrupt' });
  }
});
