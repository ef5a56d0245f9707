-- Steward's first schema. Every tenant table carries account_id and leads its keys and
-- indexes with it, so the data can later be distributed by account without a rewrite.
-- Sortable and searchable text is kept lower-cased by the application and compared under
-- the "C" collation, so PGlite and any PostgreSQL server order and match rows identically.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  features text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One person across every account (unified login). Global, not a tenant table.
CREATE TABLE identities (
  id text PRIMARY KEY,
  email text COLLATE "C" NOT NULL UNIQUE,
  name text NOT NULL,
  is_super_admin boolean NOT NULL DEFAULT false,
  password_hash text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE environments (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, name_key)
);

-- Custom roles only: the built-in ones are part of the code and cannot change.
CREATE TABLE roles (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key text COLLATE "C" NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  privileges text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, key)
);

-- An identity in one account: the "user" of the Users API. user_email and user_name are
-- copies of the identity's, kept here so every sort key is indexable per account.
CREATE TABLE memberships (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
  user_email text COLLATE "C" NOT NULL,
  user_name text NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  is_admin boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  status text NOT NULL CHECK (status IN ('invited', 'active')),
  source text COLLATE "C" NOT NULL CHECK (source IN ('rivery', 'active_directory')),
  allow_login_password boolean NOT NULL DEFAULT true,
  allow_login_google boolean NOT NULL DEFAULT false,
  allow_login_sso boolean NOT NULL DEFAULT false,
  invited_by text COLLATE "C",
  onboarding jsonb,
  last_login timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, user_id),
  UNIQUE (account_id, user_email)
);
-- One index per sort key, ending in user_id for the stable tie-break. Nullable keys get one
-- index per direction because nulls sort last in both orders.
CREATE INDEX memberships_created_at_idx ON memberships (account_id, created_at, user_id);
CREATE INDEX memberships_name_idx ON memberships (account_id, name_key, user_id);
CREATE INDEX memberships_admin_idx ON memberships (account_id, is_admin, user_id);
CREATE INDEX memberships_source_idx ON memberships (account_id, source, user_id);
CREATE INDEX memberships_last_login_asc_idx ON memberships (account_id, last_login ASC NULLS LAST, user_id ASC);
CREATE INDEX memberships_last_login_desc_idx ON memberships (account_id, last_login DESC NULLS LAST, user_id DESC);
CREATE INDEX memberships_invited_by_asc_idx ON memberships (account_id, invited_by ASC NULLS LAST, user_id ASC);
CREATE INDEX memberships_invited_by_desc_idx ON memberships (account_id, invited_by DESC NULLS LAST, user_id DESC);
CREATE INDEX memberships_name_trgm_idx ON memberships USING gin (name_key gin_trgm_ops);
CREATE INDEX memberships_email_trgm_idx ON memberships USING gin (user_email gin_trgm_ops);
-- The one lookup by identity across accounts (an identity's memberships, keeping copies fresh).
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE membership_roles (
  account_id text NOT NULL,
  user_id text NOT NULL,
  environment_id text NOT NULL,
  role_key text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, user_id, environment_id),
  FOREIGN KEY (account_id, user_id) REFERENCES memberships (account_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, environment_id) REFERENCES environments (account_id, id) ON DELETE CASCADE
);
CREATE INDEX membership_roles_role_idx ON membership_roles (account_id, role_key);
CREATE INDEX membership_roles_environment_idx ON membership_roles (account_id, environment_id);

CREATE TABLE teams (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  description text NOT NULL DEFAULT '',
  source text COLLATE "C" NOT NULL DEFAULT 'rivery' CHECK (source IN ('rivery', 'active_directory')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, name_key)
);

CREATE TABLE team_roles (
  account_id text NOT NULL,
  team_id text NOT NULL,
  environment_id text NOT NULL,
  role_key text COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, team_id, environment_id),
  FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, environment_id) REFERENCES environments (account_id, id) ON DELETE CASCADE
);
CREATE INDEX team_roles_role_idx ON team_roles (account_id, role_key);

CREATE TABLE team_members (
  account_id text NOT NULL,
  team_id text NOT NULL,
  user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, team_id, user_id),
  FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, user_id) REFERENCES memberships (account_id, user_id) ON DELETE CASCADE
);
CREATE INDEX team_members_user_idx ON team_members (account_id, user_id, team_id);

-- The secret is never stored: token_hash is a keyed hash of the whole token.
CREATE TABLE api_tokens (
  account_id text NOT NULL,
  id text NOT NULL,
  owner_id text NOT NULL,
  name text NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  token_hash text NOT NULL,
  scopes text[] NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  last_used_ip text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, token_hash),
  UNIQUE (account_id, name_key),
  FOREIGN KEY (account_id, owner_id) REFERENCES memberships (account_id, user_id) ON DELETE CASCADE
);
CREATE INDEX api_tokens_owner_idx ON api_tokens (account_id, owner_id);

CREATE TABLE invitations (
  account_id text NOT NULL,
  id text NOT NULL,
  user_id text NOT NULL,
  token_hash text NOT NULL,
  invited_by_id text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, token_hash),
  FOREIGN KEY (account_id, user_id) REFERENCES memberships (account_id, user_id) ON DELETE CASCADE
);
CREATE INDEX invitations_user_idx ON invitations (account_id, user_id);

-- Kept when the account's rows go: the record of what happened outlives them.
CREATE TABLE audit_events (
  account_id text NOT NULL,
  id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('identity', 'token', 'system')),
  actor_id text,
  token_id text,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  before jsonb,
  after jsonb,
  request_id text,
  client_ip text,
  PRIMARY KEY (account_id, id)
);
CREATE INDEX audit_events_time_idx ON audit_events (account_id, occurred_at DESC, id DESC);

-- Mail is written in the transaction of the change that sends it and drained by a worker.
-- The body, which may hold a single-use link, is erased once the message is delivered.
CREATE TABLE mail_outbox (
  id text PRIMARY KEY,
  account_id text,
  template text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text,
  html_body text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
