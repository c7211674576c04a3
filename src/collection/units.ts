// Converting a figure from the unit it was written in ("nghìn tỷ đồng", "tỷ USD") into the
// indicator's storage unit ("tỷ đồng", "triệu USD"), using the units of measure of the catalogue.
import { readFileSync } from 'node:fs';

export interface UnitOfMeasure {
  code: string;
  name_en?: string;
  quantity: string;
  factor: number;
  aliases?: string[];
}

export interface UnitConverter {
  /** Multiply a value written in `from` by this to get it in `to`; null when they measure different things. */
  factor(from: string, to: string): number | null;
  known(unit: string): UnitOfMeasure | null;
}

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export function unitConverter(units: UnitOfMeasure[]): UnitConverter {
  const byName = new Map<string, UnitOfMeasure>();
  for (const u of units) for (const name of [u.code, ...(u.aliases ?? [])]) byName.set(fold(name), u);
  return {
    known: (unit) => byName.get(fold(unit)) ?? null,
    factor(from, to) {
      if (fold(from) === fold(to)) return 1;
      const a = byName.get(fold(from));
      const b = byName.get(fold(to));
      if (!a || !b || a.quantity !== b.quantity) return null;
      return a.factor / b.factor;
    },
  };
}

let shared: UnitConverter | null = null;

/** The converter over the catalogue's units-of-measure file, read once. */
export function catalogueUnitConverter(): UnitConverter {
  if (!shared) {
    const file = new URL('../catalogue/data/units-of-measure.json', import.meta.url);
    shared = unitConverter((JSON.parse(readFileSync(file, 'utf8')) as { units: UnitOfMeasure[] }).units);
  }
  return shared;
}
