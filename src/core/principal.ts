/** Who an authenticated request acts for, and what it may do right now. */
export interface Principal {
  /** `token`: an API token; `session`: a person signed in with a browser */
  kind: 'token' | 'session';
  tokenId: string | null;
  sessionId: string | null;
  /** the account the request acts in */
  accountId: string;
  identityId: string;
  email: string;
  scopes: ReadonlySet<string>;
  /** the identity's account-wide privileges in `accountId` at the time of the check */
  privileges: ReadonlySet<string>;
  isSuperAdmin: boolean;
  /** when the credential stops working; `null`: no fixed end */
  expiresAt: Date | null;
  /** whether the account accepts this credential from a client address (trusted IPs bind tokens only) */
  isTrustedAddress: (clientIp: string) => boolean;
}
