// Periods: parsePeriod (free text, Vietnamese and English), parseCode (machine codes) and
// normalizePeriodText. What is read must be a valid canonical period; what we write must read back.
import fc from 'fast-check';
import { isValidPeriod, makePeriod, PeriodError, YEAR_MAX, YEAR_MIN, type Period } from '../../../src/periods/core.ts';
import { parseCode, periodCode } from '../../../src/periods/codes.ts';
import { formatPeriod } from '../../../src/periods/labels.ts';
import { normalizePeriodText, parsePeriod } from '../../../src/periods/parse.ts';
import { mutateText, randomText, type Rng } from '../gen.ts';
import { check, clip, sampleOne, type FuzzTarget } from '../target.ts';

const anyPeriod: fc.Arbitrary<Period> = fc.record({
  kind: fc.constantFrom('month', 'quarter', 'half', 'ytd', 'year' as const),
  year: fc.integer({ min: YEAR_MIN, max: YEAR_MAX }), m: fc.integer({ min: 1, max: 12 }),
}).map(({ kind, year, m }) => {
  const max = { month: 12, quarter: 4, half: 2, ytd: 12, year: 0 }[kind];
  return makePeriod(kind, year, kind === 'year' ? 0 : ((m - 1) % max) + 1);
});

const WORDS = ['tháng', 'quý', 'năm', '6 tháng', '9 tháng đầu năm', 'đầu năm', 'cuối năm', 'I', 'II', 'III', 'IV', 'T', 'Q', 'H',
  'first', 'months', 'of', 'quarter', 'Q3', 'half', 'year', 'H1', '9T', '/', '-', ' ', 'lũy kế', 'cả năm', 'October', 'Oct', '2024',
  '2025', '10', '12', '13', '0', 'đến hết', 'tháng 10/2024', 'quý III/2024', '9T/2024', 'T10/2024', 'năm 2024', '1899', '3000'];

type In = { text: string; expect?: Period };

const structured: fc.Arbitrary<In> = fc.oneof(
  fc.record({ p: anyPeriod, lang: fc.constantFrom('vi', 'en' as const), style: fc.constantFrom('short', 'long' as const) })
    .map(({ p, lang, style }) => ({ text: formatPeriod(p, lang, { style }), expect: p })),
  anyPeriod.map((p) => ({ text: periodCode(p), expect: p })),
  fc.record({ ws: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), sep: fc.constantFrom(' ', '', '/') }).map(({ ws, sep }) => ({ text: ws.join(sep) })),
);

const SEEDS = ['9T/2024', '9 tháng đầu năm 2024', 'quý III/2024', 'tháng 10/2024', 'first 9 months of 2024', 'T10/2024', 'H1/2024', 'Q3/2024', '2024', '6 tháng đầu năm 2025', 'năm 2023'];

export const target: FuzzTarget<In> = {
  name: 'periods',
  parsers: 'parsePeriod, parseCode, normalizePeriodText',
  limitMs: 1000,
  generate(r: Rng, kind, seed) {
    if (kind === 'structured') return sampleOne(structured, seed);
    if (kind === 'mutated') return { text: mutateText(r, r.bool(0.5) ? r.pick(SEEDS) : sampleOne(structured, seed).text, SEEDS) };
    return { text: randomText(r, 60) };
  },
  run({ text, expect }) {
    const p = parsePeriod(text);
    check(p === null || isValidPeriod(p), `parsePeriod gave an invalid period ${JSON.stringify(p)}`);
    if (expect) check(p !== null && p.kind === expect.kind && p.year === expect.year && p.n === expect.n, `"${text}" read as ${JSON.stringify(p)}, written from ${JSON.stringify(expect)}`);
    parsePeriod(text, { lang: 'en', defaultYear: 2024 });
    normalizePeriodText(text);
    try {
      const c = parseCode(text);
      check(isValidPeriod(c), 'parseCode gave an invalid period');
    } catch (e) {
      if (!(e instanceof PeriodError)) throw e;
    }
    return p ? 'period' : 'not a period';
  },
  allowed: () => null, // parsePeriod never throws on a string; parseCode's PeriodError is caught above
  show: (x) => clip(x.text),
};
