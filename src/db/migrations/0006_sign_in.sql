-- Signing in and the account security rules that govern it. Sessions, second factors and
-- mail links belong to an identity (one person across accounts), so those tables are global.

ALTER TABLE identities
  ADD COLUMN password_changed_at timestamptz,
  ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
  ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}',
  -- the TOTP secret, encrypted with a key derived from STEWARD_SECRET; set at enrolment
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_enabled_at timestamptz,
  -- the last time step a code was accepted for: a code is never accepted twice
  ADD COLUMN totp_last_step bigint;

ALTER TABLE account_security_settings
  ADD COLUMN idle_timeout_minutes integer NOT NULL DEFAULT 60,
  ADD COLUMN max_sessions_per_user integer NOT NULL DEFAULT 10,
  ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false,
  ADD COLUMN password_min_length integer NOT NULL DEFAULT 12,
  ADD COLUMN password_character_classes integer NOT NULL DEFAULT 0,
  ADD COLUMN password_history_count integer NOT NULL DEFAULT 0,
  ADD COLUMN password_max_age_days integer;

-- Earlier password hashes, for the accounts that refuse reuse of the last N.
CREATE TABLE password_history (
  identity_id text NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
  id text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (identity_id, id)
);

-- Single-use codes that stand in for a lost authenticator; only keyed hashes are kept.
CREATE TABLE recovery_codes (
  identity_id text NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (identity_id, code_hash)
);

-- A signed-in browser. The cookie carries a random secret; only its keyed hash is stored,
-- so the table cannot be replayed. `second_factor`: password checked, TOTP step pending.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  identity_id text NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  stage text NOT NULL CHECK (stage IN ('second_factor', 'active')),
  method text NOT NULL CHECK (method IN ('password', 'google', 'sso')),
  -- the account the person works in; null until they have one
  account_id text REFERENCES accounts (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  client_ip text,
  user_agent text
);
CREATE INDEX sessions_identity_idx ON sessions (identity_id, created_at);

-- Single-use links sent by mail for an identity: password resets and email changes.
CREATE TABLE identity_links (
  token_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_change')),
  identity_id text NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
  new_email text COLLATE "C",
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX identity_links_identity_idx ON identity_links (identity_id, purpose);

-- Failed sign-ins counted per key (an email, or a client address), shared by every process.
CREATE TABLE sign_in_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  lockouts integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);

-- The record of sign-in attempts. Global: a failure may name an email that has no identity.
CREATE TABLE sign_in_events (
  id text PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'lockout')),
  email text COLLATE "C",
  identity_id text,
  method text NOT NULL,
  reason text,
  client_ip text
);
CREATE INDEX sign_in_events_identity_idx ON sign_in_events (identity_id, occurred_at DESC);
CREATE INDEX sign_in_events_time_idx ON sign_in_events (occurred_at DESC);

-- Which mail alerts a member receives in an account; no row: none.
CREATE TABLE alert_subscriptions (
  account_id text NOT NULL,
  user_id text NOT NULL,
  runtime_status boolean NOT NULL DEFAULT false,
  execution_status boolean NOT NULL DEFAULT false,
  user_notifications boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, user_id),
  FOREIGN KEY (account_id, user_id) REFERENCES memberships (account_id, user_id) ON DELETE CASCADE
);
