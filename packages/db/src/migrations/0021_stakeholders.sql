-- The stakeholder registry of the multistakeholder platform (issue 6 §1): organisations of the
-- European health-data and AI landscape (biotechs, data holders, providers, patient organisations,
-- regulators, HDABs, research, AI Factories), people in them and the relationships between them.
-- A stakeholder organisation is not a platform organisation: it need have no account here; when one
-- exists it may be linked (organisation_id). Its EHDS roles name Regulation (EU) 2025/327 roles.
CREATE TABLE stakeholder_org (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('biotech', 'data_holder', 'healthcare_provider',
    'patient_organisation', 'regulator', 'hdab', 'research', 'ai_factory', 'other')),
  -- ISO 3166-1 alpha-2, or EU / EEA for a Union-level body
  country TEXT NOT NULL,
  -- e.g. ["data_holder", "trusted_data_holder"]
  ehds_roles JSONB NOT NULL DEFAULT '[]'::jsonb,
  -- AI Factories only: { gpus: [{ model, count }], partitions: [...], services: [...] }
  ai_capabilities JSONB,
  interest SMALLINT NOT NULL CHECK (interest BETWEEN 1 AND 5),
  influence SMALLINT NOT NULL CHECK (influence BETWEEN 1 AND 5),
  website TEXT,
  description TEXT,
  organisation_id UUID REFERENCES organisation(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Names are unique whatever their case: the CSV import and the demo seed find organisations by name.
CREATE UNIQUE INDEX stakeholder_org_name ON stakeholder_org (lower(name));
CREATE INDEX stakeholder_org_type ON stakeholder_org (type);
CREATE INDEX stakeholder_org_country ON stakeholder_org (country);

-- People are personal data (GDPR Art. 4(1)): only what a contact list needs; the email is shown to
-- HDAB staff and administrators only.
CREATE TABLE stakeholder_person (
  id UUID PRIMARY KEY,
  org_id UUID NOT NULL REFERENCES stakeholder_org(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title TEXT,
  email TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX stakeholder_person_org ON stakeholder_person (org_id);

CREATE TABLE stakeholder_relationship (
  id UUID PRIMARY KEY,
  from_org UUID NOT NULL REFERENCES stakeholder_org(id) ON DELETE CASCADE,
  to_org UUID NOT NULL REFERENCES stakeholder_org(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('funds', 'supplies_data', 'collaborates', 'regulates', 'member_of',
    'provides_compute')),
  note TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (from_org <> to_org),
  UNIQUE (from_org, to_org, kind)
);
CREATE INDEX stakeholder_relationship_to ON stakeholder_relationship (to_org);
