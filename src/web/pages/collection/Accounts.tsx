// Accounts (administrators): create an account with its role and its province or ministry unit,
// change them, deactivate or reactivate, reset the password (the server's password rule checked as it
// is typed), unlock a username locked after failed sign-ins. Every change sends the version seen, so
// two administrators cannot overwrite each other's change unknowingly.
import { useId, useState, type FormEvent } from 'react';
import { ApiError, useApi, type UnitBrief } from '../../api.ts';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { dateTimeLabel } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useTitle } from '../../nav.ts';
import { useSession } from '../../session.tsx';
import { CollectionPage, Notice, serverText, useT } from './common.tsx';
import { checkPassword } from './passwordCheck.ts';
import type { Account, MinistryUnit, Role } from './types.ts';

/** GET /api/accounts/locks: usernames locked after repeated failed sign-ins (lockout.ts). */
interface Lock { username: string; failures: number; locked_until: string }

interface Lists {
  roles: Role[];
  provinces: UnitBrief[];
  units: MinistryUnit[];
}

export function AccountsPage() {
  const t = useT();
  useTitle(t.accountsTitle);
  return (
    <CollectionPage title={t.accountsTitle} roles={['admin']} wide>
      <AccountsView />
    </CollectionPage>
  );
}

function useLists(): Lists {
  const roles = useApi<{ roles: Role[] }>('/api/roles');
  const provinces = useApi<{ units: UnitBrief[] }>('/api/units?level=province');
  const units = useApi<{ ministry_units: MinistryUnit[] }>('/api/ministry-units');
  return { roles: roles.data?.roles ?? [], provinces: provinces.data?.units ?? [], units: units.data?.ministry_units ?? [] };
}

function AccountsView() {
  const t = useT();
  const { lang } = useLang();
  const accounts = useApi<{ accounts: Account[] }>('/api/accounts');
  const locks = useApi<{ locks: Lock[] }>('/api/accounts/locks');
  const lists = useLists();
  const [editing, setEditing] = useState<string | null>(null);
  if (accounts.error) return <ErrorBox error={accounts.error} retry={accounts.retry} />;
  if (!accounts.data) return <Loading lines={6} />;
  const lockOf = new Map((locks.data?.locks ?? []).map((l) => [l.username, l]));
  const known = new Set(accounts.data.accounts.map((a) => a.username.toLowerCase()));
  const strangers = (locks.data?.locks ?? []).filter((l) => !known.has(l.username));
  return (
    <>
      <p className="lead">{t.accountsIntro}</p>
      <CreateAccount lists={lists} onDone={accounts.retry} />
      <section className="panel" aria-labelledby="ct-accounts-title">
        <h2 id="ct-accounts-title" className="panel-title">{t.accountList(accounts.data.accounts.length)}</h2>
        <div className="table-wrap">
          <table className="data" data-testid="accounts">
            <thead>
              <tr><th scope="col">{t.username}</th><th scope="col">{t.displayName}</th><th scope="col">{t.role}</th><th scope="col">{t.scope}</th><th scope="col">{t.state}</th><th scope="col">{t.lastSignIn}</th><th scope="col"><span className="sr-only">{t.edit}</span></th></tr>
            </thead>
            <tbody>
              {accounts.data.accounts.map((a) => (
                <AccountRow key={a.username} a={a} lists={lists} editing={editing === a.username} lock={lockOf.get(a.username.toLowerCase()) ?? null}
                  onEdit={() => setEditing(editing === a.username ? null : a.username)} onDone={() => { setEditing(null); accounts.retry(); locks.retry(); }} />
              ))}
            </tbody>
          </table>
        </div>
        {strangers.length > 0 && (
          <p className="small muted" data-testid="locked-unknown">
            {t.lockedUnknown(strangers.map((l) => `${l.username} (${dateTimeLabel(l.locked_until, lang)})`).join(', '))}
          </p>
        )}
      </section>
    </>
  );
}

function roleName(lists: Lists, id: string, lang: 'vi' | 'en') {
  const r = lists.roles.find((x) => x.id === id);
  return r ? (lang === 'vi' ? r.name_vi : r.name_en) : id;
}

