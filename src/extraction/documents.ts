// Reading documents: plain text, .html (htmlparser2), and .docx (mammoth) and .pdf (pdfjs-dist) in a
// worker thread that a slow document cannot hold the server with (documentReader.ts).
//
// The type is decided by the file's first bytes, checked against its extension. A bad or hostile
// file gives a DocumentError with a message in Vietnamese, then English: too large, wrong type,
// corrupted or oversized zip, encrypted PDF, binary data, too slow. Never a crash, never a hang.

import { Tokenizer } from 'htmlparser2';
import { DocumentReadFailure, readInWorker } from './documentReader.ts';

export type DocFormat = 'txt' | 'docx' | 'html' | 'pdf';

export interface ReadOptions {
  /** largest file accepted, bytes (default 25 MB) */
  maxBytes?: number;
  /** largest text kept, characters (default 2,000,000) */
  maxChars?: number;
  /** time allowed to read one document, ms (default 30 s) */
  timeoutMs?: number;
  /** most PDF pages read (default 300) */
  maxPages?: number;
}

export interface ReadResult {
  text: string;
  format: DocFormat;
  /** web address found in the document (HTML canonical link / og:url) */
  source?: string;
  /** publication date found in the document (HTML meta) */
  documentDate?: string;
}

export class DocumentError extends Error {
  readonly userMessage: string;
  constructor(readonly code: string, vi: string, en: string) {
    super(`${vi} / ${en}`);
    this.name = 'DocumentError';
    this.userMessage = `Lỗi / Error: ${vi} / ${en}`;
  }
}

const DEFAULTS = { maxBytes: 25 * 1024 * 1024, maxChars: 2_000_000, timeoutMs: 30_000, maxPages: 300 };

function extOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

function sniff(buf: Uint8Array): DocFormat | 'zip' | 'binary' | 'ole' | null {
  if (buf.length >= 5 && buf[0] === 0x25 && buf[1] === 0x50 && buf[2] === 0x44 && buf[3] === 0x46 && buf[4] === 0x2D) return 'pdf';
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4B && (buf[2] === 3 || buf[2] === 5) && (buf[3] === 4 || buf[3] === 6)) return 'zip';
  if (buf.length >= 8 && buf[0] === 0xD0 && buf[1] === 0xCF && buf[2] === 0x11 && buf[3] === 0xE0) return 'ole'; // old .doc/.xls
  // images, archives and executables that are not any of ours
  const sigs: number[][] = [[0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x47, 0x49, 0x46, 0x38], [0x1F, 0x8B], [0x42, 0x5A, 0x68], [0x7F, 0x45, 0x4C, 0x46], [0x4D, 0x5A], [0x52, 0x61, 0x72, 0x21], [0x37, 0x7A, 0xBC, 0xAF]];
  for (const s of sigs) if (s.every((b, i) => buf[i] === b)) return 'binary';
  return null;
}

/** Decodes text bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; rejects binary data. */
export function decodeText(buf: Uint8Array): string {
  if (buf.length >= 2 && buf[0] === 0xFF && buf[1] === 0xFE) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xFE && buf[1] === 0xFF) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const head = buf.subarray(0, Math.min(buf.length, 8192));
  let nul = 0;
  let ctrl = 0;
  for (const b of head) {
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  if (nul > 0 || ctrl > head.length * 0.05) {
    throw new DocumentError('binary', 'tệp không phải văn bản (có dữ liệu nhị phân)', 'the file is not text (binary data)');
  }
  let text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
  return text;
}

function looksHtml(text: string): boolean {
  const head = text.slice(0, 2048).toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(p|div|article|h1|h2)[\s>]/.test(head);
}

/**
 * Reads a document given as bytes. `filename` gives the expected type by its extension; the bytes
 * must agree. Throws DocumentError (with `userMessage`) for anything it cannot read safely.
 */
