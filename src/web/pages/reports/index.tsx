// The reports pages: the list of report types (/reports) and one report with its preview and files
// (/reports/:type?region=|province=&period=&rlang=). App.tsx sends /reports and /reports/* here.
import { Link, Route, Switch } from 'wouter';
import { useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTitle, useTo } from '../../nav.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { asMonth } from './choice.ts';
import { ReportPage, useLatest, type TypesAnswer } from './ReportPage.tsx';
import { REPORTS_DICT } from './i18n.ts';

function ReportTypes() {
  const { lang } = useLang();
  const t = useDict(REPORTS_DICT);
  const to = useTo();
  useTitle(t.title);
  const types = useApi<TypesAnswer>('/api/reports');
  const latest = useLatest();
  return (
    <div className="page reports">
      <h1 className="page-title">{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {types.error ? <ErrorBox error={types.error} retry={types.retry} />
        : !types.data ? <Loading lines={4} />
        : (
          <ul className="report-type-list">
            {types.data.types.map((x) => {
              const period = latest ? (x.type === 'monthly' ? asMonth(latest.period) : latest.period) : undefined;
              const params = x.needs === 'region' ? { region: latest?.region, period } : { period };
              return (
                <li key={x.type} className="panel" data-type={x.type}>
                  <h2 className="panel-title">{t.typeName(x.type)}</h2>
                  <p>{lang === 'vi' ? x.vi : x.en}</p>
                  <Link className="btn primary" href={to(`/reports/${x.type}`, params)}>{t.make}</Link>
                </li>
              );
            })}
          </ul>
        )}
    </div>
  );
}

export default function ReportRoutes() {
  return (
    <Switch>
      <Route path="/reports"><ReportTypes /></Route>
      <Route path="/reports/:type">{(p) => <ReportPage type={p.type} />}</Route>
    </Switch>
  );
}
