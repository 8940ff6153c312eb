-- Identity: organisation kinds and the verified public-body flag (Art. 53(2)), memberships, a second
-- factor (TOTP), sign-in challenges, OpenID Connect identities (national eID for citizens), scoped
-- API tokens, and the hub secrets identity needs.

-- Organisation kinds are a closed list. Rows written before the list existed are normalised first
-- ("Public body" → public_body); the hub itself only ever wrote data_holder, biotech_company and hdab,
-- so anything else can only be a hand-made entry and becomes data_holder, the kind nodes create.
UPDATE organisation SET kind = lower(regexp_replace(trim(kind), '[^A-Za-z]+', '_', 'g'));
UPDATE organisation SET kind = 'data_holder'
  WHERE kind NOT IN ('biotech_company', 'research_organisation', 'public_body', 'eu_body',
                     'healthcare_provider', 'data_holder', 'patient_organisation', 'ai_factory', 'hdab');
ALTER TABLE organisation ADD CONSTRAINT organisation_kind_known CHECK (kind IN (
  'biotech_company', 'research_organisation', 'public_body', 'eu_body', 'healthcare_provider',
  'data_holder', 'patient_organisation', 'ai_factory', 'hdab'));

-- Art. 53(2): purposes (a)-(c) are open only to public sector bodies and Union institutions, bodies,
-- offices and agencies. An administrator checks the evidence and sets this flag; the applications
-- feature reads it.
ALTER TABLE organisation ADD COLUMN public_body_verified BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE organisation ADD COLUMN public_body_verified_by UUID REFERENCES account(id);
ALTER TABLE organisation ADD COLUMN public_body_verified_at TIMESTAMPTZ;

-- Accounts signed in only through an identity provider (citizens, OIDC users) have no password.
ALTER TABLE account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE account ADD CONSTRAINT account_role_known
  CHECK (role IN ('data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'));
-- Citizens: a keyed pseudonym (HMAC-SHA256 with a hub secret) of the national identifier from the
-- eID provider. The identifier itself is never stored (GDPR Art. 5(1)(c) data minimisation).
ALTER TABLE account ADD COLUMN citizen_pseudonym TEXT;
CREATE UNIQUE INDEX account_citizen_pseudonym ON account (citizen_pseudonym) WHERE citizen_pseudonym IS NOT NULL;

-- An account may belong to several organisations, with a role in each; it acts for one at a time
-- (account.organisation_id, with account.role taken from that membership).
CREATE TABLE membership (
  account_id UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  organisation_id UUID NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('data_holder', 'data_user', 'hdab_staff', 'admin')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX membership_organisation ON membership (organisation_id);
INSERT INTO membership (account_id, organisation_id, role)
  SELECT id, organisation_id, role FROM account WHERE organisation_id IS NOT NULL AND role <> 'citizen';

-- How a session was started; roles that need a second factor only act through sessions that proved one.
ALTER TABLE session ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'password';

-- TOTP second factor (RFC 6238). The secret is needed to compute codes, so it cannot be hashed.
-- confirmed_at is NULL while enrolment waits for the first code; last_step refuses a code's replay.
CREATE TABLE account_totp (
  account_id UUID PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  confirmed_at TIMESTAMPTZ,
  last_step BIGINT NOT NULL DEFAULT -1,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Short-lived, single-use tokens between a correct password and the second factor ('totp') or the
-- enrolment of one ('enrol'). Only hashes are stored.
CREATE TABLE auth_challenge (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('totp', 'enrol')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX auth_challenge_expires ON auth_challenge (expires_at);

-- Accounts linked to an OpenID Connect identity, by the issuer's subject identifier.
CREATE TABLE external_identity (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  account_id UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  citizen_pseudonym TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_sign_in_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identity_account ON external_identity (account_id);

-- An OpenID Connect sign-in in flight: state, nonce and PKCE verifier stay at the hub, bound to the
-- browser by the hash of a short-lived cookie. Single use; rows expire after minutes.
CREATE TABLE oidc_login (
  state_hash TEXT PRIMARY KEY,
  binding_hash TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  return_to TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);

-- Personal API tokens for the CLI and automation: scoped, expiring, revocable; only the hash is kept.
CREATE TABLE api_token (
  id UUID PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scopes TEXT[] NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX api_token_account ON api_token (account_id);

-- Secrets the hub generates for itself when configuration gives none (e.g. the citizen pseudonym key
-- of a demo). Production sets them in configuration, so they are not kept beside the data.
CREATE TABLE hub_secret (
  id TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
