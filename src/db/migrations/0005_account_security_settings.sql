-- An account's security rules. One row per account, created on first change; an account
-- without a row has the defaults. Later rules (sessions, 2FA, password policy) add columns.
CREATE TABLE account_security_settings (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  -- IPv4/IPv6 addresses and CIDR ranges, normalised; empty: API tokens work from anywhere
  trusted_ips text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL
);
