// The audit log (administrators): every action — who, when, what, on which record, before and after —
// newest first, filtered by person, action, province and dates, page by page, and exported as CSV or JSON.
import { useEffect, useId, useState } from 'react';
import { getJson, qs, type ApiError } from '../../api.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { dateTimeLabel } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useQuery, useSetQuery, useTitle } from '../../nav.ts';
import { CollectionPage, useT } from './common.tsx';
import type { AuditRecord } from './types.ts';

const FILTERS = ['actor', 'action', 'province', 'from', 'to'] as const;
type Filter = Record<(typeof FILTERS)[number], string>;

export function AuditPage() {
  const t = useT();
  useTitle(t.auditTitle);
  return (
    <CollectionPage title={t.auditTitle} roles={['admin']} wide>
      <AuditView />
    </CollectionPage>
  );
}

function AuditView() {
  const t = useT();
  const q = useQuery();
  const setQuery = useSetQuery();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, q.get(k) ?? ''])) as Filter;
  const [form, setForm] = useState<Filter>(applied);
  const pages = usePages(applied);
  const ids = Object.fromEntries(FILTERS.map((k) => [k, useId()])) as Record<keyof Filter, string>;
  const labels: Filter = { actor: t.actor, action: t.actionFilter, province: t.provinceFilter, from: t.from, to: t.to };
  return (
    <>
      <p className="lead">{t.auditIntro}</p>
      <form className="toolbar" aria-label={t.filters} onSubmit={(e) => { e.preventDefault(); setQuery(form); }}>
        {FILTERS.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={ids[k]}>{labels[k]}</label>
            <input id={ids[k]} type={k === 'from' || k === 'to' ? 'date' : 'text'} value={form[k]} placeholder={k === 'action' ? 'submission.' : undefined}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
          </div>
        ))}
        <button type="submit" className="btn primary">{t.applyFilters}</button>
        <a className="btn" href={`/api/audit/export${qs({ ...applied, format: 'csv' })}`} download>{t.exportCsv}</a>
        <a className="btn" href={`/api/audit/export${qs({ ...applied, format: 'json' })}`} download>{t.exportJson}</a>
      </form>
      {pages.error && <ErrorBox error={pages.error} retry={pages.more} />}
      {pages.entries ? <AuditTable entries={pages.entries} /> : !pages.error && <Loading lines={8} />}
      {pages.next !== null && <button type="button" className="btn" onClick={pages.more}>{t.loadMore}</button>}
    </>
  );
}

/** Pages of the log for a filter, newest first; `more` fetches the next page (keyset: before_id). */
function usePages(f: Filter) {
  const key = JSON.stringify(f);
  const [state, setState] = useState<{ key: string; entries?: AuditRecord[]; next: number | null; error?: ApiError }>({ key: '', next: null });
  const load = (before: number | null, prev: AuditRecord[]) => {
    getJson<{ entries: AuditRecord[]; next_before_id: number | null }>(`/api/audit${qs({ ...f, before_id: before ?? undefined, limit: 100 })}`, { fresh: true }).then(
      (r) => setState({ key, entries: [...prev, ...r.entries], next: r.next_before_id }),
      (error: ApiError) => setState((s) => ({ ...s, key, error })),
    );
  };
  useEffect(() => { setState({ key, next: null }); load(null, []); }, [key]);
  const current = state.key === key;
  return {
    entries: current ? state.entries : undefined, next: current ? state.next : null, error: current ? state.error : undefined,
    more: () => load(state.next, state.entries ?? []),
  };
}

function AuditTable({ entries }: { entries: AuditRecord[] }) {
  const t = useT();
  const { lang } = useLang();
  const json = (x: unknown) => (x === null || x === undefined ? '' : JSON.stringify(x, null, 1));
  return (
    <div className="table-wrap">
      <table className="data" data-testid="audit">
        <thead>
          <tr><th scope="col">{t.when}</th><th scope="col">{t.actor}</th><th scope="col">{t.actionCol}</th><th scope="col">{t.entity}</th><th scope="col">{t.beforeAfter}</th><th scope="col">{t.note}</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td className="nowrap small">{dateTimeLabel(e.at, lang)}</td>
              <td><code>{e.actor}</code>{e.role ? <div className="small muted">{t.roleName(e.role)}</div> : null}</td>
              <td>{t.actionName(e.action)}<div className="small muted"><code>{e.action}</code></div></td>
              <td className="small">{e.entity}{e.entity_id ? ` #${e.entity_id}` : ''}</td>
              <td className="small">
                {(e.before !== null || e.after !== null) && (
                  <details><summary>{t.show}</summary>
                    {e.before !== null && <><strong>{t.before}</strong><pre className="ct-json">{json(e.before)}</pre></>}
                    {e.after !== null && <><strong>{t.after}</strong><pre className="ct-json">{json(e.after)}</pre></>}
                  </details>
                )}
              </td>
              <td className="small">{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
