-- Code-to-data jobs under a permit (issue 4 §5-6; Art. 73): a named person's script runs at a node
-- next to the permit's extract, in a sandbox or at an AI Factory; its log streams back here and its
-- output files go only to the airlock. The hub keeps what was run, where, by whom, how it ended,
-- and the GPU hours it reserved and used against the permit's grant (Art. 68(10)(f)).
CREATE TABLE job (
  id UUID PRIMARY KEY,
  -- human-readable, e.g. JOB-2026-000001
  reference TEXT NOT NULL UNIQUE,
  permit_id TEXT NOT NULL REFERENCES permit(id),
  -- the permit chain: GPU hours are counted across its versions
  permit_root_id TEXT NOT NULL,
  node_id UUID NOT NULL,
  author_id UUID NOT NULL REFERENCES account(id),
  -- python | r | javascript
  language TEXT NOT NULL,
  script TEXT NOT NULL,
  args JSONB NOT NULL,
  -- local | slurm | tes, or NULL: the node's default
  backend TEXT,
  -- { cpus, memoryMb, timeSeconds, gpus }
  limits JSONB NOT NULL,
  gpu_hours_reserved DOUBLE PRECISION NOT NULL DEFAULT 0,
  -- set when the job ended: GPUs x elapsed (NULL while it may still use its reservation)
  gpu_hours_used DOUBLE PRECISION,
  -- QUEUED | RUNNING | SUCCEEDED | FAILED | CANCELLED
  status TEXT NOT NULL,
  task_id UUID,
  exit_code INT,
  reason TEXT,
  message TEXT,
  -- the log as the node sent it; log_bytes counts the node's bytes (a resent chunk is recognised)
  log TEXT NOT NULL DEFAULT '',
  log_bytes BIGINT NOT NULL DEFAULT 0,
  log_truncated BOOLEAN NOT NULL DEFAULT false,
  airlock_request_id UUID REFERENCES airlock_request(id),
  -- what the node sent to the airlock and what it withheld, and why
  outputs JSONB,
  cancel_requested_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at TIMESTAMPTZ,
  ended_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX job_permit ON job (permit_id, created_at);
CREATE INDEX job_permit_root ON job (permit_root_id);
CREATE INDEX job_author ON job (author_id, created_at);

CREATE SEQUENCE job_reference_seq;
