// A deterministic, national-scale, clearly SYNTHETIC dataset for the benchmarks: 34 provinces
// "Tỉnh tổng hợp NN" (slug syn-NN) in 6 synthetic regions + `national`, ~200 indicators, exports and
// imports by commodity group × partner market, other flows by sector, monthly 2006–2025, cumulative
// totals (N tháng đầu năm / năm) and annual plans. Nothing here is real data.
// Values depend only on (seed, keys), never on generation order, so both loads of a run get identical rows.
import { pathToFileURL } from 'node:url';
import type { ValueWrite } from '../src/collection/valueModel.ts';
import { intFlag, parseFlags } from './args.ts';
import { localCatalogue, type SynCatalogue } from './catalogue.ts';

export { catalogueIds, createCatalogue, localCatalogue, type SynCatalogue } from './catalogue.ts';

export const LAST_YEAR = 2025;
const MAX_YEARS = 20;
const PROVINCES = 34;
const REGION_SIZES = [7, 6, 8, 3, 4, 6]; // 34 provinces in 6 socio-economic regions
const ESTIMATE_MONTHS = 2; // the last months of the series are still estimates (ước)
const PRODUCTS = 179; // with the 21 named indicators: 200
const SEED = 20_251_231;

export interface DatasetPlan {
  seed: number;
  target: number;
  firstYear: number;
  lastYear: number;
  provinces: number;
  commodities: number;
  markets: number;
  sectors: number;
  sectorIndicators: number; // flow indicators broken down by sector
  rows: number; // exact number of values the generator yields
}

type Dims = 'trade' | 'sector' | null;
export interface IndicatorSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  nature: 'flow' | 'stock' | 'index';
  aggregation: 'sum' | 'weighted_index' | 'derived';
  formula: string | null;
  scale: number; // typical monthly value of an average province
  dims: Dims;
}

const STOCKS: Array<[string, string, string, string, number]> = [
  ['clusters_count', 'Số cụm công nghiệp', 'Industrial clusters', 'cụm', 10],
  ['clusters_operating', 'Số cụm công nghiệp đang hoạt động', 'Operating clusters', 'cụm', 8],
  ['clusters_area_ha', 'Diện tích cụm công nghiệp', 'Cluster area', 'ha', 500],
  ['clusters_projects', 'Số dự án trong cụm', 'Projects in clusters', 'dự án', 100],
  ['clusters_capital', 'Vốn đầu tư vào cụm', 'Capital in clusters', 'tỷ đồng', 5000],
  ['clusters_jobs', 'Lao động trong cụm', 'Jobs in clusters', 'người', 20000],
  ['markets', 'Số chợ', 'Markets', 'chợ', 150],
  ['supermarkets', 'Số siêu thị', 'Supermarkets', 'siêu thị', 10],
  ['malls', 'Số trung tâm thương mại', 'Shopping malls', 'TTTM', 3],
  ['fuel_stations', 'Số cửa hàng xăng dầu', 'Fuel stations', 'cửa hàng', 200],
];