function scopeName(lists: Lists, a: Pick<Account, 'province' | 'ministry_unit'>, lang: 'vi' | 'en') {
  if (a.province) { const p = lists.provinces.find((x) => x.id === a.province); return p ? (lang === 'vi' ? p.name_vi : p.name_en) : a.province; }
  if (a.ministry_unit) { const m = lists.units.find((x) => x.id === a.ministry_unit); return m ? (lang === 'vi' ? m.name_vi : m.name_en) : a.ministry_unit; }
  return '—';
}

/** Role with the province or ministry unit it needs (shown only for the roles that have one). */
function RoleFields({ lists, role, province, unit, onChange }: {
  lists: Lists; role: string; province: string; unit: string; onChange: (p: { role?: string; province?: string; unit?: string }) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const ids = { r: useId(), p: useId(), u: useId() };
  return (
    <>
      <div className="field"><label htmlFor={ids.r}>{t.role}</label>
        <select id={ids.r} value={role} onChange={(e) => onChange({ role: e.target.value })}>
          {lists.roles.map((r) => <option key={r.id} value={r.id}>{lang === 'vi' ? r.name_vi : r.name_en}</option>)}
        </select></div>
      {role === 'province_officer' && (
        <div className="field"><label htmlFor={ids.p}>{t.province}</label>
          <select id={ids.p} value={province} onChange={(e) => onChange({ province: e.target.value })} required>
            <option value="">{t.choose}</option>
            {lists.provinces.map((p) => <option key={p.id} value={p.id}>{lang === 'vi' ? p.name_vi : p.name_en}</option>)}
          </select></div>
      )}
      {role === 'ministry_unit' && (
        <div className="field"><label htmlFor={ids.u}>{t.ministryUnit}</label>
          <select id={ids.u} value={unit} onChange={(e) => onChange({ unit: e.target.value })} required>
            <option value="">{t.choose}</option>
            {lists.units.map((m) => <option key={m.id} value={m.id}>{lang === 'vi' ? m.name_vi : m.name_en}</option>)}
          </select></div>
      )}
    </>
  );
}

function CreateAccount({ lists, onDone }: { lists: Lists; onDone: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { send } = useSession();
  const ids = { u: useId(), n: useId() };
  const empty = { username: '', name: '', password: '', role: 'province_officer', province: '', unit: '' };
  const [f, setF] = useState(empty);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('POST', '/api/accounts', {
        username: f.username, display_name: f.name, password: f.password, role: f.role,
        province: f.role === 'province_officer' ? f.province : null, ministry_unit: f.role === 'ministry_unit' ? f.unit : null,
      });
      setResult({ ok: true, text: t.accountCreated(f.username) });
      setF(empty);
      onDone();
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? serverText(err, lang) : t.failed });
    }
  };
  return (
    <details className="panel ct-create">
      <summary className="panel-title">{t.createAccount}</summary>
      <form onSubmit={submit} aria-label={t.createAccount}>
        <div className="form-grid">
          <div className="field"><label htmlFor={ids.u}>{t.username}</label><input id={ids.u} value={f.username} onChange={(e) => setF({ ...f, username: e.target.value })} required autoComplete="off" /></div>
          <div className="field"><label htmlFor={ids.n}>{t.displayName}</label><input id={ids.n} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required /></div>
          <PasswordField label={t.initialPassword} username={f.username} value={f.password} onChange={(password) => setF({ ...f, password })} />
          <RoleFields lists={lists} role={f.role} province={f.province} unit={f.unit}
            onChange={(p) => setF({ ...f, ...(p.role !== undefined ? { role: p.role } : {}), ...(p.province !== undefined ? { province: p.province } : {}), ...(p.unit !== undefined ? { unit: p.unit } : {}) })} />
        </div>
        <button type="submit" className="btn primary">{t.create}</button>
      </form>
      {result && <Notice kind={result.ok ? 'ok' : 'error'}>{result.text}</Notice>}
    </details>
  );
}

