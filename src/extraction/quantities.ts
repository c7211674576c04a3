// Number + scale + unit: "2.442 nghìn tỷ đồng", "119,79 tỷ USD", "8.498 ha", "11,87%", "2 lần",
// "186 cụm công nghiệp", "1.475 chợ". Also decides when a number is NOT a quantity (document numbers,
// ordinals, codes, times).

import { loadJson } from './data.ts';
import { foldString, shapeTone, type NormText } from './normalise.ts';
import { parseNumber, tidy, type Convention } from './numbers.ts';
import { K, newTrie, phraseKeys, trieAdd, trieMatch, type Tok, type TrieNode } from './tokens.ts';

export type Dim =
  | 'money_vnd' | 'money_usd' | 'money_eur' | 'area' | 'energy' | 'power' | 'mass' | 'volume' | 'length'
  | 'count' | 'pct' | 'pp' | 'times' | 'scalar' | 'range';

export interface Quantity {
  value: number;
  /** unit as printed in output: "tỷ đồng", "nghìn tỷ đồng", "triệu USD", "ha", "%", "cụm" ... */
  unit: string;
  dim: Dim;
  /** value × scale in the dimension's base unit (đồng, USD, ha, kWh, tấn, count) */
  base: number;
  /** count nouns: what is counted */
  noun?: string;
  nounFold?: string;
  /** indicator or family implied by the counted noun (markets, clusters, projects...) */
  implied?: string;
  /** counted thing is a stock (at a date) rather than a flow */
  stock?: boolean;
  /** counted noun from the product list (chiếc, bộ...) */
  product?: boolean;
  /** "6/20 tỉnh": the denominator */
  of?: number;
  /** printed with a leading minus or plus */
  sign?: -1 | 1;
  /** token range of the number itself */
  numStart: number;
}

interface UnitPayload {
  kind: 'scale' | 'currency' | 'measure' | 'count' | 'pct' | 'pp' | 'times';
  mult?: number;
  dim?: Dim;
  out?: string;
  base?: number;
  implied?: string;
  family?: string;
  label?: boolean;
  exact?: string;
  stock?: boolean;
  product?: boolean;
  sub?: boolean;
}

interface UnitsData {
  scales: Record<string, number>;
  currencies: Array<{ phrases: string[]; dim: Dim; out: string }>;
  measures: Array<{ phrases: string[]; dim: Dim; out: string; base: number; product?: boolean }>;
  counts: Array<{ phrases: string[]; ind?: string; family?: string; label?: boolean; exact?: boolean; sub?: boolean }>;
  percent: string[];
  points: string[];
  times: string[];
}

const UNITS = loadJson<UnitsData>('units.json');

// Counted things that are stocks at a date (take the cut-off month as their period).
const STOCK_NOUNS = /^(cum|ccn|cho|sieu thi|trung tam|tttm|cua hang|cay xang|tong kho|kho|tau|khu cong nghiep|kcn|khu kinh te|lang nghe|diem ban|tram|nha may|co so|hop tac xa|htx|ho kinh doanh|ho|du an|lao dong|nguoi lao dong|cong nhan|viec lam)/;
const COUNT_UNIT_OUT: Record<string, string> = {
  'cum cong nghiep': 'cụm', 'cum cn': 'cụm', 'cua hang xang dau': 'cửa hàng', 'cay xang': 'cây xăng',
  'cua hang kinh doanh xang dau': 'cửa hàng', 'cua hang tien loi': 'cửa hàng', 'cua hang tien ich': 'cửa hàng',
  'trung tam hoi cho trien lam': 'trung tâm', 'trung tam logistics': 'trung tâm', 'tau ban dau': 'tàu',
  'kho hang': 'kho', 'nguoi lao dong': 'lao động', 'co so san xuat': 'cơ sở', 'ho kinh doanh': 'hộ',
  'vu vi pham': 'vụ', 'vu viec': 'vụ', 'san pham ocop': 'sản phẩm', 'tram bien ap': 'trạm', 'diem ban hang': 'điểm bán',
};