/** The 200 indicators; the first `sectorIndicators` sector-eligible flows get the sector dimension. */
export function indicatorSpecs(plan: DatasetPlan): IndicatorSpec[] {
  const syn = (s: string) => `${s} (tổng hợp)`;
  const specs: IndicatorSpec[] = [];
  const add = (code: string, vi: string, en: string, unit: string, nature: IndicatorSpec['nature'],
    aggregation: IndicatorSpec['aggregation'], scale: number, dims: Dims = null, formula: string | null = null) =>
    specs.push({ code, nameVi: syn(vi), nameEn: `${en} (synthetic)`, unit, nature, aggregation, formula, scale, dims });
  add('iip', 'Chỉ số sản xuất công nghiệp', 'Industrial production index', '%', 'index', 'weighted_index', 100);
  for (const [c, vi, en] of [['mining', 'khai khoáng', 'mining'], ['manufacturing', 'chế biến, chế tạo', 'manufacturing'],
    ['electricity', 'sản xuất và phân phối điện', 'electricity'], ['water', 'cung cấp nước, xử lý rác thải', 'water supply']]) {
    add(`iip_${c}`, `IIP ngành ${vi}`, `IIP, ${en}`, '%', 'index', 'weighted_index', 100);
  }
  add('exports', 'Kim ngạch xuất khẩu', 'Exports', 'triệu USD', 'flow', 'sum', 400, 'trade');
  add('imports', 'Kim ngạch nhập khẩu', 'Imports', 'triệu USD', 'flow', 'sum', 350, 'trade');
  add('trade_balance', 'Cán cân thương mại', 'Trade balance', 'triệu USD', 'flow', 'derived', 0, null, 'exports - imports');
  add('import_export_total', 'Tổng kim ngạch xuất nhập khẩu', 'Exports + imports', 'triệu USD', 'flow', 'derived', 0, null, 'exports + imports');
  const flows: Array<[string, string, string, string, number]> = [
    ['industrial_output_value', 'Giá trị sản xuất công nghiệp', 'Industrial output value', 'tỷ đồng', 3000],
    ['retail_services', 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ', 'Retail sales and services', 'tỷ đồng', 2500],
  ];
  for (let k = 1; k <= PRODUCTS; k++) {
    const n = String(k).padStart(3, '0');
    flows.push([`product_syn${n}`, `Sản phẩm công nghiệp tổng hợp ${n}`, `Synthetic industrial product ${n}`, 'tấn', 10 ** (1 + 3 * unit01(SEED + k))]);
  }
  flows.forEach(([code, vi, en, unit, scale], k) =>
    add(code, vi, en, unit, 'flow', 'sum', scale, k < plan.sectorIndicators ? 'sector' : null));
  for (const [code, vi, en, unit, scale] of STOCKS) add(code, vi, en, unit, 'stock', 'sum', scale);
  return specs;
}

const SECTOR_ELIGIBLE = 2 + PRODUCTS;
const VALUED = 200 - 2; // the derived indicators carry no values
const SUMS = VALUED - 5; // minus the weighted indices: these get annual plans

/** Sizes the mix for a target number of values: years first (fixed cost), then breakdowns. */
export function planDataset(target: number, seed = SEED): DatasetPlan {
  const P = PROVINCES;
  // per year: 12 monthly + 11 cumulative (2T..11T, year) totals per indicator, and the plans
  const fixedPerYear = P * (23 * VALUED + SUMS);
  const years = Math.max(2, Math.min(MAX_YEARS, Math.floor(target / (fixedPerYear * 1.5))));
  const budget = Math.max(0, (target - years * fixedPerYear) / (years * 12 * P)); // breakdown rows per province-month
  const sectorBudget = budget / 4;
  let sectors = Math.min(12, Math.round(sectorBudget / SECTOR_ELIGIBLE));
  let sectorIndicators = SECTOR_ELIGIBLE;
  if (sectors < 2) {
    sectors = sectorBudget >= 4 ? 2 : 0;
    sectorIndicators = sectors ? Math.min(SECTOR_ELIGIBLE, Math.floor(sectorBudget / sectors)) : 0;
  }
  const cm = Math.max(1, Math.round((budget - sectors * sectorIndicators) / 2));
  const commodities = Math.max(1, Math.round(Math.sqrt(cm / 1.4)));
  const markets = Math.max(1, Math.round(cm / commodities));
  const perMonth = VALUED + 2 * commodities * markets + sectors * sectorIndicators;
  const rows = years * P * (12 * perMonth + 11 * VALUED + SUMS);
  return { seed, target, firstYear: LAST_YEAR - years + 1, lastYear: LAST_YEAR, provinces: P, commodities, markets, sectors, sectorIndicators, rows };
}

// ---- deterministic randomness: a 32-bit integer mix (lowbias32) and mulberry32 for parameters

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
const unit01 = (h: number): number => mix(h) / 4294967296;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normalised Zipf-like shares with jitter: a few big commodity groups / markets, a long tail. */
function shares(n: number, rnd: () => number): Float64Array {
  const w = new Float64Array(n);
  let s = 0;
  for (let k = 0; k < n; k++) s += w[k] = (0.5 + rnd()) / (k + 1) ** 0.9;
  for (let k = 0; k < n; k++) w[k]! /= s;
  return w;
}

/** Everything the values depend on, before any store assigns ids. */
export interface DatasetModel {
  plan: DatasetPlan;
  specs: IndicatorSpec[];
  size: Float64Array; // per province: relative economic size (log-normal)
  regionOf: number[]; // per province: 0..5
  growth: Float64Array; // per province × indicator: yearly growth of flows (or IIP points above 100)
  season: Array<{ amp: number; phase: number }>; // per indicator
  wTrade: Float64Array; // commodity × market shares, commodity-major
  wSector: Float64Array;
  weight: Float64Array; // per province: IIP weight (value added in the base year, synthetic)
}

export function buildModel(plan: DatasetPlan): DatasetModel {
  const rnd = mulberry32(plan.seed);
  const specs = indicatorSpecs(plan);
  const size = new Float64Array(plan.provinces);
  for (let p = 0; p < size.length; p++) {
    const g = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()); // Box–Muller
    size[p] = Math.exp(0.8 * g);
  }
  const regionOf = REGION_SIZES.flatMap((n, r) => Array<number>(n).fill(r));
  const growth = new Float64Array(plan.provinces * specs.length);
  for (let k = 0; k < growth.length; k++) growth[k] = 0.03 + 0.09 * rnd();
  const season = specs.map(() => ({ amp: 0.15 * rnd(), phase: 12 * rnd() }));
  const wc = shares(plan.commodities, rnd);
  const wm = shares(plan.markets, rnd);
  const wTrade = new Float64Array(wc.length * wm.length);
  for (let c = 0; c < wc.length; c++) for (let m = 0; m < wm.length; m++) wTrade[c * wm.length + m] = wc[c]! * wm[m]!;
  const wSector = shares(plan.sectors, rnd);
  const weight = size.map((s) => Math.round(s * 1000 * (0.5 + rnd())) / 100);
  return { plan, specs, size, regionOf, growth, season, wTrade, wSector, weight };
}

