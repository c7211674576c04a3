// /conferences/:slug: one conference — who hosted and attended, agenda, documents, the trade fair, the
// flag handed over, the region's figures for the period it reviewed (each linked to how it was made
// and to the conference report), the recommendations raised, the concluded groups of tasks with their
// progress, and the difficulties recorded. The public sees what is public; the API decides.
import { Link } from 'wouter';
import { qs, useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTitle, useTo } from '../../nav.ts';
import { formatNumber } from '../../fmt.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { DICT } from './i18n.ts';
import { Chip, FollowUpTabs, SourceLink } from './shared.tsx';
import { RecommendationTable } from './RecommendationTable.tsx';
import { TaskGroups } from './TaskGroups.tsx';
import { DifficultyGroups } from './Difficulties.tsx';
import type { ConferenceDetail, DifficultySummary, FollowUpSummary, PeriodFigures } from './types.ts';

export function ConferencePage({ slug }: { slug: string }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  const c = useApi<ConferenceDetail>(`/api/conferences/${encodeURIComponent(slug)}${qs({ lang })}`);
  useTitle(c.data?.title ?? t.conferencesTitle);
  if (c.error) return <div className="page"><FollowUpTabs /><ErrorBox error={c.error} retry={c.retry} /></div>;
  if (!c.data) return <div className="page"><Loading lines={8} /></div>;
  const d = c.data;
  const source = (field: string) => d.sources.find((s) => s.field === field);
  return (
    <div className="page cf-page cf-conference" data-conference={d.slug}>
      <p className="breadcrumb"><Link href={to('/conferences', { region: d.region })}>← {t.conferencesOf(d.region_name)}</Link></p>
      <h1 className="page-title" data-testid="conference-title">{d.title}</h1>
      <dl className="facts" data-testid="conference-facts">
        <dt>{t.ordinal}</dt><dd><span className="cf-roman" data-testid="roman">{d.ordinal_roman ?? t.unnumbered}</span>{d.ordinal_label && d.ordinal_roman ? ` (${d.ordinal_label})` : ''} <SourceLink source={source('ordinal')} /></dd>
        <dt>{t.date}</dt><dd>{d.date_label} <SourceLink source={source('starts_on')} /></dd>
        <dt>{t.host}</dt><dd data-testid="host">{d.host_name ?? '—'} <SourceLink source={source('host')} /></dd>
        {d.venue && <><dt>{t.venue}</dt><dd>{d.venue}</dd></>}
        {d.chair && <><dt>{t.chair}</dt><dd>{d.chair}</dd></>}
        {d.organisers && <><dt>{t.organisers}</dt><dd>{d.organisers}</dd></>}
        <dt>{t.status}</dt><dd><Chip code={d.status} label={t.conferenceStatus(d.status)} /></dd>
      </dl>
      {d.summary && <p className="lead">{d.summary}</p>}
      {d.notes.map((n, i) => <p key={i} className="muted small">{n[lang]}</p>)}
      <nav className="cf-anchors" aria-label={t.onThisPage}>
        {(['figures', 'attendance', 'agenda', 'documents', 'recommendations', 'tasks', 'difficulties'] as const).map((k) => <a key={k} href={`#${k}`}>{t.sectionName(k)}</a>)}
      </nav>

      <section id="figures" aria-labelledby="h-figures">
        <h2 className="section-title" id="h-figures">{t.figuresHeard}</h2>
        {(d.figures ?? []).length === 0 ? <Empty title={t.noFiguresReviewed} /> : d.figures!.map((p) => <PeriodFigureList key={p.period} region={d.region} p={p} />)}
      </section>

      <section id="attendance" className="panel" aria-labelledby="h-att">
        <h2 className="panel-title" id="h-att">{t.attendance}</h2>
        {d.attendance.note && <p>{d.attendance.note}</p>}
        <div className="detail-grid">
          <div><h3 className="small">{t.provinces}</h3><PartyList parties={d.attendance.provinces} /></div>
          <div><h3 className="small">{t.ministryUnits}</h3><PartyList parties={d.attendance.ministry_units} /></div>
        </div>
        {d.trade_fair && (
          <p><strong>{t.tradeFair}: </strong>{d.trade_fair.held ? t.tradeFairHeld : t.tradeFairNot}{d.trade_fair.note ? ` — ${d.trade_fair.note}` : ''} <SourceLink source={d.trade_fair.source} /></p>
        )}
        {d.handovers.map((h) => (
          <p key={h.id} className="cf-handover" data-testid="handover"><span aria-hidden="true">⚑ </span>{t.flagTo(h.to_name ?? h.to, h.for_ordinal_label, h.for_year)}{h.from_name ? ` (${t.from} ${h.from_name})` : ''} <SourceLink source={h.source} /></p>
        ))}
      </section>

      <section id="agenda" className="panel" aria-labelledby="h-agenda">
        <h2 className="panel-title" id="h-agenda">{t.agenda}</h2>
        {d.agenda.length === 0 ? <p className="muted">{t.noAgenda}</p> : (
          <ol className="cf-agenda">{d.agenda.map((a) => <li key={a.position}>{a.time && <span className="muted">{a.time} · </span>}{a.title}{a.presenter && <span className="muted"> — {a.presenter}</span>}</li>)}</ol>
        )}
      </section>

      <section id="documents" className="panel" aria-labelledby="h-docs">
        <h2 className="panel-title" id="h-docs">{t.documents}</h2>
        {d.documents.length === 0 ? <p className="muted">{t.noDocuments}</p> : (
          <ul className="cf-docs">
            {d.documents.map((doc) => (
              <li key={doc.id}>
                {doc.file ? <a href={doc.file.url}>{doc.title}</a> : doc.url ? <a href={doc.url} rel="noopener noreferrer">{doc.title}</a>
                  : doc.document_id ? <Link href={to(`/documents/${doc.document_id}`)}>{doc.title}</Link> : doc.title}
                <span className="muted small"> · {t.documentKind(doc.kind)}{doc.file ? ` · ${formatNumber(Math.ceil(doc.file.size / 1024), lang)} KB` : ''}{doc.public ? '' : ` · ${t.internal}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="recommendations" aria-labelledby="h-recs">
        <h2 className="section-title" id="h-recs">{t.recommendations}</h2>
        <FollowUpFigures slug={d.slug} />
        <RecommendationTable query={{ conference: d.slug }} compact />
      </section>

      <section id="tasks" aria-labelledby="h-tasks">
        <h2 className="section-title" id="h-tasks">{t.taskGroups}</h2>
        <TaskGroups slug={d.slug} stated={d.task_groups_stated} />
      </section>

      <section id="difficulties" aria-labelledby="h-diff">
        <h2 className="section-title" id="h-diff">{t.difficulties}</h2>
        <ConferenceDifficulties slug={d.slug} />
      </section>
    </div>
  );
}

function PartyList({ parties }: { parties: ConferenceDetail['attendance']['provinces'] }) {
  const t = useDict(DICT);
  if (!parties.length) return <p className="muted small">{t.notRecorded}</p>;
  return <ul>{parties.map((p) => <li key={p.id}>{p.name ?? p.unit} <span className="muted small">({t.partyRole(p.role)})</span> <SourceLink source={p.source} /></li>)}</ul>;
}

/** The figures the conference heard, as the analytics state them, each linked to its inputs. */
function PeriodFigureList({ region, p }: { region: string; p: PeriodFigures }) {
  const t = useDict(DICT);
  const to = useTo();
  return (
    <div className="panel" data-period={p.period}>
      <div className="panel-head">
        <h3 className="panel-title">{p.label}</h3>
        <span className="exports">
          <Link className="btn small" href={to(`/region/${region}`, { period: p.period })}>{t.openDashboard}</Link>
          <Link className="btn small" href={to('/reports/conference', { region, period: p.period })}>{t.openReport}</Link>
        </span>
      </div>
      {p.figures.length === 0 ? <p className="muted">{t.noFiguresReviewed}</p> : (
        <ul className="cf-figures" data-testid="figures">
          {p.figures.map((f) => (
            <li key={f.indicator} data-indicator={f.indicator}>
              <p className="cf-figure-name">{f.name}</p>
              <p data-testid="headline">{f.text.headline}</p>
              <p className="muted small">{f.text.source === 'published' ? t.publishedRegional : f.text.coverage} · <Link href={to(`/figure/${region}/${f.indicator}`, { period: f.period })}>{t.howMade}</Link></p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FollowUpFigures({ slug }: { slug: string }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const s = useApi<FollowUpSummary>(`/api/conferences/${slug}/follow-up${qs({ lang })}`);
  if (!s.data) return null;
  const r = s.data.recommendations;
  return (
    <p className="cf-summary" data-testid="follow-up-summary">
      {t.recSummary(r.total, r.answered, r.answered_on_time, r.open, r.overdue, r.closed)}
    </p>
  );
}

function ConferenceDifficulties({ slug }: { slug: string }) {
  const { lang } = useLang();
  const s = useApi<DifficultySummary>(`/api/difficulties/summary${qs({ conference: slug, lang })}`);
  if (s.error) return <ErrorBox error={s.error} retry={s.retry} />;
  if (!s.data) return <Loading lines={3} />;
  return <DifficultyGroups summary={s.data} />;
}
