// The user guides (docs/guide/) hold together: every relative link and image exists, the Vietnamese and
// English folders have the same guides showing the same screenshots, every screenshot is used, and every
// label written **[like this]** is a string of the application's dictionaries in the guide's language.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { DICTS, type Lang } from './i18n.ts';
import { DICT as COLLECTION } from './pages/collection/i18n.ts';
import { DICT as CONFERENCES } from './pages/conferences/i18n.ts';
import { REPORTS_DICT } from './pages/reports/i18n.ts';
import { EXTRACTION_DICT } from './pages/extraction/i18n.ts';

const GUIDE = new URL('../../docs/guide/', import.meta.url).pathname;
const LANGS: Lang[] = ['vi', 'en'];
const guidesIn = (lang: Lang) => readdirSync(join(GUIDE, lang)).filter((f) => f.endsWith('.md')).sort();
const allGuides = () => [join(GUIDE, 'README.md'), ...LANGS.flatMap((l) => guidesIn(l).map((f) => join(GUIDE, l, f)))];

/** Relative link and image targets of a Markdown file (web addresses and in-page anchors left out). */
function targets(file: string): Array<{ target: string; image: boolean }> {
  const text = readFileSync(file, 'utf8').replace(/`[^`\n]*`/g, '');
  const out: Array<{ target: string; image: boolean }> = [];
  for (const m of text.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const target = m[2]!;
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    out.push({ target, image: m[1] === '!' });
  }
  return out;
}

/** Every string of a dictionary (nested objects included, functions left out). */
function strings(d: unknown, out = new Set<string>()): Set<string> {
  if (typeof d === 'string') out.add(d);
  else if (d && typeof d === 'object') for (const v of Object.values(d)) strings(v, out);
  return out;
}

describe('user guides', () => {
  test('vi/ and en/ hold the same guides, and the index links each of them', () => {
    assert.ok(guidesIn('vi').length >= 5, guidesIn('vi').join(', '));
    assert.deepEqual(guidesIn('en'), guidesIn('vi'));
    const index = targets(join(GUIDE, 'README.md')).map((t) => t.target);
    for (const l of LANGS) for (const f of guidesIn(l)) assert.ok(index.includes(`${l}/${f}`), `README.md links ${l}/${f}`);
  });

  test('every linked file and image exists', () => {
    const missing: string[] = [];
    for (const file of allGuides()) {
      for (const { target } of targets(file)) {
        const path = resolve(dirname(file), decodeURI(target.split('#')[0]!));
        if (!existsSync(path)) missing.push(`${relative(GUIDE, file)} → ${target}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('each guide shows the same screenshots in both languages, from its own language, and every screenshot is shown', () => {
    const shown = (l: Lang, f: string) => targets(join(GUIDE, l, f)).filter((t) => t.image).map((t) => t.target);
    const used = new Set<string>();
    for (const f of guidesIn('vi')) {
      for (const l of LANGS) for (const img of shown(l, f)) {
        assert.ok(img.startsWith(`../img/${l}/`), `${l}/${f}: ${img} is not a ${l} screenshot`);
        used.add(img.slice(3));
      }
      assert.deepEqual(shown('en', f).map((i) => i.replace('/en/', '/')), shown('vi', f).map((i) => i.replace('/vi/', '/')), f);
    }
    for (const l of LANGS) {
      const dir = join(GUIDE, 'img', l);
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : [];
      for (const png of files) assert.ok(used.has(`img/${l}/${png}`), `img/${l}/${png} is not shown by any guide`);
    }
  });

  test('the labels written **[…]** are the application\'s own, in the guide\'s language', () => {
    for (const l of LANGS) {
      const known = new Set([DICTS[l], COLLECTION[l], CONFERENCES[l], REPORTS_DICT[l], EXTRACTION_DICT[l]].flatMap((d) => [...strings(d)]));
      const unknown: string[] = [];
      let count = 0;
      for (const f of guidesIn(l)) {
        for (const m of readFileSync(join(GUIDE, l, f), 'utf8').matchAll(/\*\*\[([^\]]+)\]\*\*/g)) {
          count++;
          const label = m[1]!.replace(/\s+/g, ' '); // a label may wrap across lines of the Markdown
          if (!known.has(label)) unknown.push(`${l}/${f}: ${label}`);
        }
      }
      assert.ok(count > 50, `${l}: ${count} labels`);
      assert.deepEqual(unknown, []);
    }
  });
});
