/** Who is acting: a person (session), a program (API token) or Steward itself (CLI, workers). */
export interface Actor {
  type: 'identity' | 'token' | 'system';
  /** The identity acting, or owning the token. */
  identityId: string | null;
  tokenId: string | null;
  /** Shown in audit records and `invited_by`: the person's email, or the CLI's name. */
  label: string;
}

/** What a service needs to know about the request it serves, and nothing about HTTP. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
  clientIp: string | null;
}

export const systemContext = (label = 'steward'): RequestContext => ({
  actor: { type: 'system', identityId: null, tokenId: null, label },
  requestId: null,
  clientIp: null,
});