export async function readDocument(buffer: Uint8Array, filename: string, options: ReadOptions = {}): Promise<ReadResult> {
  const o = { ...DEFAULTS, ...options };
  if (!(buffer instanceof Uint8Array)) throw new DocumentError('input', 'dữ liệu vào không phải tệp', 'input is not file data');
  if (buffer.length === 0) return { text: '', format: 'txt' };
  if (buffer.length > o.maxBytes) {
    throw new DocumentError('too-large', `tệp quá lớn (${(buffer.length / 1048576).toFixed(1)} MB, tối đa ${(o.maxBytes / 1048576).toFixed(0)} MB)`,
      `file too large (${(buffer.length / 1048576).toFixed(1)} MB, limit ${(o.maxBytes / 1048576).toFixed(0)} MB)`);
  }
  const ext = extOf(filename);
  const kind = sniff(buffer);
  const expect: DocFormat | null = ext === 'docx' ? 'docx' : ext === 'pdf' ? 'pdf' : ext === 'html' || ext === 'htm' || ext === 'xhtml' ? 'html'
    : ext === 'txt' || ext === 'text' || ext === 'md' || ext === '' ? 'txt' : null;
  if (kind === 'binary') throw new DocumentError('wrong-type', `"${filename}" là tệp nhị phân (ảnh, nén hoặc chương trình), không phải văn bản`, `"${filename}" is a binary file (image, archive or program), not a document`);
  if (kind === 'ole') throw new DocumentError('wrong-type', `"${filename}" là tệp Word/Excel định dạng cũ (.doc/.xls): hãy lưu lại thành .docx`, `"${filename}" is an old Word/Excel file (.doc/.xls): save it as .docx`);
  if (ext === 'doc') throw new DocumentError('wrong-type', `"${filename}": định dạng .doc chưa được hỗ trợ, hãy lưu thành .docx`, `"${filename}": .doc is not supported, save it as .docx`);
  if (expect === 'docx' && kind !== 'zip') throw new DocumentError('wrong-type', `"${filename}" có đuôi .docx nhưng nội dung không phải tệp Word (.docx)`, `"${filename}" is named .docx but is not a Word (.docx) file`);
  if (expect === 'pdf' && kind !== 'pdf') throw new DocumentError('wrong-type', `"${filename}" có đuôi .pdf nhưng nội dung không phải PDF`, `"${filename}" is named .pdf but is not a PDF`);
  if ((expect === 'txt' || expect === 'html') && kind === 'pdf') throw new DocumentError('wrong-type', `"${filename}" thực chất là tệp PDF: hãy đổi đuôi thành .pdf`, `"${filename}" is actually a PDF: rename it to .pdf`);
  if ((expect === 'txt' || expect === 'html') && kind === 'zip') throw new DocumentError('wrong-type', `"${filename}" là tệp nén (zip/docx), không phải văn bản thuần`, `"${filename}" is a zip (or .docx) file, not plain text`);
  if (expect === null && kind === null) {
    // unknown extension: accept text that decodes cleanly
  }
  const format: DocFormat = kind === 'pdf' ? 'pdf' : kind === 'zip' ? 'docx' : 'txt';
  const clip = (s: string): string => (s.length > o.maxChars ? s.slice(0, o.maxChars) : s);

  if (format === 'pdf') return { text: clip(await readPdf(buffer, o.timeoutMs, o.maxPages, o.maxChars)), format: 'pdf' };
  if (format === 'docx') return { text: clip(await readDocx(buffer, o.timeoutMs)), format: 'docx' };
  const text = decodeText(buffer);
  if (expect === 'html' || (expect !== 'txt' && looksHtml(text)) || (expect === 'txt' && ext !== 'txt' && looksHtml(text))) {
    const r = htmlToText(text, o.maxChars);
    return { ...r, text: clip(r.text), format: 'html' };
  }
  return { text: clip(text), format: 'txt' };
}

// ---------------------------------------------------------------------------------------------- zip

/** Reads the zip's central directory to refuse zip bombs before anything inflates them. */
export function checkZip(buf: Uint8Array, maxTotal = 200 * 1024 * 1024, maxEntries = 5000): void {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // end of central directory: signature 0x06054b50 within the last 65,557 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new DocumentError('corrupt', 'tệp .docx bị hỏng (không đọc được cấu trúc zip)', 'the .docx file is corrupted (zip structure unreadable)');
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOff = view.getUint32(eocd + 16, true);
  if (entries > maxEntries) throw new DocumentError('zip-entries', `tệp .docx có quá nhiều thành phần (${entries})`, `the .docx file has too many parts (${entries})`);
  if (cdOff + cdSize > buf.length) throw new DocumentError('corrupt', 'tệp .docx bị hỏng (mục lục zip sai)', 'the .docx file is corrupted (bad zip directory)');
  let p = cdOff;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50) throw new DocumentError('corrupt', 'tệp .docx bị hỏng (mục zip sai)', 'the .docx file is corrupted (bad zip entry)');
    const comp = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    total += size;
    if (size > 0 && comp > 0 && size / comp > 1000 && size > 10 * 1024 * 1024) {
      throw new DocumentError('zip-bomb', 'tệp .docx có thành phần nén bất thường (nghi "bom zip")', 'the .docx file has an abnormally compressed part (suspected zip bomb)');
    }
    if (total > maxTotal) throw new DocumentError('zip-bomb', 'tệp .docx giải nén ra quá lớn', 'the .docx file expands to too much data');
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}

async function readDocx(buf: Uint8Array, timeoutMs: number): Promise<string> {
  checkZip(buf);
  try {
    return await readInWorker('docx', buf, timeoutMs);
  } catch (e) {
    throw documentError(e, 'DOCX', timeoutMs, (m) => [`không đọc được tệp .docx (${m})`, `cannot read the .docx file (${m})`]);
  }
}

/** A worker's failure as the user-facing error. */
function documentError(e: unknown, what: string, timeoutMs: number, unreadable: (m: string) => [string, string]): DocumentError {
  const f = e instanceof DocumentReadFailure ? e : new DocumentReadFailure('corrupt', (e as Error)?.message ?? String(e));
  const m = f.message.slice(0, 120) || 'lỗi / error';
  if (f.code === 'timeout') {
    return new DocumentError('timeout', `đọc tệp ${what} quá ${Math.round(timeoutMs / 1000)} giây, đã dừng`, `reading the ${what} file took over ${Math.round(timeoutMs / 1000)} s and was stopped`);
  }
  if (f.code === 'encrypted') return new DocumentError('encrypted', 'tệp PDF có mật khẩu', 'the PDF is password-protected');
  const [vi, en] = unreadable(m);
  return new DocumentError('corrupt', vi, en);
}