function AccountRow({ a, lists, editing, lock, onEdit, onDone }: {
  a: Account; lists: Lists; editing: boolean; lock: Lock | null; onEdit: () => void; onDone: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { send, actor } = useSession();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const patch = async (body: Record<string, unknown>, done: string) => {
    try {
      await send('PATCH', `/api/accounts/${encodeURIComponent(a.username)}`, { ...body, version: a.version });
      setResult({ ok: true, text: done });
      onDone();
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError ? serverText(e, lang) : t.failed });
    }
  };
  const unlock = async () => {
    try {
      await send('POST', `/api/accounts/${encodeURIComponent(a.username)}/unlock`);
      setResult({ ok: true, text: t.unlocked(a.username) });
      onDone();
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError ? serverText(e, lang) : t.failed });
    }
  };
  return (
    <>
      <tr data-username={a.username} data-locked={lock ? 'true' : undefined} className={a.active ? undefined : 'ct-inactive'}>
        <th scope="row"><code>{a.username}</code></th>
        <td>{a.display_name}</td>
        <td>{roleName(lists, a.role, lang)}</td>
        <td>{scopeName(lists, a, lang)}</td>
        <td>
          {a.active ? t.active : t.inactive}
          {lock && <div className="small ct-locked" data-testid="lock-state">{t.lockedUntil(dateTimeLabel(lock.locked_until, lang))}</div>}
        </td>
        <td className="nowrap">{dateTimeLabel(a.last_sign_in_at, lang)}</td>
        <td className="nowrap">
          <button type="button" className="btn small" aria-expanded={editing} onClick={onEdit}>{t.edit}</button>{' '}
          {a.username !== actor?.username && (
            <button type="button" className="btn small" onClick={() => void patch({ active: !a.active }, a.active ? t.deactivated : t.reactivated)}>
              {a.active ? t.deactivate : t.reactivate}
            </button>
          )}
          {lock && <>{' '}
            <button type="button" className="btn small" data-testid="unlock" aria-label={t.unlockLabel(a.username)} onClick={() => void unlock()}>{t.unlock}</button>
          </>}
        </td>
      </tr>
      {(editing || result) && (
        <tr className="ct-edit-row">
          <td colSpan={7}>
            {editing && <EditAccount a={a} lists={lists} onPatch={patch} />}
            {result && <Notice kind={result.ok ? 'ok' : 'error'}>{result.text}</Notice>}
          </td>
        </tr>
      )}
    </>
  );
}

function EditAccount({ a, lists, onPatch }: { a: Account; lists: Lists; onPatch: (b: Record<string, unknown>, done: string) => Promise<void> }) {
  const t = useT();
  const [role, setRole] = useState({ role: a.role as string, province: a.province ?? '', unit: a.ministry_unit ?? '' });
  const [password, setPassword] = useState('');
  return (
    <div className="ct-edit">
      <form className="form-grid" aria-label={t.changeRole} onSubmit={(e) => {
        e.preventDefault();
        void onPatch({ role: role.role, province: role.role === 'province_officer' ? role.province : null, ministry_unit: role.role === 'ministry_unit' ? role.unit : null }, t.roleChanged);
      }}>
        <RoleFields lists={lists} role={role.role} province={role.province} unit={role.unit} onChange={(p) => setRole({ ...role, ...p })} />
        <div className="field"><span className="label-like" aria-hidden="true">&nbsp;</span><button type="submit" className="btn">{t.changeRole}</button></div>
      </form>
      <form className="form-grid" aria-label={t.resetPassword} onSubmit={(e) => { e.preventDefault(); void onPatch({ password }, t.passwordReset).then(() => setPassword('')); }}>
        <PasswordField label={t.newPassword} username={a.username} value={password} onChange={setPassword} />
        <div className="field"><span className="label-like" aria-hidden="true">&nbsp;</span><button type="submit" className="btn">{t.resetPassword}</button></div>
      </form>
    </div>
  );
}

/** A new password: the field with its "Hiện / Show" button, the rule, and as it is typed whether the
 *  password meets it and why not — the server's own rule (passwordCheck.ts). */
function PasswordField({ label, username, value, onChange }: { label: string; username: string; value: string; onChange: (v: string) => void }) {
  const t = useT();
  const { lang } = useLang();
  const ids = { input: useId(), rule: useId(), check: useId() };
  const check = checkPassword(value, username, lang);
  return (
    <div className="field">
      <label htmlFor={ids.input}>{label}</label>
      <PasswordInput id={ids.input} value={value} onChange={(e) => onChange(e.target.value)} required autoComplete="new-password"
        aria-describedby={`${ids.rule} ${ids.check}`} aria-invalid={check.state === 'problem' || undefined} />
      <p id={ids.rule} className="field-hint small muted">{t.passwordRule}</p>
      <p id={ids.check} className={`password-check ${check.state}`} data-testid="password-check" data-state={check.state} aria-live="polite">
        {check.state === 'ok' ? t.passwordOk : check.state === 'problem' ? check.text : ''}
      </p>
    </div>
  );
}
