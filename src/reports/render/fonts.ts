// Tinos (metric-compatible with Times New Roman, Apache 2.0, from @fontsource/tinos) for the PDF and
// the web preview, so both look the same with or without Times New Roman installed. Fontsource ships it
// in subsets by Unicode range; Vietnamese text needs "latin" (base letters, â ê ô, tones on a e i o u y
// from Latin-1) and "vietnamese" (ă đ ơ ư and the precomposed letters U+1EA0–1EF9), "latin-ext" for
// anything else.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const FONT_DIR = join(dirname(require.resolve('@fontsource/tinos/package.json')), 'files');

export const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
export type Subset = (typeof SUBSETS)[number];
export type Weight = 400 | 700;
export type Style = 'normal' | 'italic';

export const UNICODE_RANGE: Record<Subset, string> = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  vietnamese: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  'latin-ext': 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

export const fontFile = (subset: Subset, weight: Weight, style: Style, ext: 'woff' | 'woff2') =>
  `tinos-${subset}-${weight}-${style}.${ext}`;

/** Only files of this family and these subsets are served (the route's whitelist). */
export const FONT_FILE = /^tinos-(latin|vietnamese|latin-ext)-(400|700)-(normal|italic)\.woff2?$/;

const cache = new Map<string, Buffer>();
export function readFont(name: string): Buffer {
  if (!FONT_FILE.test(name)) throw new Error(`not a report font: ${name}`);
  let b = cache.get(name);
  if (!b) cache.set(name, (b = readFileSync(join(FONT_DIR, name))));
  return b;
}

/** @font-face rules; `url` maps a file name to where the page loads it from (a route or a data: URI). */
export function fontFaceCss(url: (file: string) => string, subsets: readonly Subset[] = ['latin', 'vietnamese']): string {
  const rules: string[] = [];
  for (const subset of subsets) {
    for (const weight of [400, 700] as const) {
      for (const style of ['normal', 'italic'] as const) {
        rules.push(`@font-face{font-family:'Tinos';font-style:${style};font-weight:${weight};font-display:swap;` +
          `src:url(${url(fontFile(subset, weight, style, 'woff2'))}) format('woff2');unicode-range:${UNICODE_RANGE[subset]};}`);
      }
    }
  }
  return rules.join('\n');
}

/**
 * WOFF 1.0 → plain TrueType (SFNT), once per process. fontkit inflates WOFF tables in pure JavaScript
 * every time a PDF registers the font (most of a report's rendering time); node:zlib does it natively,
 * and pdfkit then reads the TrueType as it is.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = woff.readUInt32BE(e);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const checksum = woff.readUInt32BE(e + 16);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  tables.sort((a, b) => a.tag - b.tag);
  let search = 1;
  let selector = 0;
  while (search * 2 <= numTables) {
    search *= 2;
    selector++;
  }
  const headerLen = 12 + 16 * numTables;
  const out = Buffer.alloc(headerLen + tables.reduce((s, t) => s + ((t.data.length + 3) & ~3), 0));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(search * 16, 6);
  out.writeUInt16BE(selector, 8);
  out.writeUInt16BE(numTables * 16 - search * 16, 10);
  let offset = headerLen;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    out.writeUInt32BE(t.tag, e);
    out.writeUInt32BE(t.checksum, e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

const sfntCache = new Map<string, Buffer>();
/** The TrueType data of a subset font, for pdfkit. */
export function sfntFont(subset: Subset, weight: Weight, style: Style): Buffer {
  const name = fontFile(subset, weight, style, 'woff');
  let b = sfntCache.get(name);
  if (!b) sfntCache.set(name, (b = woffToSfnt(readFont(name))));
  return b;
}
