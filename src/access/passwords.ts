// Passwords: argon2id (OWASP's parameters: 19 MiB, 2 passes), and the rule a new password must meet.
import { hash, verify } from '@node-rs/argon2';

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

// The rule itself lives in a pure module the web page imports too; re-exported so imports stay as they were.
export { passwordProblem } from './passwordRule.ts';
