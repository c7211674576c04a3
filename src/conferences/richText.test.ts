// Rich text keeps what a paragraph needs and nothing that runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { richTextToPlain, sanitizeRichText } from './richText.ts';

describe('rich text', () => {
  test('scripts, styles, event handlers and javascript: links are removed', () => {
    const out = sanitizeRichText('<p onclick="x()" style="color:red">Kiến <b>nghị</b><script>alert(1)</script><img src=x onerror=alert(1)>'
      + '<a href="javascript:alert(1)">x</a> <a href="https://moit.gov.vn/?a=1&amp;b=2" target="_blank">Bộ</a><iframe src="//evil"></iframe></p>');
    assert.equal(out, '<p>Kiến <b>nghị</b><a>x</a> <a href="https://moit.gov.vn/?a=1&amp;b=2" rel="noopener noreferrer">Bộ</a></p>');
  });

  test('plain text is escaped and keeps its paragraphs; typed text with a few tags keeps them too', () => {
    assert.equal(sanitizeRichText('Dòng 1\nDòng 2\n\n5 > 3 & <2'), '<p>Dòng 1<br>Dòng 2</p><p>5 &gt; 3 &amp; &lt;2</p>');
    assert.equal(sanitizeRichText('Dòng 1\nDòng 2\n\n<b>đậm</b> <u>gạch</u>'), '<p>Dòng 1<br>Dòng 2</p><p><b>đậm</b> <u>gạch</u></p>');
  });

  test('text for exports: entities decoded, lists and paragraphs on their own lines', () => {
    assert.equal(richTextToPlain(sanitizeRichText('<p>A &amp; B</p><ul><li>một</li><li>hai</li></ul>cuối<br>dòng')), 'A & B\n- một\n- hai\ncuối\ndòng');
  });

  test('whatever comes in, only allowed elements and attributes come out (property)', () => {
    const piece = fc.constantFrom('<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">', '<svg onload=1>', '<p>', '</p>',
      '<b>', 'chữ', ' ', '"', "'", '<', '>', '<style>', 'onclick=', '<iframe>', '<a href="https://a.vn" onmouseover="x">', '<math>', '&', '<!--', '-->',
      'JaVaScRiPt:', '<a href=" java\nscript:alert(1)">', '\n', '<li>', '</a>');
    const allowed = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote', 'a']);
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const out = sanitizeRichText(parts.join(''));
      const bad: string[] = [];
      const walk = (nodes: any[]) => nodes.forEach((n) => {
        if (n.type === 'script' || n.type === 'style' || (n.type === 'tag' && !allowed.has(n.name))) bad.push(n.name);
        for (const [k, v] of Object.entries<string>(n.attribs ?? {})) {
          if (!['href', 'rel', 'title'].includes(k) || (k === 'href' && !/^(https?:|mailto:)/i.test(v))) bad.push(`${k}=${v}`);
        }
        walk(n.children ?? []);
      });
      walk(parseDocument(out).children as any[]);
      return bad.length === 0;
    }), { numRuns: 1500 });
  });
});
