// One report: the choice (type, place, period, language) kept in the URL, the preview written by the
// server, and the files to download. An error from the API is shown next to the field it is about.
import { useEffect, useId, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { qs, useApi, type RegionBrief, type UnitBrief } from '../../api.ts';
import { dateLabel, endDate, tryParseCode } from '../../fmt.ts';
import { useDict, useLang, type Lang } from '../../i18n.ts';
import { buildHref, useQuery, useSetQuery, useTitle, useTo } from '../../nav.ts';
import { regionName, PeriodPicker } from '../../components/Pickers.tsx';
import { Empty, ErrorBox, Loading, errorText } from '../../components/States.tsx';
import { asMonth, missingPlace, normalPeriod, placeField, reportUrl, type Choice, type Field, type Format, type ReportType } from './choice.ts';
import { useReport } from './Preview.tsx';
import { ReportView } from './ReportView.tsx';
import { REPORTS_DICT } from './i18n.ts';

export interface TypesAnswer { types: ReportType[]; formats: string[] }
const FILES: Format[] = ['docx', 'pdf', 'xlsx'];

/** The period the page opens on when the link names none: the latest one with a regional figure. */
export function useLatest(): { region: string; period: string } | null | undefined {
  const latest = useApi<{ region: string; period: string }>('/api/analytics/latest');
  if (latest.error) return null;
  return latest.data;
}

export function ReportPage({ type }: { type: string }) {
  const { t: g, lang } = useLang();
  const t = useDict(REPORTS_DICT);
  const q = useQuery();
  const setQuery = useSetQuery();
  const [, navigate] = useLocation();
  const to = useTo();
  const types = useApi<TypesAnswer>('/api/reports');
  const latest = useLatest();
  const rt = types.data?.types.find((x) => x.type === type);
  const needs = rt?.needs;
  const rlang = q.get('rlang');
  const choice: Choice = {
    type, region: q.get('region') ?? '', province: q.get('province') ?? '',
    period: normalPeriod(q.get('period') ?? ''), lang: rlang === 'vi' || rlang === 'en' ? rlang : lang,
  };
  useTitle(`${t.typeName(type)} · ${t.title}`);

  // Fill what the link leaves out (the latest period, its region) and write periods as codes.
  useEffect(() => {
    if (latest === undefined) return;
    const patch: Record<string, string> = {};
    const raw = q.get('period') ?? '';
    if (!raw) patch.period = latest ? latest.period : String(new Date().getFullYear() - 1);
    else if (choice.period !== raw) patch.period = choice.period;
    if (type === 'monthly' && patch.period) patch.period = asMonth(patch.period);
    if (needs === 'region' && !choice.region && latest && !q.has('region')) patch.region = latest.region;
    if (Object.keys(patch).length) setQuery(patch);
  }, [latest, needs, q.toString()]);

  const end = tryParseCode(choice.period) ? endDate(tryParseCode(choice.period)!) : null;
  const regions = useApi<{ regions: RegionBrief[] }>(`/api/regions${qs({ date: end })}`);
  const provinces = useApi<{ units: UnitBrief[] }>(needs === 'province' ? `/api/units${qs({ level: 'province', date: end })}` : null);

  const lacking = missingPlace(choice, needs);
  const ready = !!rt && !!choice.period && !lacking;
  const previewUrl = ready ? reportUrl(choice, needs, 'html') : null;
  const preview = useReport(ready ? reportUrl(choice, needs, 'json') : null, choice, needs);
  const failure = preview.failure;
  const fieldError = (f: Field): string | null => {
    if (failure?.field !== f) return null;
    if (failure.unreadablePeriod !== null) return t.periodUnreadable(failure.unreadablePeriod);
    const e = failure.error;
    return (lang === 'vi' ? e.messageVi || e.messageEn : e.messageEn || e.messageVi) || errorText(e, lang, g);
  };

  if (types.error) return <div className="page"><ErrorBox error={types.error} retry={types.retry} /></div>;
  if (!types.data) return <div className="page"><Loading lines={6} /></div>;
  if (!rt) {
    return (
      <div className="page">
        <h1 className="page-title">{g.notFoundTitle}</h1>
        <Empty title={t.typeName(type)}><p><Link href={to('/reports')}>← {t.title}</Link></p></Empty>
      </div>
    );
  }

  const chooseType = (next: string) => {
    const nextNeeds = types.data!.types.find((x) => x.type === next)?.needs;
    const period = next === 'monthly' ? asMonth(choice.period) : choice.period;
    const place = nextNeeds === 'province' ? { province: choice.province } : { region: choice.region || (nextNeeds === 'region' ? latest?.region : '') };
    navigate(buildHref(`/reports/${next}`, { ...place, period, rlang }, lang));
  };
  const sorted = <T extends { short_vi: string; short_en: string }>(xs: T[]) =>
    [...xs].sort((a, b) => (lang === 'vi' ? a.short_vi.localeCompare(b.short_vi, 'vi') : a.short_en.localeCompare(b.short_en, 'en')));
  const title = t.typeName(type);
  const placeName = placeField(needs);

  return (
    <div className="page reports">
      <p className="breadcrumb"><Link href={to('/reports')}>← {t.title}</Link></p>
      <h1 className="page-title">{title}</h1>
      <p className="lead">{lang === 'vi' ? rt.vi : rt.en}</p>

      <form className="panel report-choice" aria-label={t.choice} onSubmit={(e) => e.preventDefault()}>
        <div className="segmented report-types" role="radiogroup" aria-label={t.type}>
          <span className="label-like" aria-hidden="true">{t.type}</span>
          {types.data.types.map((x) => (
            <label key={x.type} className={x.type === type ? 'on' : ''}>
              <input type="radio" name="report-type" value={x.type} checked={x.type === type} onChange={() => chooseType(x.type)} />
              {t.typeName(x.type)}
            </label>
          ))}
        </div>
        <div className="report-fields">
          {placeName === 'province' ? (
            <Select label={t.province} name="province" value={choice.province} error={fieldError('province')}
              hint={lacking === 'province' ? t.needProvince : end ? t.provincesOn(dateLabel(end, lang)) : null}
              onChange={(v) => setQuery({ province: v })}
              options={[['', t.chooseProvince], ...sorted(provinces.data?.units ?? []).map((u): [string, string] => [u.id, lang === 'vi' ? u.short_vi : u.short_en])]} />
          ) : (
            <Select label={t.region} name="region" value={choice.region} error={fieldError('region')}
              hint={lacking === 'region' ? t.needRegion : null}
              onChange={(v) => setQuery({ region: v })}
              options={[['', needs === 'region?' ? t.allRegions : t.chooseRegion], ...(regions.data?.regions ?? []).map((r): [string, string] => [r.id, regionName(r, lang, true)])]} />
          )}
          <FieldWithError error={fieldError('period')} hint={type === 'monthly' ? t.monthHint : null} wide>
            {(describedBy) => (
              <div className="report-period" aria-describedby={describedBy} data-field="period">
                <PeriodPicker value={choice.period} onChange={(code) => setQuery({ period: code })} idPrefix="report-period" />
              </div>
            )}
          </FieldWithError>
          <div className="segmented" role="radiogroup" aria-label={t.reportLang}>
            <span className="label-like" aria-hidden="true">{t.reportLang}</span>
            {(['vi', 'en'] as Lang[]).map((l) => (
              <label key={l} className={choice.lang === l ? 'on' : ''} lang={l}>
                <input type="radio" name="report-lang" value={l} checked={choice.lang === l}
                  onChange={() => setQuery({ rlang: l === lang ? null : l })} />
                {l === 'vi' ? t.langVi : t.langEn}
              </label>
            ))}
          </div>
        </div>
      </form>

      <section className="panel report-preview" aria-labelledby="report-preview-h">
        <div className="panel-head">
          <h2 className="panel-title" id="report-preview-h">{t.preview}</h2>
          {preview.report && previewUrl && (
            <div className="report-downloads" role="group" aria-label={t.downloads}>
              {FILES.map((f) => (
                <a key={f} className="btn" href={reportUrl(choice, needs, f)} download data-testid={`download-${f}`}>{t.download(t.formatName(f))}</a>
              ))}
              <a className="btn link" href={previewUrl} target="_blank" rel="noopener">{t.openNewTab} ↗</a>
            </div>
          )}
        </div>
        {!ready ? <Empty title={lacking === 'province' ? t.needProvince : t.needRegion} />
          : preview.loading ? <Loading label={t.generating} lines={8} />
          : failure ? (failure.field
            ? <div className="error" role="alert"><p>{t.failed}</p></div>
            : <ErrorBox error={failure.error} retry={preview.retry} />)
          : preview.report && (
            <>
              <p className="muted small">{t.figuresLinked}</p>
              <div className="report-paper" role="region" aria-label={t.previewFrame(title)}>
                <ReportView report={preview.report} uiLang={lang} />
              </div>
            </>
          )}
      </section>
    </div>
  );
}

function FieldWithError({ error, hint, wide, children }: { error: string | null; hint?: string | null; wide?: boolean; children: (describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' has-error' : ''}`}>
      {children(describedBy)}
      {hint && !error && <p className="field-hint muted small" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-err`} role="alert">{error}</p>}
    </div>
  );
}

function Select({ label, name, value, options, onChange, error, hint }: {
  label: string; name: string; value: string; options: Array<[string, string]>;
  onChange: (v: string) => void; error: string | null; hint?: string | null;
}) {
  const id = useId();
  // A value from a link that the list does not hold (an unknown place) stays visible, so its error reads right.
  const all = value && !options.some(([v]) => v === value) ? [...options, [value, value] as [string, string]] : options;
  return (
    <FieldWithError error={error} hint={hint}>
      {(describedBy) => (
        <>
          <label htmlFor={id}>{label}</label>
          <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
            {all.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
          </select>
        </>
      )}
    </FieldWithError>
  );
}