// ---- the values

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * One batch per month, in period-major order: the month's values (indicator, breakdown, unit: the
 * primary key's order), then that month's cumulative totals (2T..11T, or the year in December), and in
 * January the year's plans. Totals are the sums of their breakdowns.
 */
export function* generateBatches(cat: SynCatalogue): Generator<ValueWrite[]> {
  const { model } = cat;
  const { plan, specs } = model;
  const P = plan.provinces;
  const valued = specs.map((s, i) => ({ s, i, id: cat.indicatorIds[i]! })).filter((x) => x.s.aggregation !== 'derived')
    .sort((a, b) => a.id - b.id);
  const cum = new Float64Array(P * specs.length);
  const parts = new Float64Array(P * Math.max(cat.tradeBreakdownIds.length, cat.sectorBreakdownIds.length, 1));
  const totals = new Float64Array(P);
  for (let y = plan.firstYear; y <= plan.lastYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const out: ValueWrite[] = [];
      const status = y === plan.lastYear && m > 12 - ESTIMATE_MONTHS ? 0 : 1;
      const monthKey = y * 1000 + 100 + m;
      if (m === 1) cum.fill(0);
      for (const { s, i, id } of valued) {
        const bds = s.dims === 'trade' ? cat.tradeBreakdownIds : s.dims === 'sector' ? cat.sectorBreakdownIds : [];
        const w = s.dims === 'trade' ? model.wTrade : model.wSector;
        const nb = bds.length;
        for (let p = 0; p < P; p++) {
          const h = mix(plan.seed ^ mix(p * 7919 + mix(i * 104_729 + y * 12 + m)));
          const total = monthly(model, s, i, p, y, m, h, nb, w, parts);
          totals[p] = total;
          const c = p * specs.length + i;
          cum[c] = s.nature === 'flow' ? cum[c]! + total : s.nature === 'stock' ? total : cum[c]! + total;
        }
        for (let p = 0; p < P; p++) out.push(row(monthKey, id, 0, cat.provinceIds[p]!, 0, totals[p]!, status));
        for (let b = 0; b < nb; b++) {
          for (let p = 0; p < P; p++) out.push(row(monthKey, id, bds[b]!, cat.provinceIds[p]!, 0, parts[p * nb + b]!, status));
        }
      }
      if (m > 1) {
        const key = m < 12 ? y * 1000 + 400 + m : y * 1000 + 500;
        for (const { s, i, id } of valued) {
          for (let p = 0; p < P; p++) {
            const c = cum[p * specs.length + i]!;
            const v = s.nature === 'flow' ? round2(c) : s.nature === 'stock' ? c : round2(c / m); // IIP: mean of the months
            out.push(row(key, id, 0, cat.provinceIds[p]!, 0, v, status));
          }
        }
      } else {
        for (const { s, i, id } of valued) {
          if (s.aggregation !== 'sum') continue;
          for (let p = 0; p < P; p++) out.push(row(y * 1000 + 500, id, 0, cat.provinceIds[p]!, 1, planValue(model, s, i, p, y), 2));
        }
      }
      yield out;
    }
  }
}