// --------------------------------------------------------------------------------------------- html

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article',
  'header', 'footer', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'dl', 'figcaption', 'figure', 'main', 'aside', 'nav', 'title', 'address', 'tbody', 'thead', 'caption']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button', 'head']);

function cp(c: number): string {
  return c > 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF) ? String.fromCodePoint(c) : '\uFFFD';
}

/**
 * HTML → text: scripts and styles dropped, block elements become line breaks. Uses htmlparser2's
 * tokenizer alone (no element stack), so deeply nested or unclosed markup stays linear in time.
 */
export function htmlToText(html: string, maxChars = DEFAULTS.maxChars): { text: string; source?: string; documentDate?: string } {
  const parts: string[] = [];
  let len = 0;
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  let source: string | undefined;
  let date: string | undefined;
  let tag = '';
  let attrs: Record<string, string> = {};
  let attrName: string | null = null;
  let attrVal = '';
  const nl = (): void => { if (parts.length && parts[parts.length - 1] !== '\n') { parts.push('\n'); len++; } };
  const emit = (t: string): void => {
    if (inTitle) { if (title.length < 500) title += t; return; }
    if (skipDepth > 0 || len > maxChars) return;
    parts.push(t);
    len += t.length;
  };
  const open = (n: string): void => {
    if (n === 'title') { inTitle = true; return; }
    if (n === 'link' && /canonical/i.test(attrs.rel ?? '') && attrs.href && /^https?:\/\//i.test(attrs.href)) source ??= attrs.href;
    if (n === 'meta') {
      const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
      if (key === 'og:url' && attrs.content && /^https?:\/\//i.test(attrs.content)) source ??= attrs.content;
      if (/published_time|pubdate|datepublished|date$/.test(key) && attrs.content && /^\d{4}-\d{2}-\d{2}/.test(attrs.content)) date ??= attrs.content.slice(0, 10);
    }
    if (SKIP.has(n) && n !== 'head') { skipDepth++; return; }
    if (BLOCK.has(n)) nl();
  };
  const close = (n: string): void => {
    if (n === 'title') { inTitle = false; return; }
    if (SKIP.has(n) && n !== 'head') { if (skipDepth > 0) skipDepth--; return; }
    if (BLOCK.has(n)) nl();
  };
  const tokenizer = new Tokenizer({ decodeEntities: true, recognizeSelfClosing: true }, {
    onopentagname(s, e) { tag = html.slice(s, e).toLowerCase(); attrs = {}; },
    onattribname(s, e) { attrName = html.slice(s, e).toLowerCase(); attrVal = ''; },
    onattribdata(s, e) { if (attrVal.length < 2000) attrVal += html.slice(s, e); },
    onattribentity(c) { if (attrVal.length < 2000) attrVal += cp(c); },
    onattribend() { if (attrName !== null && Object.keys(attrs).length < 50) attrs[attrName] = attrVal; attrName = null; },
    onopentagend() { open(tag); },
    onselfclosingtag() { open(tag); if (!VOID.has(tag)) close(tag); },
    onclosetag(s, e) { close(html.slice(s, e).toLowerCase()); },
    ontext(s, e) { emit(html.slice(s, e)); },
    ontextentity(c) { emit(cp(c)); },
    oncomment() { /* dropped */ },
    oncdata() { /* dropped */ },
    ondeclaration() { /* dropped */ },
    onprocessinginstruction() { /* dropped */ },
    onend() { /* done */ },
  });
  tokenizer.write(html.length > maxChars * 4 ? html.slice(0, maxChars * 4) : html);
  tokenizer.end();
  let body = parts.join('').replace(/[ \t\f\v\u00A0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const t = title.replace(/\s+/g, ' ').trim();
  // the page title becomes the heading when the body does not start with it
  if (t && !body.startsWith(t.slice(0, 40))) body = `${t}\n\n${body}`;
  if (source) body = `${source}\n${body}`;
  return { text: body, ...(source ? { source } : {}), ...(date ? { documentDate: date } : {}) };
}

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'param', 'source', 'track', 'wbr']);

// ---------------------------------------------------------------------------------------------- pdf

async function readPdf(buf: Uint8Array, timeoutMs: number, maxPages: number, maxChars: number): Promise<string> {
  try {
    return await readInWorker('pdf', buf, timeoutMs, { maxPages, maxChars });
  } catch (e) {
    const content = e instanceof DocumentReadFailure && e.code === 'content';
    throw documentError(e, 'PDF', timeoutMs, (m) => content
      ? [`không đọc được nội dung PDF (${m})`, `cannot read the PDF content (${m})`]
      : [`tệp PDF bị hỏng hoặc không hợp lệ (${m})`, `the PDF is corrupted or invalid (${m})`]);
  }
}
