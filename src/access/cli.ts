// `congthuong account ...`: the first administrator is created here (the API needs one to sign in),
// then accounts are listed, given roles, disabled or given a new password. Every change is audited
// with the actor "cli:<system user>".
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { withStore } from '../cli/store.ts';
import { printTable } from '../cli/table.ts';
import { UserError } from '../server/errors.ts';
import { listAccounts } from './accessStore.ts';
import { changeAccount, createAccount, publicView } from './accounts.ts';
import { audit, type AuditWho } from './audit.ts';
import { clearFailures } from './lockout.ts';
import { isRole, ROLES, type Role } from './roles.ts';

const cliWho = (): AuditWho => ({ actor: null, label: `cli:${process.env.USER ?? 'system'}` });

/** Password from --password-file, then CONGTHUONG_PASSWORD, then a hidden prompt (typed twice). */
async function readPassword(file?: string): Promise<string> {
  if (file) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (process.env.CONGTHUONG_PASSWORD) return process.env.CONGTHUONG_PASSWORD;
  if (!process.stdin.isTTY) {
    throw Object.assign(new Error('no password'), {
      userMessage: 'Cần mật khẩu: --password-file <tệp> hoặc biến CONGTHUONG_PASSWORD. / A password is needed: --password-file or CONGTHUONG_PASSWORD.',
    });
  }
  const first = await prompt('Mật khẩu / password: ');
  const second = await prompt('Nhập lại / again: ');
  if (first !== second) throw Object.assign(new Error('mismatch'), { userMessage: 'Hai lần nhập không khớp. / The two entries differ.' });
  return first;
}

function prompt(question: string): Promise<string> {
  let muted = false;
  const out = new Writable({ write(chunk, _enc, done) { if (!muted) process.stdout.write(chunk); done(); } });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/** UserErrors (validation, conflicts) become the CLI's message in Vietnamese, then English. */
async function run(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof UserError) throw Object.assign(e, { userMessage: `${e.messageVi}\n${e.messageEn}` });
    throw e;
  }
}

function roleOf(s: string): Role {
  if (!isRole(s)) throw Object.assign(new Error('role'), { userMessage: `Vai trò không hợp lệ / invalid role: ${s} (${ROLES.join(', ')})` });
  return s;
}

export function registerAccountCommands(program: Command): void {
  const account = program.command('account').description('Tài khoản và vai trò / accounts and roles');

  account.command('create')
    .description('Tạo tài khoản (tài khoản đầu tiên: --admin) / create an account (the first one: --admin)')
    .requiredOption('--username <name>', 'tên đăng nhập / username')
    .requiredOption('--name <display name>', 'họ tên / display name')
    .option('--admin', 'quản trị viên / administrator')
    .option('--role <role>', `vai trò / role: ${ROLES.join(' | ')}`)
    .option('--province <slug>', 'tỉnh (cán bộ Sở) / province (province officers)')
    .option('--ministry-unit <slug>', 'đơn vị thuộc Bộ / ministry unit')
    .option('--password-file <file>', 'đọc mật khẩu từ tệp / read the password from a file')
    .action(async (o: { username: string; name: string; admin?: boolean; role?: string; province?: string; ministryUnit?: string; passwordFile?: string }) => run(async () => {
      const role = o.admin ? 'admin' : roleOf(o.role ?? 'viewer');
      const password = await readPassword(o.passwordFile);
      await withStore(async (db) => {
        const a = await createAccount(db, cliWho(), { username: o.username, displayName: o.name, password, role, province: o.province, ministryUnit: o.ministryUnit });
        console.log(`Đã tạo tài khoản ${a.username} (${a.role}). / Account ${a.username} created (${a.role}).`);
      });
    }));

  account.command('list')
    .description('Danh sách tài khoản / list accounts')
    .action(async () => run(() => withStore(async (db) => {
      const rows = (await listAccounts(db.k)).map(publicView);
      console.log(printTable(['username', 'role', 'province', 'ministry_unit', 'active', 'last_sign_in_at'],
        rows.map((r) => [r.username, r.role, r.province ?? '', r.ministry_unit ?? '', r.active ? 'có/yes' : 'khóa/disabled', r.last_sign_in_at ?? ''])));
    })));

  account.command('set-role <username> <role>')
    .description('Đổi vai trò (và tỉnh hoặc đơn vị) / change the role (and province or ministry unit)')
    .option('--province <slug>', 'tỉnh / province')
    .option('--ministry-unit <slug>', 'đơn vị thuộc Bộ / ministry unit')
    .action(async (username: string, role: string, o: { province?: string; ministryUnit?: string }) => run(() => withStore(async (db) => {
      const a = await changeAccount(db, cliWho(), username, { role: roleOf(role), province: o.province ?? null, ministryUnit: o.ministryUnit ?? null });
      console.log(`${a.username}: ${a.role}${a.provinceSlug ? ` (${a.provinceSlug})` : ''}${a.ministryUnitSlug ? ` (${a.ministryUnitSlug})` : ''}`);
    })));

  account.command('disable <username>')
    .description('Khóa tài khoản (kết thúc các phiên) / disable an account (ends its sessions)')
    .action(async (username: string) => run(() => withStore(async (db) => {
      await changeAccount(db, cliWho(), username, { active: false });
      console.log(`Đã khóa ${username}. / ${username} disabled.`);
    })));

  account.command('reset-password <username>')
    .description('Đặt mật khẩu mới / set a new password')
    .option('--password-file <file>', 'đọc mật khẩu từ tệp / read the password from a file')
    .action(async (username: string, o: { passwordFile?: string }) => run(async () => {
      const password = await readPassword(o.passwordFile);
      await withStore(async (db) => {
        await changeAccount(db, cliWho(), username, { password, active: true });
        console.log(`Đã đặt mật khẩu mới cho ${username}. / New password set for ${username}.`);
      });
    }));

  account.command('unlock <username>')
    .description('Mở khóa đăng nhập sau nhiều lần sai / unlock sign-in after repeated failures')
    .action(async (username: string) => run(() => withStore(async (db) => {
      const done = await clearFailures(db.k, username);
      if (done) await audit(db.k, cliWho(), { action: 'account.unlock', entity: 'account', after: { username: username.toLowerCase() } });
      console.log(done ? `Đã mở khóa ${username}. / ${username} unlocked.` : `${username} không bị khóa. / ${username} is not locked.`);
    })));
}
