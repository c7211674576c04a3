// The status board: for a data set and period, every province's report — not started, draft,
// submitted, returned, approved, late (and by how many days) — with the deadline; a province officer
// also gets a shortcut to their own report.
import { Link } from 'wouter';
import { qs, useApi, type RegionBrief } from '../../api.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { dateLabel, dateTimeLabel } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useTitle, useTo } from '../../nav.ts';
import { useSession } from '../../session.tsx';
import { CollectionPage, provinceOf, REVIEWERS, SelectionBar, StatusBadge, useSelection, useT, type Selection } from './common.tsx';
import type { Board, BoardStatus } from './types.ts';

const ORDER: BoardStatus[] = ['not_started', 'draft', 'submitted', 'returned', 'approved', 'late'];

export function StatusBoardPage() {
  const t = useT();
  useTitle(t.statusTitle);
  return (
    <CollectionPage title={t.statusTitle} wide>
      <BoardView />
    </CollectionPage>
  );
}

function BoardView() {
  const t = useT();
  const { sel, datasets, calendar, error, retry } = useSelection();
  const regions = useApi<{ regions: RegionBrief[] }>('/api/regions');
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!sel) return <Loading lines={4} />;
  return (
    <>
      <p className="lead">{t.statusIntro}</p>
      <SelectionBar sel={sel} datasets={datasets} calendar={calendar} regions={regions.data?.regions} />
      <OwnReport sel={sel} />
      <BoardTable sel={sel} />
    </>
  );
}

function OwnReport({ sel }: { sel: Selection }) {
  const t = useT();
  const to = useTo();
  const { actor } = useSession();
  if (actor?.role !== 'province_officer') return null;
  return (
    <div className="panel ct-own">
      <p>{t.ownReportIntro}</p>
      <Link className="btn primary" href={to('/collection/entry', { dataset: sel.dataset, province: provinceOf(actor), period: sel.period })}>{t.openEntry}</Link>
    </div>
  );
}

function BoardTable({ sel }: { sel: Selection }) {
  const t = useT();
  const { lang } = useLang();
  const to = useTo();
  const { actor } = useSession();
  const board = useApi<Board>(`/api/collection/status${qs({ dataset: sel.dataset, period: sel.period, region: sel.region })}`);
  if (board.error) return <ErrorBox error={board.error} retry={board.retry} />;
  if (!board.data) return <Loading lines={6} />;
  const b = board.data;
  const reviewer = !!actor && REVIEWERS.includes(actor.role as never);
  const own = provinceOf(actor);
  return (
    <section className="panel" aria-labelledby="ct-board-title">
      <div className="panel-head">
        <h2 id="ct-board-title" className="panel-title">{t.boardTitle(lang === 'vi' ? b.period_vi : b.period_en)}</h2>
        <p className="small muted">{t.deadlineLine(dateLabel(b.deadline, lang), dateLabel(b.window_from, lang), dateLabel(b.window_to, lang))}</p>
      </div>
      <ul className="ct-counts" aria-label={t.counts}>
        {ORDER.map((s) => (
          <li key={s} data-count={s}><StatusBadge status={s} /> <strong className="num">{b.counts[s] ?? 0}</strong></li>
        ))}
      </ul>
      <div className="table-wrap">
        <table className="data" data-testid="status-board">
          <thead>
            <tr>
              <th scope="col">{t.province}</th><th scope="col">{t.statusCol}</th><th scope="col">{t.firstSubmitted}</th>
              <th scope="col">{t.reviewedAt}</th><th scope="col"><span className="sr-only">{t.open}</span></th>
            </tr>
          </thead>
          <tbody>
            {b.provinces.map((p) => (
              <tr key={p.province} data-province={p.province}>
                <th scope="row">{lang === 'vi' ? p.name_vi : p.name_en}</th>
                <td><StatusBadge status={p.status} daysLate={p.days_late} /></td>
                <td className="nowrap">{dateTimeLabel(p.first_submitted_at, lang)}</td>
                <td className="nowrap">{dateTimeLabel(p.reviewed_at, lang)}</td>
                <td>
                  {reviewer && p.submission_id !== null && <Link href={to(`/collection/review/${p.submission_id}`)}>{t.openReview}</Link>}
                  {own === p.province && <Link href={to('/collection/entry', { dataset: sel.dataset, province: p.province, period: sel.period })}>{t.openEntry}</Link>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
