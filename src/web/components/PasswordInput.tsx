// A password field with a "Hiện / Show" toggle (OWASP ASVS 2.1.12): a real button beside the field,
// reached with Tab and pressed with Enter or Space, whose aria-pressed says whether the password is
// shown. The field keeps its id, name and autocomplete, so labels and password managers still find it.
import { useState, type InputHTMLAttributes } from 'react';
import { useLang } from '../i18n.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { id: string };

export function PasswordInput(props: Props) {
  const { t } = useLang();
  const [shown, setShown] = useState(false);
  return (
    <span className="password-input">
      <input {...props} type={shown ? 'text' : 'password'} autoCapitalize="off" autoCorrect="off" spellCheck={false} />
      <button type="button" className="btn password-toggle" aria-pressed={shown} aria-controls={props.id} aria-label={t.showPasswordLabel}
        onClick={() => setShown((s) => !s)}>
        {t.showPassword}
      </button>
    </span>
  );
}