let UTRIE: TrieNode<UnitPayload[]> | null = null;
function unitTrie(): TrieNode<UnitPayload[]> {
  if (UTRIE) return UTRIE;
  const root = newTrie<UnitPayload[]>();
  const add = (ph: string, p: UnitPayload): void => {
    const keys = phraseKeys(foldString(ph));
    if (keys.length) trieAdd(root, keys, [p], (a, b) => a.concat(b));
  };
  for (const [ph, mult] of Object.entries(UNITS.scales)) add(ph, { kind: 'scale', mult });
  for (const c of UNITS.currencies) for (const ph of c.phrases) add(ph, { kind: 'currency', dim: c.dim, out: c.out });
  for (const m of UNITS.measures) for (const ph of m.phrases) add(ph, { kind: 'measure', dim: m.dim, out: m.out, base: m.base, product: m.product });
  for (const c of UNITS.counts) {
    for (const ph of c.phrases) {
      const f = foldString(ph);
      add(ph, {
        kind: 'count', implied: c.ind, family: c.family, label: c.label, sub: c.sub,
        exact: c.exact ? ph : undefined, stock: STOCK_NOUNS.test(f),
      });
    }
  }
  for (const ph of UNITS.percent) add(ph, { kind: 'pct' });
  for (const ph of UNITS.points) add(ph, { kind: 'pp' });
  for (const ph of UNITS.times) add(ph, { kind: 'times' });
  UTRIE = root;
  return root;
}

// Words before a number that make it a code, an ordinal or a reference rather than a quantity.
// Compared with accents (lower-cased), since folding would confuse "tầng" (floor) with "tăng" (rise).
const NOT_QTY_BEFORE = new Set([
  'thứ', 'nhóm', 'top', 'khóa', 'khoá', 'điều', 'khoản', 'mục', 'chương', 'lục', 'hotline', 'tầng', 'phòng', 'đường',
  'lô', 'ql', 'giờ', 'phút', 'tuần', 'đợt', 'vòng', 'phiên', 'mã', 'hiệu', 'trang', 'kỳ', 'kì', 'khu', 'phường', 'quận',
  'hạng', 'cấp', 'loại', 'nhà', 'tổ', 'ấp', 'thôn', 'xóm', 'bản', 'km', 'quốc lộ', 'tỉnh lộ', 'lần thứ', 'covid', 'euro',
]);
const NOT_QTY_FOLDED = new Set([...NOT_QTY_BEFORE, 'số'].map((w) => foldString(w)));
// "số" is a legitimate head in "số dự án 120" but "số 01/NQ-CP" is a reference; handled by the shape check.
const SCALE_ONLY_VND = new Set([1e9, 1e12, 1e15]);

function scaleWord(mult: number, written: string): string {
  if (mult === 1e12) return 'nghìn tỷ';
  if (mult === 1e9) return 'tỷ';
  if (mult === 1e6) return 'triệu';
  if (mult === 1e3) return 'nghìn';
  if (mult === 1e15) return 'triệu tỷ';
  return written;
}

export interface QtyHit { end: number; q: Quantity }

