// Units of measure: finding one by how it is written, converting between two of the same quantity.
import type { MasterData, UnitOfMeasure } from './masterDataSchema.ts';
import { foldText } from './text.ts';

/** Folding for unit spellings: case- and diacritic-insensitive, "m2" = "m²", "tỉ" = "tỷ". */
export function unitKey(text: string): string {
  return foldText(text.replace(/²/g, '2').replace(/³/g, '3')).replace(/\bti\b/g, 'ty').replace(/\s+/g, ' ');
}

const indexes = new WeakMap<readonly UnitOfMeasure[], Map<string, UnitOfMeasure>>();

function index(uoms: readonly UnitOfMeasure[]): Map<string, UnitOfMeasure> {
  let map = indexes.get(uoms);
  if (!map) {
    map = new Map();
    for (const u of uoms) for (const s of [u.code, ...u.aliases]) if (!map.has(unitKey(s))) map.set(unitKey(s), u);
    indexes.set(uoms, map);
  }
  return map;
}

/** The unit of measure written `text` ("nghìn tỷ đồng", "tỷ USD", "lao động" → người), or undefined. */
export function findUnitOfMeasure(md: Pick<MasterData, 'unitsOfMeasure'>, text: string): UnitOfMeasure | undefined {
  return index(md.unitsOfMeasure).get(unitKey(text));
}

/** Round away binary noise (119.79 × 1000 = 119790.00000000001) keeping 12 significant digits. */
export function tidy(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(12));
}

/** The factor that turns a value in `from` into one in `to`; undefined when they measure different things. */
export function conversionFactor(md: Pick<MasterData, 'unitsOfMeasure'>, from: string, to: string): number | undefined {
  const a = findUnitOfMeasure(md, from);
  const b = findUnitOfMeasure(md, to);
  if (!a || !b || a.quantity !== b.quantity) return undefined;
  return a.factor / b.factor;
}

/** `value` written in `from`, expressed in `to`; undefined when the units do not convert. */
export function convert(md: Pick<MasterData, 'unitsOfMeasure'>, value: number, from: string, to: string): number | undefined {
  const f = conversionFactor(md, from, to);
  return f === undefined ? undefined : tidy(value * f);
}
