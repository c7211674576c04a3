// Completeness and timeliness of a period, nationally and per region: how many provinces reported,
// how many on time, who was late and by how long, who has not reported.
import { qs, useApi } from '../../api.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { dateLabel, formatNumber, pct } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useTitle } from '../../nav.ts';
import { CollectionPage, SelectionBar, useProvinceName, useSelection, useT, type Selection } from './common.tsx';
import type { Completeness } from './types.ts';

export function CompletenessPage() {
  const t = useT();
  useTitle(t.completenessTitle);
  return (
    <CollectionPage title={t.completenessTitle} wide>
      <CompletenessView />
    </CollectionPage>
  );
}

function CompletenessView() {
  const t = useT();
  const { sel, datasets, calendar, error, retry } = useSelection();
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!sel) return <Loading lines={4} />;
  return (
    <>
      <p className="lead">{t.completenessIntro}</p>
      <SelectionBar sel={sel} datasets={datasets} calendar={calendar} />
      <CompletenessTable sel={sel} />
    </>
  );
}

type Summary = Completeness['national'];

function CompletenessTable({ sel }: { sel: Selection }) {
  const t = useT();
  const { lang } = useLang();
  const c = useApi<Completeness>(`/api/collection/completeness${qs({ dataset: sel.dataset, period: sel.period })}`);
  const provinceName = useProvinceName();
  if (c.error) return <ErrorBox error={c.error} retry={c.retry} />;
  if (!c.data) return <Loading lines={6} />;
  const d = c.data;
  const rows: Array<[string, string, Summary]> = [
    ['national', t.national, d.national],
    ...d.regions.map((r): [string, string, Summary] => [r.region, lang === 'vi' ? r.name_vi : r.name_en, r]),
  ];
  const n = (x: number) => formatNumber(x, lang, { decimals: 0 });
  return (
    <section className="panel" aria-labelledby="ct-comp-title">
      <div className="panel-head">
        <h2 id="ct-comp-title" className="panel-title">{lang === 'vi' ? d.period_vi : d.period_en}</h2>
        <p className="small muted">{t.deadline}: {dateLabel(d.deadline, lang)}</p>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="completeness">
          <thead>
            <tr>
              <th scope="col">{t.region}</th><th scope="col" className="num">{t.expected}</th><th scope="col" className="num">{t.reported}</th>
              <th scope="col" className="num">{t.completenessPct}</th><th scope="col" className="num">{t.onTime}</th><th scope="col" className="num">{t.lateCount}</th>
              <th scope="col" className="num">{t.avgDaysLate}</th><th scope="col" className="num">{t.approvedCount}</th><th scope="col">{t.missingList}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, name, s]) => (
              <tr key={id} data-region={id}>
                <th scope="row">{name}</th>
                <td className="num">{n(s.expected)}</td>
                <td className="num">{n(s.reported)}</td>
                <td className="num">{pct(s.completeness_pct, lang, 1)}</td>
                <td className="num">{n(s.on_time)}</td>
                <td className="num">{n(s.late)}</td>
                <td className="num">{formatNumber(s.average_days_late, lang, { decimals: 1 })}</td>
                <td className="num">{n(s.approved)}</td>
                <td className="small">
                  {s.late_provinces.length > 0 && <p>{t.lateList}: {s.late_provinces.map((x) => `${provinceName(x.province, x.name_vi)} (${t.daysLate(x.days_late)})`).join('; ')}</p>}
                  {s.missing_provinces.length > 0 && (
                    <details><summary>{t.missingCount(s.missing_provinces.length)}</summary>{s.missing_provinces.map((x) => provinceName(x.province, x.name_vi)).join(', ')}</details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
