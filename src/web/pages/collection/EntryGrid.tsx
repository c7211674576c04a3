// The entry grid itself: one row per item, the officer's cells editable while the report is a draft or
// returned. Saving sends only the changed cells with the version each had when editing began; errors
// come back per cell, in Vietnamese; a cell someone else changed meanwhile opens the conflict panel.
// What is typed is kept in the tab (draftStore.ts) until it is saved: after signing in again, a reload
// or a visit elsewhere, the grid opens with those cells restored and marked as unsaved.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { plain, signedPct, pct } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { isSessionEnded, useSession } from '../../session.tsx';
import { Notice, serverText, useT } from './common.tsx';
import { ConflictPanel, type Choice } from './ConflictPanel.tsx';
import { draftKeyOf, dropKept, readKept, restoreKept, retypeDrafts, tabStorage, writeKept } from './draftStore.ts';
import {
  cellIssues, cellText, cellValue, commentText, countIssues, dirtyKeys, edit, entriesToSave, keyOf, pctOfPlanOf, shownGrowth, type CellIssue, type Drafts,
} from './gridState.ts';
import type { CellProblem, CurrentCell, Grid, GridRow, Measure } from './types.ts';

/** The server's findings from the last save or submission, per cell. */
type Problems = Record<string, CellIssue[]>;
/** What each row's cells show in their "Kiểm tra" column. */
type RowIssues = { actual: CellIssue[]; plan: CellIssue[] };
type Outcome = { kind: 'ok' | 'error' | 'warn'; text: string; list?: string[] } | null;

