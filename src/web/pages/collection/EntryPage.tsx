// A province's report for a period: the entry grid (this period, same period last year, growth as one
// types, the annual plan and % of plan, comments), its state and deadline, saving a draft, the Excel
// template and the upload of a filled one, and submission. Reviewers see the same grid, read-only.
import { qs, useApi } from '../../api.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { dateLabel, dateTimeLabel } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useQuery, useTitle } from '../../nav.ts';
import { useSession } from '../../session.tsx';
import { CollectionPage, provinceOf, SelectionBar, StatusBadge, useSelection, useT } from './common.tsx';
import { EntryGrid } from './EntryGrid.tsx';
import { UploadPanel } from './UploadPanel.tsx';
import type { Grid } from './types.ts';

export function EntryPage() {
  const t = useT();
  useTitle(t.entryTitle);
  return (
    <CollectionPage title={t.entryTitle} wide>
      <EntryView />
    </CollectionPage>
  );
}

function EntryView() {
  const t = useT();
  const { actor } = useSession();
  const q = useQuery();
  const { sel, datasets, calendar, error, retry } = useSelection();
  const province = q.get('province') ?? provinceOf(actor) ?? '';
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!sel) return <Loading lines={4} />;
  return (
    <>
      <SelectionBar sel={sel} datasets={datasets} calendar={calendar} />
      {province ? <Report dataset={sel.dataset} province={province} period={sel.period} /> : <p className="empty">{t.chooseProvince}</p>}
    </>
  );
}

function Report({ dataset, province, period }: { dataset: string; province: string; period: string }) {
  const params = qs({ dataset, province, period });
  const grid = useApi<Grid>(`/api/collection/grid${params}`);
  const reload = grid.retry;
  if (grid.error) return <ErrorBox error={grid.error} retry={grid.retry} />;
  if (!grid.data) return <Loading lines={8} />;
  const g = grid.data;
  return (
    <>
      <ReportHead grid={g} />
      <EntryGrid key={params} grid={g} params={params} onSaved={reload} />
      {g.editable && <UploadPanel params={params} onUploaded={reload} />}
    </>
  );
}

function ReportHead({ grid: g }: { grid: Grid }) {
  const t = useT();
  const { lang } = useLang();
  const s = g.submission;
  return (
    <section className="panel ct-report-head" aria-label={t.reportState}>
      <h2 className="panel-title" data-testid="report-title">
        {lang === 'vi' ? g.province.name_vi : g.province.name_en} — {lang === 'vi' ? g.period.name_vi : g.period.name_en}
      </h2>
      <dl className="facts">
        <dt>{t.statusCol}</dt><dd><StatusBadge status={s.board_status} daysLate={s.days_late} /></dd>
        <dt>{t.deadline}</dt><dd>{dateLabel(g.calendar.deadline, lang)} <span className="muted small">({t.window}: {dateLabel(g.calendar.window_from, lang)} – {dateLabel(g.calendar.window_to, lang)})</span></dd>
        {s.submitted_at && <><dt>{t.submittedAt}</dt><dd>{dateTimeLabel(s.submitted_at, lang)} · {s.submitted_by}</dd></>}
        {s.review_comment && <><dt>{t.reviewComment}</dt><dd data-testid="review-comment">{s.review_comment}</dd></>}
        <dt>{t.filled}</dt><dd data-testid="filled">{t.filledOf(g.summary.filled, g.summary.of)}</dd>
      </dl>
      {!g.editable && <p className="muted small" role="note">{s.status === 'submitted' || s.status === 'approved' ? t.lockedNote : t.readOnlyNote}</p>}
    </section>
  );
}
