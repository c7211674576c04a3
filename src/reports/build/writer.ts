// What every report builder shares: figure runs registered with their inputs, tables and charts
// numbered in order, missing data collected, sections numbered "I.", "1.", "a)".
import type { Reference, UnitRef, IndicatorRef } from '../../catalogue/reference.ts';
import { formatPeriod, periodCode, type Period } from '../../periods/period.ts';
import { formatNumber, joinNames, toRoman, type Lang } from '../../shared/format.ts';
import type { Facts } from '../data.ts';
import type { Block, Chart, Figure, FigureInput, FigureRun, Run, Section, Table } from '../model.ts';
import { approximateQuantity, computedQuantity, growthText, publishedQuantity, type Shown } from '../quantity.ts';
import type { Phrasebook } from '../templates/types.ts';
import { vi } from '../templates/vi.ts';
import { en } from '../templates/en.ts';

export const phrasebook = (lang: Lang): Phrasebook => (lang === 'en' ? en : vi);

const q = (s: string) => encodeURIComponent(s);

/** Period in prose. English takes an article where the phrase needs one ("the first 9 months of 2024"). */
export function periodLabel(p: Period, lang: Lang): string {
  const label = formatPeriod(p, lang);
  return lang === 'en' && /^(first|second)/.test(label) ? `the ${label}` : label;
}

export class Writer {
  readonly figures: Record<string, Figure> = {};
  readonly tables: Table[] = [];
  readonly charts: Chart[] = [];
  readonly missing: string[] = [];
  readonly t: Phrasebook;

  constructor(readonly ref: Reference, readonly lang: Lang) {
    this.t = phrasebook(lang);
  }

  indName(ind: IndicatorRef): string {
    const prose = this.lang === 'vi' ? ind.meta.prose_vi : ind.meta.prose_en;
    return typeof prose === 'string' ? prose : this.lang === 'vi' ? ind.nameVi : ind.nameEn;
  }

  shortName(ind: IndicatorRef): string {
    return this.lang === 'vi' ? ind.shortVi : ind.shortEn;
  }

  unitName(slug: string): string {
    const u = this.ref.unitsBySlug.get(slug);
    return u ? (this.lang === 'vi' ? u.shortVi : u.shortEn) : slug;
  }

  names(slugs: readonly string[]): string {
    return joinNames(slugs.map((s) => this.unitName(s)), this.lang);
  }

  /** "khu vực phía Nam" / "the Southern region"; a province by its short name. */
  placeLabel(u: UnitRef): string {
    const label = this.lang === 'vi' ? u.meta.label_vi : u.meta.label_en;
    if (typeof label === 'string') return label;
    return this.lang === 'vi' ? u.shortVi : u.shortEn;
  }

  /** The place once named: "khu vực" / "cả nước" (vi), "the region" / "the country" (en). */
  areaShort(u: UnitRef): string {
    const country = u.level === 'country';
    return this.lang === 'vi' ? (country ? 'cả nước' : 'khu vực') : country ? 'the country' : 'the region';
  }

  /** The aggregate a province is compared with: "khu vực" / "cả nước", "regional" / "national". */
  areaAdjective(u: UnitRef): string {
    const country = u.level === 'country';
    return this.lang === 'vi' ? (country ? 'cả nước' : 'khu vực') : country ? 'national' : 'regional';
  }

  /** "20 tỉnh, thành phố khu vực phía Nam" with the members in force. */
  countedLabel(u: UnitRef, n: number): string {
    const label = this.lang === 'vi' ? u.meta.label_counted_vi : u.meta.label_counted_en;
    return typeof label === 'string' ? label.replace('{n}', String(n)) : `${n} ${this.placeLabel(u)}`;
  }

  period(p: Period): string {
    return periodLabel(p, this.lang);
  }

