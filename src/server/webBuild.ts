// Builds the web application with Vite's JavaScript API when src/web/dist is missing or older than
// its sources, so that a fresh clone works with `npm install && npm start`. Concurrent starts (tests
// in parallel) take turns through a lock directory; the build goes to a temporary folder that is
// renamed into place, so a server never sees half a build.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const WEB_ROOT = join(here, '..', 'web');
const DIST = join(WEB_ROOT, 'dist');
const LOCK = join(WEB_ROOT, '.build-lock');
/** Sources outside src/web that the bundle imports. */
const SHARED_SOURCES = [
  join(here, '..', 'shared', 'format.ts'),
  join(here, '..', 'periods'),
  join(here, '..', 'analytics', 'exploreTable.ts'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  // Files only: a directory's own time changes when the build's temporary folder is renamed in it.
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'dist' || name === 'node_modules' || name === 'e2e' || name.startsWith('.') || name.endsWith('.test.ts')) continue;
    max = Math.max(max, newestMtime(join(path, name)));
  }
  return max;
}

export function webBuildIsStale(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(WEB_ROOT), ...SHARED_SOURCES.map(newestMtime));
  return sources > built;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than five minutes belongs to a build that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 10 * 60_000) throw new Error('web build lock: timed out');
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface WebBuildResult {
  built: boolean;
  ms: number;
}

/** Builds when stale (or when forced). Throws with a message saying what to do when Vite is missing. */
export async function ensureWebBuilt(opts: { force?: boolean; log?: (s: string) => void } = {}): Promise<WebBuildResult> {
  const t0 = Date.now();
  if (!opts.force && !webBuildIsStale()) return { built: false, ms: 0 };
  return withLock(async () => {
    if (!opts.force && !webBuildIsStale()) return { built: false, ms: Date.now() - t0 };
    opts.log?.('Đang dựng ứng dụng web (Vite) / building the web app…');
    let vite: typeof import('vite');
    try {
      vite = await import('vite');
    } catch {
      // An install without devDependencies serves the build it shipped with.
      if (existsSync(join(DIST, 'index.html'))) {
        opts.log?.('Không có Vite: dùng bản dựng sẵn có / Vite is not installed: serving the existing build.');
        return { built: false, ms: Date.now() - t0 };
      }
      throw new Error('Thiếu Vite để dựng ứng dụng web: chạy `npm install` (gồm devDependencies) / Vite is missing: run `npm install` with dev dependencies.');
    }
    const tmp = join(WEB_ROOT, `.dist-${process.pid}-${Date.now()}`);
    try {
      await vite.build({ configFile: join(WEB_ROOT, 'vite.config.ts'), root: WEB_ROOT, logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
      rmSync(DIST, { recursive: true, force: true });
      renameSync(tmp, DIST);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return { built: true, ms: Date.now() - t0 };
  });
}
