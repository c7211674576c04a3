// The report as a file: download the Excel template (locked header, units, last year's figures, cell
// validation) or CSV/JSON, fill it, upload it. The upload stores every changed figure or none; when
// it refuses, every error names the sheet and the cell.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.ts';
import { useLang } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { Notice, serverText, useT } from './common.tsx';
import type { CellProblem } from './types.ts';

interface UploadAnswer {
  saved: unknown[];
  unchanged: number;
  warnings: CellProblem[];
}

export function UploadPanel({ params, onUploaded }: { params: string; onUploaded: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { me, markEnded } = useSession();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error' | 'warn'; text: string; list: string[] } | null>(null);
  const where = (p: CellProblem) => (p.sheet || p.cell ? t.atCell(p.sheet ?? '', p.cell ?? '') : '');

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch(`/api/collection/upload${params}`, {
        method: 'POST', body: form, credentials: 'same-origin',
        headers: { accept: 'application/json', ...(me?.csrf_token ? { 'x-csrf-token': me.csrf_token } : {}) },
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        const err = body?.error;
        if (res.status === 401 && err?.code === 'unauthenticated') markEnded(); // sign in again over the page
        const details = (Array.isArray(err?.details) ? err.details : []) as CellProblem[];
        setResult({
          kind: 'error', text: serverText(new ApiError(res.status, err?.code ?? '', err?.message ?? '', err?.messageEn ?? ''), lang) || t.failed,
          list: details.map((d) => `${where(d)}${serverText(d, lang)}`),
        });
        return;
      }
      const a = body as UploadAnswer;
      setResult({
        kind: a.warnings.length ? 'warn' : 'ok',
        text: a.saved.length ? t.uploaded(a.saved.length, a.unchanged) : t.uploadedNothing,
        list: a.warnings.map((w) => `${where(w)}${serverText(w, lang)}`),
      });
      onUploaded();
    } catch {
      setResult({ kind: 'error', text: t.failed, list: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="ct-file-title">
      <h2 id="ct-file-title" className="panel-title">{t.fileTitle}</h2>
      <p className="small">{t.fileIntro}</p>
      <p className="ct-downloads">
        <a className="btn" href={`/api/collection/template${params}&format=xlsx`} download data-testid="template-xlsx">{t.templateXlsx}</a>
        <a className="btn" href={`/api/collection/template${params}&format=csv`} download>{t.templateCsv}</a>
        <a className="btn" href={`/api/collection/template${params}&format=json`} download>{t.templateJson}</a>
      </p>
      <form className="ct-upload" onSubmit={upload}>
        <div className="field">
          <label htmlFor={fileId}>{t.chooseFile}</label>
          <input id={fileId} type="file" accept=".xlsx,.csv,.json" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
        </div>
        <button type="submit" className="btn primary" disabled={!file || busy} data-testid="upload">{t.upload}</button>
      </form>
      {result && (
        <Notice kind={result.kind}>
          <p>{result.text}</p>
          {result.list.length > 0 && <ul data-testid="upload-errors">{result.list.map((x, i) => <li key={i}>{x}</li>)}</ul>}
        </Notice>
      )}
    </section>
  );
}