  /** The figure behind a Facts, registered once, with the links to its inputs. */
  figure(f: Facts, extra: FigureInput[] = [], source: Figure['source'] | null = null): Figure {
    const code = periodCode(f.period);
    const id = `f-${f.place.slug}-${f.ind.code}-${code.replace('/', '-')}`;
    const hit = this.figures[id];
    if (hit) return hit;
    const inputs: FigureInput[] = [];
    const t = this.t.inputs;
    const isRegion = f.place.level === 'region' || f.place.level === 'country';
    if (isRegion) inputs.push({ label: t.regional, href: `/api/analytics/regions/${q(f.place.slug)}/indicators/${q(f.ind.code)}?period=${q(code)}&lang=${this.lang}` });
    if (f.source === 'computed' && f.regional) {
      const reported = f.regional.units.filter((u) => u.value !== null).map((u) => u.unit);
      if (reported.length) inputs.push({ label: t.provinces, href: `/api/values?place=${q(reported.join(','))}&indicator=${q(f.ind.code)}&period=${q(code)}` });
    }
    if ((f.source === 'published' || f.source === 'reported') && f.ind.aggregation !== 'derived') {
      const status = f.estimate ? 'estimate' : 'official';
      inputs.push({ label: t.history, href: `/api/values/history?place=${q(f.place.slug)}&indicator=${q(f.ind.code)}&period=${q(code)}&status=${status}` });
    }
    if (f.citation?.document) inputs.push({ label: t.document(f.citation.document), href: `/api/documents/${q(f.citation.document)}` });
    inputs.push(...extra);
    const fig: Figure = {
      id, label: `${this.indName(f.ind)} — ${this.placeLabel(f.place)} — ${this.period(f.period)}`, place: f.place.slug,
      indicator: f.ind.code, period: code, value: f.value, baseUnit: f.ind.baseUnit, growthPct: f.growthPct,
      source: source ?? (f.source === 'none' ? 'computed' : f.source), status: f.estimate ? 'estimate' : f.source === 'none' ? null : 'official',
      coverage: f.coverage, citation: f.citation, inputs,
    };
    this.figures[id] = fig;
    return fig;
  }

  run(textOf: string, fig: Figure): FigureRun {
    return { kind: 'figure', text: textOf, figure: fig.id };
  }

  /** The value as the prose prints it, or null. */
  shown(f: Facts): Shown | null {
    if (f.value === null || f.ind.aggregation === 'weighted_index' || f.ind.nature === 'index') return null;
    // A province's own figure is exact unless it came with a qualifier; a region's published one is as printed.
    const asPrinted = f.source === 'published' || (f.source === 'reported' && f.qualifier !== null);
    return asPrinted ? publishedQuantity(f.ind, f.value, f.qualifier, this.lang) : computedQuantity(f.ind, f.value, this.lang);
  }

  value(f: Facts, bare = false): Run | null {
    const s = this.shown(f);
    return s ? this.run(bare ? s.bare : s.text, this.figure(f)) : null;
  }

  growth(f: Facts): Run | null {
    return f.growthPct === null ? null : this.run(growthText(f.growthPct, this.lang), this.figure(f));
  }

  /** A quantity derived from rounded published figures: "khoảng …". */
  approx(f: Facts, value: number, extra: FigureInput[] = []): Run {
    return this.run(approximateQuantity(f.ind, value, this.lang).text, this.figure(f, extra));
  }

  exact(f: Facts, value: number): Run {
    return this.run(computedQuantity(f.ind, value, this.lang).text, this.figure(f));
  }

  pct(f: Facts, pct: number): Run {
    return this.run(`${formatPct(pct, this.lang)}`, this.figure(f));
  }

  /** Partial coverage for the sentence, null when every member reported. */
  coverage(f: Facts): { reported: number; of: number; missing: string } | null {
    if (f.source !== 'computed' || !f.coverage || f.coverage.reported === f.coverage.of) return null;
    return { reported: f.coverage.reported, of: f.coverage.of, missing: this.names(f.coverage.missing) };
  }

  noteMissing(f: Facts): void {
    const s = `${this.indName(f.ind)} (${this.period(f.period)})`;
    if (!this.missing.includes(s)) this.missing.push(s);
  }

  addTable(t: Omit<Table, 'id' | 'label'>): Table {
    const n = this.tables.length + 1;
    const table = { ...t, id: `table-${n}`, label: this.t.tables.label(n) };
    this.tables.push(table);
    return table;
  }

  addChart(c: Omit<Chart, 'id' | 'label'>): Chart {
    const n = this.charts.length + 1;
    const chart = { ...c, id: `chart-${n}`, label: this.t.charts.label(n) };
    this.charts.push(chart);
    return chart;
  }
}

// % of plan reads to at most two decimals, trailing zeros dropped ("72%", "76,12%").
const formatPct = (x: number, lang: Lang): string => `${formatNumber(x, lang, { decimals: 2 })}%`;

export const para = (runs: Run[], role: 'body' | 'missing' | 'note' = 'body'): Block => ({ kind: 'paragraph', runs, role });

export interface SectionDraft {
  title: string;
  blocks: Block[];
  sections?: SectionDraft[];
  pageBreakBefore?: boolean;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Numbers a tree of sections: level 1 "I.", level 2 "1.", level 3 "a)". */
export function numberSections(drafts: SectionDraft[], level: 1 | 2 | 3 = 1): Section[] {
  return drafts.map((d, i) => ({
    number: level === 1 ? `${toRoman(i + 1)}.` : level === 2 ? `${i + 1}.` : `${LETTERS[i % 26]})`,
    title: d.title,
    level,
    blocks: d.blocks,
    sections: d.sections?.length && level < 3 ? numberSections(d.sections, (level + 1) as 2 | 3) : [],
    pageBreakBefore: d.pageBreakBefore,
  }));
}
