// Property tests of every parser of user-supplied data, bounded for CI (bench/fuzz runs the same
// parsers over a million inputs each). Each parser, on any input: returns its documented result or
// its own user-facing error — never another exception, never a non-finite number, never slowly.
// The regressions found by bench/fuzz are pinned here too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BoundaryFileError, coordinatesLookGeographic, matchFeatures, prepareGeometry, readBoundaryFile } from '../catalogue/geo/boundaries.ts';
import type { UnitRef } from '../catalogue/reference.ts';
import { readFlatUpload, type FlatRow } from '../collection/excel/flatFiles.ts';
import { numberOf, readTemplateUpload } from '../collection/excel/readUpload.ts';
import { parseValueFile } from '../collection/valueFiles.ts';
import { valueInputSchema } from '../collection/valueInput.ts';
import { DocumentError, htmlToText, readDocument } from '../extraction/documents.ts';
import { parseNumber, romanNumber } from '../extraction/numbers.ts';
import { isValidPeriod, makePeriod, periodKey, PeriodError, YEAR_MAX, YEAR_MIN, type Period } from '../periods/core.ts';
import { parseCode, periodCode } from '../periods/codes.ts';
import { formatPeriod } from '../periods/labels.ts';
import { parsePeriod } from '../periods/parse.ts';
import { formatNumber, fromRoman, parseVietnameseNumber, toRoman } from '../shared/format.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const fast = <T>(f: () => T, ms = 500): T => {
  const t = performance.now();
  const r = f();
  assert.ok(performance.now() - t < ms, `took ${(performance.now() - t).toFixed(0)} ms`);
  return r;
};
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 60 }));

describe('Vietnamese numbers', () => {
  test('what the formatter writes reads back; anything else is a number or null, never NaN/∞, never throws', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (x, d) => {
      assert.equal(parseVietnameseNumber(formatNumber(x / 10 ** d, 'vi', { decimals: d })), x / 10 ** d);
    }), { numRuns: RUNS });
    fc.assert(fc.property(anyText, (s) => {
      const v = fast(() => parseVietnameseNumber(s));
      assert.ok(v === null || Number.isFinite(v));
      const c = numberOf(s);
      assert.ok('vi' in c || c.value === null || Number.isFinite(c.value));
      assert.equal(typeof parseNumber(s, 'vi'), 'number');
      const r = fromRoman(s);
      assert.ok(r === null || toRoman(r) === s.toUpperCase());
      const w = romanNumber(s);
      assert.ok(w === null || Number.isInteger(w));
    }), { numRuns: RUNS });
  });

  test('regressions found by bench/fuzz: overlong digits are not Infinity; "constructor" is not a Roman numeral', () => {
    assert.ok('vi' in numberOf('9'.repeat(400)));
    assert.ok('vi' in numberOf(`${'9'.repeat(400)},5`));
    assert.deepEqual(numberOf('12,5'), { value: 12.5 });
    for (const w of ['constructor', '__proto__', 'tostring', 'valueof', 'hasownproperty']) assert.equal(romanNumber(w), null, w);
    assert.equal(romanNumber('xii'), 12);
  });
});

describe('periods', () => {
  const anyPeriod: fc.Arbitrary<Period> = fc.record({
    kind: fc.constantFrom('month', 'quarter', 'half', 'ytd', 'year' as const), year: fc.integer({ min: YEAR_MIN, max: YEAR_MAX }), m: fc.integer({ min: 1, max: 12 }),
  }).map(({ kind, year, m }) => makePeriod(kind, year, kind === 'year' ? 0 : ((m - 1) % { month: 12, quarter: 4, half: 2, ytd: 12, year: 1 }[kind]) + 1));

  test('labels and codes read back; any text gives a valid period or null; parseCode throws only PeriodError', () => {
    fc.assert(fc.property(anyPeriod, fc.constantFrom('vi', 'en' as const), fc.constantFrom('short', 'long' as const), (p, lang, style) => {
      assert.equal(periodKey(parsePeriod(formatPeriod(p, lang, { style }))!), periodKey(p));
      assert.equal(periodKey(parseCode(periodCode(p))), periodKey(p));
    }), { numRuns: RUNS });
    fc.assert(fc.property(anyText, (s) => {
      const p = fast(() => parsePeriod(s));
      assert.ok(p === null || isValidPeriod(p));
      try { parseCode(s); } catch (e) { assert.ok(e instanceof PeriodError); }
    }), { numRuns: RUNS });
  });
});

