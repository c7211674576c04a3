// One reading: what was read (indicator, place, period, value and unit, growth, % of plan, status,
// qualifier), how sure it is and why, the words it came from; corrected in place, dropped or restored.
import { useId, type ReactNode } from 'react';
import { formatGrowth, formatNumber } from '../../fmt.ts';
import { useDict, useLang } from '../../i18n.ts';
import { PeriodPicker } from '../../components/Pickers.tsx';
import type { Catalogue } from './catalogue.ts';
import { EXTRACTION_DICT } from './i18n.ts';
import { readNumber, type Draft, type DraftField, type Reading, type Status } from './model.ts';

export type FieldErrors = Partial<Record<DraftField | 'status', string>>;

export function ReadingCard({ n, reading, draft, cat, editing, errors, selected, onChange, onEdit, onSelect }: {
  n: number;
  reading: Reading;
  draft: Draft;
  cat: Catalogue;
  editing: boolean;
  errors: FieldErrors;
  selected: boolean;
  onChange: (patch: Partial<Draft>) => void;
  onEdit: (on: boolean) => void;
  onSelect: () => void;
}) {
  const t = useDict(EXTRACTION_DICT);
  const { lang } = useLang();
  const r = reading;
  const num = (s: string, suffix = '') => {
    const v = readNumber(s, lang);
    return v === null || Number.isNaN(v) ? null : `${formatNumber(v, lang)}${suffix}`;
  };
  const value = num(draft.value);
  const g = readNumber(draft.growth, lang);
  const growth = g === null || Number.isNaN(g) ? null : formatGrowth(g, lang, { trim: true });
  const plan = num(draft.pctOfPlan, '%');
  const storable = !!draft.indicator && !!cat.indicator(draft.indicator);
  const e = r.explain;
  const why: string[] = [];
  if (e.indicator) why.push(t.fromWords(t.indicator, e.indicator.text));
  if (e.place) why.push('start' in e.place ? t.fromWords(t.place, e.place.text) : t.placeVia(e.place.via, e.place.text));
  if (e.period) why.push('start' in e.period ? t.fromWords(t.period, e.period.text) : t.periodVia(e.period.via, cat.periodName(r.period ?? '')));
  if (e.status) why.push(t.fromWords(t.status, e.status.text));
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <article id={`reading-${n}`} className={`reading-card conf-${r.confidence.level}${draft.dropped ? ' dropped' : ''}${selected ? ' selected' : ''}${hasErrors ? ' has-error' : ''}`}
      data-testid="reading" data-indicator={draft.indicator || r.indicator} data-reading={n} tabIndex={-1} onFocus={onSelect}>
      <header className="reading-head">
        <span className="reading-no" aria-hidden="true">{n}</span>
        <h3 className="reading-title">
          <span className="sr-only">{t.reading(n)}: </span>
          {cat.indicatorName(draft.indicator || r.indicator, r.label ?? r.product)}
          {draft.edited && <span className="tag">{t.edited}</span>}
        </h3>
        <span className={`confidence conf-${r.confidence.level}`} data-testid="confidence">{t.confidence}: {t.confidenceName(r.confidence.level)}</span>
      </header>
      <dl className="reading-facts">
        <div><dt>{t.place}</dt><dd data-field="place">{draft.place ? cat.placeName(draft.place) : r.scope ?? '—'}</dd></div>
        <div><dt>{t.period}</dt><dd data-field="period">{draft.period ? cat.periodName(draft.period) : '—'}</dd></div>
        <div><dt>{t.value}</dt><dd data-field="value">{value ? `${draft.qualifier ? `${draft.qualifier} ` : ''}${value} ${cat.unitName(draft.indicator, draft.unit)}` : '—'}</dd></div>
        {growth && <div><dt>{t.growth}</dt><dd data-field="growth">{growth}</dd></div>}
        {plan && <div><dt>{t.pctOfPlan}</dt><dd data-field="pctOfPlan">{plan}</dd></div>}
        <div><dt>{t.status}</dt><dd data-field="status">{t.statusName(draft.status)}</dd></div>
      </dl>
      <blockquote lang="vi" className="reading-quote">{r.quote}</blockquote>
      {!storable && <p className="note small">{r.indicator === 'other' ? t.notInCatalogue : lang === 'vi' ? r.proposal.reasonVi : r.proposal.reasonEn}</p>}
      <details className="reading-why">
        <summary>{t.why}</summary>
        <ul>
          {why.map((w, k) => <li key={k}>{w}</li>)}
          {r.confidence.reasons.map((x, k) => <li key={`c${k}`}>{lang === 'vi' ? x.vi : x.en}</li>)}
        </ul>
      </details>
      {hasErrors && !editing && <p className="field-error" role="alert">{Object.values(errors).join(' ')}</p>}
      <div className="reading-actions">
        {draft.dropped ? (
          <>
            <span className="muted small">{t.dropped}</span>
            <button type="button" className="btn small" onClick={() => onChange({ dropped: false })}>{t.restore}</button>
          </>
        ) : (
          <>
            <button type="button" className="btn small" aria-expanded={editing} onClick={() => onEdit(!editing)} data-testid="edit">{editing ? t.doneEditing : t.edit}</button>
            <button type="button" className="btn small danger" onClick={() => { onEdit(false); onChange({ dropped: true }); }} data-testid="drop">{t.drop}</button>
          </>
        )}
      </div>
      {editing && !draft.dropped && <ReadingEditor n={n} draft={draft} written={r.unit ?? ''} cat={cat} errors={errors} onChange={onChange} />}
    </article>
  );
}

