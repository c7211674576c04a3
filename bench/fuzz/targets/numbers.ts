// Vietnamese numbers: parseVietnameseNumber (shared/format), the template's cell reader
// (collection/excel numberOf), the extractor's parseNumber (vi and en conventions) and Roman numerals.
import fc from 'fast-check';
import { formatNumber, fromRoman, parseVietnameseNumber, toRoman } from '../../../src/shared/format.ts';
import { numberOf } from '../../../src/collection/excel/readUpload.ts';
import { parseNumber, romanNumber } from '../../../src/extraction/numbers.ts';
import { mutateText, randomText, type Rng } from '../gen.ts';
import { check, clip, sampleOne, type FuzzTarget } from '../target.ts';

const structured = fc.oneof(
  // written by our own formatter, in both languages, with up to 6 decimals
  fc.record({ x: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e15, max: 1e15, noNaN: true })), d: fc.integer({ min: 0, max: 6 }), lang: fc.constantFrom('vi', 'en' as const) })
    .map(({ x, d, lang }) => formatNumber(x, lang, { decimals: d })),
  // hand-grouped: 1–5 groups of three, optional decimal comma
  fc.record({ head: fc.integer({ min: 0, max: 999 }), groups: fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 5 }), dec: fc.option(fc.nat({ max: 99999 })), neg: fc.boolean() })
    .map(({ head, groups, dec, neg }) => `${neg ? '-' : ''}${head}${groups.map((g) => '.' + String(g).padStart(3, '0')).join('')}${dec === null ? '' : ',' + dec}`),
  fc.integer({ min: 1, max: 3999 }).map((n) => toRoman(n)),
  fc.stringMatching(/^[-+−]?[\d.,\s]{0,24}$/),
);

const SEEDS = ['2.841.141', '2.442,33', '11,87', '7', '7.7', '1.2345', '-0,23', '119.79', '2,841,141', '1.000.000,5', 'XIV', 'III', '0', '−12,5'];

export const target: FuzzTarget<string> = {
  name: 'numbers',
  parsers: 'parseVietnameseNumber, numberOf (Excel cells), extraction parseNumber vi/en, fromRoman, romanNumber',
  limitMs: 1000,
  generate(r: Rng, kind, seed) {
    if (kind === 'structured') return sampleOne(structured, seed);
    if (kind === 'mutated') return mutateText(r, r.bool(0.5) ? r.pick(SEEDS) : sampleOne(structured, seed), SEEDS);
    return randomText(r, 40);
  },
  run(s) {
    const v = parseVietnameseNumber(s);
    check(v === null || Number.isFinite(v), `parseVietnameseNumber gave ${v}`);
    const c = numberOf(s);
    check('vi' in c ? typeof c.vi === 'string' && typeof c.en === 'string' : c.value === null || Number.isFinite(c.value), 'numberOf result');
    // numbers the template accepts are read the same by the shared parser when unambiguous
    if (!('vi' in c) && c.value !== null && v !== null && /^-?\d{1,3}(\.\d{3})+,\d+$/.test(s.trim())) check(c.value === v, `numberOf ${c.value} ≠ parseVietnameseNumber ${v}`);
    const a = parseNumber(s, 'vi');
    const b = parseNumber(s, 'en');
    check(typeof a === 'number' && typeof b === 'number', 'parseNumber result');
    const rn = fromRoman(s);
    check(rn === null || (Number.isInteger(rn) && rn > 0 && toRoman(rn) === s.toUpperCase()), `fromRoman ${rn}`);
    const rw = romanNumber(s.toLowerCase());
    check(rw === null || (Number.isInteger(rw) && rw >= 1 && rw <= 12), `romanNumber gave ${typeof rw}`);
    return v === null ? 'not a number' : 'number';
  },
  allowed: () => null, // these parsers never throw: null/NaN means "not a number"
  show: (s) => clip(s),
};
