// The region and period pickers (always visible on the dashboard) and the indicator picker.
import { useId, useState } from 'react';
import type { Indicator, RegionBrief } from '../api.ts';
import { makePeriod, periodCode, toRoman, tryParseCode, type PeriodKind } from '../fmt.ts';
import { useLang } from '../i18n.ts';

const KINDS: PeriodKind[] = ['month', 'quarter', 'half', 'ytd', 'year'];

function numbersOf(kind: PeriodKind): number[] {
  if (kind === 'month') return Array.from({ length: 12 }, (_, i) => i + 1);
  if (kind === 'quarter') return [1, 2, 3, 4];
  if (kind === 'half') return [1, 2];
  if (kind === 'ytd') return Array.from({ length: 10 }, (_, i) => i + 2);
  return [];
}

function shift(kind: PeriodKind, year: number, n: number, by: -1 | 1): { year: number; n: number } {
  if (kind === 'year') return { year: year + by, n: 0 };
  const nums = numbersOf(kind);
  const i = nums.indexOf(n) + by;
  if (i < 0) return { year: year - 1, n: nums[nums.length - 1]! };
  if (i >= nums.length) return { year: year + 1, n: nums[0]! };
  return { year, n: nums[i]! };
}

function safeCode(kind: PeriodKind, year: number, n: number): string | null {
  try {
    return periodCode(makePeriod(kind, year, kind === 'year' ? 0 : n));
  } catch {
    return null;
  }
}

export function PeriodPicker({ value, onChange, idPrefix, compact = false }: {
  value: string;
  onChange: (code: string) => void;
  idPrefix?: string;
  compact?: boolean;
}) {
  const { t } = useLang();
  const auto = useId();
  const id = idPrefix ?? auto;
  const parsed = tryParseCode(value) ?? makePeriod('year', new Date().getFullYear() - 1);
  const [pref, setPref] = useState<{ kind: PeriodKind; n: number } | null>(null);
  const shown = pref && safeCode(pref.kind, parsed.year, pref.n) === value ? pref : { kind: parsed.kind, n: parsed.n };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 2 - 2000 }, (_, i) => thisYear + 1 - i);
  const label = (kind: PeriodKind, n: number) =>
    kind === 'month' ? t.month(n) : kind === 'quarter' ? t.quarter(toRoman(n)) : kind === 'half' ? t.half(n) : t.ytd(n);
  const pick = (kind: PeriodKind, year: number, n: number) => {
    const nums = numbersOf(kind);
    const nn = kind === 'year' ? 0 : nums.includes(n) ? n : nums[nums.length - 1]!;
    const code = safeCode(kind, year, nn);
    if (!code) return;
    setPref({ kind, n: nn });
    onChange(code);
  };
  const step = (by: -1 | 1) => {
    const s = shift(shown.kind, parsed.year, shown.n, by);
    pick(shown.kind, s.year, s.n);
  };
  return (
    <fieldset className={`period-picker${compact ? ' compact' : ''}`}>
      <legend>{t.period}</legend>
      <button type="button" className="btn icon pp-prev" onClick={() => step(-1)} aria-label={t.previousPeriod} title={t.previousPeriod}>‹</button>
      <label htmlFor={`${id}-kind`} className="sr-only">{t.periodKind}</label>
      <select className="pp-kind" id={`${id}-kind`} value={shown.kind} onChange={(e) => pick(e.target.value as PeriodKind, parsed.year, shown.n)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {k === 'month' ? t.kindMonth : k === 'quarter' ? t.kindQuarter : k === 'half' ? t.kindHalf : k === 'ytd' ? t.kindYtd : t.kindYear}
          </option>
        ))}
      </select>
      {shown.kind !== 'year' && (
        <>
          <label htmlFor={`${id}-n`} className="sr-only">{t.periodNumber}</label>
          <select className="pp-n" id={`${id}-n`} value={shown.n} onChange={(e) => pick(shown.kind, parsed.year, Number(e.target.value))}>
            {numbersOf(shown.kind).map((n) => <option key={n} value={n}>{label(shown.kind, n)}</option>)}
          </select>
        </>
      )}
      <label htmlFor={`${id}-year`} className="sr-only">{t.year}</label>
      <select className="pp-year" id={`${id}-year`} value={parsed.year} onChange={(e) => pick(shown.kind, Number(e.target.value), shown.n)}>
        {years.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
      <button type="button" className="btn icon pp-next" onClick={() => step(1)} aria-label={t.nextPeriod} title={t.nextPeriod}>›</button>
    </fieldset>
  );
}

export function regionName(r: { short_vi: string; short_en: string; name_vi: string; name_en: string }, lang: 'vi' | 'en', long = false): string {
  return lang === 'vi' ? (long ? r.name_vi : r.short_vi) : (long ? r.name_en : r.short_en);
}

export function RegionPicker({ regions, value, onChange }: { regions: RegionBrief[]; value: string; onChange: (id: string) => void }) {
  const { t, lang } = useLang();
  const id = useId();
  const known = regions.some((r) => r.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t.region}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        {regions.map((r) => <option key={r.id} value={r.id}>{regionName(r, lang, true)}</option>)}
      </select>
    </div>
  );
}

export function IndicatorPicker({ indicators, value, onChange, label }: {
  indicators: Indicator[];
  value: string;
  onChange: (code: string) => void;
  label?: string;
}) {
  const { t, lang } = useLang();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t.indicator}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {indicators.map((i) => <option key={i.code} value={i.code}>{lang === 'vi' ? i.name_vi : i.name_en}</option>)}
      </select>
    </div>
  );
}
