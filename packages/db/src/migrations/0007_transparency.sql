-- Transparency and reporting (Art. 57(1)(j), 59, 61(4)): results that data users report, and the
-- publication of decisions in the public register.

-- Results of the processing that data users make public and report to the HDAB (Art. 61(4)): per
-- permit version, or per answered health data request (no permit then). The register publishes them
-- (Art. 57(1)(j)(v)); the Art. 59(1)(j)-(k) report counts publications and AI products.
CREATE TABLE permit_result (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id),
  permit_id TEXT REFERENCES permit(id),
  -- publication | dataset | software | ai_model | product | other
  kind TEXT NOT NULL CHECK (kind IN ('publication', 'dataset', 'software', 'ai_model', 'product', 'other')),
  title TEXT NOT NULL,
  doi TEXT,
  url TEXT,
  -- A product or AI system built with EHDS data (Art. 59(1)(k)).
  is_ai_product BOOLEAN NOT NULL DEFAULT false,
  reported_by UUID NOT NULL REFERENCES account(id),
  reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (doi IS NOT NULL OR url IS NOT NULL)
);
CREATE INDEX permit_result_application ON permit_result (application_id);
CREATE INDEX permit_result_reported ON permit_result (reported_at DESC, id DESC);

-- The register pages newest first by these dates.
CREATE INDEX application_submitted ON application (submitted_at DESC, id DESC) WHERE submitted_at IS NOT NULL;
CREATE INDEX application_decided ON application (decided_at DESC, id DESC) WHERE decided_at IS NOT NULL;
