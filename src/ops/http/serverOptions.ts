// The Fastify constructor options operations need: structured JSON logs (pino) at LOG_LEVEL with secrets
// redacted, one log line per request (written by requestLog.ts, not Fastify's two default lines), the
// request id taken from the reverse proxy's X-Request-Id when it sends one, and which proxies to trust
// for the client's address and protocol (TRUST_PROXY).
import { randomUUID } from 'node:crypto';
import { LogController, type FastifyServerOptions } from 'fastify';
import type { Config } from '../../config/config.ts';

export interface OpsServerInput {
  logLevel?: string;
  config?: Config;
}

/** Paths pino replaces with "[redacted]" in any object logged, whoever logs it. */
export const REDACT = [
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]', 'headers.cookie', 'headers.authorization', 'headers["x-csrf-token"]', 'headers["set-cookie"]',
  '*.password', '*.password_hash', 'password', 'csrf_token', '*.csrf_token',
];

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function opsServerOptions(o: OpsServerInput): FastifyServerOptions {
  const level = o.config?.logLevel ?? o.logLevel;
  return {
    logger: level && level !== 'silent'
      ? {
        level,
        redact: { paths: REDACT, censor: '[redacted]' },
      }
      : false,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    // A hop count is supported at run time (proxy-addr) though Fastify's types omit it.
    trustProxy: (o.config?.ops.trustProxy ?? false) as FastifyServerOptions['trustProxy'],
    requestIdHeader: false, // genReqId reads and checks X-Request-Id itself
    // A proxy's id is kept when it looks like one (so logs of both correlate); anything else is replaced.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  };
}
