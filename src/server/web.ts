// Serves the built web application (src/web/dist) on the API's origin: hashed assets cached for a year,
// index.html never cached, and every other GET that asks for HTML answered with index.html so that
// deep links (/region/south?indicator=…&period=…) open the app. Without a build, the plain start page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { startPage } from './startPage.ts';

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

const API_PREFIXES = ['/api/', '/api', '/docs', '/openapi.json'];

function isApiPath(url: string): boolean {
  const path = url.split('?')[0]!;
  return API_PREFIXES.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
}

export async function registerWeb(app: FastifyInstance, opts: { distDir?: string } = {}): Promise<void> {
  const dist = opts.distDir ?? WEB_DIST;
  const indexFile = join(dist, 'index.html');
  const built = existsSync(indexFile);
  // Re-read when the file changes (a rebuild while serving must not point at assets that are gone).
  let cached: { mtime: number; html: string } | null = null;
  const index = () => {
    const mtime = statSync(indexFile).mtimeMs;
    if (!cached || cached.mtime !== mtime) cached = { mtime, html: readFileSync(indexFile, 'utf8') };
    return cached.html;
  };

  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(built ? index() : startPage());

  if (built) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      index: false,
      wildcard: true,
      cacheControl: false,
      setHeaders(res, path) {
        const hashed = /[\\/]assets[\\/]/.test(path);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));

  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const wantsHtml = (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.url) &&
      !/\.[a-z0-9]{1,6}$/i.test(req.url.split('?')[0]!) && /text\/html|\*\/\*/.test(String(req.headers.accept ?? '*/*'));
    if (wantsHtml) return sendIndex(reply);
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}.`,
        messageEn: `No route ${req.method} ${req.url.split('?')[0]}.`,
      },
    });
  });
}
