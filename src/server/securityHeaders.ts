// Security headers on every response (src/security/headers.ts): a strict Content-Security-Policy per
// HTML page (its own inline scripts and styles by hash, nothing else inline, no eval), a deny-all
// policy on everything else, nosniff, no framing, no referrer, isolation headers, HSTS over HTTPS,
// and no caching of what a signed-in user was sent. A route that sets its own policy keeps it.
import type { FastifyInstance } from 'fastify';
import { API_CSP, HSTS, htmlCspCached, STATIC_HEADERS } from '../security/headers.ts';

/** Called on the root instance (not through register, so the hook covers every route). */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.headers(STATIC_HEADERS);
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (!reply.hasHeader('content-security-policy')) {
      const type = String(reply.getHeader('content-type') ?? '');
      const html = type.startsWith('text/html');
      // Swagger UI (/docs) injects its own <style> elements at run time: styles only are relaxed there.
      const opts = { inlineStyles: req.url.startsWith('/docs') };
      reply.header('content-security-policy', html && typeof payload === 'string' ? htmlCspCached(payload, opts) : html ? htmlCspCached('', opts) : API_CSP);
    }
    if ((req as { actor?: unknown }).actor && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
