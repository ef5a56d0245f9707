-- Every change to an account's users bumped the one account_user_stats row of the account, so
-- concurrent writes to different users of one account queued on that row lock until each
-- commit. The row is now split into slots: a transaction bumps the slot its transaction id
-- picks, and only that one, so writes spread over the slots and never lock two of them (no
-- deadlock between slots). The account's member count and version are the sums over its slots;
-- the version sum still grows with every committed change, which is all its readers rely on.

ALTER TABLE account_user_stats ADD COLUMN slot smallint NOT NULL DEFAULT 0;
ALTER TABLE account_user_stats DROP CONSTRAINT account_user_stats_pkey;
ALTER TABLE account_user_stats ADD PRIMARY KEY (account_id, slot);

CREATE FUNCTION steward_user_stats_slot() RETURNS smallint LANGUAGE sql VOLATILE AS $$
  SELECT (txid_current() % 16)::smallint
$$;

-- Accounts being deleted are skipped: their stats rows go with them.
CREATE OR REPLACE FUNCTION steward_count_memberships_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_user_stats AS s (account_id, slot, members, version)
  SELECT d.account_id, steward_user_stats_slot(), count(*), 1
  FROM added d JOIN accounts a ON a.id = d.account_id GROUP BY d.account_id
  ON CONFLICT (account_id, slot) DO UPDATE SET members = s.members + EXCLUDED.members, version = s.version + 1;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION steward_count_memberships_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_user_stats AS s (account_id, slot, members, version)
  SELECT r.account_id, steward_user_stats_slot(), -count(*), 1
  FROM removed r JOIN accounts a ON a.id = r.account_id GROUP BY r.account_id
  ON CONFLICT (account_id, slot) DO UPDATE SET members = s.members + EXCLUDED.members, version = s.version + 1;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION steward_bump_user_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_user_stats AS s (account_id, slot, members, version)
  SELECT DISTINCT c.account_id, steward_user_stats_slot(), 0, 1
  FROM changed c JOIN accounts a ON a.id = c.account_id
  ON CONFLICT (account_id, slot) DO UPDATE SET version = s.version + 1;
  RETURN NULL;
END $$;

-- The copies of roles and teams are rewritten only when they change: a membership inserted with
-- its copies already set (an invitation) is not written a second time by its role rows.
CREATE OR REPLACE FUNCTION steward_refresh_role_maps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships m SET role_map = fresh.role_map
  FROM (SELECT c.account_id, c.user_id, coalesce((
          SELECT jsonb_object_agg(r.environment_id, r.role_key) FROM membership_roles r
          WHERE r.account_id = c.account_id AND r.user_id = c.user_id), '{}'::jsonb) AS role_map
        FROM (SELECT DISTINCT account_id, user_id FROM changed) c) fresh
  WHERE m.account_id = fresh.account_id AND m.user_id = fresh.user_id AND m.role_map IS DISTINCT FROM fresh.role_map;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION steward_refresh_team_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships m SET team_ids = fresh.team_ids
  FROM (SELECT c.account_id, c.user_id, coalesce((
          SELECT jsonb_agg(t.team_id ORDER BY t.team_id) FROM team_members t
          WHERE t.account_id = c.account_id AND t.user_id = c.user_id), '[]'::jsonb) AS team_ids
        FROM (SELECT DISTINCT account_id, user_id FROM changed) c) fresh
  WHERE m.account_id = fresh.account_id AND m.user_id = fresh.user_id AND m.team_ids IS DISTINCT FROM fresh.team_ids;
  RETURN NULL;
END $$;
