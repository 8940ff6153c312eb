-- The end of a permit version is itself an administrative act: a revocation (Art. 63) and an expiry
-- (Art. 68(12)) are signed by the hub like the decision and the permit versions, so the data user
-- and the nodes can prove when and why access ended. Kept on the history entry of that end.
ALTER TABLE permit_event ADD COLUMN signed JSONB;
