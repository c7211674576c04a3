// CSV and JSON value files, end to end short of the store: parseValueFile (collection/valueFiles),
// each row through the value schema and resolveInput (place, indicator, period, breakdown, number,
// unit) against a catalogue, and the same report as a flat CSV/JSON upload (excel/flatFiles).
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { reference, type Reference } from '../../../src/catalogue/reference.ts';
import { loadBreakdownResolver } from '../../../src/collection/breakdowns.ts';
import { readFlatUpload, type FlatRow } from '../../../src/collection/excel/flatFiles.ts';
import { resolveInput, type BreakdownResolver } from '../../../src/collection/resolveInput.ts';
import { catalogueUnitConverter, type UnitConverter } from '../../../src/collection/units.ts';
import { CSV_COLUMNS, parseValueFile } from '../../../src/collection/valueFiles.ts';
import { valueInputSchema } from '../../../src/collection/valueInput.ts';
import { openDb } from '../../../src/db/database.ts';
import { loadFixtureCatalogue } from '../../../src/db/fixtures.ts';
import { mutateText, randomJson, randomText, type Rng } from '../gen.ts';
import { check, clip, sampleOne, type FuzzTarget } from '../target.ts';

let ref: Reference;
let dims: BreakdownResolver;
let conv: UnitConverter;

const ITEMS: FlatRow[] = ['retail_services', 'exports', 'imports', 'iip'].flatMap((indicator, k) => ['T10/2024', '10T/2024'].map((period, j) => ({
  item: k * 2 + j + 1, indicator, breakdown: '', period, name: indicator, unit: 'tỷ đồng', last_year: 12.5, value: null, plan: null,
  comment: null, version: 0, plan_version: k === 0 ? 0 : null, withPlan: k === 0,
})));

const cellText = fc.oneof(
  fc.constantFrom('a', 'b', 'cd', '01', '04', 'region1', 'x', 'retail_services', 'exports', 'iip', 'trade_balance', '9T/2024',
    'tháng 10/2024', 'quý III/2025', '2024', 'T10/2024', '10T/2024', 'ước tính', 'official', 'plan', 'kế hoạch', 'tỷ đồng',
    'nghìn tỷ đồng', 'triệu USD', 'tỷ USD', '%', 'hơn', 'khoảng', 'commodity_group=rice', '', '12,5', '2.442,33', '1e999', '-0', '='),
  fc.string({ maxLength: 20 }),
  fc.double({ noNaN: false }).map(String),
);
const row = fc.dictionary(fc.constantFrom(...CSV_COLUMNS, 'version', 'source', 'bogus'), cellText, { maxKeys: 12 });
const flatRow = fc.dictionary(fc.constantFrom('indicator', 'breakdown', 'period', 'name', 'unit', 'last_year', 'value', 'plan', 'comment', 'version', 'plan_version', 'item', 'x'),
  fc.oneof(cellText, fc.integer(), fc.constant(null), fc.boolean(), fc.object({ maxDepth: 1 })), { maxKeys: 11 });

type In = { text: string; format: 'csv' | 'json'; flat: boolean };

const structured: fc.Arbitrary<In> = fc.oneof(
  fc.record({ rows: fc.array(row, { maxLength: 12 }), bom: fc.boolean() }).map(({ rows, bom }) => {
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return { text: (bom ? '\uFEFF' : '') + stringify(rows, { header: true, columns: cols.length ? cols : ['place'] }), format: 'csv' as const, flat: false };
  }),
  fc.record({ rows: fc.array(row, { maxLength: 12 }), wrap: fc.boolean() }).map(({ rows, wrap }) => ({ text: JSON.stringify(wrap ? { values: rows } : rows), format: 'json' as const, flat: false })),
  fc.record({ rows: fc.array(flatRow, { maxLength: 10 }), json: fc.boolean() }).map(({ rows, json }) => json
    ? { text: JSON.stringify({ entries: rows }), format: 'json' as const, flat: true }
    : { text: stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : v]))), { header: true, columns: [...new Set(rows.flatMap((r) => Object.keys(r)))].concat('indicator').filter((c, i, a) => a.indexOf(c) === i) }), format: 'csv' as const, flat: true }),
);

const SEEDS = [
  'place,indicator,period,value,unit,status\na,retail_services,9T/2024,"2.442,33",tỷ đồng,official\nb,exports,tháng 10/2024,12.5,triệu USD,ước tính\n',
  '[{"place":"a","indicator":"retail_services","period":"9T/2024","value":12.5,"status":"official","breakdown":{"commodity_group":"rice"}}]',
  '{"values":[{"place":"cd","indicator":"iip","period":"T10/2025","growth_pct":"10,73"}]}',
  'indicator,breakdown,period,value,plan,comment,version,plan_version\nretail_services,,T10/2024,12.5,100,ghi chú,0,0\n',
  '{"entries":[{"indicator":"exports","breakdown":"","period":"10T/2024","value":"3","version":1}]}',
];

export const target: FuzzTarget<In> = {
  name: 'valuefiles',
  parsers: 'parseValueFile (CSV, JSON) → value schema → resolveInput; readFlatUpload (CSV, JSON)',
  limitMs: 1000,
  async setup() {
    const db = await openDb({ kind: 'sqlite', url: ':memory:' });
    await loadFixtureCatalogue(db);
    ref = await reference(db);
    dims = await loadBreakdownResolver(db);
    conv = catalogueUnitConverter();
  },
  generate(r: Rng, kind, seed) {
    if (kind === 'structured') return sampleOne(structured, seed);
    if (kind === 'mutated') {
      const base = r.bool(0.3) ? (() => { const t = r.pick(SEEDS); return { text: t, format: (t.startsWith('[') || t.startsWith('{') ? 'json' : 'csv') as 'csv' | 'json', flat: /entries|plan_version/.test(t) }; })() : sampleOne(structured, seed);
      return { ...base, text: mutateText(r, base.text, SEEDS) };
    }
    const format = r.bool() ? 'csv' : 'json';
    return { text: r.bool(0.5) ? randomText(r, 300) : JSON.stringify(randomJson(r)) ?? 'null', format, flat: r.bool() };
  },
  run({ text, format, flat }) {
    if (flat) {
      const u = readFlatUpload(text, format, ITEMS);
      if ('cells' in u) for (const c of u.cells) check(c.value === null || Number.isFinite(c.value), `flat value ${c.value}`);
      return 'cells' in u ? 'accepted' : 'refused';
    }
    const parsed = parseValueFile(text, format);
    if ('errors' in parsed) return 'refused (file)';
    let ok = 0;
    parsed.rows.forEach((raw, i) => {
      const p = valueInputSchema.safeParse(raw);
      if (!p.success) return;
      const res = resolveInput(ref, conv, dims, p.data, i + 1);
      if ('ok' in res) {
        ok++;
        const v = res.ok.write;
        for (const k of Object.keys(v) as (keyof typeof v)[]) {
          const x = v[k];
          check(typeof x !== 'number' || Number.isFinite(x), `resolved ${String(k)} = ${x}`);
        }
      } else for (const e of res.errors) check(typeof e.messageVi === 'string' && typeof e.messageEn === 'string', 'error shape');
    });
    return ok ? 'rows resolved' : 'rows refused';
  },
  allowed: () => null, // both readers return errors; they must never throw
  show: (x) => `${x.format}${x.flat ? ' (flat)' : ''} ${clip(x.text, 400)}`,
};
