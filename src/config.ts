import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /**
   * Origin of links that leave the server (mail). Never taken from a request's Host header,
   * which a caller controls; defaults to this machine's port on localhost.
   */
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  /** The built console to serve at `/`; `null`: the one `npm run build` made (dist/web). */
  consoleDir: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  /**
   * How long a worker holds the mail it is sending. A live worker renews it; a killed one lets
   * it lapse, and the mail goes out from another process (or this one, restarted) after it.
   */
  mailLeaseSeconds: number;
  redisUrl: string | null;
  secret: string;
  /** Addresses or CIDR ranges of proxies whose X-Forwarded-* headers are believed. */
  trustProxy: string[];
  /** Origins allowed to call the API from a browser (CORS); empty: none, the default. */
  corsOrigins: string[];
  /** Requests a minute one client address may send to the sign-in routes together (http/hardening.ts). */
  authRateLimit: number;
  /** "Sign in with Google" (OpenID Connect); `null` when not configured. */
  google: GoogleSignInConfig | null;
  logLevel: LogLevel;
}

export interface GoogleSignInConfig {
  clientId: string;
  clientSecret: string;
  /** Google's issuer by default; tests and private deployments point it elsewhere. */
  issuer: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const SECRET_FILE = 'steward-secret';
const GOOGLE_ISSUER = 'https://accounts.google.com';
const MIN_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

/**
 * The only reader of the environment. Collects every problem before failing, so an operator
 * fixes a broken deployment in one round instead of one variable at a time.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? null : value;
  };

  const port = parsePort(text('PORT') ?? '8080');
  if (port === null) problems.push('PORT must be a whole number from 0 to 65535');

  const publicUrl = text('PUBLIC_URL');
  if (publicUrl !== null && !isHttpUrl(publicUrl)) {
    problems.push('PUBLIC_URL must be an http(s) URL such as https://steward.example.com');
  }

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const smtpUrl = text('SMTP_URL');
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  }

  const mailLeaseSeconds = parseWholeNumber(text('MAIL_LEASE_SECONDS') ?? '60', 1, 3_600);
  if (mailLeaseSeconds === null) problems.push('MAIL_LEASE_SECONDS must be a whole number of seconds from 1 to 3600');

  const redisUrl = text('REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const logLevel = (text('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const trustProxy = (text('TRUST_PROXY') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

  const corsOrigins = (text('CORS_ORIGINS') ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/\/+$/, ''))
    .filter((entry) => entry !== '');
  for (const origin of corsOrigins) {
    if (!isHttpUrl(origin))
      problems.push(`CORS_ORIGINS entry "${origin}" must be an origin such as https://app.example.com`);
  }

  const authRateLimit = parseWholeNumber(text('AUTH_RATE_LIMIT') ?? '30', 1, 1_000_000);
  if (authRateLimit === null) problems.push('AUTH_RATE_LIMIT must be a whole number of requests a minute, at least 1');

  const googleClientId = text('GOOGLE_CLIENT_ID');
  const googleClientSecret = text('GOOGLE_CLIENT_SECRET');
  const googleIssuer = text('GOOGLE_ISSUER') ?? GOOGLE_ISSUER;
  if ((googleClientId === null) !== (googleClientSecret === null)) {
    problems.push('GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together');
  }
  if (!isHttpUrl(googleIssuer)) problems.push('GOOGLE_ISSUER must be an http(s) URL');

  const dataDir = resolve(text('STEWARD_DATA_DIR') ?? './data');
  const consoleDirText = text('CONSOLE_DIR');
  const consoleDir = consoleDirText === null ? null : resolve(consoleDirText);
  let secret = text('STEWARD_SECRET');
  if (secret !== null && secret.length < MIN_SECRET_LENGTH) {
    problems.push(`STEWARD_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (secret === null && databaseUrl !== null) {
    problems.push('STEWARD_SECRET is required when DATABASE_URL is set (every process must share it)');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  secret ??= readOrCreateLocalSecret(dataDir);

  return {
    port: port ?? 8080,
    host: text('HOST') ?? '0.0.0.0',
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? `http://localhost:${port ?? 8080}`,
    databaseUrl,
    dataDir,
    consoleDir,
    smtpUrl,
    mailFrom: text('MAIL_FROM') ?? 'Steward <no-reply@steward.localhost>',
    mailLeaseSeconds: mailLeaseSeconds ?? 60,
    redisUrl,
    secret,
    trustProxy,
    corsOrigins,
    authRateLimit: authRateLimit ?? 30,
    google:
      googleClientId === null || googleClientSecret === null
        ? null
        : { clientId: googleClientId, clientSecret: googleClientSecret, issuer: googleIssuer.replace(/\/+$/, '') },
    logLevel,
  };
}

function parsePort(value: string): number | null {
  if (!/^\d+$/.test(value)) return null;
  const port = Number(value);
  return port <= 65535 ? port : null;
}

function parseWholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The embedded store lives in one folder on one machine, so its secret can live beside it.
 * It is created once with owner-only permissions and reused, or every token would break.
 */
function readOrCreateLocalSecret(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process (a CLI command beside the server) created it first: use theirs.
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
