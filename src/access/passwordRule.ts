// The rule a new password must meet, pure (no native module): the server applies it when an account is
// created or a password changed (accounts.ts, through passwords.ts), and the accounts page imports the
// very same function to say, as the administrator types, whether the password will be accepted.
import { isCommonPassword } from './commonPasswords.ts';

/** Why a new password is refused, or null. Length over composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, username: string): { vi: string; en: string } | null {
  // 12 characters at least (OWASP ASVS 2.1.1), counted in code points, runs of spaces as one.
  if ([...password.replace(/\s+/g, ' ')].length < 12) return { vi: 'Mật khẩu cần ít nhất 12 ký tự.', en: 'The password needs at least 12 characters.' };
  if (password.length > 200) return { vi: 'Mật khẩu dài quá 200 ký tự.', en: 'The password is longer than 200 characters.' };
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { vi: 'Mật khẩu không được chứa tên đăng nhập.', en: 'The password must not contain the username.' };
  }
  if (new Set(password).size < 4) return { vi: 'Mật khẩu quá đơn giản.', en: 'The password is too simple.' };
  if (isCommonPassword(password)) {
    return { vi: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến hoặc đã lộ; hãy chọn mật khẩu khác.', en: 'This password is on the list of common or breached passwords; choose another.' };
  }
  return null;
}
