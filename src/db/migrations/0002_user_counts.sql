-- Exact user totals without counting rows on every list request.
-- account_user_stats keeps each account's member count and a version that every change to its
-- memberships or team memberships bumps, in the same transaction as the change (statement-level
-- triggers, so bulk loads cost one update). Filtered totals are cached per filter and version in
-- user_count_cache: an entry is only used while its version is the account's current one.

CREATE TABLE account_user_stats (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  members bigint NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 0
);

INSERT INTO account_user_stats (account_id, members, version)
SELECT a.id, (SELECT count(*) FROM memberships m WHERE m.account_id = a.id), 1
FROM accounts a;

CREATE FUNCTION steward_count_memberships_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_user_stats AS s (account_id, members, version)
  SELECT account_id, count(*), 1 FROM added GROUP BY account_id
  ON CONFLICT (account_id) DO UPDATE SET members = s.members + EXCLUDED.members, version = s.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION steward_count_memberships_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE account_user_stats s SET members = s.members - r.n, version = s.version + 1
  FROM (SELECT account_id, count(*) AS n FROM removed GROUP BY account_id) r
  WHERE s.account_id = r.account_id;
  RETURN NULL;
END $$;

CREATE FUNCTION steward_bump_user_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE account_user_stats s SET version = s.version + 1
  FROM (SELECT DISTINCT account_id FROM changed) c
  WHERE s.account_id = c.account_id;
  RETURN NULL;
END $$;

CREATE TRIGGER memberships_counted_on_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION steward_count_memberships_added();
CREATE TRIGGER memberships_counted_on_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION steward_count_memberships_removed();
CREATE TRIGGER memberships_versioned_on_update AFTER UPDATE ON memberships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_bump_user_version();
CREATE TRIGGER team_members_versioned_on_insert AFTER INSERT ON team_members
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_bump_user_version();
CREATE TRIGGER team_members_versioned_on_delete AFTER DELETE ON team_members
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_bump_user_version();

CREATE TABLE user_count_cache (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  filter_key text COLLATE "C" NOT NULL,
  version bigint NOT NULL,
  total bigint NOT NULL,
  PRIMARY KEY (account_id, filter_key)
);