export function EntryGrid({ grid, params, onSaved }: { grid: Grid; params: string; onSaved: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { send, actor } = useSession();
  // The key is fixed for the grid's life (EntryPage keys the grid by report); the account is the one
  // that opened it, so signing in again as someone else never hands them these edits.
  const [store] = useState(() => ({ storage: tabStorage(), key: draftKeyOf(actor?.username ?? '', params) }));
  const [drafts, setDrafts] = useState<Drafts>(() => (grid.editable ? restoreKept(grid.rows, readKept(store.storage, store.key), lang) : {}));
  const [restored, setRestored] = useState(() => Object.keys(drafts).length);
  const [problems, setProblems] = useState<Problems>({});
  const [conflict, setConflict] = useState<CurrentCell[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const rows = grid.rows;
  const dirty = dirtyKeys(rows, drafts, lang);
  // Typed texts follow the language ("1.234,5" becomes "1,234.5"), so they keep meaning the same number.
  const typedIn = useRef(lang);
  useEffect(() => {
    if (typedIn.current === lang) return;
    const from = typedIn.current;
    typedIn.current = lang;
    setDrafts((d) => retypeDrafts(d, from, lang));
  }, [lang]);
  // Every edit is kept in the tab as it is typed; a save that stores them empties the record.
  useEffect(() => {
    if (grid.editable && typedIn.current === lang) writeKept(store.storage, store.key, rows, drafts, lang);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drafts]);
  const discardAll = () => {
    setDrafts({});
    setProblems({});
    setRestored(0);
    dropKept(store.storage, store.key);
  };
  const msg = (p: CellProblem) => serverText(p, lang);
  const nameOf = (item: number) => { const r = rows.find((x) => x.item === item); return r ? `${lang === 'vi' ? r.name_vi : r.name_en} (${lang === 'vi' ? r.period_vi : r.period_en})` : String(item); };
  const perCell = (list: CellProblem[]): Problems => {
    const out: Problems = {};
    for (const p of list) {
      if (p.item === undefined) continue;
      (out[keyOf(p.item, p.measure ?? 'actual')] ??= []).push({ code: p.code ?? 'server', text: msg(p), severity: p.severity === 'warning' ? 'warning' : 'error' });
    }
    return out;
  };

  const save = async (current: Drafts) => {
    const { entries, unreadable } = entriesToSave(rows, current, lang);
    if (unreadable.length) {
      setProblems(Object.fromEntries(unreadable.map((k) => [k, [{ code: 'not_a_number', text: t.notANumber, severity: 'error' as const }]])));
      setOutcome({ kind: 'error', text: t.nothingSavedUnreadable(unreadable.length) });
      return;
    }
    if (!entries.length) return;
    setBusy(true);
    setOutcome(null);
    try {
      const [dataset, province, period] = ['dataset', 'province', 'period'].map((k) => new URLSearchParams(params).get(k));
      const res = await send<{ saved: unknown[]; warnings: CellProblem[] }>('PUT', '/api/collection/entries',
        { dataset, province, period, dataset_version: grid.dataset.version, entries });
      setDrafts({});
      dropKept(store.storage, store.key);
      setRestored(0);
      setConflict(null);
      setProblems(perCell(res.warnings));
      setOutcome(res.warnings.length
        ? { kind: 'warn', text: t.savedWithWarnings(res.saved.length, res.warnings.length), list: res.warnings.map((w) => `${nameOf(w.item!)}: ${msg(w)}`) }
        : { kind: 'ok', text: t.saved(res.saved.length) });
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const details = e.details;
      if (e.status === 409 && Array.isArray(details)) {
        setConflict(details as CurrentCell[]);
        setOutcome({ kind: 'error', text: serverText(e, lang) });
      } else if (isSessionEnded(e)) {
        // The session dialog asks to sign in again; the edits stay here (and in the tab) for the retry.
        setOutcome({ kind: 'error', text: t.notSavedSessionEnded });
      } else {
        if (Array.isArray(details)) setProblems(perCell(details as CellProblem[]));
        setOutcome({ kind: 'error', text: serverText(e, lang) || t.failed });
      }
    } finally {
      setBusy(false);
    }
  };

  /** The officer's choice per conflicting cell: keep theirs (drop the edit) or keep mine (save it over
   *  the version now stored, which they have seen on screen). */
  const resolve = (choices: Record<string, Choice>) => {
    const next: Drafts = { ...drafts };
    for (const c of conflict ?? []) {
      const k = keyOf(c.item, c.measure);
      if (choices[k] === 'theirs') delete next[k];
      else if (next[k]) next[k] = { ...next[k]!, base: c.version };
    }
    setDrafts(next);
    setConflict(null);
    onSaved();
    void save(next);
  };

  const submit = async () => {
    if (grid.submission.id === null) return;
    setBusy(true);
    setOutcome(null);
    try {
      await send('POST', `/api/collection/submissions/${grid.submission.id}/submit`, { version: grid.submission.version });
      setOutcome({ kind: 'ok', text: t.submitted });
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const details = e.details;
      if (Array.isArray(details)) setProblems(perCell(details as CellProblem[]));
      if (isSessionEnded(e)) {
        setOutcome({ kind: 'error', text: t.sessionEndedRetry });
        return;
      }
      setOutcome({
        kind: 'error', text: serverText(e, lang) || t.failed,
        list: Array.isArray(details) ? (details as CellProblem[]).filter((d) => d.item !== undefined).map((d) => `${nameOf(d.item!)}: ${msg(d)}`) : undefined,
      });
    } finally {
      setBusy(false);
    }
  };

  const canSubmit = grid.editable && grid.submission.id !== null && !dirty.length && !busy;
  // Every cell's findings, once: the rows show them and the summary counts them, so the two agree.
  const shown = new Map<number, RowIssues>(rows.map((row) => [row.item, {
    actual: cellIssues(row, 'actual', drafts, problems[keyOf(row.item, 'actual')] ?? [], lang, t),
    plan: row.plan ? cellIssues(row, 'plan', drafts, problems[keyOf(row.item, 'plan')] ?? [], lang, t) : [],
  }]));
  const dirtySet = new Set(dirty);
  const counts = countIssues([...shown.values()].flatMap((x) => [...x.actual, ...x.plan]));
  return (
    <section className="panel" aria-labelledby="ct-grid-title">
      <div className="panel-head">
        <h2 id="ct-grid-title" className="panel-title">{t.gridTitle}</h2>
        <p className="small muted" data-testid="grid-summary">{t.gridSummary(counts.errors, counts.warnings, counts.empty)}</p>
      </div>
      {grid.editable && restored > 0 && dirty.length > 0 && (
        <div className="ct-notice ct-notice-warn ct-restored" role="status" data-testid="restored">
          <p><strong>{t.restoredBanner(dirty.length)}</strong></p>
          <p className="small">{t.restoredNote}</p>
          <p><button type="button" className="btn" onClick={discardAll} data-testid="discard-restored">{t.discardRestored}</button></p>
        </div>
      )}
      {conflict && <ConflictPanel conflict={conflict} rows={rows} drafts={drafts} onResolve={resolve} onCancel={() => setConflict(null)} />}
      <div className="table-wrap ct-grid-wrap">
        <table className="data ct-grid" data-testid="entry-grid">
          <thead>
            <tr>
              <th scope="col">#</th><th scope="col">{t.indicator}</th><th scope="col" className="num">{t.lastYear}</th>
              <th scope="col">{t.thisPeriod}</th><th scope="col" className="num">{t.growth}</th><th scope="col">{t.plan}</th>
              <th scope="col" className="num">{t.pctOfPlan}</th><th scope="col">{t.comment}</th><th scope="col">{t.checks}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.item} grid={grid} row={row} drafts={drafts} shown={shown.get(row.item)!} editable={grid.editable && !busy}
                unsaved={{ actual: dirtySet.has(keyOf(row.item, 'actual')), plan: dirtySet.has(keyOf(row.item, 'plan')) }}
                onEdit={(m, patch) => {
                  setDrafts((d) => edit(d, row, m, patch));
                  setProblems((p) => { const n = { ...p }; delete n[keyOf(row.item, m)]; return n; });
                }} />
            ))}
          </tbody>
        </table>
      </div>
      {grid.editable && (
        <div className="ct-actions">
          <button type="button" className="btn primary" disabled={!dirty.length || busy} onClick={() => void save(drafts)} data-testid="save">
            {t.saveDraft}{dirty.length ? ` (${dirty.length})` : ''}
          </button>
          <button type="button" className="btn" disabled={!dirty.length || busy} onClick={discardAll}>{t.discard}</button>
          <button type="button" className="btn" disabled={!canSubmit} onClick={() => void submit()} data-testid="submit">{t.submit}</button>
          {dirty.length > 0 && <span className="small muted">{t.saveBeforeSubmit}</span>}
        </div>
      )}
      {outcome && (
        <Notice kind={outcome.kind}>
          <p>{outcome.text}</p>
          {outcome.list && <ul>{outcome.list.map((x, i) => <li key={i}>{x}</li>)}</ul>}
        </Notice>
      )}
    </section>
  );
}

