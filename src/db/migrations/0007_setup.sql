-- First-run setup links. While the store has no account, each server start logs a new link;
-- only the keyed hash of its token is kept. A link works once, until it expires, and never
-- after any account exists.
CREATE TABLE setup_tokens (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
