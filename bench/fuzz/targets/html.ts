// HTML and text documents: readDocument on .html/.htm/.txt/no-extension bytes (type sniffing, text
// decoding, HTML → text) and htmlToText on strings. DocumentError is the reader's own refusal.
import { DocumentError, htmlToText, readDocument } from '../../../src/extraction/documents.ts';
import { INTERESTING_TEXT, mutateBytes, mutateText, randomBytes, randomText, type Rng } from '../gen.ts';
import { check, clip, type FuzzTarget } from '../target.ts';

const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'br', 'li', 'ul', 'table', 'tr', 'td', 'h1', 'h2', 'script', 'style', 'noscript', 'svg', 'title', 'head', 'body', 'html', 'meta', 'link', 'template', 'iframe', 'img', 'article', 'pre', 'math', 'select', 'textarea', 'xmp', 'plaintext'];
const TEXT = ['Năm 2024, kim ngạch xuất khẩu đạt 8,1 tỷ USD, tăng 5,2% so với cùng kỳ.', 'Tổng mức bán lẻ 9 tháng đầu năm ước đạt 85.000 tỷ đồng', '&amp;', '&nbsp;', '&#x110000;', '&#0;', '&lt;script&gt;', '&#xD800;', '&unknown;', '&', '<', ']]>', '\u0000', '\uFEFF'];

function attr(r: Rng): string {
  switch (r.int(6)) {
    case 0: return ` rel="canonical" href="${r.pick(['https://x.vn/a', 'javascript:alert(1)', '', '//evil', 'http://a.b/' + randomText(r, 20)])}"`;
    case 1: return ` property="og:url" content="${r.pick(['https://congthuong.vn/bai-1', 'data:text/html,x', ''])}"`;
    case 2: return ` name="${r.pick(['article:published_time', 'pubdate', 'date', 'datePublished'])}" content="${r.pick(['2024-10-05', '2024-13-45T', 'x', '9999-99-99'])}"`;
    case 3: return ` ${r.pick(['class', 'id', 'style', 'onload', 'x'])}=${r.pick(['"a"', "'b'", 'c', '"unterminated', '&quot;x&quot;'])}`;
    case 4: return ' '.repeat(r.int(3)) + '/';
    default: return '';
  }
}

/** A random tree of tags, attributes, text and entities, sometimes unbalanced or deeply nested. */
function html(r: Rng, depth = 0): string {
  let s = '';
  for (let n = r.int(depth > 6 ? 2 : 5); n >= 0; n--) {
    const k = r.int(10);
    if (k < 4 || depth > 12) s += r.pick(TEXT);
    else if (k < 8) {
      const t = r.pick(TAGS);
      s += `<${r.bool(0.1) ? t.toUpperCase() : t}${attr(r)}${attr(r)}>${html(r, depth + 1)}${r.bool(0.85) ? `</${t}>` : ''}`;
    } else if (k === 8) s += r.pick(['<!-- c -->', '<!doctype html>', '<![CDATA[x]]>', '<?xml version="1.0"?>', '<!--', '</', '<a', '<p/>']);
    else if (r.bool(0.1)) s += '<div>'.repeat(2000 + r.int(5000));
    else s += r.pick(INTERESTING_TEXT);
  }
  return s;
}

const SEEDS = ['<!doctype html><html><head><title>Bán lẻ</title><link rel="canonical" href="https://x.vn/a"><meta property="article:published_time" content="2024-10-05T08:00"></head><body><article><h1>Bán lẻ tăng</h1><p>Tổng mức bán lẻ đạt 85.000 tỷ đồng, tăng 12,5%.</p><script>var x = "<p>";</script></article></body></html>',
  'Năm 2023, kim ngạch xuất khẩu của tỉnh Long An đạt 8,1 tỷ USD.\n'];

type In = { bytes: Buffer; name: string; asString: boolean };
const NAMES = ['bai.html', 'bai.htm', 'bai.xhtml', 'bai.txt', 'bai', 'bai.md', 'bai.unknown', 'x.html.exe'];

export const target: FuzzTarget<In> = {
  name: 'html',
  parsers: 'readDocument (.html, .htm, .txt, other names: sniffing, decoding, HTML → text), htmlToText',
  limitMs: 1000,
  generate(r: Rng, kind) {
    const name = r.pick(NAMES);
    const asString = r.bool(0.3);
    if (kind === 'structured') return { bytes: Buffer.from(html(r), r.bool(0.05) ? 'utf16le' : 'utf8'), name, asString };
    if (kind === 'mutated') {
      const base = r.bool(0.3) ? r.pick(SEEDS) : html(r);
      return { bytes: r.bool(0.7) ? Buffer.from(mutateText(r, base, SEEDS)) : mutateBytes(r, Buffer.from(base)), name, asString };
    }
    return { bytes: r.bool(0.5) ? Buffer.from(randomText(r, 600)) : randomBytes(r, 2000), name, asString };
  },
  async run({ bytes, name, asString }) {
    if (asString) {
      // a closed script element before the input: its code must never reach the text
      const out = htmlToText(`<script>MA_BI_MAT()</script>${bytes.toString('utf8')}`);
      // (the text may say "<script>": "&lt;script&gt;", "&ltscript" and "&LT;script" decode to it as text)
      check(typeof out.text === 'string' && !out.text.includes('MA_BI_MAT'), 'htmlToText text');
      return 'text';
    }
    const res = await readDocument(bytes, name, { timeoutMs: 5000 });
    check(typeof res.text === 'string', 'readDocument text');
    return `read as ${res.format}`;
  },
  allowed: (e) => (e instanceof DocumentError ? `DocumentError(${e.code})` : null),
  show: (x) => `${x.name}${x.asString ? ' (string)' : ''} ${clip(x.bytes.toString('utf8'), 400)}`,
};
