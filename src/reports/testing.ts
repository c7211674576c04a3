// Test support: the real master data with provincial figures for the South, 9 months of 2024, built so
// that the region's computed totals are the seed article's (seed 002): IIP +10,73% with the same six
// provinces above it, retail 2.442.330 tỷ đồng +12,47%, exports 108,4 and imports 96,41 tỷ USD, the
// clusters at the end of September. Invented provincial splits, for tests only.
import type { Db } from '../db/database.ts';
import { loadMasterData } from '../catalogue/masterData.ts';
import { loadMasterDataIntoStore } from '../catalogue/catalogueStore.ts';
import { loadWeights } from '../catalogue/weights.ts';
import { importValues } from '../collection/importValues.ts';

export const SOUTH = [
  'binh-thuan', 'binh-phuoc', 'tay-ninh', 'binh-duong', 'dong-nai', 'ba-ria-vung-tau', 'ho-chi-minh', 'long-an', 'tien-giang', 'ben-tre',
  'tra-vinh', 'vinh-long', 'dong-thap', 'an-giang', 'kien-giang', 'can-tho', 'hau-giang', 'soc-trang', 'bac-lieu', 'ca-mau',
] as const;

/** The six provinces seed 002 names above the regional IIP rate, in its order (highest first). */
export const ABOVE = ['tra-vinh', 'binh-phuoc', 'kien-giang', 'tay-ninh', 'vinh-long', 'ben-tre'] as const;

/** Splits an integer total over the provinces by fixed shares (the last takes the rounding). */
function split(total: number, shares: readonly number[]): number[] {
  const s = shares.reduce((a, b) => a + b, 0);
  const parts = shares.map((x) => Math.floor((total * x) / s));
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

// Relative economic size of each province (Hồ Chí Minh, Bình Dương, Đồng Nai the largest).
const SIZE = [3, 4, 5, 14, 12, 6, 40, 7, 4, 3, 2, 2, 3, 4, 4, 5, 2, 2, 2, 3];

export async function loadMasterDataOnly(db: Db): Promise<void> {
  await loadMasterDataIntoStore(db, loadMasterData());
}

export interface SouthOptions {
  /** Provinces that have not reported the 9-month retail, exports and imports yet. */
  missing?: string[];
  /** Also write annual plans for 2024. */
  plans?: boolean;
}

export async function loadSouth2024(db: Db, o: SouthOptions = {}): Promise<void> {
  const rows: Array<Record<string, unknown>> = [];
  const put = (place: string, indicator: string, period: string, value: number, extra: Record<string, unknown> = {}) =>
    rows.push({ place, indicator, period, value, status: 'official', ...extra });
  // IIP: equal weights, mean 110,73 with exactly the six above it.
  const above = [125, 118.2, 115.6, 114.9, 113.1, 112];
  const below = [108.5, 109.2, 107.8, 110.1, 106.9, 108, 109.9, 107.3, 108.8, 105.6, 110.5, 107.7, 109];
  const rest = Math.round((110.73 * 20 - [...above, ...below].reduce((a, b) => a + b, 0)) * 100) / 100;
  const others = SOUTH.filter((s) => !(ABOVE as readonly string[]).includes(s));
  ABOVE.forEach((s, i) => put(s, 'iip', '9T/2024', above[i]!));
  others.forEach((s, i) => put(s, 'iip', '9T/2024', i < below.length ? below[i]! : rest));
  await loadWeights(db, SOUTH.map((unit) => ({ unit, indicator: 'iip', base_year: 2020, weight: 1 })));
  const missing = new Set(o.missing ?? []);
  const flows: Array<[string, number, number]> = [['retail_services', 2_442_330, 2_171_539], ['exports', 108_400, 98_179], ['imports', 96_410, 87_123]];
  for (const [ind, now, before] of flows) {
    const a = split(now, SIZE);
    const b = split(before, SIZE);
    SOUTH.forEach((s, i) => {
      if (!missing.has(s)) put(s, ind, '9T/2024', a[i]!, ind === 'exports' && i % 5 === 0 ? { status: 'estimate' } : {});
      put(s, ind, '9T/2023', b[i]!);
    });
    if (o.plans) split(Math.round(now * 1.35), SIZE).forEach((x, i) => put(SOUTH[i]!, ind, '2024', x, { status: 'plan' }));
  }
  const stocks: Array<[string, number]> = [['clusters_count', 186], ['clusters_area_ha', 8498], ['clusters_operating', 111], ['clusters_projects', 1618], ['clusters_jobs', 162_810]];
  for (const [ind, total] of stocks) split(total, SIZE).forEach((x, i) => put(SOUTH[i]!, ind, 'T9/2024', x));
  // Registered capital with a decimal: 73.809,4 tỷ đồng reads "hơn 73.809 tỷ đồng".
  split(738_094, SIZE).forEach((x, i) => put(SOUTH[i]!, 'clusters_capital', 'T9/2024', x / 10));
  await importValues(db, rows, { actor: 'test', kind: 'seed' });
}

/** Monthly retail for October 2024 and 2023 from all but the given provinces. */
export async function loadSouthOctober(db: Db, missing: string[]): Promise<void> {
  const rows: Array<Record<string, unknown>> = [];
  const now = split(290_000, SIZE);
  const before = split(260_000, SIZE);
  SOUTH.forEach((s, i) => {
    if (!missing.includes(s)) rows.push({ place: s, indicator: 'retail_services', period: 'T10/2024', value: now[i]!, status: 'estimate' });
    rows.push({ place: s, indicator: 'retail_services', period: 'T10/2023', value: before[i]!, status: 'official' });
  });
  await importValues(db, rows, { actor: 'test', kind: 'seed' });
}
