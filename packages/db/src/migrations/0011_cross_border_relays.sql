-- Cross-border relays (Art. 67(3), 68(5), 62; EHDS.md §15): the applicant deals with the one HDAB
-- they applied to, so a receiving HDAB's request for additional information (Art. 68(4)) and its fee
-- estimate (Art. 62) come to the origin hub, and the applicant's answer and acceptance go back from
-- there. These tables are kept at the origin hub, one row per request or estimate of each peer.

-- A peer HDAB's request for additional information on its copy, and the applicant's answer.
CREATE TABLE cross_border_information_request (
  application_id UUID NOT NULL,
  peer_country CHAR(2) NOT NULL,
  -- The peer's history sequence number of its request-information event: names the request there.
  request_seq BIGINT NOT NULL,
  reason TEXT NOT NULL,
  requested_at TIMESTAMPTZ NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  answer TEXT,
  answered_by UUID REFERENCES account(id),
  answered_at TIMESTAMPTZ,
  -- The outbox message carrying the answer to the peer.
  answer_message_id UUID,
  PRIMARY KEY (application_id, peer_country, request_seq),
  FOREIGN KEY (application_id, peer_country) REFERENCES cross_border_forward (application_id, peer_country)
);

-- A peer HDAB's itemised fee estimate for its part, and the applicant's acceptance (Art. 62(5)).
CREATE TABLE cross_border_fee_estimate (
  application_id UUID NOT NULL,
  peer_country CHAR(2) NOT NULL,
  -- The peer's own id of the estimate (its fee_estimate row): the acceptance names it.
  estimate_id UUID NOT NULL,
  estimate JSONB NOT NULL,
  total NUMERIC(12, 2) NOT NULL,
  sent_at TIMESTAMPTZ NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  accepted_by UUID REFERENCES account(id),
  accepted_at TIMESTAMPTZ,
  -- The outbox message carrying the acceptance to the peer.
  accept_message_id UUID,
  PRIMARY KEY (application_id, peer_country, estimate_id),
  FOREIGN KEY (application_id, peer_country) REFERENCES cross_border_forward (application_id, peer_country)
);
