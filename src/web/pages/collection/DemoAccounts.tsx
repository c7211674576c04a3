// On the sign-in form, when (and only when) the server runs the demo (`npm start`): the demo accounts,
// one per role, and their shared password, so anyone trying the application can sign in.
import { useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { DICT } from './i18n.ts';
import type { DemoInfo } from './types.ts';

export function DemoAccounts() {
  const t = useDict(DICT);
  const { lang } = useLang();
  const demo = useApi<DemoInfo>('/api/demo');
  if (!demo.data?.demo || !demo.data.accounts?.length) return null;
  return (
    <section className="panel ct-demo" aria-labelledby="ct-demo-title" data-testid="demo-accounts">
      <h2 id="ct-demo-title" className="panel-title">{t.demoTitle}</h2>
      <p className="small">{t.demoIntro}</p>
      <table className="data">
        <thead><tr><th scope="col">{t.username}</th><th scope="col">{t.role}</th></tr></thead>
        <tbody>
          {demo.data.accounts.map((a) => (
            <tr key={a.username}>
              <td><code>{a.username}</code></td>
              <td>{lang === 'vi' ? a.role_vi : a.role_en}{a.scope_vi ? ` — ${lang === 'vi' ? a.scope_vi : a.scope_en}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.demoPassword} <code data-testid="demo-password">{demo.data.password}</code></p>
    </section>
  );
}
