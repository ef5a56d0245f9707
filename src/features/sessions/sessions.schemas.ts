import { Type, type Static } from 'typebox';
import { toWireTimestamp } from '../../core/time.js';
import { IdSchema, Nullable, TimestampSchema } from '../../http/schemas.js';
import type { SessionView } from './sessions.service.js';

export const SessionParamsSchema = Type.Object(
  { session_id: IdSchema('The session id') },
  { additionalProperties: false },
);

export const MemberParamsSchema = Type.Object(
  { account_id: Type.String({ description: 'The account id' }), user_id: IdSchema('The user id') },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object(
  {
    session_id: Type.String(),
    method: Type.Union([Type.Literal('password'), Type.Literal('google'), Type.Literal('sso')], {
      description: 'How the person signed in',
    }),
    account_id: Nullable(Type.String(), { description: 'The account the session works in' }),
    created_at: TimestampSchema('When the person signed in'),
    last_seen_at: TimestampSchema('The last request, to the minute'),
    expires_at: TimestampSchema('When the session ends whatever its activity'),
    client_ip: Nullable(Type.String(), { description: 'The address it signed in from' }),
    user_agent: Nullable(Type.String()),
    current: Type.Boolean({ description: 'Whether this is the session making the request' }),
  },
  { title: 'Session' },
);
export type SessionResponse = Static<typeof SessionSchema>;

export const SessionListSchema = Type.Object({ items: Type.Array(SessionSchema) }, { title: 'SessionList' });

export const EndedSessionsSchema = Type.Object(
  { ended_sessions: Type.Integer({ description: 'How many sessions ended' }) },
  { title: 'EndedSessions' },
);

export function toSessionResponse(session: SessionView, currentId: string | null): SessionResponse {
  return {
    session_id: session.id,
    method: session.method,
    account_id: session.accountId,
    created_at: toWireTimestamp(session.createdAt),
    last_seen_at: toWireTimestamp(session.lastSeenAt),
    expires_at: toWireTimestamp(session.expiresAt),
    client_ip: session.clientIp,
    user_agent: session.userAgent,
    current: session.id === currentId,
  };
}
