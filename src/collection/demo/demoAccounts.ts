// Demo accounts, one per role, so that whoever runs `npm start` (serve --demo) can sign in and try every
// screen. Created only by the demo start; their shared password is published (sign-in page, README),
// so the sign-in page offers them only while this process serves the store in demo mode, and only the
// accounts that really have that password (an existing account of the same name is left alone).
import { changeAccount, createAccount } from '../../access/accounts.ts';
import * as accessStore from '../../access/accessStore.ts';
import { verifyPassword } from '../../access/passwords.ts';
import { ROLE_NAMES, type Role } from '../../access/roles.ts';
import type { Db } from '../../db/database.ts';

export const DEMO_PASSWORD = 'demo-CongThuong-2025';

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  province?: string;
  ministryUnit?: string;
  scope?: { vi: string; en: string };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống (thử nghiệm)', role: 'admin' },
  { username: 'chuyenvien', displayName: 'Nguyễn Thu Hà (chuyên viên, thử nghiệm)', role: 'analyst' },
  { username: 'sct-hanoi', displayName: 'Trần Minh Đức (Sở Công Thương Hà Nội, thử nghiệm)', role: 'province_officer', province: 'ha-noi', scope: { vi: 'Hà Nội', en: 'Hà Nội' } },
  { username: 'cuc-ctdp', displayName: 'Lê Văn Bình (Cục Công Thương địa phương, thử nghiệm)', role: 'ministry_unit', ministryUnit: 'cuc-cong-thuong-dia-phuong', scope: { vi: 'Cục Công Thương địa phương', en: 'Local Industry and Trade Agency' } },
  { username: 'xem', displayName: 'Người xem (thử nghiệm)', role: 'viewer' },
];

/** Stores this process serves in demo mode, with the demo accounts that can sign in. */
const demoStores = new WeakMap<Db, DemoAccount[]>();

export async function ensureDemoAccounts(db: Db): Promise<string[]> {
  const usable: DemoAccount[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const found = await accessStore.passwordHashOf(db.k, a.username);
    if (!found) {
      await createAccount(db, { actor: null, label: 'demo' }, {
        username: a.username, displayName: a.displayName, password: DEMO_PASSWORD, role: a.role, province: a.province, ministryUnit: a.ministryUnit,
      });
      usable.push(a);
    } else if (found.active && (await verifyPassword(found.hash, DEMO_PASSWORD))) {
      usable.push(a);
    }
  }
  demoStores.set(db, usable);
  return usable.map((a) => a.username);
}

/** What the sign-in page may show: nothing unless this store is served in demo mode. */
export function demoInfo(db: Db) {
  const accounts = demoStores.get(db);
  if (!accounts) return { demo: false as const };
  return {
    demo: true as const,
    password: DEMO_PASSWORD,
    accounts: accounts.map((a) => ({
      username: a.username, role: a.role, role_vi: ROLE_NAMES[a.role].vi, role_en: ROLE_NAMES[a.role].en,
      scope_vi: a.scope?.vi ?? null, scope_en: a.scope?.en ?? null,
    })),
  };
}

/**
 * A store once served with --demo and now served without it: demo accounts that still have the published
 * password are deactivated (their sessions end), so no one signs in with a password printed in the README.
 * The last administrator is left active, with a warning to change its password.
 */
export async function retireDemoAccounts(db: Db, warn: (message: string) => void): Promise<string[]> {
  const retired: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const found = await accessStore.passwordHashOf(db.k, a.username);
    if (!found?.active || !(await verifyPassword(found.hash, DEMO_PASSWORD))) continue;
    try {
      await changeAccount(db, { actor: null, label: 'demo-retire' }, a.username, { active: false });
      retired.push(a.username);
    } catch {
      warn(`Tài khoản "${a.username}" vẫn dùng mật khẩu thử nghiệm đã công bố; hãy đổi ngay / account "${a.username}" still has the published demo password; change it now.`);
    }
  }
  if (retired.length) warn(`Đã khóa tài khoản thử nghiệm / demo accounts deactivated: ${retired.join(', ')}`);
  return retired;
}
