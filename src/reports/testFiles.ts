// Test support: reading generated files back the way a reader's software would — the .docx as the zip
// of XML parts it is, the PDF through pdf.js — so tests check what is in the file, not what was meant.
import JSZip from 'jszip';

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unxml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => XML_ENTITIES[m]!);

export interface DocxParts {
  files: string[];
  document: string;
  styles: string;
  headers: string[];
  part(name: string): Promise<string>;
}

export async function openDocx(buf: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const files = Object.keys(zip.files);
  return {
    files,
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    headers: await Promise.all(files.filter((f) => /^word\/header\d+\.xml$/.test(f)).sort().map(read)),
    part: read,
  };
}

/** The text of each paragraph (<w:p>), runs joined. */
export function docxParagraphs(xml: string): string[] {
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unxml(m[1]!)).join('')).filter((t) => t.length > 0);
}

/** The XML of the paragraph whose text is exactly `text` (or starts with it). */
export function docxParagraphXml(xml: string, text: string): string | null {
  for (const p of xml.split('</w:p>')) {
    const t = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unxml(m[1]!)).join('');
    if (t === text || (text.length > 10 && t.startsWith(text))) return p;
  }
  return null;
}

export interface PdfLine {
  y: number;
  x0: number;
  x1: number;
  text: string;
  fonts: string[];
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  text: string;
}

/** Pages of a PDF as lines of text (items on one baseline joined, a space where there is a gap). */
export async function readPdf(buf: Buffer): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = (content.items as Array<{ str: string; transform: number[]; width: number; fontName: string }>)
      .filter((it) => it.str.length > 0)
      .map((it) => ({ str: it.str, x: it.transform[4]!, y: height - it.transform[5]!, w: it.width, font: it.fontName }));
    // Items on one baseline (within 2 pt: a 12.5 pt and a 13 pt line side by side) form a line, read left to right.
    items.sort((a, b) => a.y - b.y);
    const groups: Array<typeof items> = [];
    for (const it of items) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(g[0]!.y - it.y) < 2) g.push(it);
      else groups.push([it]);
    }
    const lines: PdfLine[] = groups.map((g) => {
      g.sort((a, b) => a.x - b.x);
      const line: PdfLine = { y: g[0]!.y, x0: g[0]!.x, x1: g[0]!.x + g[0]!.w, text: '', fonts: [] };
      for (const it of g) {
        if (line.text && it.x - line.x1 > 1) line.text += ' ';
        line.text += it.str;
        line.x1 = Math.max(line.x1, it.x + it.w);
        if (!line.fonts.includes(it.font)) line.fonts.push(it.font);
      }
      return line;
    });
    pages.push({ width, height, lines, text: lines.map((l) => l.text).join('\n') });
  }
  await doc.destroy();
  return pages;
}

/** All the text of a document on one line, white space collapsed (sentences wrap across lines). */
export const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
