// The reporting calendar of a data set for a year (Decree 09/2019: data from the 15th of the previous
// month to the 14th, due a few working days later); the ministry can move one period's deadline.
import { useState } from 'react';
import { ApiError, useApi } from '../../api.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { dateLabel } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useTitle } from '../../nav.ts';
import { useSession } from '../../session.tsx';
import { CollectionPage, MINISTRY, Notice, SelectionBar, serverText, useSelection, useT, vnToday } from './common.tsx';

export function CalendarPage() {
  const t = useT();
  useTitle(t.calendarTitle);
  return (
    <CollectionPage title={t.calendarTitle}>
      <CalendarView />
    </CollectionPage>
  );
}

function CalendarView() {
  const t = useT();
  const { lang } = useLang();
  const { actor } = useSession();
  const { sel, datasets, calendar, error, retry } = useSelection();
  const ds = datasets.find((d) => d.code === sel?.dataset);
  if (error) return <ErrorBox error={error} retry={retry} />;
  if (!sel || !calendar) return <Loading lines={4} />;
  const today = vnToday();
  const canMove = !!actor && MINISTRY.includes(actor.role as never);
  return (
    <>
      <p className="lead">{t.calendarIntro}</p>
      <SelectionBar sel={sel} datasets={datasets} calendar={calendar} />
      {ds && <p className="small muted">{ds.regime === 'decree09' ? t.regimeDecree09(ds.cutoff_day, ds.working_days_after) : t.regimeStatistics(ds.working_days_after)}</p>}
      <div className="table-wrap">
        <table className="data" data-testid="calendar">
          <thead>
            <tr><th scope="col">{t.period}</th><th scope="col">{t.window}</th><th scope="col">{t.deadline}</th><th scope="col">{t.note}</th></tr>
          </thead>
          <tbody>
            {calendar.periods.map((p) => (
              <tr key={p.period} className={p.period === sel.period ? 'ct-current' : undefined}>
                <th scope="row">{lang === 'vi' ? p.name_vi : p.name_en}</th>
                <td className="nowrap">{dateLabel(p.window_from, lang)} – {dateLabel(p.window_to, lang)}</td>
                <td className="nowrap">{dateLabel(p.deadline, lang)} {p.deadline < today && <span className="muted small">({t.past})</span>}</td>
                <td>{p.overridden ? `${t.moved}${p.note ? `: ${p.note}` : ''}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canMove && <MoveDeadline dataset={sel.dataset} periods={calendar.periods} onDone={retry} />}
    </>
  );
}

function MoveDeadline({ dataset, periods, onDone }: { dataset: string; periods: Array<{ period: string; name_vi: string; name_en: string; deadline: string }>; onDone: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { send } = useSession();
  const [period, setPeriod] = useState(periods[0]?.period ?? '');
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (reset: boolean) => {
    try {
      await send('PUT', '/api/collection/calendar', { dataset, period, deadline: reset ? null : deadline, note: note || undefined });
      setResult({ ok: true, text: t.deadlineSaved });
      onDone();
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError ? serverText(e, lang) : t.failed });
    }
  };
  return (
    <section className="panel" aria-labelledby="ct-move-title">
      <h2 id="ct-move-title" className="panel-title">{t.moveDeadline}</h2>
      <div className="form-grid">
        <div className="field"><label htmlFor="ct-move-period">{t.period}</label>
          <select id="ct-move-period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {periods.map((p) => <option key={p.period} value={p.period}>{lang === 'vi' ? p.name_vi : p.name_en}</option>)}
          </select></div>
        <div className="field"><label htmlFor="ct-move-date">{t.newDeadline}</label><input id="ct-move-date" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} /></div>
        <div className="field"><label htmlFor="ct-move-note">{t.note}</label><input id="ct-move-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} /></div>
      </div>
      <div className="ct-actions">
        <button type="button" className="btn primary" disabled={!deadline} onClick={() => void submit(false)}>{t.saveDeadline}</button>
        <button type="button" className="btn" onClick={() => void submit(true)}>{t.resetDeadline}</button>
      </div>
      {result && <Notice kind={result.ok ? 'ok' : 'error'}>{result.text}</Notice>}
    </section>
  );
}