function ReadingEditor({ n, draft, written, cat, errors, onChange }: {
  n: number; draft: Draft; written: string; cat: Catalogue; errors: FieldErrors; onChange: (patch: Partial<Draft>) => void;
}) {
  const t = useDict(EXTRACTION_DICT);
  const { lang } = useLang();
  const set = (patch: Partial<Draft>) => onChange({ ...patch, edited: true });
  const regions = cat.places.filter((p) => p.group === 'region');
  const provinces = cat.places.filter((p) => p.group === 'province');
  return (
    <fieldset className="reading-editor">
      <legend className="sr-only">{t.edit}: {t.reading(n)}</legend>
      <Field label={t.indicator} error={errors.indicator}>
        {(id, desc) => (
          <select id={id} value={draft.indicator} onChange={(e) => set({ indicator: e.target.value })} aria-describedby={desc} aria-invalid={!!errors.indicator || undefined} data-testid="edit-indicator">
            <option value="">{t.choose}</option>
            {cat.indicators.map((i) => <option key={i.code} value={i.code}>{lang === 'vi' ? i.name_vi : i.name_en}</option>)}
          </select>
        )}
      </Field>
      <Field label={t.place} error={errors.place}>
        {(id, desc) => (
          <select id={id} value={draft.place} onChange={(e) => set({ place: e.target.value })} aria-describedby={desc} aria-invalid={!!errors.place || undefined} data-testid="edit-place">
            <option value="">{t.choose}</option>
            <optgroup label={t.place}>
              {regions.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </optgroup>
            <optgroup label="—">
              {provinces.map((p) => <option key={p.id} value={p.id}>{p.until ? `${p.name} (${t.formerUnit(p.until)})` : p.name}</option>)}
            </optgroup>
          </select>
        )}
      </Field>
      <div className={`field${errors.period ? ' has-error' : ''}`}>
        <PeriodPicker value={draft.period} onChange={(code) => set({ period: code })} idPrefix={`reading-${n}-period`} compact />
        {!draft.period && <p className="muted small">{t.noPeriod}</p>}
        {errors.period && <p className="field-error" role="alert">{errors.period}</p>}
      </div>
      <div className="reading-editor-row">
        <Field label={t.value} error={errors.value}>
          {(id, desc) => <input id={id} inputMode="decimal" value={draft.value} onChange={(e) => set({ value: e.target.value })} aria-describedby={desc} aria-invalid={!!errors.value || undefined} data-testid="edit-value" />}
        </Field>
        <Field label={t.unit}>
          {(id) => (
            <select id={id} value={draft.unit} onChange={(e) => set({ unit: e.target.value })} data-testid="edit-unit">
              {cat.unitsOf(draft.indicator, draft.unit || written).map((u) => <option key={u} value={u}>{cat.unitName(draft.indicator, u)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t.qualifier}>
          {(id) => (
            <select id={id} value={draft.qualifier} onChange={(e) => set({ qualifier: e.target.value as Draft['qualifier'] })}>
              <option value="">{t.noQualifier}</option>
              {(['hơn', 'trên', 'gần', 'khoảng'] as const).map((q) => <option key={q} value={q} lang="vi">{q}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="reading-editor-row">
        <Field label={t.growth} error={errors.growth}>
          {(id, desc) => <input id={id} inputMode="decimal" value={draft.growth} onChange={(e) => set({ growth: e.target.value })} aria-describedby={desc} aria-invalid={!!errors.growth || undefined} />}
        </Field>
        <Field label={t.pctOfPlan} error={errors.pctOfPlan}>
          {(id, desc) => <input id={id} inputMode="decimal" value={draft.pctOfPlan} onChange={(e) => set({ pctOfPlan: e.target.value })} aria-describedby={desc} aria-invalid={!!errors.pctOfPlan || undefined} />}
        </Field>
        <Field label={t.status} error={errors.status}>
          {(id, desc) => (
            <select id={id} value={draft.status} onChange={(e) => set({ status: e.target.value as Status })} aria-describedby={desc} data-testid="edit-status">
              {(['estimate', 'official', 'plan'] as Status[]).map((s) => <option key={s} value={s}>{t.statusName(s)}</option>)}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}

function Field({ label, error, children }: { label: string; error?: string; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, error ? `${id}-err` : undefined)}
      {error && <p className="field-error" id={`${id}-err`} role="alert">{error}</p>}
    </div>
  );
}