/** A province's monthly total; with breakdowns, fills `parts` (province-major) and returns their sum. */
function monthly(model: DatasetModel, s: IndicatorSpec, i: number, p: number, y: number, m: number, h: number,
  nb: number, w: Float64Array, parts: Float64Array): number {
  const noise = unit01(h) - 0.5;
  if (s.nature === 'index') return round2(100 + 100 * model.growth[p * model.specs.length + i]! + 4 * noise);
  const years = y - 2006;
  if (s.nature === 'stock') return Math.round(s.scale * model.size[p]! * (1 + 0.03 * years + 0.0025 * m) * (1 + 0.02 * noise));
  const { amp, phase } = model.season[i]!;
  const latent = s.scale * model.size[p]! * (1 + model.growth[p * model.specs.length + i]!) ** years *
    (1 + amp * Math.sin((2 * Math.PI * (m + phase)) / 12)) * (1 + 0.12 * noise);
  if (!nb) return round2(latent);
  let sum = 0;
  for (let b = 0; b < nb; b++) {
    const v = round2(latent * w[b]! * (0.8 + 0.4 * unit01(h + b + 1)));
    parts[p * nb + b] = v;
    sum += v;
  }
  return round2(sum);
}

function planValue(model: DatasetModel, s: IndicatorSpec, i: number, p: number, y: number): number {
  const years = y - 2006;
  if (s.nature === 'stock') return Math.round(s.scale * model.size[p]! * (1 + 0.03 * (years + 1)) * 1.02);
  return round2(s.scale * model.size[p]! * (1 + model.growth[p * model.specs.length + i]!) ** years * 12 * 1.08);
}

function row(period: number, indicatorId: number, breakdownId: number, unitId: number, measure: number, value: number, status: number): ValueWrite {
  return { period, indicatorId, breakdownId, unitId, measure, value, status, growthPct: null, pctOfPlan: null, qualifier: null, note: null };
}

// ---- standalone: `node --import tsx bench/generate.ts --values 1000000 [--checksum]` prints the plan
// and, with --checksum, a hash of every row (same seed and size ⇒ same hash on any machine).

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flags = parseFlags();
  const plan = planDataset(intFlag(flags, 'values', 80_000_000), intFlag(flags, 'seed', SEED));
  console.log(JSON.stringify(plan));
  if (flags.has('checksum')) {
    let h = 0x811c9dc5;
    let n = 0;
    const t0 = Date.now();
    for (const batch of generateBatches(localCatalogue(buildModel(plan)))) {
      for (const w of batch) {
        h = mix(h ^ w.period) ^ mix(w.indicatorId * 65_537 + w.breakdownId) ^ mix(w.unitId * 31 + w.measure * 7 + w.status);
        h = mix(h ^ Math.round(w.value! * 100));
        n++;
      }
    }
    console.log(JSON.stringify({ rows: n, expected: plan.rows, checksum: h.toString(16), seconds: (Date.now() - t0) / 1000 }));
  }
}
