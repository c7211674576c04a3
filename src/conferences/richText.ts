// Rich text from users (recommendations, answers, narratives) is kept as a small allow-listed HTML
// subset: what a Word paragraph needs, no styles, no scripts, links only to http(s) and mailto.
// xss is CommonJS and Node's ESM loader does not see all of its named exports: require it.
import type * as xss from 'xss';
import { createRequire } from 'node:module';

import { parseDocument } from 'htmlparser2';

const lib = createRequire(import.meta.url)('xss') as typeof xss;
const { FilterXSS, friendlyAttrValue, escapeAttrValue } = lib;

const allow = {
  p: [], br: [], strong: [], b: [], em: [], i: [], u: [], ul: [], ol: [], li: [], blockquote: [],
  a: ['href', 'title'],
};

const filter = new FilterXSS({
  whiteList: allow,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
  allowCommentTag: false,
  css: false,
  onTagAttr(tag, name, value) {
    if (tag === 'a' && name === 'href') {
      // xss already drops javascript:; be stricter and keep only web and mail links.
      const url = friendlyAttrValue(value).trim(); // entities decoded, control characters removed
      return /^(https?:|mailto:)/i.test(url) ? `href="${escapeAttrValue(url)}" rel="noopener noreferrer"` : '';
    }
    return undefined;
  },
});

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Sanitised HTML. Plain text (no tags) is escaped and its line breaks kept as paragraphs. */
export function sanitizeRichText(input: string): string {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (!/<[a-z!/]/i.test(text)) {
    return text.split(/\n{2,}/).map((p) => `<p>${escapeAttr(p).replace(/\n/g, '<br>')}</p>`).join('');
  }
  // HTML without any block structure (typed text with a few tags): keep its line breaks as paragraphs.
  const structured = /<(p|br|ul|ol|li|blockquote)\b/i.test(text);
  const shaped = structured ? text : text.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('');
  return filter.process(shaped).trim();
}

/** Text for exports and terminals: paragraphs and list items on their own lines. */
export function richTextToPlain(html: string): string {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) out.push(line.replace(/[ \t]+/g, ' ').trim());
    line = '';
  };
  const walk = (nodes: any[]) => {
    for (const n of nodes) {
      if (n.type === 'text') line += n.data;
      else if (n.type === 'tag') {
        if (n.name === 'br') { flush(); continue; }
        const block = ['p', 'li', 'blockquote', 'ul', 'ol'].includes(n.name);
        if (block) flush();
        if (n.name === 'li') line += '- ';
        walk(n.children ?? []);
        if (block) flush();
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children as any[]);
  flush();
  return out.join('\n');
}

/** Rich-text fields accept up to this many characters (a long answer with a few lists). */
export const RICH_TEXT_MAX = 50_000;
