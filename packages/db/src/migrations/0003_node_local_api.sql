-- The URL of a node's holder-facing local API (uploads, quality, description), as the node reports it
-- in a signed message. The hub only hands it, with a short-lived token, to that data holder's own
-- signed-in staff; the hub itself never calls it (nodes pull).
ALTER TABLE node ADD COLUMN local_api_url TEXT;
