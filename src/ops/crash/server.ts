// The real server as a child process (`node bin/congthuong.mjs serve`), for crash tests: started on a
// free port with its own store, waited for through /ready, killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = `${ROOT}bin/congthuong.mjs`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** Spawns a `congthuong` command; its output is kept (the last 20 kB) for the failure message. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, exited, output: () => out };
}

export function startServer(env: NodeJS.ProcessEnv, port: number): Child {
  return spawnCli(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1', WEB_BUILD: 'off', LOG_LEVEL: 'warn' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls /ready until 200; fails when the process exits or the time is up. */
export async function waitReady(base: string, child: Child, timeoutMs = 180_000): Promise<void> {
  const t0 = Date.now();
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() - t0 < timeoutMs) {
    if (exited) throw new Error(`máy chủ dừng trước khi sẵn sàng / server exited before ready:\n${child.output()}`);
    try {
      const r = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${child.output()}`);
}

export async function kill9(child: Child): Promise<void> {
  if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
  await child.exited;
}

/** A session over HTTP, as a browser holds it: the cookie to send back and the CSRF token for writes. */
export interface HttpSession { cookie: string; csrf: string }

/** The server answered a sign-in with something other than 200. */
export class SignInError extends Error {
  constructor(readonly status: number, body: string) {
    super(`sign-in: ${status} ${body}`);
  }
}

/** Signs in through the API. Rejects as fetch does when nobody answers, with SignInError when refused. */
export async function signInOverHttp(base: string, credentials: { username: string; password: string }): Promise<HttpSession> {
  const r = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials), signal: AbortSignal.timeout(30_000),
  });
  if (r.status !== 200) throw new SignInError(r.status, await r.text());
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (await r.json()).csrf_token as string };
}
