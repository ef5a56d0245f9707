import type { LoggerOptions } from 'pino';
import type { LogLevel } from './config.js';

const SECRET_IN_PATH = /(\/invitations\/)[^/?#]+/g;

/**
 * Logs never carry credentials: auth and cookie headers are redacted and secrets that travel
 * in URL paths (invitation links) are masked before a request line is written.
 */
export function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'token', 'password'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: req.url.replace(SECRET_IN_PATH, '$1[redacted]'),
        ip: req.ip,
      }),
    },
  };
}
