// A list of recommendations, page by page: who raised it, its field, the units it is assigned to with
// their due dates and states, its status and whether it is overdue. The API returns only what the
// reader may see (a province its own, a unit what is assigned to it, the public what is published).
import { Link } from 'wouter';
import { qs } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTo } from '../../nav.ts';
import { dateLabel } from '../../fmt.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { DICT } from './i18n.ts';
import { Chip, usePaged } from './shared.tsx';
import type { RecommendationList, RecommendationView } from './types.ts';

export function RecommendationTable({ query, compact = false, empty }: { query: Record<string, string | undefined>; compact?: boolean; empty?: string }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  const list = usePaged<RecommendationView, RecommendationList>(`/api/recommendations${qs({ ...query, lang })}`, (r) => r.items);
  if (list.error) return <ErrorBox error={list.error} retry={list.retry} />;
  if (list.loading && !list.items.length) return <Loading lines={4} />;
  if (!list.items.length) return <Empty title={empty ?? t.noRecommendations} />;
  return (
    <>
      <p className="muted small" data-testid="rec-count">{t.shownOf(list.items.length, list.total ?? list.items.length)}</p>
      <div className="table-wrap">
        <table className="data" data-testid="recommendation-table">
          <caption className="sr-only">{t.recommendations}</caption>
          <thead>
            <tr>
              <th scope="col">{t.recommendation}</th><th scope="col">{t.raisedBy}</th>
              {!compact && <th scope="col">{t.conference}</th>}
              <th scope="col">{t.field}</th><th scope="col">{t.assignedTo}</th><th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id} data-recommendation={r.id} className={r.overdue ? 'cf-overdue' : undefined}>
                <th scope="row"><Link href={to(`/follow-up/recommendations/${r.id}`)}>{r.title}</Link><div className="muted small">{t.submittedOn(dateLabel(r.submitted_at, lang))}</div></th>
                <td>{r.province_name ?? t.session}</td>
                {!compact && <td className="small">{r.conference?.title ?? r.region_name ?? '—'}</td>}
                <td>{r.field_label}</td>
                <td>
                  {r.assignments.length === 0 ? <span className="muted">—</span> : (
                    <ul className="cf-plain">
                      {r.assignments.map((a) => (
                        <li key={a.id}>{a.unit_name} <span className="muted small">({t.dueOn(dateLabel(a.due_on, lang))})</span> <Chip code={a.state} label={a.state_label} /></li>
                      ))}
                    </ul>
                  )}
                </td>
                <td><Chip code={r.status} label={r.status_label} />{r.overdue && <> <Chip code="overdue" label={t.overdue} /></>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.more && <p><button type="button" className="btn" onClick={list.more}>{t.loadMore(list.items.length, list.total ?? 0)}</button></p>}
    </>
  );
}
