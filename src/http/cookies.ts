import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { SECOND_FACTOR_MINUTES, SESSION_LIFETIME_HOURS } from '../features/sessions/sessions.service.js';

/** The signed-in session's secret. */
export const SESSION_COOKIE = 'steward_session';
/** A sign-in waiting for its second step; worth nothing anywhere but that step. */
export const PENDING_COOKIE = 'steward_pending';
/** The header a cookie-authenticated change must carry (its value is in `GET /v1/me`). */
export const CSRF_HEADER = 'x-csrf-token';

function cookieOptions(config: Config, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Browsers drop Secure cookies over plain http, so it follows how the console is reached.
    secure: config.publicUrl.startsWith('https:'),
    maxAge: maxAgeSeconds,
  };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.clearCookie(PENDING_COOKIE, cookieOptions(config, 0));
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, SESSION_LIFETIME_HOURS * 3600));
}

export function setPendingCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(PENDING_COOKIE, token, cookieOptions(config, SECOND_FACTOR_MINUTES * 60));
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config, 0));
  reply.clearCookie(PENDING_COOKIE, cookieOptions(config, 0));
}

export function sessionCookieOf(req: FastifyRequest): string | undefined {
  return req.cookies[SESSION_COOKIE];
}

export function pendingCookieOf(req: FastifyRequest): string | undefined {
  return req.cookies[PENDING_COOKIE];
}
