// Machine codes shared with the extraction development set: T10/2024, Q3/2024, H2/2024, 9T/2024, 2024.
import { canonical, makePeriod, PeriodError, type Period, type PeriodKind } from './core.ts';

/** Code of the canonical form (so H1/2024 is written 6T/2024). */
export function periodCode(p: Period): string {
  const { kind, year, n } = canonical(p);
  switch (kind) {
    case 'month':
      return `T${n}/${year}`;
    case 'quarter':
      return `Q${n}/${year}`;
    case 'half':
      return `H${n}/${year}`;
    case 'ytd':
      return `${n}T/${year}`;
    case 'year':
      return String(year);
  }
}

// Case-insensitive, leading zeros tolerated (T01/2024) because spreadsheets produce them.
const CODE = /^(?:(T|Q|H)(\d{1,2})|(\d{1,2})T)\/(\d{4})$|^(\d{4})$/i;
const PREFIX_KIND: Readonly<Record<string, PeriodKind>> = { T: 'month', Q: 'quarter', H: 'half' };

/** Reads a machine code; throws PeriodError on anything else (free text goes to parsePeriod). */
export function parseCode(code: string): Period {
  const m = typeof code === 'string' ? CODE.exec(code.trim()) : null;
  if (!m) throw new PeriodError(`not a period code: ${String(code)}`, code);
  const [, prefix, prefixN, ytdN, year, yearOnly] = m;
  try {
    if (yearOnly) return makePeriod('year', Number(yearOnly));
    if (ytdN) return makePeriod('ytd', Number(year), Number(ytdN));
    const kind = PREFIX_KIND[prefix!.toUpperCase()]!;
    return makePeriod(kind, Number(year), Number(prefixN));
  } catch (e) {
    if (e instanceof PeriodError) throw new PeriodError(`invalid period code ${code}: ${e.message}`, code);
    throw e;
  }
}

/** parseCode that returns null instead of throwing. */
export function tryParseCode(code: string): Period | null {
  try {
    return parseCode(code);
  } catch {
    return null;
  }
}
