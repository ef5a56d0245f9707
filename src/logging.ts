import type { LoggerOptions } from 'pino';
import type { LogLevel } from './config.js';

/** The token of an invitation or reset link, in the API path or the console page's. */
const SECRET_IN_PATH = /(\/(?:invitations|reset-password)\/)[^/?#]+/g;
/** A path segment shaped like a Steward secret (32+ URL-safe characters), whichever route carries it; ids are 24. */
const SECRET_SEGMENT = /(?<=\/)[A-Za-z0-9_-]{32,}(?=[/?#]|$)/g;
/** Query parameters that carry secrets: `?token=`, OAuth's `?code=` and `?state=`, and the like. */
const SECRET_PARAM = /token|code|state|secret|password|key/i;
/** Body fields that are secrets, should anything ever log a body or an object holding one. */
const SECRET_FIELDS = ['password', 'current_password', 'new_password', 'code', 'recovery_code', 'token', 'secret'];

/**
 * Logs never carry credentials: auth and cookie headers (both ways) and bodies are redacted,
 * and secrets that travel in URLs (invitation and reset links, OAuth callbacks) are masked
 * before a request line is written.
 */
export function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.body',
        'res.headers["set-cookie"]',
        ...SECRET_FIELDS,
        ...SECRET_FIELDS.map((field) => `*.${field}`),
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
    },
  };
}

/** A request URL with its secrets masked: the path's link tokens and secret-named query parameters. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt))
    .replace(SECRET_IN_PATH, '$1[redacted]')
    .replace(SECRET_SEGMENT, '[redacted]');
  if (queryAt === -1) return path;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      return SECRET_PARAM.test(name) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}
