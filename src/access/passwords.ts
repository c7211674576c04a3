// Passwords: argon2id (OWASP's parameters: 19 MiB, 2 passes), and the rule a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from './commonPasswords.ts';

// Algorithm is a const enum in the typings, which our transpiler cannot inline: 2 = Argon2id.
const ARGON2ID = 2 as const;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS as any);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** A hash of nothing anyone knows, verified when the username does not exist so that the answer takes
 *  as long as for a wrong password (no probing for usernames by timing). */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

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
