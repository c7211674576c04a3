// The sign-in form, used by the sign-in page and in place of any page that needs an account.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { useLang } from '../i18n.ts';
import { useSession } from '../session.tsx';
import { PasswordInput } from './PasswordInput.tsx';

export function SignInForm({ message, onDone }: { message?: string; onDone?: () => void }) {
  const { t, lang } = useLang();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ids = { u: useId(), p: useId() };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await signIn(username, password);
      onDone?.();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel sign-in" onSubmit={submit} aria-label={t.signIn}>
      {message && <p role="note">{message}</p>}
      <div className="form-grid">
        <div className="field"><label htmlFor={ids.u}>{t.username}</label><input id={ids.u} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required /></div>
        <div className="field"><label htmlFor={ids.p}>{t.password}</label><PasswordInput id={ids.p} name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></div>
      </div>
      <button type="submit" className="btn primary" disabled={busy}>{t.signIn}</button>
      {error && <div className="error" role="alert"><p>{error.status === 0 ? t.errorNetwork : lang === 'vi' ? error.messageVi || error.messageEn : error.messageEn || error.messageVi}</p></div>}
    </form>
  );
}
