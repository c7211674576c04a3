// Starts bench/collection/serve.ts as a child process (the server under test apart from the clients,
// so the clients' CPU is never counted as server latency) and reads its CPU time from /proc.
// BENCH_SERVER_NODE_ARGS adds Node flags to the child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuMs } from '../load/server.ts';
import type { Kind } from './setup.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchServer {
  base: string;
  pid: number;
  /** CPU time (user + system) the server process has used so far, ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startBenchServer(kind: Kind): Promise<BenchServer> {
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'bench/collection/serve.ts', kind], {
    cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => { out += d; });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const m = /\{"port":(\d+)\}/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}):\n${out}${buf}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    cpuMs: () => cpuMs(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
