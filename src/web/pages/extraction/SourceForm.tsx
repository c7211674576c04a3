// What to read: a pasted text or an uploaded document (.docx, .pdf, .html, .txt, sent to the server as
// base64, which decides the type from the file's first bytes), and the article's date when the text
// leaves it out.
import { useId, useState, type FormEvent } from 'react';
import { useDict, useLang } from '../../i18n.ts';
import { EXTRACTION_DICT } from './i18n.ts';

/** The body of POST /api/extraction/read. */
export interface ReadRequest {
  text?: string;
  filename?: string;
  content_base64?: string;
  document_date?: string;
}

/** The server's default upload limit (UPLOAD_MAX_BYTES); larger files are refused before sending. */
const MAX_MB = 10;
const ACCEPT = '.docx,.pdf,.html,.htm,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/html,text/plain';

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function SourceForm({ busy, onRead }: { busy: boolean; onRead: (req: ReadRequest, title: string) => void }) {
  const t = useDict(EXTRACTION_DICT);
  const { lang } = useLang();
  const ids = { text: useId(), file: useId(), date: useId(), hint: useId(), fileHint: useId() };
  const [mode, setMode] = useState<'paste' | 'file'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const document_date = date || undefined;
    if (mode === 'paste') {
      if (!text.trim()) return setProblem(t.needInput);
      // the first line is usually the title: it names the document when the figures are saved
      const title = text.trim().split('\n')[0]!.trim().slice(0, 200);
      return onRead({ text, document_date }, title);
    }
    if (!file) return setProblem(t.needInput);
    if (file.size > MAX_MB * 1024 * 1024) return setProblem(t.fileTooLarge(MAX_MB));
    onRead({ filename: file.name, content_base64: await base64Of(file), document_date }, file.name.replace(/\.[^.]+$/, ''));
  };

  return (
    <form className="panel extract-source" onSubmit={(e) => void submit(e)} aria-label={t.sourceTitle}>
      <h2 className="panel-title">{t.sourceTitle}</h2>
      <div className="segmented" role="radiogroup" aria-label={t.sourceTitle}>
        {(['paste', 'file'] as const).map((m) => (
          <label key={m} className={mode === m ? 'on' : ''}>
            <input type="radio" name="extract-mode" value={m} checked={mode === m} onChange={() => { setMode(m); setProblem(null); }} />
            {m === 'paste' ? t.modePaste : t.modeFile}
          </label>
        ))}
      </div>
      {mode === 'paste' ? (
        <div className="field">
          <label htmlFor={ids.text}>{t.textLabel}</label>
          <textarea id={ids.text} className="extract-input" rows={10} lang="vi" value={text} onChange={(e) => setText(e.target.value)}
            aria-describedby={ids.hint} data-testid="source-text" />
          <p className="muted small" id={ids.hint}>{t.textHint}</p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={ids.file}>{t.fileLabel}</label>
          <input id={ids.file} type="file" accept={ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={ids.fileHint} data-testid="source-file" />
          <p className="muted small" id={ids.fileHint}>{t.fileHint(MAX_MB)}</p>
        </div>
      )}
      <div className="extract-source-foot">
        <div className="field">
          <label htmlFor={ids.date}>{t.documentDate}</label>
          <input id={ids.date} type="date" lang={lang} value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <button type="submit" className="btn primary" disabled={busy} data-testid="read">{busy ? t.busyReading : t.read}</button>
      </div>
      {problem && <div className="error" role="alert"><p>{problem}</p></div>}
    </form>
  );
}
