// A figure's source (/extraction/trace?place=&indicator=&period=&status=): every revision of one value,
// latest first, each with who wrote it, how, and the document and sentence it came from.
import { Link } from 'wouter';
import { qs, useApi, type Revision } from '../../api.ts';
import { dateTimeLabel, formatGrowth, formatNumber } from '../../fmt.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useQuery, useTitle, useTo } from '../../nav.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useCatalogue } from './catalogue.ts';
import { EXTRACTION_DICT } from './i18n.ts';

interface History { place: string; indicator: string; period: string; unit: string; revisions: Revision[] }

export function FigureSource() {
  const t = useDict(EXTRACTION_DICT);
  const { lang } = useLang();
  const to = useTo();
  const q = useQuery();
  const place = q.get('place') ?? '';
  const indicator = q.get('indicator') ?? '';
  const period = q.get('period') ?? '';
  const status = q.get('status') ?? 'official';
  const cat = useCatalogue(lang);
  useTitle(t.traceTitle);
  const ok = !!place && !!indicator && !!period;
  const h = useApi<History>(ok ? `/api/values/history${qs({ place, indicator, period, status })}` : null);
  if (!ok) return <div className="page"><Empty title={t.traceTitle}><p>{t.badTraceLink}</p></Empty></div>;
  if (h.error) return <div className="page"><ErrorBox error={h.error} retry={h.retry} /></div>;
  if (!h.data) return <div className="page"><Loading lines={5} /></div>;
  const d = h.data;
  const value = (v: number | null, unit: string) => (v === null ? '—' : `${formatNumber(v, lang)} ${unit}`);
  return (
    <div className="page figure-source">
      <p className="breadcrumb"><Link href={to('/extraction')}>← {t.title}</Link></p>
      <h1 className="page-title">{t.traceTitle}</h1>
      <p className="lead" data-testid="figure-what">
        {cat.indicatorName(d.indicator)} — {cat.placeName(d.place)} — {cat.periodName(d.period)} ({t.statusName(status)})
      </p>
      <section className="panel">
        <h2 className="panel-title">{t.revisions}</h2>
        {!d.revisions.length ? <p>{t.noHistory}</p> : (
          <ol className="revisions">
            {d.revisions.map((r) => (
              <li key={r.version} data-testid="revision" data-document={r.source_document ?? ''}>
                <p>
                  <strong className="num">{r.qualifier ? `${r.qualifier} ` : ''}{value(r.value, d.unit)}</strong>
                  {r.growth_pct !== null && <> · {formatGrowth(r.growth_pct, lang, { trim: true })}</>}
                  {r.current && <> · <span className="tag">{t.current}</span></>}
                </p>
                <p className="muted small">
                  {t.revisionAt}: {dateTimeLabel(r.at, lang)} · {t.revisionKind}: {t.kindName(r.kind)}{r.actor ? <> · {t.revisionBy}: {r.actor}</> : null}
                </p>
                {r.source_document && <p><Link href={to(`/documents/${encodeURIComponent(r.source_document)}`)}>{t.openDocument}</Link></p>}
                {r.source_quote && <blockquote lang="vi" data-testid="revision-quote">{r.source_quote}</blockquote>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
