-- The per-caller query budget of the hub's Beacon network (issue 5 §3; EHDS.md §16): many narrow
-- queries can rebuild what one broad query may not show, so each caller — an account when signed in,
-- a client address otherwise — may ask only so many. A token bucket per caller: `tokens` left as of
-- `refilled_at`, refilled continuously at the configured rate (server/src/beacon/budget.ts). Kept in
-- the store so a restart or a second hub process does not hand out a fresh budget.
CREATE TABLE beacon_budget (
  caller TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  refilled_at TIMESTAMPTZ NOT NULL
);
