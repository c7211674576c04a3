// Creating accounts and changing roles: the rules (a province officer has a province, a ministry unit
// account has a ministry unit, nobody else has either; the last administrator stays), shared by the
// API and the CLI, each change written to the audit log in the same transaction.
import type { Db } from '../db/database.ts';
import { UserError } from '../server/errors.ts';
import * as store from './accessStore.ts';
import { audit, type AuditWho } from './audit.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { ROLE_NAMES, type Role } from './roles.ts';

export interface AccountInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  province?: string | null; // unit slug
  ministryUnit?: string | null; // ministry unit slug
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

const invalid = (vi: string, en: string) => new UserError(422, 'invalid_account', vi, en);

async function resolveScope(db: Db, role: Role, province?: string | null, ministryUnit?: string | null) {
  let provinceId: number | null = null;
  let ministryUnitId: number | null = null;
  if (role === 'province_officer') {
    if (!province) throw invalid('Cán bộ Sở Công Thương cần có tỉnh, thành phố.', 'A province officer needs a province.');
    const u = await db.k.selectFrom('unit').select(['id', 'level']).where('slug', '=', province).executeTakeFirst();
    if (!u || u.level !== 'province') throw invalid(`Không có tỉnh, thành phố "${province}".`, `No province "${province}".`);
    provinceId = u.id;
  } else if (province) {
    throw invalid(`Vai trò "${ROLE_NAMES[role].vi}" không gắn với tỉnh.`, `Role ${role} has no province.`);
  }
  if (role === 'ministry_unit') {
    if (!ministryUnit) throw invalid('Tài khoản đơn vị thuộc Bộ cần có đơn vị.', 'A ministry unit account needs its unit.');
    const m = await db.k.selectFrom('ministry_unit').select('id').where('slug', '=', ministryUnit).executeTakeFirst();
    if (!m) throw invalid(`Không có đơn vị thuộc Bộ "${ministryUnit}".`, `No ministry unit "${ministryUnit}".`);
    ministryUnitId = m.id;
  } else if (ministryUnit) {
    throw invalid(`Vai trò "${ROLE_NAMES[role].vi}" không gắn với đơn vị thuộc Bộ.`, `Role ${role} has no ministry unit.`);
  }
  return { provinceId, ministryUnitId };
}

export async function createAccount(db: Db, who: AuditWho, input: AccountInput): Promise<store.AccountRow> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw invalid('Tên đăng nhập 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
      'Username: 3–64 characters, lower-case letters, digits, dot, dash, underscore.');
  }
  const p = passwordProblem(input.password, username);
  if (p) throw invalid(p.vi, p.en);
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 200) throw invalid('Cần họ tên (tối đa 200 ký tự).', 'A display name is required (at most 200 characters).');
  const scope = await resolveScope(db, input.role, input.province, input.ministryUnit);
  const passwordHash = await hashPassword(input.password);
  return db.k.transaction().execute(async (trx) => {
    if (await store.findAccount(trx, { username })) {
      throw new UserError(409, 'username_taken', `Tên đăng nhập "${username}" đã có.`, `Username "${username}" is taken.`);
    }
    const id = await store.insertAccount(trx, { username, displayName, passwordHash, role: input.role, ...scope });
    const row = (await store.findAccount(trx, { id }))!;
    await audit(trx, who, { action: 'account.create', entity: 'account', entityId: id, after: publicView(row) });
    return row;
  });
}

export interface RoleChange {
  role?: Role;
  province?: string | null;
  ministryUnit?: string | null;
  displayName?: string;
  active?: boolean;
  password?: string;
  expectedVersion?: number;
}

export async function changeAccount(db: Db, who: AuditWho, username: string, c: RoleChange): Promise<store.AccountRow> {
  const before = await store.findAccount(db.k, { username });
  if (!before) throw new UserError(404, 'not_found', `Không có tài khoản "${username}".`, `No account "${username}".`);
  const role = c.role ?? before.role;
  const roleOrScopeChanged = c.role !== undefined || c.province !== undefined || c.ministryUnit !== undefined;
  const scope = roleOrScopeChanged
    ? await resolveScope(db, role,
      c.province !== undefined ? c.province : role === before.role ? before.provinceSlug : null,
      c.ministryUnit !== undefined ? c.ministryUnit : role === before.role ? before.ministryUnitSlug : null)
    : null;
  if (c.password !== undefined) {
    const p = passwordProblem(c.password, username);
    if (p) throw invalid(p.vi, p.en);
  }
  const passwordHash = c.password !== undefined ? await hashPassword(c.password) : undefined;
  return db.k.transaction().execute(async (trx) => {
    const ok = await store.updateAccount(trx, before.id, {
      role: c.role, displayName: c.displayName?.trim(), active: c.active, passwordHash, ...(scope ?? {}),
    }, c.expectedVersion ?? before.version);
    if (!ok) {
      const current = await store.findAccount(trx, { id: before.id });
      throw new UserError(409, 'conflict', 'Tài khoản vừa được người khác sửa; hãy tải lại.', 'Someone else changed this account; reload it.', current && publicView(current));
    }
    // The system is never left without an administrator who can sign in.
    if (before.role === 'admin' && (role !== 'admin' || c.active === false) && (await store.countAdmins(trx)) === 0) {
      throw new UserError(409, 'last_admin', 'Không thể bỏ quyền quản trị viên cuối cùng.', 'The last administrator cannot be removed.');
    }
    // A new role, a disabled account or a new password ends the sessions opened under the old one.
    if (roleOrScopeChanged || c.active === false || passwordHash) await store.deleteSessionsOf(trx, before.id);
    const after = (await store.findAccount(trx, { id: before.id }))!;
    await audit(trx, who, {
      action: passwordHash && !roleOrScopeChanged ? 'account.password' : 'account.update', entity: 'account', entityId: before.id,
      before: publicView(before), after: publicView(after),
    });
    return after;
  });
}

/** What an account looks like to an administrator and in the audit log: never the password hash. */
export function publicView(a: store.AccountRow) {
  return {
    id: a.id, username: a.username, display_name: a.displayName, role: a.role, province: a.provinceSlug,
    ministry_unit: a.ministryUnitSlug, active: a.active, created_at: a.createdAt, last_sign_in_at: a.lastSignInAt, version: a.version,
  };
}
