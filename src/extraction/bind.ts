// The binder: walks each sentence's marks left to right and turns quantities into figures.
//
// A level (money, USD, ha, a count) opens a record; a growth rate or a % of plan that follows in the
// same clause chain, with no new subject between, is attached to it; otherwise it becomes its own
// record. The subject of a record is the indicator phrase before it (or a list item, a component
// after "trong đó", a product), else the subject carried from the clause or sentence before.
// Place and period are read from the clause, else carried (sentence, then document), and each
// record keeps the words that gave them, for the explanation.

import type { DocDate, Subject as DocSubject } from './context.ts';
import type { PlaceEntry, Qual } from './lexicon.ts';
import { get, has, stopOnly, type Mark } from './marks.ts';
import type { NormText } from './normalise.ts';
import { tidy } from './numbers.ts';
import { endMonth, type Period, type PeriodMark } from './periods.ts';
import type { Dim, Quantity } from './quantities.ts';
import type { Sentence } from './segment.ts';
import { K, type Tok } from './tokens.ts';

export type Status = 'estimate' | 'plan' | 'reported';
export interface Span { s: number; e: number }

export interface PlaceRes { name: string; inferred: boolean; via: 'text' | 'reference' | 'document' | 'source'; span?: Span; entry: PlaceEntry }

export interface RawFigure {
  indicator: string;
  label?: string;
  product?: string;
  place: PlaceRes | null;
  period: Period | null;
  periodVia: 'text' | 'carried' | 'document' | 'none';
  periodInferred: boolean;
  value: number | null;
  unit: string | null;
  dim?: Dim;
  base?: number;
  growth: number | null;
  growthQual?: Qual;
  pct: number | null;
  status: Status;
  qualifier: string | null;
  of?: number | null;
  names?: string[] | null;
  quote: Span;
  spans: { indicator?: Span; place?: Span; period?: Span; status?: Span };
  inTitle: boolean;
  stock: boolean;
  rule: string;
  /** index of the sentence, for merging */
  sent: number;
}

interface ExplicitPlace { e?: PlaceEntry; ref?: 'region' | 'province'; span: Span }
interface Subj { ind: string; label?: string; product?: string; span?: Span; status?: Status; negate?: boolean; shift?: number; carried?: boolean }

interface PeriodState {
  para: number;
  p: Period | null;
  pm: PeriodMark;
  span: Span;
  sent: number;
  current: boolean;
  cutoff: boolean;
}

export interface BindContext {
  docDate: DocDate | null;
  subject: DocSubject | null;
  regionSize: Map<string, number>;
  titleEnd: number;
}