function Row({ grid, row, drafts, shown, editable, unsaved, onEdit }: {
  grid: Grid; row: GridRow; drafts: Drafts; shown: RowIssues; editable: boolean; unsaved: { actual: boolean; plan: boolean };
  onEdit: (m: Measure, patch: { text?: string; comment?: string }) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const name = lang === 'vi' ? row.name_vi : row.name_en;
  const periodName = lang === 'vi' ? row.period_vi : row.period_en;
  const v = cellValue(row, 'actual', drafts, lang);
  const plan = row.plan ? cellValue(row, 'plan', drafts, lang) ?? row.plan.published : null;
  // No growth nor % of plan beside a figure refused or not valid.
  const g = shownGrowth(row, v, shown.actual);
  const pop = [...shown.actual, ...shown.plan].some((i) => i.severity === 'error') ? null : pctOfPlanOf(grid, row, v, plan);
  const issues = [...shown.actual, ...shown.plan];
  const label = `${name}, ${periodName}`;
  const mark = <span className="ct-unsaved-tag" title={t.unsavedTitle} data-testid="unsaved">{t.unsaved}</span>;
  return (
    <tr data-item={row.item} className={issues.some((i) => i.severity === 'error') ? 'ct-has-error' : undefined}>
      <td className="num muted">{row.item + 1}</td>
      <th scope="row">
        {name}{row.required && <abbr className="ct-required" title={t.required}>*</abbr>}
        <div className="small muted">{periodName}{row.breakdown ? ` · ${row.breakdown}` : ''} · {row.unit}</div>
      </th>
      <td className="num" data-testid="last-year">{plain(row.last_year, row.decimals, lang)}</td>
      <td>
        {editable
          ? <input className={`ct-cell num${unsaved.actual ? ' ct-unsaved' : ''}`} type="text" inputMode="decimal" aria-label={t.valueOf(label)} data-measure="actual"
              aria-invalid={shown.actual.some((i) => i.severity === 'error') || undefined}
              value={cellText(row, 'actual', drafts, lang)} onChange={(e) => onEdit('actual', { text: e.target.value })} />
          : <span className="num" data-testid="value">{plain(row.value, row.decimals, lang)}</span>}
        {editable && unsaved.actual && mark}
      </td>
      <td className={`num ${g !== null && g < 0 ? 'ct-down' : ''}`} data-testid="growth">{signedPct(g, lang)}</td>
      <td>
        {row.plan === null ? <span className="muted">—</span> : editable
          ? <input className={`ct-cell num${unsaved.plan ? ' ct-unsaved' : ''}`} type="text" inputMode="decimal" aria-label={t.planOf(label)} data-measure="plan"
              placeholder={row.plan.published !== null ? plain(row.plan.published, row.decimals, lang) : undefined}
              aria-invalid={shown.plan.some((i) => i.severity === 'error') || undefined}
              value={cellText(row, 'plan', drafts, lang)} onChange={(e) => onEdit('plan', { text: e.target.value })} />
          : <span className="num">{plain(row.plan.value ?? row.plan.published, row.decimals, lang)}</span>}
        {editable && unsaved.plan && mark}
      </td>
      <td className="num" data-testid="pct-of-plan">{pop === null ? '—' : pct(pop, lang, 1)}</td>
      <td>
        {editable
          ? <input className="ct-comment" type="text" aria-label={t.commentOf(label)} value={commentText(row, drafts)} maxLength={2000}
              onChange={(e) => onEdit('actual', { comment: e.target.value })} />
          : <span className="small">{row.comment ?? ''}</span>}
      </td>
      <td className="ct-issues" data-testid="issues">
        {issues.map((i, n) => <p key={n} className={i.severity === 'error' ? 'ct-error' : i.severity === 'warning' ? 'ct-warning' : 'ct-note'} data-code={i.code}>{i.text}</p>)}
      </td>
    </tr>
  );
}
