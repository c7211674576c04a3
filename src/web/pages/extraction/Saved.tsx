// After saving: each figure as saved, with the way to its source (the figure's revision history, which
// names the document and the sentence) and to the document with everything read from it.
import { Link } from 'wouter';
import { formatGrowth, formatNumber } from '../../fmt.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTitle, useTo } from '../../nav.ts';
import type { Catalogue } from './catalogue.ts';
import { EXTRACTION_DICT } from './i18n.ts';
import type { AcceptFigure } from './model.ts';

export function Saved({ document, figures, cat, onAgain }: { document: string; figures: AcceptFigure[]; cat: Catalogue; onAgain: () => void }) {
  const t = useDict(EXTRACTION_DICT);
  const { lang } = useLang();
  const to = useTo();
  useTitle(t.savedTitle);
  const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang) : '—');
  return (
    <>
      <h2 className="section-title">{t.savedTitle}</h2>
      <p className="lead" role="status" data-testid="saved-lead">{t.savedLead(figures.length)}</p>
      <p><Link href={to(`/documents/${encodeURIComponent(document)}`)} data-testid="document-link">{t.openDocument} →</Link></p>
      <div className="table-wrap">
        <table className="data" data-testid="saved-table">
          <thead>
            <tr>
              <th scope="col">{t.indicator}</th><th scope="col">{t.place}</th><th scope="col">{t.period}</th>
              <th scope="col" className="num">{t.value}</th><th scope="col" className="num">{t.growth}</th>
              <th scope="col">{t.status}</th><th scope="col">{t.sourceSentence}</th><th scope="col"><span className="sr-only">{t.trace}</span></th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f, k) => {
              const what = `${cat.indicatorName(f.indicator)} — ${cat.placeName(f.place)} — ${cat.periodName(f.period)}`;
              return (
                <tr key={k} data-indicator={f.indicator} data-place={f.place}>
                  <th scope="row">{cat.indicatorName(f.indicator)}</th>
                  <td>{cat.placeName(f.place)}</td>
                  <td>{cat.periodName(f.period)}</td>
                  <td className="num">{f.qualifier ? `${f.qualifier} ` : ''}{num(f.value)} {f.value !== null && f.unit ? cat.unitName(f.indicator, f.unit) : ''}</td>
                  <td className="num">{typeof f.growth_pct === 'number' ? formatGrowth(f.growth_pct, lang, { trim: true }) : '—'}</td>
                  <td>{t.statusName(f.status)}</td>
                  <td lang="vi" className="quote">{f.quote}</td>
                  <td className="nowrap">
                    <Link href={to('/extraction/trace', { place: f.place, indicator: f.indicator, period: f.period, status: f.status })}
                      aria-label={t.traceOf(what)} data-testid="trace-link">{t.trace}</Link>
                    {cat.isRegion(f.place) && <> · <Link href={to(`/figure/${f.place}/${f.indicator}`, { period: f.period })}>{t.regionTrace}</Link></>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p><button type="button" className="btn primary" onClick={onAgain}>{t.readAgain}</button></p>
    </>
  );
}
