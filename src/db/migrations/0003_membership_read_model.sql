-- The Users API shows each user's roles and teams. Aggregating them per row on every list call
-- cost more than the rest of the query, so each membership keeps a copy: role_map
-- ({environment id: role key}) and team_ids (sorted). Statement-level triggers refresh the
-- copies of the users a change touches, in the change's own transaction, so they are never stale.

ALTER TABLE memberships
  ADD COLUMN role_map jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN team_ids jsonb NOT NULL DEFAULT '[]'::jsonb;

UPDATE memberships m SET
  role_map = coalesce((SELECT jsonb_object_agg(r.environment_id, r.role_key) FROM membership_roles r
                       WHERE r.account_id = m.account_id AND r.user_id = m.user_id), '{}'::jsonb),
  team_ids = coalesce((SELECT jsonb_agg(t.team_id ORDER BY t.team_id) FROM team_members t
                       WHERE t.account_id = m.account_id AND t.user_id = m.user_id), '[]'::jsonb);

CREATE FUNCTION steward_refresh_role_maps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships m SET role_map = coalesce((
      SELECT jsonb_object_agg(r.environment_id, r.role_key) FROM membership_roles r
      WHERE r.account_id = m.account_id AND r.user_id = m.user_id), '{}'::jsonb)
  FROM (SELECT DISTINCT account_id, user_id FROM changed) c
  WHERE m.account_id = c.account_id AND m.user_id = c.user_id;
  RETURN NULL;
END $$;

CREATE FUNCTION steward_refresh_team_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE memberships m SET team_ids = coalesce((
      SELECT jsonb_agg(t.team_id ORDER BY t.team_id) FROM team_members t
      WHERE t.account_id = m.account_id AND t.user_id = m.user_id), '[]'::jsonb)
  FROM (SELECT DISTINCT account_id, user_id FROM changed) c
  WHERE m.account_id = c.account_id AND m.user_id = c.user_id;
  RETURN NULL;
END $$;

CREATE TRIGGER membership_roles_copied_on_insert AFTER INSERT ON membership_roles
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_refresh_role_maps();
CREATE TRIGGER membership_roles_copied_on_update AFTER UPDATE ON membership_roles
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_refresh_role_maps();
CREATE TRIGGER membership_roles_copied_on_delete AFTER DELETE ON membership_roles
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_refresh_role_maps();
CREATE TRIGGER team_members_copied_on_insert AFTER INSERT ON team_members
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_refresh_team_ids();
CREATE TRIGGER team_members_copied_on_delete AFTER DELETE ON team_members
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION steward_refresh_team_ids();
