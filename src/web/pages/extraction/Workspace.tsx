// The analyst's desk: read a text, check every reading against the highlighted text, correct or drop
// readings, save the accepted ones, and see what was saved with each figure's source.
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { useCatalogue } from './catalogue.ts';
import { HighlightedText } from './HighlightedText.tsx';
import { EXTRACTION_DICT } from './i18n.ts';
import { acceptFigure, draftOf, draftProblems, numberText, readNumber, type AcceptFigure, type Draft, type ReadAnswer } from './model.ts';
import { ReadingCard, type FieldErrors } from './ReadingCard.tsx';
import { accept, draftFieldOf, problemText, SaveRefused } from './save.ts';
import { Saved } from './Saved.tsx';
import { SourceForm, type ReadRequest } from './SourceForm.tsx';

interface DocMeta { title: string; publisher: string; published_on: string; url: string }

export function Workspace() {
  const t = useDict(EXTRACTION_DICT);
  const { lang } = useLang();
  const { send, me } = useSession();
  const cat = useCatalogue(lang);
  const [busy, setBusy] = useState(false);
  const [readError, setReadError] = useState<ApiError | null>(null);
  const [answer, setAnswer] = useState<ReadAnswer | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [editing, setEditing] = useState<Set<number>>(new Set());
  const [selected, setSelected] = useState<number | null>(null);
  const [meta, setMeta] = useState<DocMeta>({ title: '', publisher: '', published_on: '', url: '' });
  const [errors, setErrors] = useState<Map<number, FieldErrors>>(new Map());
  const [saveError, setSaveError] = useState<ApiError | string | null>(null);
  const [saved, setSaved] = useState<{ document: string; figures: AcceptFigure[] } | null>(null);
  const ids = { title: useId(), publisher: useId(), date: useId(), url: useId() };
  // Numbers being typed are written the page's way: rewrite them when the language changes.
  const shownLang = useRef(lang);
  useEffect(() => {
    const from = shownLang.current;
    shownLang.current = lang;
    if (from === lang) return;
    const again = (s: string) => { const v = readNumber(s, from); return v === null || Number.isNaN(v) ? s : numberText(v, lang); };
    setDrafts((ds) => ds.map((d) => ({ ...d, value: again(d.value), growth: again(d.growth), pctOfPlan: again(d.pctOfPlan) })));
  }, [lang]);

  const read = async (req: ReadRequest, title: string) => {
    setBusy(true);
    setReadError(null);
    try {
      const a = await send<ReadAnswer>('POST', '/api/extraction/read', req);
      setAnswer(a);
      setDrafts(a.figures.map((f) => draftOf(f, lang)));
      setEditing(new Set());
      setErrors(new Map());
      setSaveError(null);
      setMeta({ title, publisher: '', published_on: req.document_date ?? '', url: a.source && /^(https?:\/\/|www\.)/.test(a.source) ? a.source : '' });
    } catch (e) {
      setReadError(e instanceof ApiError ? e : new ApiError(0, 'network', '', ''));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => { setAnswer(null); setSaved(null); setDrafts([]); setErrors(new Map()); setSaveError(null); };
  const change = (i: number, patch: Partial<Draft>) => {
    setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));
    setErrors((m) => { if (!m.has(i)) return m; const n = new Map(m); n.delete(i); return n; });
  };
  const edit = (i: number, on: boolean) => setEditing((s) => { const n = new Set(s); if (on) n.add(i); else n.delete(i); return n; });

  const kept = drafts.map((d, i) => (d.dropped ? -1 : i)).filter((i) => i >= 0);
  const save = async () => {
    if (!answer) return;
    setSaveError(null);
    if (!kept.length) return setSaveError(t.nothingToSave);
    // What is missing or unreadable is said before anything is sent.
    const local = new Map<number, FieldErrors>();
    for (const i of kept) {
      const probs = draftProblems(drafts[i]!, lang);
      if (probs.length) local.set(i, Object.fromEntries(probs.map((f) => [f, f === 'value' || f === 'growth' || f === 'pctOfPlan' ? t.notANumber : t.fieldMissing])));
    }
    if (!meta.title.trim()) return setSaveError(`${t.docTitle}: ${t.fieldMissing}`);
    if (local.size) {
      setErrors(local);
      setEditing(new Set(local.keys()));
      return setSaveError(t.fixFirst(local.size));
    }
    const figures = kept.map((i) => acceptFigure(answer.text, answer.figures[i]!, drafts[i]!, lang));
    setBusy(true);
    try {
      const doc = { title: meta.title.trim(), ...(meta.publisher.trim() ? { publisher: meta.publisher.trim() } : {}), ...(meta.published_on ? { published_on: meta.published_on } : {}), ...(meta.url.trim() ? { url: meta.url.trim() } : {}) };
      const res = await accept({ document: doc, figures }, me?.csrf_token ?? null);
      setSaved({ document: res.document, figures });
    } catch (e) {
      if (e instanceof SaveRefused && e.rows.length) {
        const m = new Map<number, FieldErrors>();
        for (const p of e.rows) {
          const i = kept[p.row - 1];
          if (i === undefined) continue;
          m.set(i, { ...m.get(i), [draftFieldOf(p.field)]: problemText(p, lang) });
        }
        setErrors(m);
        setEditing(new Set(m.keys()));
        setSaveError(t.saveRefused);
      } else setSaveError(e instanceof ApiError ? e : new ApiError(0, 'network', '', ''));
    } finally {
      setBusy(false);
    }
  };

  if (saved) return <Saved document={saved.document} figures={saved.figures} cat={cat} onAgain={reset} />;
  return (
    <>
      <p className="lead">{t.lead}</p>
      {!answer ? (
        <>
          <SourceForm busy={busy} onRead={(req, title) => void read(req, title)} />
          {busy && <Loading label={t.busyReading} lines={4} />}
          {readError && <ErrorBox error={readError} />}
        </>
      ) : (
        <>
          <p><button type="button" className="btn" onClick={reset}>← {t.readAgain}</button></p>
          <div className="extract-grid">
            <HighlightedText text={answer.text} readings={answer.figures} drafts={drafts} selected={selected}
              onSelect={(i) => setSelected(i)} />
            <section className="panel extract-readings" aria-labelledby="extract-readings-h">
              <h2 className="panel-title" id="extract-readings-h">{t.readingsTitle(answer.figures.length)}</h2>
              {!answer.figures.length && <p className="empty">{t.noReadings}</p>}
              {!cat.ready && answer.figures.length > 0 && <Loading lines={2} />}
              {answer.figures.map((r, i) => (
                <ReadingCard key={i} n={i + 1} reading={r} draft={drafts[i]!} cat={cat} editing={editing.has(i)} errors={errors.get(i) ?? {}}
                  selected={selected === i} onChange={(p) => change(i, p)} onEdit={(on) => edit(i, on)} onSelect={() => setSelected(i)} />
              ))}
            </section>
          </div>
          {answer.figures.length > 0 && (
            <form className="panel extract-save" aria-labelledby="extract-save-h" onSubmit={(e) => { e.preventDefault(); void save(); }}>
              <h2 className="panel-title" id="extract-save-h">{t.saveTitle}</h2>
              <div className="form-grid">
                <div className="field"><label htmlFor={ids.title}>{t.docTitle}</label><input id={ids.title} value={meta.title} required maxLength={500} onChange={(e) => setMeta({ ...meta, title: e.target.value })} data-testid="doc-title" /></div>
                <div className="field"><label htmlFor={ids.publisher}>{t.publisher}</label><input id={ids.publisher} value={meta.publisher} maxLength={200} onChange={(e) => setMeta({ ...meta, publisher: e.target.value })} /></div>
                <div className="field"><label htmlFor={ids.date}>{t.publishedOn}</label><input id={ids.date} type="date" value={meta.published_on} onChange={(e) => setMeta({ ...meta, published_on: e.target.value })} /></div>
                <div className="field"><label htmlFor={ids.url}>{t.url}</label><input id={ids.url} type="url" value={meta.url} maxLength={2000} onChange={(e) => setMeta({ ...meta, url: e.target.value })} /></div>
              </div>
              <button type="submit" className="btn primary" disabled={busy || !kept.length} data-testid="save">{busy ? t.saving : t.save(kept.length)}</button>
              {saveError && (typeof saveError === 'string'
                ? <div className="error" role="alert"><p>{saveError}</p></div>
                : <ErrorBox error={saveError} />)}
            </form>
          )}
        </>
      )}
    </>
  );
}