describe('CSV and JSON value files', () => {
  const cell = fc.oneof(fc.constantFrom('a', 'ha-noi', 'retail_services', '9T/2024', '12,5', '=1+1', '', '1e999'), fc.string({ maxLength: 12 }));
  const rows = fc.array(fc.dictionary(fc.constantFrom('place', 'indicator', 'period', 'value', 'unit', 'status', 'note', 'bogus', 'version'), cell, { maxKeys: 8 }), { maxLength: 8 });
  test('any file: rows or errors a user can act on, never an exception', () => {
    fc.assert(fc.property(fc.oneof(anyText, rows.map((r) => JSON.stringify(r)), fc.jsonValue().map((v) => JSON.stringify(v))), fc.constantFrom('csv', 'json' as const), (text, format) => {
      const r = fast(() => parseValueFile(text, format));
      if ('errors' in r) assert.ok(r.errors.every((e) => e.messageVi && e.messageEn));
      else for (const row of r.rows) valueInputSchema.safeParse(row);
    }), { numRuns: RUNS });
  });

  const ITEMS: FlatRow[] = [{ item: 1, indicator: 'exports', breakdown: '', period: 'T10/2024', name: 'x', unit: 'triệu USD', last_year: 1, value: null, plan: null, comment: null, version: 0, plan_version: 0, withPlan: true }];
  test('flat uploads of a report: any JSON shape, including objects where text belongs (regression from bench/fuzz)', () => {
    const r = readFlatUpload('{"entries":[{"indicator":{"toString":1},"period":{"valueOf":[]},"version":{"toString":1}}]}', 'json', ITEMS);
    assert.ok('errors' in r);
    const big = readFlatUpload('{"entries":[{"indicator":"exports","breakdown":"","period":"T10/2024","value":"1e999"}]}', 'json', ITEMS);
    assert.ok('errors' in big && /không phải là số/.test(big.errors[0]!.message));
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom('csv', 'json' as const), (v, format) => {
      const text = format === 'json' ? JSON.stringify({ entries: [v] }) : typeof v === 'string' ? v : JSON.stringify(v);
      const u = fast(() => readFlatUpload(text, format, ITEMS));
      if ('cells' in u) assert.ok(u.cells.every((c) => c.value === null || Number.isFinite(c.value)));
    }), { numRuns: RUNS });
  });
});

describe('XLSX template uploads', () => {
  const period = makePeriod('month', 2024, 10);
  const ref = { ds: { code: 'bc', version: 1 }, unit: { slug: 'a' }, period, key: periodKey(period), ref: null } as never;
  test('random and zip-shaped bytes are refused with a message, never thrown', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, zipHead) => {
      const b = Buffer.from(bytes);
      if (zipHead && b.length >= 4) b.writeUInt32LE(0x04034b50, 0);
      const r = await readTemplateUpload(b, ref, [{ item: 1, indicator: 'exports', breakdown: '', period: 'T10/2024', withPlan: false }]);
      assert.ok('errors' in r && r.errors.every((e) => e.message && e.messageEn));
    }), { numRuns: Math.min(RUNS, 200) });
  });
});

