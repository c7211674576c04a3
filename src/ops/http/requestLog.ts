// One JSON log line per request when its response is sent: request id, method, URL (values of
// sensitive query parameters hidden), route template, status, duration. Headers — cookies, the CSRF
// token, authorisation — are never logged. Probes (/health, /ready, /metrics) log at debug only.
import type { FastifyReply, FastifyRequest } from 'fastify';

const SENSITIVE = /pass|token|secret|key|session|csrf|auth/i;
const PROBES = new Set(['/health', '/ready', '/metrics']);

/** The URL with the values of sensitive query parameters replaced. */
export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const k of [...params.keys()]) {
    if (SENSITIVE.test(k)) {
      params.set(k, '[redacted]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}

export const routeOf = (req: FastifyRequest) => req.routeOptions?.url ?? '(không khớp / unmatched)';

export function logRequest(req: FastifyRequest, reply: FastifyReply): void {
  const route = routeOf(req);
  const status = reply.statusCode;
  const level = PROBES.has(route) ? 'debug' : status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  // Below LOG_LEVEL nothing is written, so nothing is built (Fastify's no-op logger, when logging is
  // off, has no isLevelEnabled: it drops the line itself).
  const log = req.log as typeof req.log & { isLevelEnabled?: (l: string) => boolean };
  if (log.isLevelEnabled && !log.isLevelEnabled(level)) return;
  const line = {
    method: req.method,
    url: safeUrl(req.url),
    route,
    status,
    durationMs: Math.round(reply.elapsedTime * 100) / 100,
    ip: req.ip,
  };
  req.log[level](line, 'request');
}