const STOCK_IND = new Set(['clusters_count', 'clusters_operating', 'clusters_area_ha', 'clusters_projects', 'clusters_capital', 'clusters_jobs', 'markets', 'supermarkets', 'malls']);
const EVENT_WORDS = /to chuc|dien ra|hoi nghi|hoi cho|dang cai|khai mac|hoi thao|le ky|trien lam/;
const ORG_BEFORE = /(cong ty|tong cong ty|dien luc|ngan hang|truong|dai hoc|benh vien|bao|dai|hoi|hiep hoi|tap doan|chi nhanh|van phong|ban quan ly)$/;
const STRONG_PLAN = /^(phan dau|muc tieu|dat muc tieu|chi tieu|du toan|quy hoach|dinh huong|dat ra|de ra|chi tieu ke hoach|phan dau dat|phan dau tang)/;
const LEAD_TRIM = /^(và|còn|riêng|trong đó|trong số đó|các|những|ngoài ra|bên cạnh đó|đặc biệt|cụ thể|theo đó|tiếp đến|tiếp theo|sau đó|đứng đầu là|dẫn đầu là|nhất là|với|cùng|như|gồm|là|có|thì)(?=[\s,:]|$)[\s,:]*/i;
const FUNCTION_WORDS = new Set(['và', 'còn', 'thì', 'mà', 'nhưng', 'là', 'có', 'các', 'được', 'đã', 'đang', 'sẽ', 'vẫn', 'cũng', 'tuy', 'nên', 'do', 'vì', 'với', 'của', 'ở', 'tại', 'trong', 'trên', 'dưới', 'đến', 'từ', 'này', 'đó', 'đây', 'kia', 'ấy', 'hơn', 'rất', 'khá', 'đều', 'lại', 'chỉ', 'mới', 'nữa', 'cả', 'rồi', 'những', 'một', 'so', 'theo', 'nhờ', 'bởi', 'khi', 'sau', 'trước']);
const FUNCTION_WORDS_FOLDED = new Set([...FUNCTION_WORDS].map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')));

export class Binder {
  readonly figures: RawFigure[] = [];
  private period: PeriodState | null = null;
  private lastSubYear: number | null = null;
  private lastYear: number | null = null;
  private lastRegion: { e: PlaceEntry; span: Span } | null = null;
  private paraProvince: { e: PlaceEntry; span: Span; para: number } | null = null;
  private para = -1;
  private paraSubj: Subj | null = null;
  private paraClusters = false;
  private sentIdx = -1;
  /** marks already read as part of another figure (a comparison, a plan base, a list of names) */
  private readonly consumed: { has(k: number): boolean; add(k: number): void };

  constructor(
    private readonly nt: NormText,
    private readonly toks: Tok[],
    private readonly marks: Mark[],
    private readonly ctx: BindContext,
  ) {
    const flags = new Uint8Array(marks.length);
    this.consumed = { has: (k) => flags[k] === 1, add: (k) => { if (k >= 0 && k < flags.length) flags[k] = 1; } };
  }

  // ----------------------------------------------------------------------------------------- text
  private sp(i: number, j: number): Span {
    const a = this.toks[i]!;
    const b = this.toks[Math.max(i, j - 1)]!;
    return { s: a.s, e: b.e };
  }
  private txt(s: Span): string { return this.nt.text.slice(s.s, s.e); }
  private fold(i: number, j: number): string {
    let out = '';
    const e = Math.min(j, this.toks.length);
    for (let k = Math.max(0, i); k < e; k++) {
      const f = this.toks[k]!.f;
      if (f === '-') continue;
      out = out ? out + ' ' + f : f;
    }
    return out;
  }
  private foldBefore(tokIdx: number, n: number): string {
    return this.fold(Math.max(0, tokIdx - n), tokIdx);
  }

  // -------------------------------------------------------------------------------------- periods
  private docYear(): number | null { return this.ctx.docDate?.y ?? null; }

  private fillYear(p: Period, yearless: boolean): Period {
    if (p.year !== null && !yearless) return p;
    if (p.year !== null) return p;
    let y: number | null = null;
    if (p.kind === 'Y') y = this.docYear() ?? this.lastYear;
    else {
      if (this.lastSubYear !== null) y = this.lastSubYear;
      else if (this.ctx.docDate) {
        y = this.ctx.docDate.y;
        const dm = this.ctx.docDate.m;
        if (dm !== null && endMonth(p) > dm + 1) y -= 1;
      } else y = this.lastYear;
    }
    return { ...p, year: y };
  }

  private setPeriod(m: Mark, sentIdx: number): void {
    const pm = m.pm!;
    const span = this.sp(m.i, m.j);
    if (pm.current) {
      const base = this.period?.p ?? (this.ctx.docDate && this.ctx.docDate.m ? { kind: 'M', n: this.ctx.docDate.m, year: this.ctx.docDate.y } as Period : null);
      this.period = { para: this.para, p: base, pm, span, sent: sentIdx, current: true, cutoff: this.period?.cutoff ?? false };
      return;
    }
    if (pm.ytdToDate) {
      // "Tháng 10 … ; lũy kế từ đầu năm …": the first ten months
      const cur = this.period?.p;
      if (!cur || cur.year === null) return;
      const n = cur.kind === 'M' || cur.kind === 'YTD' ? cur.n : cur.kind === 'Q' ? cur.n * 3 : 12;
      const p: Period = n >= 12 ? { kind: 'Y', n: 0, year: cur.year } : n === 1 ? { kind: 'M', n: 1, year: cur.year } : { kind: 'YTD', n, year: cur.year };
      this.period = { para: this.para, p, pm, span, sent: sentIdx, current: false, cutoff: false };
      return;
    }
    if (!pm.period) return;
    if (pm.period.kind === 'VAGUE' && pm.period.year === null) return; // "những tháng đầu năm": nothing to go on
    const p = this.fillYear(pm.period, !!pm.yearless);
    if (!pm.yearless && p.year !== null) {
      if (p.kind === 'Y') this.lastYear = p.year;
      else { this.lastSubYear = p.year; this.lastYear = Math.max(this.lastYear ?? 0, p.year); }
    }
    this.period = { para: this.para, p, pm, span, sent: sentIdx, current: false, cutoff: !!pm.cutoff };
  }

  /** Period of a new record. Stocks take the cut-off month; plans the year. */
  private periodFor(stock: boolean, plan: boolean, explicitInPre: boolean, shift: number): { p: Period | null; via: RawFigure['periodVia']; span?: Span; inferred: boolean } {
    const st = this.period;
    if (!st || !st.p) {
      if (plan && this.docYear() !== null) return { p: { kind: 'Y', n: 0, year: this.docYear()! + (shift || 0) }, via: 'document', inferred: true };
      return { p: null, via: 'none', inferred: true };
    }
    let p: Period = st.p;
    if (stock) {
      p = { kind: 'M', n: endMonth(p), year: p.year };
    } else if (st.cutoff) {
      const n = endMonth(p);
      p = n >= 12 ? { kind: 'Y', n: 0, year: p.year } : n === 1 ? { kind: 'M', n: 1, year: p.year } : { kind: 'YTD', n, year: p.year };
    }
    if (plan && !stock && !(explicitInPre && (p.kind === 'M' || p.kind === 'Q'))) p = { kind: 'Y', n: 0, year: p.year };
    if (p.kind === 'VAGUE') p = { kind: 'Y', n: 0, year: p.year };
    if (shift && p.year !== null) p = { ...p, year: p.year + shift };
    const inferred = st.sent !== this.sentIdx || st.current;
    return { p, via: inferred ? 'carried' : 'text', span: st.span, inferred };
  }

  // --------------------------------------------------------------------------------------- places
  private placeRole(k: number, sentA: number): 'scope' | 'compare' | 'event' | 'list' | 'ignore' {
    const m = this.marks[k]!;
    // a comparison earlier in the clause: "cao hơn mức tăng chung của cả nước", "so với bình quân …"
    for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
      const x = this.marks[j]!;
      if (x.i < sentA || x.type === 'punct' || x.type === 'qty' || x.type === 'period') break;
      if (has(x, 'cmp')) return 'compare';
      if ((x.type === 'lex' || x.type === 'word') && x.j - x.i <= 4) {
        const last = this.toks[x.j - 1]!.f;
        if (last === 'hon' || last === 'quan' || last === 'binh' || last === 'chung' || last === 'voi' || last === 'so') {
          const f = this.fold(x.i, x.j);
          if (/(^| )(hon|binh quan|trung binh|muc chung|muc tang chung)$/.test(f) || f === 'so voi' || f === 'so') return 'compare';
        }
      }
    }
    const clause = this.foldBefore(m.i, 3);
    if (ORG_BEFORE.test(clause.trim())) return 'ignore';
    const prevTok = this.toks[m.i - 1];
    if (prevTok && (prevTok.f === 'tai' || prevTok.f === 'o')) {
      const sentFold = this.fold(sentA, m.j + 30);
      if (EVENT_WORDS.test(sentFold)) return 'event';
    }
    if (prevTok && (prevTok.f === 'sang' || prevTok.f === 'tu')) return 'ignore';
    // a list of provinces: "Hải Phòng, Hà Nội, Quảng Ninh"
    const nx = this.marks[k + 1];
    const nx2 = this.marks[k + 2];
    const pv = this.marks[k - 1];
    const pv2 = this.marks[k - 2];
    if ((this.isSep(nx) && get(nx2, 'place')) || (this.isSep(pv) && get(pv2, 'place'))) return 'list';
    return 'scope';
  }

  private isSep(x: Mark | undefined): boolean {
    return !!x && ((x.type === 'punct' && x.ch === ',') || (x.type === 'word' && this.toks[x.i]!.f === 'va') || (x.type === 'lex' && x.j === x.i + 1 && this.toks[x.i]!.f === 'va'));
  }

  private scopeName(e: PlaceEntry): string {
    if (e.kind === 'region') {
      const n = this.ctx.regionSize.get(e.id);
      if (n !== undefined) return `${e.name} (${n} tỉnh)`;
    }
    return e.name;
  }

  private resolvePlace(explicit: { e?: PlaceEntry; ref?: 'region' | 'province'; span: Span } | null): PlaceRes | null {
    const subj = this.ctx.subject;
    if (explicit && explicit.e) return { name: this.scopeName(explicit.e), inferred: false, via: 'text', span: explicit.span, entry: explicit.e };
    if (explicit && explicit.ref === 'region') {
      const r = this.lastRegion?.e ?? (subj && subj.place.kind === 'region' ? subj.place : null);
      if (r) return { name: this.scopeName(r), inferred: false, via: 'reference', span: explicit.span, entry: r };
    }
    if (explicit && explicit.ref === 'province') {
      const p = this.paraProvince && this.paraProvince.para === this.para ? this.paraProvince.e
        : subj && (subj.place.kind === 'province' || subj.place.kind === 'city') ? subj.place : null;
      if (p) {
        const named = !(subj && subj.via === 'source' && subj.place.id === p.id);
        return { name: this.scopeName(p), inferred: !named, via: named ? 'reference' : 'source', span: explicit.span, entry: p };
      }
      return null;
    }
    if (subj) return { name: this.scopeName(subj.place), inferred: true, via: subj.via === 'source' ? 'source' : 'document', entry: subj.place };
    return null;
  }

  // ------------------------------------------------------------------------------------ sentences
  run(sents: Sentence[]): void {
    for (let si = 0; si < sents.length; si++) {
      this.sentIdx = si;
      this.sentence(sents[si]!);
    }
  }

  private markRange(s: Sentence): [number, number] {
    // marks are sorted by token index; binary search the first mark of the sentence
    let lo = 0;
    let hi = this.marks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.marks[mid]!.i < s.a) lo = mid + 1; else hi = mid; }
    let end = lo;
    while (end < this.marks.length && this.marks[end]!.i < s.b) end++;
    return [lo, end];
  }

  private sentence(s: Sentence): void {
    if (s.para !== this.para) {
      this.para = s.para;
      this.paraSubj = null;
      this.paraClusters = false;
    }
    const [m0, m1] = this.markRange(s);
    const marks = this.marks;
    const inTitle = this.toks[s.a]!.s < this.ctx.titleEnd;
    const consumed = this.consumed;

    let pre: number[] = [];
    let open: RawFigure | null = null;
    let lastSubj: Subj | null = this.paraSubj;
    let sentPlace: ExplicitPlace | null = null;
    let listMode = false;
    let planHeader = false;
    let sentEstimate: Span | null = null;
    let sentPlan: Span | null = null;
    let sawQty = false;
    let lastRecInSentence: RawFigure | null = null;
    let lastStatusRec: RawFigure | null = null;
    let subjHere = false; // lastSubj was named in this sentence (not carried from the one before)
    const parens: Array<{ pre: number[]; open: RawFigure | null; sentPlace: ExplicitPlace | null; lastSubj: Subj | null }> = [];
    let prodCtx = false;
    let commCtx = false;
    let breakParent: RawFigure | null = null;
    let comparedPlace: { e: PlaceEntry; span: Span; k: number } | null = null;
    let resp: { codes: string[]; recs: RawFigure[]; levelIdx: number; growthIdx: number } | null = null;


    for (let k = m0; k < m1; k++) {
      if (consumed.has(k)) continue;
      const m = marks[k]!;
      if (m.type === 'punct') {
        const ch = m.ch!;
        if (ch === ';') { open = null; pre = []; continue; }
        if (ch === ':') {
          listMode = true;
          if (!sawQty && pre.some((x) => has(marks[x], 'status') && get(marks[x], 'status')!.status === 'plan')) planHeader = true;
          pre.push(k);
          continue;
        }
        if (ch === '(') {
          parens.push({ pre, open, sentPlace, lastSubj });
          pre = [k];
          // "cao hơn mức tăng chung của cả nước (tăng 9,2%)": the figure in brackets is the compared place's
          if (comparedPlace && comparedPlace.k === k - 1) sentPlace = { e: comparedPlace.e, span: comparedPlace.span };
          continue;
        }
        if (ch === ')') {
          const top = parens.pop();
          if (top) {
            const madeInside = open !== top.open;
            sentPlace = top.sentPlace;
            if (!madeInside) { pre = top.pre; }
            else { pre = []; open = top.open ?? open; }
            lastSubj = lastSubj ?? top.lastSubj;
          }
          continue;
        }
        pre.push(k);
        continue;
      }
      if (m.type === 'period') {
        const role = this.periodRole(k, s.a);
        if (role === 'state') {
          // "… 1 tỷ USD trong 6 tháng đầu năm": a period right after a figure belongs to it
          const pvTok = this.toks[m.i - 1];
          if (open && open.periodVia !== 'text' && pvTok && /^(trong|cua|vao)$/.test(pvTok.f) && pre.length <= 1) {
            this.setPeriod(m, this.sentIdx);
            const r = this.periodFor(open.stock, open.status === 'plan', true, 0);
            open.period = r.p; open.periodVia = 'text'; open.periodInferred = false; open.spans.period = this.sp(m.i, m.j);
            continue;
          }
          this.setPeriod(m, this.sentIdx);
          pre.push(k);
        }
        continue;
      }
      if (m.type === 'lex') {
        const pl = get(m, 'place');
        if (pl) {
          const role = this.placeRole(k, s.a);
          if (pl.place.kind === 'region' && role !== 'compare') this.lastRegion = { e: pl.place, span: this.sp(m.i, m.j) };
          if ((pl.place.kind === 'province' || pl.place.kind === 'city') && role === 'scope') this.paraProvince = { e: pl.place, span: this.sp(m.i, m.j), para: this.para };
          if (role === 'scope') { sentPlace = { e: pl.place, span: this.sp(m.i, m.j) }; pre.push(k); }
          if (role === 'compare') comparedPlace = { e: pl.place, span: this.sp(m.i, m.j), k };
          continue;
        }
        const ref = get(m, 'ref');
        if (ref) {
          const role = this.placeRole(k, s.a);
          if (role === 'scope') { sentPlace = { ref: ref.ref, span: this.sp(m.i, m.j) }; pre.push(k); }
          continue;
        }
        if (has(m, 'list')) { listMode = true; }
        if (has(m, 'prodCtx') || has(m, 'prodHead')) prodCtx = true;
        if (has(m, 'commCtx')) commCtx = true;
        if (has(m, 'status') && get(m, 'status')!.status === 'plan' && !sawQty && /^(phan dau|dat muc tieu|de ra muc tieu|dat ra muc tieu|muc tieu|chi tieu)/.test(this.fold(m.i, m.j))) sentPlan = this.sp(m.i, m.j);
        if (has(m, 'status') && get(m, 'status')!.status === 'estimate' && !sawQty && !pre.some((x) => marks[x]!.type === 'lex' && (has(marks[x], 'ind') || has(marks[x], 'other')))) sentEstimate = this.sp(m.i, m.j);
        const fam = get(m, 'fam');
        if (fam && fam.fam === 'clusters') this.paraClusters = true;
        if ((has(m, 'ind') || has(m, 'other')) && !fam) {
          this.paraClusters = false;
          open = null;
          const ind = get(m, 'ind');
          if (ind) {
            const subj: Subj = { ind: this.indCode(ind.ind), span: this.sp(m.i, m.j) };
            if (!this.breakdownAfter(k, m1)) { lastSubj = subj; subjHere = true; }
          }
        }
        pre.push(k);
        continue;
      }
      if (m.type === 'word' || m.type === 'num') { pre.push(k); continue; }
      if (m.type === 'qty') {
        sawQty = true;
        const q = m.q!;
        // ranges carry no single figure; they only end the clause
        if (q.dim === 'range') { pre = []; continue; }
        // ---- province counts: "6/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân …"
        if (q.implied === 'fam:provinces') {
          const rec = this.provinceCount(k, m0, m1, s, consumed, sentPlace, inTitle);
          if (rec) { this.figures.push(rec); lastRecInSentence = rec; open = null; pre = []; }
          else pre.push(k);
          continue;
        }
        const role = this.classify(k, m1, pre, open, listMode);
        for (const c of role.consumed) consumed.add(c);
        // "(cùng kỳ năm trước tăng 5,2%)": last year's figure for the same period
        const shiftBack = pre.some((x) => { const c = get(marks[x], 'cmp'); return !!c && c.cmp === 'yoy' && /^cung ky/.test(this.fold(marks[x]!.i, marks[x]!.j)); });
        if (shiftBack) role.shift = -1;
        const newSubject = this.hasNewSubject(pre, listMode) || shiftBack || !!role.shift;
        const preStatus = this.statusIn(pre, planHeader, sentEstimate);

        // "xuất khẩu và nhập khẩu lần lượt đạt 4,9 tỷ USD và 3,6 tỷ USD; tăng lần lượt 8% và 5%"
        if (resp && !this.strongSubject(pre)) {
          if (role.kind === 'growth' && resp.growthIdx < resp.recs.length) {
            const r = resp.recs[resp.growthIdx++]!;
            r.growth = role.value; r.quote.e = Math.max(r.quote.e, role.quoteEnd);
            pre = [];
            continue;
          }
        }
        if ((role.kind === 'growth' || role.kind === 'planpct') && open && !newSubject &&
            (role.kind === 'growth' ? open.growth === null : open.pct === null) &&
            !(role.status === 'plan' && open.status !== 'plan') && !open.of) {
          if (role.kind === 'growth') { open.growth = role.value; if (role.qual) open.growthQual = role.qual; }
          else open.pct = role.value;
          open.quote.e = Math.max(open.quote.e, role.quoteEnd);
          pre = [];
          continue;
        }
        if (role.kind === 'level' && open && open.value === null && open.growth !== null && !newSubject && open.indicator !== 'provinces_above_average') {
          // "tăng 15,2%, đạt 25 tỷ USD"
          open.value = q.value; open.unit = q.unit; open.dim = q.dim; open.base = q.base;
          open.qualifier = this.qualifierFor(q, pre) ?? open.qualifier;
          open.quote.e = Math.max(open.quote.e, role.quoteEnd);
          pre = [];
          continue;
        }

        // ---- a new record
        let subj = this.subjectFor(pre, q, role.kind, listMode, lastSubj, prodCtx, commCtx, lastRecInSentence, breakParent, m1, k, subjHere);
        if (resp && !this.strongSubject(pre) && role.kind === 'level' && resp.levelIdx < resp.codes.length) {
          subj = { ind: resp.codes[resp.levelIdx++]!, span: subj?.span };
        } else if (subj && (role.kind === 'level' || role.kind === 'growth')) {
          const codes = this.respectively(pre);
          if (codes) { resp = { codes, recs: [], levelIdx: 1, growthIdx: role.kind === 'growth' ? 1 : 0 }; subj = { ...subj, ind: codes[0]! }; }
        }
        if (!subj) { pre = []; continue; }
        const explicitPlace = this.explicitPlaceIn(pre) ?? sentPlace;
        const place = this.resolvePlace(explicitPlace);
        let status: Status = role.status ?? preStatus.status;
        let statusSpan = role.status ? role.statusSpan : preStatus.span;
        if (status === 'reported' && subj.status) status = subj.status;
        // "Năm 2024, tỉnh đặt mục tiêu IIP tăng 20%, xuất khẩu đạt 30 tỷ USD": the target covers the sentence
        if (status === 'reported' && sentPlan && this.futureish()) { status = 'plan'; statusSpan = sentPlan; }
        // "ước tăng 3,1% so với tháng trước và tăng 6,4% so với cùng kỳ": the status word covers both
        if (status === 'reported' && lastStatusRec && lastStatusRec.status !== 'reported' && !preStatus.reach && !pre.some((x) => has(marks[x], 'break'))) {
          status = lastStatusRec.status; statusSpan = lastStatusRec.spans.status;
        }
        const stock = this.isStock(subj.ind, q, role.kind === 'other' && !subj.carried ? 'other' : role.kind === 'other' ? 'carried' as RoleKind : role.kind);
        const explicitPeriod = pre.some((x) => marks[x]!.type === 'period');
        const per = this.periodFor(stock, status === 'plan', explicitPeriod, role.shift ?? 0);
        const spans: RawFigure['spans'] = {};
        if (subj.span) spans.indicator = subj.span;
        if (place?.span) spans.place = place.span;
        if (per.span) spans.period = per.span;
        if (statusSpan) spans.status = statusSpan;
        const rec: RawFigure = {
          indicator: subj.ind,
          place,
          period: per.p,
          periodVia: per.via,
          periodInferred: per.inferred,
          value: null, unit: null, growth: null, pct: null,
          status,
          qualifier: null,
          quote: { s: this.quoteStart(k, pre), e: role.quoteEnd },
          spans,
          inTitle,
          stock,
          rule: role.kind,
          sent: this.sentIdx,
        };
        if (subj.label !== undefined) rec.label = subj.label;
        if (subj.product !== undefined) rec.product = subj.product;
        if (role.kind === 'level' || role.kind === 'planlevel') {
          rec.value = subj.negate ? -q.value : q.value; rec.unit = q.unit; rec.dim = q.dim; rec.base = subj.negate ? -q.base : q.base;
          rec.qualifier = this.qualifierFor(q, pre);
          if (q.of !== undefined) rec.of = q.of;
        } else if (role.kind === 'growth') {
          rec.growth = role.value;
          if (role.qual) { rec.growthQual = role.qual; rec.qualifier = role.qual; }
        } else if (role.kind === 'planpct') {
          rec.pct = role.value;
        } else if (role.kind === 'plangrowth') {
          rec.growth = role.value;
          rec.status = 'plan';
          const pp = this.periodFor(stock, true, explicitPeriod, 0);
          rec.period = pp.p;
        } else {
          // shares, month-on-month changes, absolute changes, averages, rates: the catalogue cannot hold them
          rec.indicator = 'other';
          rec.label = this.otherLabel(subj, role, k);
          delete rec.product;
          rec.value = role.value; rec.unit = role.unit ?? '%'; rec.dim = role.dim ?? 'pct'; rec.base = role.value;
          if (role.qual) rec.qualifier = role.qual;
        }
        // "trong đó" + the same indicator as the record before: a component, not the total
        if (pre.some((x) => has(marks[x], 'break')) && breakParent && rec.indicator === breakParent.indicator &&
            rec.indicator !== 'other' && rec.status === breakParent.status && !this.explicitPlaceIn(pre) && rec.indicator !== 'product_output') {
          rec.label = subj.label ?? this.txt(subj.span ?? rec.quote);
          rec.indicator = 'other';
        }
        if (resp && resp.recs.length < resp.codes.length && resp.codes.includes(rec.indicator)) resp.recs.push(rec);
        this.figures.push(rec);
        lastStatusRec = rec;
        if (rec.indicator !== 'other' || role.kind === 'level' || role.kind === 'growth' || role.kind === 'planpct') {
          lastRecInSentence = rec;
          if (rec.indicator !== 'provinces_above_average' && rec.rule !== 'other') breakParent = breakParent && pre.some((x) => has(marks[x], 'break')) ? breakParent : rec;
        }
        if (role.kind === 'level' || role.kind === 'growth' || role.kind === 'planpct' || role.kind === 'plangrowth' || role.kind === 'planlevel') {
          open = rec;
          if (subj.ind !== 'other' || subj.label) { lastSubj = { ...subj, status: undefined }; subjHere = true; }
        }
        if (rec.indicator.startsWith('clusters_')) this.paraClusters = true;
        pre = [];
        continue;
      }
    }
    this.paraSubj = lastSubj;
  }

  /** The current period is not before the article's year (a target, not a past result). */
  private futureish(): boolean {
    const y = this.period?.p?.year;
    const dy = this.docYear();
    return y === null || y === undefined || dy === null || y >= dy;
  }

  /** An indicator, place or period named in the pre-span (not just "và", a verb, a qualifier). */
  private strongSubject(pre: number[]): boolean {
    for (const x of pre) {
      const m = this.marks[x]!;
      if (m.type === 'period' || has(m, 'ind') || has(m, 'other') || has(m, 'place') || has(m, 'ref') || has(m, 'fam')) return true;
    }
    return false;
  }

  /** Indicators named together and read "lần lượt" (respectively): ["exports", "imports"]. */
  private respectively(pre: number[]): string[] | null {
    if (pre.length === 0) return null;
    const a = this.marks[pre[0]!]!.i;
    const b = this.marks[pre[pre.length - 1]!]!.j;
    let found = false;
    for (let t = a; t + 1 < b; t++) if (this.toks[t]!.f === 'lan' && this.toks[t + 1]!.f === 'luot') { found = true; break; }
    if (!found) return null;
    const codes: string[] = [];
    for (const x of pre) {
      const ind = get(this.marks[x], 'ind');
      if (!ind) continue;
      const c = this.indCode(ind.ind);
      if (c === 'import_export_total') { codes.push('exports', 'imports'); continue; }
      if (!codes.includes(c)) codes.push(c);
    }
    return codes.length >= 2 ? codes : null;
  }

  private indCode(ind: string): string {
    return ind === 'trade_deficit' ? 'trade_balance' : ind;
  }

  /** "xuất khẩu sang Mỹ", "xuất khẩu hàng dệt may", "IIP ngành chế biến": a component of the indicator. */
  private breakdownAfter(k: number, m1: number): boolean {
    const m = this.marks[k]!;
    const ind = get(m, 'ind');
    for (let j = k + 1; j < Math.min(m1, k + 5); j++) {
      const x = this.marks[j]!;
      if (x.type === 'punct' || x.type === 'qty' || x.type === 'period') return false;
      if (x.type === 'lex') {
        // "xuất khẩu của Việt Nam sang Hoa Kỳ": the exporter's name, then the market
        if (has(x, 'place') && this.toks[x.i - 1]?.f === 'cua' && has(this.marks[j + 1], 'breakdown') && this.toks[this.marks[j + 1]!.i]!.f === 'sang') continue;
        if (has(x, 'breakdown') || has(x, 'commCtx')) {
          // "hàng hóa" is the total; "hàng dệt may" a component
          const f = this.fold(x.i, x.j);
          if (f === 'hang' && this.toks[x.j] && /^hoa$/.test(this.toks[x.j]!.f)) return false;
          return true;
        }
        if (has(x, 'verb') || has(x, 'status') || has(x, 'place') || has(x, 'ref') || has(x, 'qual') || has(x, 'cmp')) return false;
        if (has(x, 'ind')) return false;
        if (has(x, 'stop')) continue;
        if (has(x, 'otherHead') && ind?.weak) return true;
        continue;
      }
      if (x.type === 'word' && ind?.weak) {
        const w = this.toks[x.i]!.f;
        if (/^(cua|toan|tren|trong|tai|o|nam|thang|quy|tuy|van|cung|da|dang|tiep|lien|deu|chi|co|thi|hien|nay)$/.test(w)) continue;
        return true;
      }
    }
    return false;
  }

  private periodRole(k: number, sentA: number): 'state' | 'compare' | 'ignore' | 'date' {
    const m = this.marks[k]!;
    const pm = m.pm!;
    if (pm.date && !pm.cutoff) return 'date';
    const before = this.foldBefore(m.i, 4);
    if (/(tam nhin|tam nhin den|gia so sanh|gia ss|gia co dinh|gia hien hanh|gia goc)( nam)?$/.test(before)) return 'ignore';
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const x = this.marks[j]!;
      if (x.i < sentA) break;
      if (x.type === 'punct' && x.ch !== '(') break;
      if (has(x, 'cmp')) return 'compare';
      if (has(x, 'planBase') && this.marks[j - 1]?.type === 'qty') return 'ignore';
      if (x.type === 'qty') break;
    }
    // "lần thứ VI năm 2019", "năm 2025" after a conference ordinal: still a year; fine as state
    return 'state';
  }

  private hasNewSubject(pre: number[], listMode: boolean): boolean {
    for (const x of pre) {
      const m = this.marks[x]!;
      if (m.type === 'period') return true;
      if (m.type === 'lex') {
        if (has(m, 'ind') || has(m, 'other') || has(m, 'place') || has(m, 'ref') || has(m, 'break') || has(m, 'prodHead')) return true;
        const fam = get(m, 'fam');
        if (fam) return true;
        if ((has(m, 'otherHead') || has(m, 'breakdown') || has(m, 'commCtx')) && !has(m, 'stop')) return true;
      }
      if (m.type === 'word' && listMode && !this.isFunctionWord(m)) return true;
      if (m.type === 'word' && this.isContentWord(m)) return true;
    }
    return false;
  }

  private isFunctionWord(m: Mark): boolean {
    const t = this.toks[m.i]!;
    const w = this.nt.text.slice(t.s, t.e).toLowerCase();
    // with accents where the text has them: folding would take "đồ" (thing) for "do" (because)
    if (this.nt.diacriticRate > 0.04) return FUNCTION_WORDS.has(w);
    return FUNCTION_WORDS_FOLDED.has(t.f);
  }
  private isContentWord(m: Mark): boolean {
    if (m.type !== 'word') return false;
    const t = this.toks[m.i]!;
    if (this.isFunctionWord(m)) return false;
    // a capitalised word (a product or a name) or any letter word counts as a new subject only in lists;
    // outside lists, short adverbs are too common to count
    const c = this.nt.text[t.s]!;
    return c !== c.toLowerCase();
  }

  // -------------------------------------------------------------------------------- classification
  private classify(k: number, m1: number, pre: number[], open: RawFigure | null, listMode: boolean): Role {
    const marks = this.marks;
    const m = marks[k]!;
    const q = m.q!;
    const consumed: number[] = [];
    let quoteEnd = this.toks[m.j - 1]!.e;
    // nearest verb / plan base to the left, within the clause
    let verb: { v: string; mark: Mark } | null = null;
    let planLeft = false;
    let cmpPlanLeft = false;
    let parenLeft = false;
    let statusLeft: { status: Status; span: Span } | null = null;
    let chainLen = 0;
    for (let j = pre.length - 1; j >= 0 && chainLen < 4; j--) {
      const x = marks[pre[j]!]!;
      chainLen++;
      if (x.type === 'punct') { if (x.ch === '(') parenLeft = true; break; }
      if (x.type === 'qty' || x.type === 'period') break;
      if (x.type === 'lex') {
        const vb = get(x, 'verb');
        if (vb && !verb) { verb = { v: vb.v, mark: x }; }
        const c = get(x, 'cmp');
        if (c && c.cmp === 'plan' && !verb) cmpPlanLeft = true;
        if (has(x, 'planBase') && !verb && !vb) planLeft = true;
        const st = get(x, 'status');
        if (st && !statusLeft) statusLeft = { status: st.status, span: this.sp(x.i, x.j) };
        if (has(x, 'qual') || has(x, 'stop') || vb || st || has(x, 'planBase') || c) { if (vb && chainLen >= 1) break; continue; }
        break;
      }
      if (x.type === 'word') {
        // "tăng cao 20%" — one adverb word is tolerated between the verb and the number
        continue;
      }
      break;
    }
    const verbText = verb ? this.fold(verb.mark.i, verb.mark.j) : '';
    const tokBefore = this.toks[q.numStart - 1];
    const qual = this.growthQual(q.numStart);

    // right context
    const r1 = k + 1 < m1 ? marks[k + 1] : undefined;
    const cc: CmpCtx = { k, m1, consumed, quoteEnd };

    // "… 9,5% của cùng kỳ năm 2022": the figure is last year's
    let shift: number | undefined;
    if (r1 && this.toks[r1.i]?.f === 'cua' && r1.j === r1.i + 1) {
      const r2 = (k + 2 < m1 ? marks[k + 2] : undefined);
      const c2 = get(r2, 'cmp');
      if (c2 && c2.cmp === 'yoy' && /^cung ky/.test(this.fold(r2!.i, r2!.j))) {
        shift = -1;
        consumed.push(k + 1, k + 2);
        if ((k + 3 < m1 ? marks[k + 3] : undefined)?.type === 'period') consumed.push(k + 3);
      }
    }
    const down = !!verb && verb.v === 'down';
    if (q.dim === 'pct' || q.dim === 'times' || q.dim === 'pp') {
      const planBaseRight = has(r1, 'planBase') && !has(r1, 'verb');
      if (q.dim === 'pct' && (planBaseRight || (get(r1, 'cmp')?.cmp === 'plan'))) {
        consumed.push(k + 1);
        quoteEnd = this.toks[r1!.j - 1]!.e;
        const r2 = (k + 2 < m1 ? marks[k + 2] : undefined);
        if (r2 && r2.type === 'period') consumed.push(k + 2);
        let v = q.value;
        if (verb && (verb.v === 'exceed' || verb.v === 'up') && get(r1, 'cmp')) v = 100 + q.value;
        else if (verb && verb.v === 'down' && get(r1, 'cmp')) v = 100 - q.value;
        else if (verb && verb.v === 'exceed') v = 100 + q.value;
        return { kind: 'planpct', value: tidy(v), consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
      }
      if (q.dim === 'pp') {
        this.consumeCmp(cc);
        return { kind: 'other', value: (down ? -Math.abs(q.value) : q.value), unit: 'điểm phần trăm', dim: 'pp', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: 'điểm phần trăm' };
      }
      if (q.dim === 'times') {
        if (verb && (verb.v === 'up' || verb.v === 'times' || verb.v === 'equal' || /gap/.test(verbText))) {
          const c = this.consumeCmp(cc);
          if (c && c.cmp !== 'yoy' && (c.cmp !== 'base' || !this.sameLastYear(c.period))) return { kind: 'other', value: q.value, unit: 'lần', dim: 'times', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: this.cmpLabel(k + 1) };
          return { kind: 'growth', value: tidy((q.value - 1) * 100), qual, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), status: statusLeft?.status === 'plan' ? 'plan' : undefined };
        }
        return { kind: 'other', value: q.value, unit: 'lần', dim: 'times', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: 'lần' };
      }
      // "kế hoạch đề ra 11,05%", "so với kế hoạch đề ra 11,05%": the planned rate
      if ((planLeft || cmpPlanLeft) && q.dim === 'pct') {
        return { kind: 'plangrowth', value: q.value, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), status: 'plan' };
      }
      // average growth per year: "tăng bình quân 7%/năm"
      if (r1 && r1.type === 'punct' && r1.ch === '/' && this.toks[r1.j]?.f === 'nam') {
        consumed.push(k + 1);
        const nm = (k + 2 < m1 ? marks[k + 2] : undefined);
        if (nm && (nm.type === 'word' || nm.type === 'lex' || nm.type === 'period')) consumed.push(k + 2);
        return { kind: 'other', value: (down ? -Math.abs(q.value) : q.value), unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: 'tăng bình quân/năm' };
      }
      if (verb && (verb.v === 'up' || verb.v === 'down')) {
        const perYear = (r1 && r1.type === 'punct' && r1.ch === '/') || /^(moi|hang|hang nam|moi nam|nam)$/.test(this.toks[r1?.i ?? -1]?.f ?? '') ||
          /binh quan (hang |moi )?nam|giai doan/.test(this.fold(Math.max(0, (verb?.mark.i ?? 0) - 8), q.numStart));
        if (/binh quan/.test(verbText) && perYear) {
          this.consumeCmp(cc);
          return { kind: 'other', value: (down ? -Math.abs(q.value) : q.value), unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: 'tăng bình quân' };
        }
        const c = this.consumeCmp(cc);
        if (c) {
          if (c.cmp === 'plan') return { kind: 'planpct', value: tidy(verb.v === 'down' ? 100 - q.value : 100 + q.value), consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
          if (c.cmp === 'mom' || c.cmp === 'qoq' || c.cmp === 'prev' || (c.cmp === 'base' && !this.sameLastYear(c.period))) {
            return { kind: 'other', value: (down ? -Math.abs(q.value) : q.value), unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: this.cmpLabel(k + 1) };
          }
        }
        const plan = statusLeft?.status === 'plan' || pre.some((x) => { const st = get(marks[x], 'status'); return !!st && st.status === 'plan' && STRONG_PLAN.test(this.fold(marks[x]!.i, marks[x]!.j)); });
        if (shift) return { kind: 'growth', value: tidy(down ? -Math.abs(q.value) : q.value), qual, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), shift };
        return { kind: 'growth', value: tidy((down ? -Math.abs(q.value) : q.value)), qual, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), status: plan ? 'plan' : undefined, statusSpan: plan && statusLeft ? statusLeft.span : undefined };
      }
      if (verb && (verb.v === 'equal' || verb.v === 'reach')) {
        const c = this.consumeCmp(cc);
        if (c && (c.cmp === 'yoy' || (c.cmp === 'base' && this.sameLastYear(c.period)))) return { kind: 'growth', value: tidy(q.value - 100), consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
        if (c) return { kind: 'other', value: q.value, unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: this.cmpLabel(k + 1) };
        if (open && (parenLeft || this.planContext(k) || verb.v === 'reach')) return { kind: 'planpct', value: q.value, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
        return { kind: 'other', value: q.value, unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
      }
      if (verb && verb.v === 'exceed') {
        return this.planContext(k) ? { kind: 'planpct', value: tidy(100 + q.value), consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) } : { kind: 'other', value: q.value, unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: 'vượt' };
      }
      if (verb && verb.v === 'share') {
        // "chiếm 28,2% tổng kim ngạch xuất khẩu": the object belongs to the share
        let e = k + 1;
        while (e < m1 && e < k + 4) {
          const x = marks[e]!;
          if (x.type === 'lex' && (has(x, 'ind') || has(x, 'stop') || has(x, 'otherHead') || has(x, 'fam') || has(x, 'ref') || has(x, 'place')) || x.type === 'word') { consumed.push(e); quoteEnd = this.toks[x.j - 1]!.e; e++; continue; }
          break;
        }
        return { kind: 'other', value: q.value, unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: 'tỷ trọng', objectEnd: e };
      }
      if ((planLeft || cmpPlanLeft) && q.dim === 'pct') {
        return { kind: 'plangrowth', value: q.value, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), status: 'plan' };
      }
      if (q.sign !== undefined && (parenLeft || tokBefore)) {
        this.consumeCmp(cc);
        return { kind: 'growth', value: tidy(q.value), consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
      }
      const c = this.consumeCmp(cc);
      if (c && (c.cmp === 'yoy')) return { kind: 'growth', value: q.value, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
      return { kind: 'other', value: q.value, unit: '%', dim: 'pct', consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
    }

    // levels
    if (verb && (verb.v === 'up' || verb.v === 'down') && !/(len|toi|den)$/.test(verbText) && pre.length && marks[pre[pre.length - 1]!] === verb.mark) {
      const c = this.consumeCmp(cc);
      void c;
      const v = verb.v === 'down' ? -q.value : q.value;
      return { kind: 'other', value: v, unit: q.unit, dim: q.dim, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), labelHint: 'mức tăng tuyệt đối', qual: undefined };
    }
    if (planLeft || cmpPlanLeft) return { kind: 'planlevel', value: q.value, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd), status: 'plan' };
    return { kind: 'level', value: q.value, consumed, quoteEnd: Math.max(quoteEnd, cc.quoteEnd) };
  }

  /** Reads a comparison right after a figure ("so với cùng kỳ năm 2017") and marks it read. */
  private consumeCmp(cc: CmpCtx): { cmp: string; period?: PeriodMark } | null {
    const r1 = cc.k + 1 < cc.m1 ? this.marks[cc.k + 1] : undefined;
    const c = get(r1, 'cmp');
    if (!c) return null;
    cc.consumed.push(cc.k + 1);
    cc.quoteEnd = Math.max(cc.quoteEnd, this.toks[r1!.j - 1]!.e);
    const r2 = cc.k + 2 < cc.m1 ? this.marks[cc.k + 2] : undefined;
    if (r2 && r2.type === 'period') {
      cc.consumed.push(cc.k + 2);
      cc.quoteEnd = Math.max(cc.quoteEnd, this.toks[r2.j - 1]!.e);
      return { cmp: c.cmp, period: r2.pm };
    }
    // "so với cùng kỳ" + "năm trước": read by the lexicon already
    return { cmp: c.cmp };
  }

  /** "so với năm 2017" for a 2018 figure is a change vs the same period. */
  private sameLastYear(pm: PeriodMark | undefined): boolean {
    if (!pm || !pm.period) return true;
    const cur = this.period?.p;
    if (!cur || cur.year === null) return true;
    const y = pm.period.year;
    // "so với quý I" for a first quarter: the same quarter a year before; "so với tháng 2" for March: not
    if (y === null || pm.yearless) return pm.period.kind === cur.kind && pm.period.n === cur.n;
    if (y !== cur.year - 1) return false;
    if (pm.period.kind === 'Y') return true;
    return pm.period.kind === cur.kind && pm.period.n === cur.n;
  }

  private cmpLabel(k: number): string {
    const m = this.marks[k];
    return m ? this.txt(this.sp(m.i, m.j)) : '';
  }

  private planContext(k: number): boolean {
    // the sentence speaks of a plan: "so với quy hoạch", "kế hoạch"
    for (let j = k - 1; j >= 0 && j > k - 40; j--) {
      const x = this.marks[j]!;
      if (x.type === 'punct' && x.ch === '.') break;
      if (has(x, 'planBase') || get(x, 'cmp')?.cmp === 'plan') return true;
    }
    return false;
  }

  private growthQual(numStart: number): Qual | undefined {
    const a = this.toks[numStart - 1]?.f;
    const b = this.toks[numStart - 2]?.f;
    if (a === 'hon' || a === 'vuot') return 'hơn';
    if (a === 'tren') return 'trên';
    if (a === 'gan') return 'gần';
    if (a === 'khoang' || a === 'chung' || (a === 'xi' && b === 'xap')) return 'khoảng';
    return undefined;
  }

  private qualifierFor(q: Quantity, pre: number[]): string | null {
    const g = this.growthQual(q.numStart);
    if (g) return g;
    // "đạt" / "ước đạt" right before the figure (or its subject) introduces it
    for (let j = pre.length - 1; j >= 0; j--) {
      const x = this.marks[pre[j]!]!;
      if (x.type === 'punct') break;
      const vb = get(x, 'verb');
      if (vb) return /\bdat\b/.test(this.fold(x.i, x.j)) ? 'đạt' : null;
      if (x.type === 'qty') break;
    }
    return null;
  }

  private statusIn(pre: number[], planHeader: boolean, sentEstimate: Span | null): { status: Status; span?: Span; reach: boolean } {
    let reach = false;
    let commaSeen = false;
    let found: { status: Status; span: Span } | null = null;
    for (let j = pre.length - 1; j >= 0; j--) {
      const x = this.marks[pre[j]!]!;
      if (x.type === 'punct' && x.ch === ',') commaSeen = true;
      const vb = get(x, 'verb');
      if (vb && vb.v === 'reach' && /\b(dat|thuc hien)\b/.test(this.fold(x.i, x.j))) reach = true;
      const st = get(x, 'status');
      if (st && !found) {
        const f = this.fold(x.i, x.j);
        if (st.status === 'estimate') found = { status: 'estimate', span: this.sp(x.i, x.j) };
        else if (!commaSeen || STRONG_PLAN.test(f)) found = { status: 'plan', span: this.sp(x.i, x.j) };
      }
    }
    if (found) return { ...found, reach };
    if (planHeader) return { status: 'plan', reach };
    if (sentEstimate) return { status: 'estimate', span: sentEstimate, reach };
    return { status: 'reported', reach };
  }

  private explicitPlaceIn(pre: number[]): { e?: PlaceEntry; ref?: 'region' | 'province'; span: Span } | null {
    for (let j = pre.length - 1; j >= 0; j--) {
      const x = this.marks[pre[j]!]!;
      const pl = get(x, 'place');
      if (pl) return { e: pl.place, span: this.sp(x.i, x.j) };
      const rf = get(x, 'ref');
      if (rf) return { ref: rf.ref, span: this.sp(x.i, x.j) };
    }
    return null;
  }

  private isStock(ind: string, q: Quantity, kind: RoleKind): boolean {
    if (STOCK_IND.has(ind)) return true;
    if (ind === 'other' && q.dim === 'count' && q.stock && kind === 'level') return true;
    // an area is always at a date (cluster land, land in use)
    if (ind === 'other' && q.dim === 'area' && kind === 'level') return true;
    // a rate stated at a cut-off ("tính đến hết tháng 9, tỷ lệ lấp đầy đạt 65%") is at that date
    if (ind === 'other' && kind === 'other' && q.dim === 'pct' && this.period && (this.period.cutoff || this.period.current) && this.period.para === this.para) return true;
    return false;
  }

  private quoteStart(k: number, pre: number[]): number {
    const m = this.marks[k]!;
    let start = this.toks[m.i]!.s;
    for (let j = pre.length - 1; j >= 0; j--) {
      const x = this.marks[pre[j]!]!;
      if (x.type === 'lex' && (has(x, 'verb') || has(x, 'status') || has(x, 'qual') || has(x, 'cmp') || has(x, 'planBase') || has(x, 'ind') || has(x, 'other') || has(x, 'fam'))) {
        start = this.toks[x.i]!.s;
        if (has(x, 'ind') || has(x, 'other') || has(x, 'fam')) break;
        continue;
      }
      break;
    }
    return start;
  }

  // ------------------------------------------------------------------------------------- subjects
  private subjectFor(pre: number[], q: Quantity, kind: RoleKind, listMode: boolean, lastSubj: Subj | null,
    prodCtx: boolean, commCtx: boolean, lastRec: RawFigure | null, breakParent: RawFigure | null, m1: number, k: number, subjHere = true): Subj | null {
    const marks = this.marks;
    const level = kind === 'level' || kind === 'planlevel';
    // counted things name their own indicator: "186 cụm công nghiệp", "1.475 chợ", "132 siêu thị"
    if (level && q.dim === 'count' && q.implied) {
      const nounSpan = this.sp(marks[k]!.i, marks[k]!.j);
      if (q.implied === 'fam:clusters') {
        const after = this.fold(marks[k]!.j, Math.min(this.toks.length, marks[k]!.j + 6));
        const operating = /^(da |dang |duoc )?(di vao |dua vao )?(hoat dong|van hanh)/.test(after) || /^(da|dang) (di vao|dua vao) hoat dong/.test(after);
        const isPlan = pre.some((x) => /quy hoach/.test(this.fold(marks[x]!.i, marks[x]!.j)));
        return { ind: operating ? 'clusters_operating' : 'clusters_count', span: nounSpan, ...(isPlan ? { status: 'plan' as Status } : {}) };
      }
      if (q.implied === 'markets' || q.implied === 'supermarkets' || q.implied === 'malls') {
        const label = this.countLabel(k, m1);
        // "chợ hạng I", "chợ đầu mối" after the total, or after "trong đó": a component
        const sameBefore = this.figures.some((f) => f.sent === this.sentIdx && (f.indicator === q.implied || f.indicator === 'other' && f.unit === q.unit && f.rule === 'level'));
        const subType = label.split(/\s+/).length > (q.unit ?? '').split(/\s+/).length;
        if (sameBefore && (subType || pre.some((x) => has(marks[x], 'break')))) return { ind: 'other', label, span: nounSpan };
        if (lastRec && lastRec.indicator === q.implied) return { ind: 'other', label, span: nounSpan };
        return { ind: q.implied, span: nounSpan };
      }
      if (q.implied === 'fam:projects') return this.paraClusters ? { ind: 'clusters_projects', span: nounSpan } : { ind: 'other', label: this.countLabel(k, m1), span: nounSpan };
      if (q.implied === 'fam:jobs') return this.paraClusters ? { ind: 'clusters_jobs', span: nounSpan } : { ind: 'other', label: this.countLabel(k, m1), span: nounSpan };
      const preSubj = this.lastSubjectMark(pre);
      if (preSubj !== undefined) {
        const s = this.subjFromMark(preSubj, q, pre, prodCtx, commCtx);
        if (s && s.ind !== 'other') return s;
      }
      return { ind: 'other', label: this.countLabel(k, m1), span: nounSpan };
    }
    const sm = this.lastSubjectMark(pre, q.dim === 'pct' || q.dim === 'pp' || q.dim === 'times');
    const afterList = this.afterListIntro(pre);
    if (sm !== undefined && !(afterList !== null && pre.indexOf(sm) < afterList)) {
      const s = this.subjFromMark(sm, q, pre, prodCtx, commCtx);
      if (s) return s;
    }
    // residual words: a list item, a component after "trong đó", a named head ("doanh thu …")
    const res = this.residual(pre, afterList);
    if (res) {
      const money = q.dim === 'money_vnd' || q.dim === 'money_usd' || q.dim === 'money_eur';
      const trade = /^(xuat khau|nhap khau|xk|nk)\b/.test(this.fold(this.tokAt(res.span.s), this.tokAt(res.span.s) + 2));
      const isProduct = !money && !trade && ((prodCtx && !commCtx) || q.product || q.dim === 'mass' || q.dim === 'energy' || q.dim === 'volume');
      if (listMode || res.head || res.afterBreak || res.afterBoundary && lastRec && lastRec.indicator === 'other') {
        if (isProduct) return { ind: 'product_output', product: res.text, span: res.span };
        return { ind: 'other', label: res.text, span: res.span };
      }
      if (!trade && (q.dim === 'mass' || q.dim === 'energy' || q.product)) return { ind: 'product_output', product: res.text, span: res.span };
      if (trade) return { ind: 'other', label: res.text, span: res.span };
    }
    if (this.clusterFamilyFor(q) && this.paraClusters) return { ind: this.clusterFamilyFor(q)!, span: undefined };
    const money = q.dim === 'money_vnd' || q.dim === 'money_usd' || q.dim === 'money_eur';
    if (lastSubj) {
      // from the sentence before, only when this one adds no words of its own ("Tỉnh đã hỗ trợ 3 tỷ đồng …" is not exports)
      const tradeInVnd = money && q.dim === 'money_vnd' && /^(exports|imports|import_export_total|trade_balance)$/.test(lastSubj.ind);
      if (!tradeInVnd && (subjHere || !res)) return { ...lastSubj, carried: true };
    }
    // an amount of money with no indicator is still a figure the text states
    if (level && money) return { ind: 'other', label: res?.text ?? this.contextLabel(k), span: res?.span };
    // a rate or a count with nothing naming it: its own words label it
    if (kind === 'other' || (level && q.dim === 'count')) return { ind: 'other', label: res?.text ?? this.contextLabel(k), span: res?.span };
    return null;
  }

  /** Index of the token starting at normalised offset s (or the next one). */
  private tokAt(s: number): number {
    let lo = 0;
    let hi = this.toks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.toks[mid]!.s < s) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** The words just before a figure, as its label when nothing better names it. */
  private contextLabel(k: number): string {
    const words: string[] = [];
    for (let j = k - 1; j >= 0 && words.length < 4; j--) {
      const x = this.marks[j]!;
      if (x.type === 'punct' || x.type === 'qty' || x.type === 'period') break;
      words.unshift(this.txt(this.sp(x.i, x.j)));
    }
    return words.join(' ').replace(/^(đã|đạt|là|với|có)\s+/i, '') || 'số tiền';
  }

  private clusterFamilyFor(q: Quantity): string | null {
    // only land: money in a cluster paragraph is capital only when "vốn" says so
    if (q.dim === 'area') return 'clusters_area_ha';
    return null;
  }

  private lastSubjectMark(pre: number[], rate = false): number | undefined {
    let famAt: number | undefined;
    for (let j = pre.length - 1; j >= 0; j--) {
      const x = this.marks[pre[j]!]!;
      if (x.type === 'punct' && (x.ch === ';')) break;
      // "tỷ lệ lấp đầy các CCN đang hoạt động đạt 71,5%": for a rate the cluster words qualify, the rate is the subject
      if (rate && has(x, 'fam') && !has(x, 'ind') && !has(x, 'other')) { famAt ??= pre[j]!; continue; }
      if (has(x, 'ind') || has(x, 'other') || has(x, 'fam') || has(x, 'prodHead')) return pre[j]!;
    }
    return famAt;
  }

  private afterListIntro(pre: number[]): number | null {
    for (let j = pre.length - 1; j >= 0; j--) {
      const x = this.marks[pre[j]!]!;
      if (has(x, 'list') || (x.type === 'punct' && x.ch === ':')) return j + 1;
    }
    return null;
  }

  private subjFromMark(idx: number, q: Quantity, pre: number[], prodCtx: boolean, commCtx: boolean): Subj | null {
    const m = this.marks[idx]!;
    const span = this.sp(m.i, m.j);
    const ind = get(m, 'ind');
    const fam = get(m, 'fam');
    if (fam) {
      const f = fam.fam;
      if (f === 'area_other') return { ind: 'other', label: this.labelFrom(idx, pre), span };
      if (f === 'clusters_count' && q.dim === 'count') return { ind: 'clusters_count', span };
      if (this.paraClusters || f === 'clusters') {
        if (q.dim === 'area' && (f === 'area' || f === 'clusters')) {
          // area of the operating clusters only is not the catalogue's area
          const last = this.figures[this.figures.length - 1];
          if (last && last.indicator === 'clusters_operating' && last.sent === this.sentIdx) return { ind: 'other', label: `${this.txt(span)} của CCN đang hoạt động`, span };
          return { ind: 'clusters_area_ha', span };
        }
        if ((q.dim === 'money_vnd' || q.dim === 'money_usd') && (f === 'capital' || f === 'clusters')) return { ind: 'clusters_capital', span };
        if (f === 'jobs' && q.dim === 'count') return { ind: 'clusters_jobs', span };
        if (f === 'projects' && q.dim === 'count') return { ind: 'clusters_projects', span };
        if (f === 'clusters' && q.dim === 'count') return { ind: 'clusters_count', span };
      }
      return { ind: 'other', label: this.labelFrom(idx, pre), span };
    }
    if (has(m, 'prodHead')) {
      const prod = this.labelFrom(idx, pre, true);
      return prod ? { ind: 'product_output', product: prod, span } : null;
    }
    if (ind) {
      if (this.breakdownAfter(idx, this.marks.length)) return { ind: 'other', label: this.labelFrom(idx, pre), span };
      const before = this.componentBefore(idx, pre);
      if (before) return { ind: 'other', label: `${this.labelFrom(idx, pre)} ${before}`, span };
      const code = this.indCode(ind.ind);
      // "nhập siêu 1,2 tỷ USD": the balance (exports − imports) is negative
      if (ind.ind === 'trade_deficit') return { ind: code, span, negate: true };
      return { ind: code, span };
    }
    if (has(m, 'other')) return { ind: 'other', label: this.labelFrom(idx, pre), span };
    void prodCtx; void commCtx;
    return null;
  }

  /** "Riêng mặt hàng đồ gỗ, kim ngạch xuất khẩu …": a commodity or market named just before the indicator. */
  private componentBefore(idx: number, pre: number[]): string | null {
    const pos = pre.indexOf(idx);
    for (let j = pos - 1; j >= 0 && j >= pos - 8; j--) {
      const x = this.marks[pre[j]!]!;
      if (x.type === 'punct' && (x.ch === ';' || x.ch === ':' || x.ch === '(')) break;
      if (x.type === 'qty' || x.type === 'period') break;
      if (has(x, 'ind') || has(x, 'other')) break;
      if (has(x, 'commCtx') || (has(x, 'breakdown') && /^(mat hang|nhom hang|thi truong|cac mat hang)$/.test(this.fold(x.i, x.j)))) {
        // the component's words: from the marker to the comma before the indicator
        let e = x.j;
        for (let t = j + 1; t < pos; t++) {
          const y = this.marks[pre[t]!]!;
          if (y.type === 'punct') break;
          e = y.j;
        }
        return this.txt(this.sp(x.i, e));
      }
    }
    return null;
  }

  /** Label of a subject: from its mark to the verb/period/status/figure that follows (as written). */
  private labelFrom(idx: number, pre: number[], skipHead = false): string {
    const m = this.marks[idx]!;
    const startTok = skipHead ? m.j : m.i;
    let endTok = m.j;
    const pos = pre.indexOf(idx);
    for (let j = pos + 1; j < pre.length; j++) {
      const x = this.marks[pre[j]!]!;
      if (x.type === 'period' || x.type === 'qty' || (x.type === 'punct' && x.ch !== '-' && x.ch !== ',') || x.type === 'lex' && (has(x, 'verb') || has(x, 'status') || has(x, 'qual') || has(x, 'place') || has(x, 'ref') || has(x, 'cmp'))) break;
      endTok = x.j;
    }
    if (endTok <= startTok) return skipHead ? '' : this.txt(this.sp(m.i, m.j));
    let s = this.txt(this.sp(startTok, endTok)).replace(/[\s,]+$/, '');
    s = s.replace(/^(của|các)\s+/i, '');
    return s;
  }

  private countLabel(k: number, m1: number): string {
    const m = this.marks[k]!;
    const q = m.q!;
    // noun phrase after the number: "cửa hàng xăng dầu", "tổng kho hàng hoá", "tàu bán dầu trên biển"
    let end = m.j;
    let j = k + 1;
    while (j < m1 && j < k + 6) {
      const x = this.marks[j]!;
      if (x.type === 'word' && !/^(da|dang|duoc|voi|di|co|thu|tao|la|trong|tai|cho)$/.test(this.toks[x.i]!.f)) { end = x.j; j++; continue; }
      if (x.type === 'lex' && !has(x, 'verb') && !has(x, 'status') && !has(x, 'place') && !has(x, 'ref') && !has(x, 'cmp') && !has(x, 'break') && !has(x, 'list') && (has(x, 'otherHead') || has(x, 'breakdown') || has(x, 'commCtx') || has(x, 'stop') && /^(tren|bien|hang|hoa)/.test(this.fold(x.i, x.j)))) { end = x.j; j++; continue; }
      break;
    }
    const nounStart = this.toks.findIndex((t, idx) => idx > q.numStart && t.k === K.Word);
    const a = nounStart >= 0 && nounStart < m.j ? nounStart : m.i;
    return this.txt(this.sp(a, end)).replace(/[\s,]+$/, '');
  }

  private residual(pre: number[], afterList: number | null): { text: string; span: Span; head: boolean; afterBreak: boolean; afterBoundary: boolean } | null {
    // the subject zone starts after the last boundary (list opener, break, "(", ";") or previous figure
    let start = 0;
    let afterBreak = false;
    let afterBoundary = false;
    for (let j = pre.length - 1; j >= 0; j--) {
      const x = this.marks[pre[j]!]!;
      if (has(x, 'break')) { start = j + 1; afterBreak = true; break; }
      if (has(x, 'list') || (x.type === 'punct' && (x.ch === ':' || x.ch === '(' || x.ch === ';'))) { start = j + 1; afterBoundary = true; break; }
    }
    if (afterList !== null && afterList > start) start = afterList;
    const zone = pre.slice(start);
    // up to the first verb / status / qualifier / period / place
    let a = -1;
    let b = -1;
    let head = false;
    let content = 0;
    for (let j = 0; j < zone.length; j++) {
      const x = this.marks[zone[j]!]!;
      if (x.type === 'punct') {
        if (x.ch === ',' && a < 0) continue;
        if (x.ch === ',' || x.ch === '-' || x.ch === '/' || x.ch === '&') { if (a >= 0) b = x.j; continue; }
        if (a >= 0) break;
        continue;
      }
      if (x.type === 'period' || x.type === 'qty') { if (a >= 0) break; continue; }
      if (x.type === 'lex' && (has(x, 'verb') || has(x, 'status') || has(x, 'qual') || has(x, 'cmp') || has(x, 'planBase'))) {
        if (a >= 0) break;
        continue;
      }
      if (x.type === 'lex' && (has(x, 'place') || has(x, 'ref'))) { if (a >= 0) break; continue; }
      const isStopOnly = x.type === 'lex' && stopOnly(x);
      if (a < 0 && isStopOnly) continue;
      if (a < 0 && x.type === 'word' && this.isFunctionWord(x)) continue;
      if (a < 0) { a = x.i; head = has(x, 'otherHead') || has(x, 'prodHead'); }
      b = x.j;
      if (!isStopOnly && !(x.type === 'word' && this.isFunctionWord(x))) content++;
    }
    if (a < 0 || content === 0) return null;
    let text = this.txt(this.sp(a, b)).replace(/[\s,;:-]+$/, '');
    let startOff = 0;
    for (let guard = 0; guard < 3; guard++) {
      const lead = LEAD_TRIM.exec(text);
      if (!lead || lead[0].length === 0 || lead[0].length >= text.length) break;
      text = text.slice(lead[0].length); startOff += lead[0].length;
    }
    if (!text) return null;
    return { text, span: { s: this.toks[a]!.s + startOff, e: this.toks[a]!.s + startOff + text.length }, head, afterBreak, afterBoundary };
  }

  private otherLabel(subj: Subj, role: Role, k: number): string {
    const base = subj.label ?? (subj.product ? `sản lượng ${subj.product}` : subj.span ? this.txt(subj.span) : subj.ind);
    const m = this.marks[k]!;
    if (role.labelHint === 'tỷ trọng') {
      const obj = role.objectEnd && role.objectEnd > k + 1 ? this.txt(this.sp(this.marks[k + 1]!.i, this.marks[role.objectEnd - 1]!.j)) : '';
      // "Tỷ trọng công nghiệp chế biến chiếm 30%": the subject already says it is a share
      const share = /^tỷ trọng\b/i.test(base) ? base.charAt(0).toLowerCase() + base.slice(1) : `tỷ trọng ${base}`;
      return `${share}${obj ? ' trong ' + obj : ''}`;
    }
    if (role.labelHint) return `${base} (${role.labelHint})`;
    if (!subj.carried && (subj.label || subj.span)) return base;
    // a bare rate: its words around it ("phủ điện 100% ở vùng sâu, vùng xa")
    const before: string[] = [];
    for (let j = k - 1; j >= 0 && before.length < 3; j--) {
      const x = this.marks[j]!;
      if (x.type === 'punct' || x.type === 'qty' || x.type === 'period') break;
      if (x.type === 'lex' && (has(x, 'status') || has(x, 'verb') && !has(x, 'stop'))) break;
      before.unshift(this.txt(this.sp(x.i, x.j)));
    }
    const after: string[] = [];
    for (let j = k + 1; j < this.marks.length && after.length < 6; j++) {
      const x = this.marks[j]!;
      if (x.type === 'qty' || x.type === 'period' || x.type === 'punct' && x.ch !== ',') break;
      if (x.type === 'punct' && x.ch === ',' && after.length === 0) break;
      after.push(this.txt(this.sp(x.i, x.j)));
    }
    const words = [...before, ...after].join(' ').replace(/ ,/g, ',').trim();
    void m;
    return words || base;
  }

  // ------------------------------------------------------------------------------ province counts
  private provinceCount(k: number, m0: number, m1: number, s: Sentence, consumed: { add(k: number): void },
    sentPlace: { e?: PlaceEntry; ref?: 'region' | 'province'; span: Span } | null, inTitle: boolean): RawFigure | null {
    const marks = this.marks;
    const m = marks[k]!;
    const q = m.q!;
    // "28 tỉnh, thành phố khu vực phía Bắc": the region's size, not a figure
    for (let j = k + 1; j < Math.min(m1, k + 3); j++) if (get(marks[j], 'place')?.place.kind === 'region') return null;
    const prevTok = this.toks[m.i - 1];
    if (prevTok && /^(cua|tai|cac|nhom|top|trong|o|voi)$/.test(prevTok.f) && q.of === undefined) return null;
    // predicate window: up to the next figure outside parentheses, a ";" or the sentence end
    let depth = 0;
    let winEnd = m.j;
    const windowMarks: number[] = [];
    for (let j = k + 1; j < m1; j++) {
      const x = marks[j]!;
      if (x.type === 'punct' && x.ch === '(') { depth++; continue; }
      if (x.type === 'punct' && x.ch === ')') { depth = Math.max(0, depth - 1); continue; }
      if (depth > 0) continue;
      if (x.type === 'punct' && (x.ch === ';' || x.ch === '.')) break;
      if (x.type === 'qty' && x.q?.implied === 'fam:provinces' && !/^(nhom|top)$/.test(this.toks[x.i - 1]?.f ?? '')) break;
      if (x.type === 'qty') {
        // a threshold "tăng trên 10%" is part of the predicate
        const b1 = this.toks[x.q!.numStart - 1]?.f ?? '';
        if (x.q!.dim === 'pct' && /^(tren|hon|tu|vuot)$/.test(b1)) { windowMarks.push(j); winEnd = x.j; continue; }
        if (x.q!.implied === 'fam:provinces') { windowMarks.push(j); winEnd = x.j; continue; }
        break;
      }
      windowMarks.push(j);
      winEnd = x.j;
      if (windowMarks.length > 30) break;
    }
    const pred = this.fold(m.j, winEnd);
    const hasPred = /\b(tang|giam|co muc|dat|xep|cao hon|thap hon|vuot|hoan thanh|co chi so|co toc do|nam trong|thuoc|dung)\b/.test(pred);
    if (!hasPred) return null;
    const above = /(cao hon|lon hon|vuot|tren) (muc )?(tang )?(truong )?(binh quan|trung binh|chung|ca nuoc|cua ca nuoc|cua khu vuc|khu vuc|muc tang)/.test(pred)
      || /(tang|tang truong|muc tang|toc do tang|toc do tang truong) (tren|hon|cao hon|vuot)( muc)? \d/.test(pred)
      || /cao hon muc tang/.test(pred);
    // names: after "gồm", "là", "như", ":" — skipping parenthetical figures
    let names: string[] | null = null;
    let lastConsumed = k;
    depth = 0;
    for (let j = k + 1; j < m1; j++) {
      const x = marks[j]!;
      if (x.type === 'punct' && x.ch === '(') { depth++; continue; }
      if (x.type === 'punct' && x.ch === ')') { depth = Math.max(0, depth - 1); continue; }
      if (depth > 0) continue;
      if (x.type === 'qty' && x.q?.implied === 'fam:provinces' && !/^(nhom|top)$/.test(this.toks[x.i - 1]?.f ?? '')) break;
      if (has(x, 'list') || (x.type === 'punct' && x.ch === ':') || (x.type === 'lex' && /^(la|gom)$/.test(this.fold(x.i, x.j)))) {
        const list: string[] = [];
        let e = j + 1;
        for (; e < m1; e++) {
          const y = marks[e]!;
          const pl = get(y, 'place');
          if (pl) { list.push(pl.place.name); lastConsumed = e; continue; }
          if (y.type === 'punct' && (y.ch === ',' || y.ch === ':')) continue;
          if (y.type === 'lex' && /^(va|tinh|thanh pho)$/.test(this.fold(y.i, y.j))) continue;
          if (y.type === 'word' && /^(va|tinh)$/.test(this.toks[y.i]!.f)) continue;
          break;
        }
        if (list.length) { names = list; break; }
      }
    }
    for (const j of windowMarks) if (j <= Math.max(lastConsumed, windowMarks[windowMarks.length - 1] ?? k)) {
      const x = marks[j]!;
      if (x.type === 'qty' || get(x, 'place') || x.type === 'lex') consumed.add(j);
    }
    for (let j = k + 1; j <= lastConsumed; j++) if (get(marks[j], 'place')) consumed.add(j);
    const place = this.resolvePlace(sentPlace);
    const per = this.periodFor(false, false, false, 0);
    const ofN = q.of ?? (place?.entry.kind === 'region' ? this.ctx.regionSize.get(place.entry.id) ?? null : null);
    const labelText = this.txt({ s: this.toks[m.i]!.s, e: this.toks[Math.max(m.j, winEnd) - 1]!.e });
    const fig: RawFigure = {
      indicator: above ? 'provinces_above_average' : 'other',
      ...(above ? {} : { label: labelText }),
      place, period: per.p, periodVia: per.via, periodInferred: per.inferred,
      value: q.value, unit: above ? 'tỉnh' : (q.noun ?? 'tỉnh'), dim: 'count', base: q.value,
      growth: null, pct: null, status: 'reported', qualifier: null,
      of: ofN, names,
      quote: { s: this.toks[m.i]!.s, e: this.toks[Math.max(m.j, winEnd) - 1]!.e },
      spans: { indicator: { s: this.toks[m.i]!.s, e: this.toks[Math.max(m.j, winEnd) - 1]!.e }, ...(place?.span ? { place: place.span } : {}), ...(per.span ? { period: per.span } : {}) },
      inTitle, stock: false, rule: 'province-count', sent: this.sentIdx,
    };
    void m0; void s;
    return fig;
  }
}

interface CmpCtx { k: number; m1: number; consumed: number[]; quoteEnd: number }

type RoleKind = 'level' | 'growth' | 'planpct' | 'plangrowth' | 'planlevel' | 'other';
interface Role {
  kind: RoleKind;
  value: number;
  unit?: string;
  dim?: Dim;
  qual?: Qual;
  consumed: number[];
  quoteEnd: number;
  status?: Status;
  statusSpan?: Span;
  labelHint?: string;
  objectEnd?: number;
  shift?: number;
}