/** Reads a quantity starting at number token i, or null when the number is not a quantity. */
export function parseQuantityAt(nt: NormText, toks: Tok[], i: number, conv: Convention, diacritics: boolean): QtyHit | null {
  const t = toks[i]!;
  // "gấp đôi", "gấp rưỡi", "gấp ba lần": ratios written in words
  if (t.k === K.Word && toks[i - 1]?.f === 'gap') {
    const wv = t.f === 'doi' ? 2 : t.f === 'ruoi' ? 1.5 : null;
    if (wv !== null) return { end: i + 1, q: { value: wv, unit: 'lần', dim: 'times', base: wv, numStart: i } };
    const WN: Record<string, number> = { ba: 3, bon: 4, tu: 4, nam: 5, muoi: 10 };
    const v = WN[t.f];
    if (v !== undefined && toks[i + 1]?.f === 'lan') return { end: i + 2, q: { value: v, unit: 'lần', dim: 'times', base: v, numStart: i } };
    return null;
  }
  if (t.k !== K.Num || t.glued) return null;
  const prev = toks[i - 1];
  const prev2 = toks[i - 2];
  // Document numbers and times: 01/NQ-CP, 128/QĐ, 08:48, 0:00, 2021-2025 handled by periods
  const nx = toks[i + 1];
  const nx2 = toks[i + 2];
  if (nx && !nx.sp && (nx.f === '/' || nx.f === '-') && nx2 && nx2.k === K.Word && !nx2.sp) return null;
  if (nx && !nx.sp && nx.f === ':' && nx2 && nx2.k === K.Num) return null;
  if (prev && !t.sp && (prev.f === ':' || prev.f === '/' || prev.f === '.') && prev2 && prev2.k === K.Num) return null;
  // only look at the accents when the folded word could be one of the excluded ones
  const prevWord = prev && prev.k === K.Word && NOT_QTY_FOLDED.has(prev.f) ? nt.text.slice(prev.s, prev.e).toLowerCase() : '';
  // "lần thứ 11", "nhóm 10 tỉnh", "Top 10"; "số 01" only when no unit follows (checked below)
  if (NOT_QTY_BEFORE.has(prevWord)) return null;
  const afterSo = prevWord === 'số' || (!diacritics && prevWord === 'so');
  let value = parseNumber(t.f, conv);
  if (!Number.isFinite(value)) return null;
  let sign: -1 | 1 | undefined;
  if (prev && prev.f === '-' && !t.sp && (prev.sp || prev.nl || (prev2 && (prev2.f === '(' || prev2.f === ':')))) sign = -1;
  if (prev && prev.f === '+' && !t.sp) sign = 1;

  // a range "8-9%", "12 - 13%", "từ 10 đến 12%": no single number to report
  {
    let r = -1;
    if (nx && nx.f === '-' && nx2 && nx2.k === K.Num && !nx2.glued) r = i + 2;
    else if (nx && nx.f === 'den' && nx2 && nx2.k === K.Num && prev && prev.f === 'tu') r = i + 2;
    if (r > 0) {
      const v2 = parseNumber(toks[r]!.f, conv);
      const after = toks[r + 1];
      if (Number.isFinite(v2) && v2 > parseNumber(t.f, conv) && after && (after.f === '%' || after.f === 'ty' || after.f === 'trieu' || after.f === 'nghin' || after.f === 'ngan')) {
        const end = after.f === '%' ? r + 2 : r + 1;
        return { end, q: { value: NaN, unit: 'khoảng', dim: 'range', base: NaN, numStart: i } };
      }
    }
  }
  // fraction "6/20 tỉnh"
  let of: number | undefined;
  let j = i + 1;
  if (nx && nx.f === '/' && !nx.sp && nx2 && nx2.k === K.Num && !nx2.sp && !/[.,]/.test(nx2.f)) {
    const d = Number(nx2.f);
    if (d >= value && d <= 100) { of = d; j = i + 3; }
    else return null;
  }

  const trie = unitTrie();
  let mult = 1;
  let scaleText = '';
  // scales may chain: "nghìn tỷ", "triệu tỷ"
  for (let guard = 0; guard < 3; guard++) {
    const h = trieMatch(trie, toks, j);
    if (!h) break;
    const sc = h.payload.find((p) => p.kind === 'scale');
    const other = h.payload.find((p) => p.kind !== 'scale');
    if (sc && (!other)) {
      mult *= sc.mult!;
      scaleText += (scaleText ? ' ' : '') + nt.text.slice(toks[j]!.s, toks[h.end - 1]!.e);
      j = h.end;
      continue;
    }
    break;
  }
  const h = trieMatch(trie, toks, j);
  const start = i;
  const x: Extra = { start, of, sign };
  if (h) {
    const pct = h.payload.find((p) => p.kind === 'pct');
    if (pct && mult === 1) return mk(x, h.end, { value: tidy(value * (sign ?? 1)), unit: '%', dim: 'pct', base: value * (sign ?? 1) });
    const pp = h.payload.find((p) => p.kind === 'pp');
    if (pp && mult === 1) return mk(x, h.end, { value, unit: 'điểm phần trăm', dim: 'pp', base: value * (sign ?? 1) });
    const tm = h.payload.find((p) => p.kind === 'times');
    if (tm && mult === 1) return mk(x, h.end, { value, unit: 'lần', dim: 'times', base: value });
    const cur = h.payload.find((p) => p.kind === 'currency');
    if (cur) {
      // "đ" alone is only a currency right after a number or scale (not the start of a word)
      const sw = scaleWord(mult, scaleText);
      const unit = `${sw ? sw + ' ' : ''}${cur.out}`;
      return mk(x, h.end, { value: tidy(value), unit, dim: cur.dim!, base: value * mult });
    }
    const ms = h.payload.find((p) => p.kind === 'measure');
    if (ms) {
      const sw = mult !== 1 ? scaleWord(mult, scaleText) + ' ' : '';
      return mk(x, h.end, { value: tidy(value), unit: `${sw}${ms.out}`, dim: ms.dim!, base: value * mult * (ms.base ?? 1), product: ms.product });
    }
    const cn = h.payload.filter((p) => p.kind === 'count');
    if (cn.length) {
      let c = cn[0]!;
      if (c.exact) {
        // "1.475 chợ" but not "… 20 cho (for) …": compare accents unless the text has none
        const written = nt.text.slice(toks[j]!.s, toks[h.end - 1]!.e);
        if (diacritics && shapeTone(written) !== shapeTone(c.exact)) {
          const alt = cn.find((p) => !p.exact);
          if (!alt) return scaleOnly(x, j, value, mult, scaleText, afterSo);
          c = alt;
        }
      }
      const nounText = nt.text.slice(toks[j]!.s, toks[h.end - 1]!.e);
      const nounFold = toks.slice(j, h.end).filter((x) => x.f !== '-').map((x) => x.f).join(' ');
      const unitOut = COUNT_UNIT_OUT[nounFold] ?? (c.family === 'clusters' && nounFold !== 'ccn' ? 'cụm' : c.sub ? nounText.split(/\s+/)[0]! : nounText);
      const sw = mult !== 1 ? scaleWord(mult, scaleText) + ' ' : '';
      return mk(x, h.end, {
        value: tidy(value), unit: sw + unitOut, dim: 'count', base: value * mult, noun: nounText, nounFold,
        implied: c.implied ?? (c.family ? `fam:${c.family}` : c.label ? 'label' : undefined), stock: c.stock,
      });
    }
  }
  return scaleOnly(x, j, value, mult, scaleText, afterSo);
}

interface Extra { start: number; of: number | undefined; sign: -1 | 1 | undefined }

function mk(x: Extra, end: number, q: Omit<Quantity, 'numStart'>): QtyHit {
  const out = q as Quantity;
  out.numStart = x.start;
  if (x.of !== undefined) out.of = x.of;
  if (x.sign !== undefined) out.sign = x.sign;
  return { end, q: out };
}

/** A number with a scale word but no unit: "2.442 nghìn tỷ" means đồng. */
function scaleOnly(x: Extra, j: number, value: number, mult: number, scaleText: string, afterSo: boolean): QtyHit | null {
  if (afterSo && mult === 1) return null;
  if (mult !== 1 && SCALE_ONLY_VND.has(mult)) {
    return mk(x, j, { value: tidy(value), unit: `${scaleWord(mult, scaleText)} đồng`, dim: 'money_vnd', base: value * mult });
  }
  if (mult !== 1) return mk(x, j, { value: tidy(value), unit: scaleWord(mult, scaleText), dim: 'scalar', base: value * mult });
  return null;
}