describe('DOCX and HTML documents', () => {
  test('any bytes under any name: text or a DocumentError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('a.docx', 'a.html', 'a.txt', 'a', 'a.pdf', 'a.doc'), async (bytes, name) => {
      try {
        const r = await readDocument(bytes, name, { timeoutMs: 5000 });
        assert.equal(typeof r.text, 'string');
      } catch (e) {
        assert.ok(e instanceof DocumentError, String(e));
      }
    }), { numRuns: Math.min(RUNS, 200) });
  });
  test('HTML of any shape becomes text without script code, in linear time', () => {
    const tag = fc.constantFrom('p', 'div', 'script', 'style', 'title', 'a', 'br', 'svg', 'template');
    const html = fc.array(fc.oneof(tag.map((t) => `<${t}>`), tag.map((t) => `</${t}>`), fc.constantFrom('&amp;', '&#x110000;', '<!--', 'văn bản', '<meta property="og:url" content="https://x.vn">'), fc.string({ maxLength: 10 })), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(fc.property(html, (h) => {
      const r = fast(() => htmlToText(h));
      assert.equal(typeof r.text, 'string');
    }), { numRuns: RUNS });
    // a script element's code never reaches the text (text *about* "<script>" may, as text)
    const r = htmlToText('<p>trước</p><script>var MA_BI_MAT = 1;</script><style>p{}</style><p>sau</p>');
    assert.equal(r.text, 'trước\n\nsau'.replace('\n\n', '\n'));
    fast(() => htmlToText('<div>'.repeat(200_000)), 3000);
  });
});

describe('boundary files', () => {
  const units: UnitRef[] = [{ id: 1, slug: 'ha-noi', code: '01', level: 'province', nameVi: 'Thành phố Hà Nội', nameEn: 'Hanoi', shortVi: 'Hà Nội', shortEn: 'Hanoi', validFrom: '1900-01-01', validTo: null, aliases: [], meta: {}, unidentified: false }];
  const coord = fc.oneof({ arbitrary: fc.tuple(fc.double({ min: 100, max: 110, noNaN: true }), fc.double({ min: 10, max: 23, noNaN: true })), weight: 5 }, { arbitrary: fc.jsonValue(), weight: 1 });
  const geometry = fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon'), coordinates: fc.oneof(fc.array(fc.array(coord, { maxLength: 8 }), { maxLength: 2 }), fc.array(fc.array(fc.array(coord, { maxLength: 8 }), { maxLength: 2 }), { maxLength: 2 }), fc.jsonValue()) });
  const file = fc.array(fc.record({ type: fc.constant('Feature'), properties: fc.record({ ten_tinh: fc.constantFrom('Hà Nội', 'Ha Noi', 'x'), ma_tinh: fc.constantFrom('01', 1, 'x') }), geometry }), { maxLength: 4 })
    .map((features) => ({ type: 'FeatureCollection', features }));
  test('any file: features or a BoundaryFileError; what matches has finite coordinates only (regression from bench/fuzz)', () => {
    assert.equal(coordinatesLookGeographic({ type: 'Polygon', coordinates: [[[105, 21], ['x', null], [106, 22], [105, 21]]] }), false);
    assert.equal(coordinatesLookGeographic({ type: 'Polygon', coordinates: [[105, 21], [106, 21], [106, 22]] }), false); // a level missing
    assert.equal(coordinatesLookGeographic({ type: 'MultiPolygon', coordinates: [[[[105, 21], [106, 21], [106, 22], [105, 21]]]] }), true);
    fc.assert(fc.property(fc.oneof(file.map((f) => JSON.stringify(f)), anyText, fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
      let features;
      try { features = readBoundaryFile(text); } catch (e) { assert.ok(e instanceof BoundaryFileError, String(e)); return; }
      const { assignment } = matchFeatures(features, units);
      for (const [, idx] of assignment) {
        const g = prepareGeometry(idx.map((i) => features[i]!.geometry!));
        for (const poly of g.coordinates) for (const ring of poly) for (const [x, y] of ring) assert.ok(Number.isFinite(x) && Number.isFinite(y));
      }
    }), { numRuns: RUNS });
  });
});
