-- The e-mail address a person is known by, so a signed-in account can be matched to the persons a
-- permit authorises (Art. 68(10)(d)) and given their GA4GH visas. Set for local accounts by an
-- admin or the demo seed, and from the identity provider's `email` claim for researchers. Never set
-- for citizens (only a keyed pseudonym is kept for them).
ALTER TABLE account ADD COLUMN email TEXT;
