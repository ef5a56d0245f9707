-- The Google account an identity signs in with, by Google's subject id ("sub"), which never
-- changes, unlike an email: from the first sign-in on, that Google account alone signs the
-- identity in, even after its email changes at Google, and another Google account that shows
-- the same email (a recycled address) is refused.
CREATE TABLE external_identities (
  provider text NOT NULL,
  subject text NOT NULL,
  identity_id text NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (provider, subject)
);

CREATE UNIQUE INDEX external_identities_identity_provider ON external_identities (identity_id, provider);
