// Security headers of every response, and the Content-Security-Policy of an HTML page computed from
// the page itself: its inline <script> and <style> elements and style="" attributes are allowed by
// their SHA-256 hashes, nothing else inline is ('unsafe-inline' and 'unsafe-eval' never appear).
// Pure functions; the Fastify plugin that applies them is src/server/securityHeaders.ts.
import { createHash } from 'node:crypto';

/** Headers on every response (OWASP ASVS V14.4, OWASP Secure Headers Project). */
export const STATIC_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

/** Sent only over HTTPS (directly or behind a proxy that says so): browsers ignore it over HTTP and
 *  a ministry domain's other hosts are not ours to pin, so no includeSubDomains. */
export const HSTS = 'max-age=31536000';

/** Responses that are not HTML documents: nothing may run or load if one is opened as a page. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Attribute values as the browser hashes them: after character references are decoded. */
export function decodeAttribute(v: string): string {
  return v.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export interface InlineParts {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

/** The inline scripts (no src), style elements and style attributes of a page. */
export function inlineParts(html: string): InlineParts {
  const scripts: string[] = [];
  const styles: string[] = [];
  const attrs = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\ssrc\s*=/i.test(` ${m[1]}`)) scripts.push(m[2]!);
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    styles.push(m[1]!);
    // inside inline SVG a CDATA section is text: the browser hashes the content without its markers
    if (m[1]!.includes('<![CDATA[')) styles.push(m[1]!.replace(/<!\[CDATA\[|\]\]>/g, ''));
  }
  // style attributes inside tags (text is escaped, so a "<" here is markup)
  for (const tag of html.matchAll(/<[a-zA-Z][^<>]*\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.add(decodeAttribute(tag[1] ?? tag[2] ?? ''));
  return { scripts, styles, styleAttributes: [...attrs] };
}

/** Most distinct style attributes listed by hash; a page with more gets none allowed (it still
 *  works, unstyled there) rather than a header too large for proxies. */
const MAX_ATTRIBUTE_HASHES = 64;

/** The Content-Security-Policy of one HTML page. `inlineStyles`: styles the page's own script creates
 *  at run time are allowed too (the third-party API documentation page only; scripts stay strict). */
export function htmlCsp(html: string, opts: { inlineStyles?: boolean } = {}): string {
  const p = inlineParts(html);
  const scriptHashes = [...new Set(p.scripts.map(sha256))];
  const styleHashes = [...new Set(p.styles.map(sha256))];
  const attrHashes = p.styleAttributes.length <= MAX_ATTRIBUTE_HASHES ? p.styleAttributes.map(sha256) : [];
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    "script-src-attr 'none'",
    opts.inlineStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self'${styleHashes.map((h) => ` ${h}`).join('')}`,
    opts.inlineStyles ? "style-src-attr 'unsafe-inline'" : `style-src-attr ${attrHashes.length ? `'unsafe-hashes' ${attrHashes.join(' ')}` : "'none'"}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join('; ');
}

/** htmlCsp with a small cache: index.html is the same string on every request. */
const cache = new Map<string, string>();
export function htmlCspCached(html: string, opts: { inlineStyles?: boolean } = {}): string {
  const key = (opts.inlineStyles ? 's:' : 'h:') + (html.length < 4096 ? html : createHash('sha1').update(html).digest('base64'));
  let v = cache.get(key);
  if (v === undefined) {
    v = htmlCsp(html, opts);
    if (cache.size > 200) cache.clear();
    cache.set(key, v);
  }
  return v;
}
