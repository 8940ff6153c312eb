import { sign, verify } from 'node:crypto';
import { z } from 'zod';
import {
  canonicalJson,
  newNonce,
  privateKeyObject,
  publicKeyObject,
  toJsonValue,
  type JsonValue,
} from '@openehds/core';

/**
 * The signed envelope of a message between two HDAB hubs (Art. 67(3), 68(5): forwarded applications,
 * their status and the decisions that come back). The signature covers a domain tag of its own (so a
 * node message or a signed document can never pass as a hub message), the sender and recipient
 * countries (a message for DE cannot be replayed to FR), the message id the recipient
 * de-duplicates on, the type, the issue time and the canonical JSON of the body.
 */

/** Domain tag of hub-to-hub messages, distinct from node envelopes and signed documents. */
export const HUB_MESSAGE_DOMAIN = 'OPENEHDS-CROSS-BORDER-MESSAGE-1';

/** Where peers post messages (the same path on every hub). */
export const HUB_MESSAGE_PATH = '/api/cross-border/messages';

/** The message types hubs exchange. */
export const HUB_MESSAGE_TYPES = [
  'application.forward',
  'application.status',
  'application.decision',
  'application.withdraw',
  // Relays between the applicant at the origin and a receiving HDAB (Art. 68(4), 62).
  'application.information-request',
  'application.information-answer',
  'application.fee-estimate',
  'application.fee-accept',
] as const;
export type HubMessageType = (typeof HUB_MESSAGE_TYPES)[number];

/** A message between hubs; `signature` is Ed25519 over {@link hubMessageSigningInput}, base64url. */
export interface HubMessage<B = JsonValue> {
  sender: string;
  recipient: string;
  messageId: string;
  type: HubMessageType;
  issuedAt: string;
  /** Random, so two sends of the same message id never share a signature input. */
  nonce: string;
  body: B;
  signature: string;
}

const COUNTRY = z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code');

/** The shape of a hub message as it arrives. */
export const HubMessageSchema = z.object({
  sender: COUNTRY,
  recipient: COUNTRY,
  messageId: z.uuid(),
  type: z.enum(HUB_MESSAGE_TYPES),
  issuedAt: z.iso.datetime({ offset: true }),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 base64url characters'),
  body: z.json(),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature in base64url (86 characters)'),
});

/** The bytes a hub message's signature covers. */
export function hubMessageSigningInput(m: Omit<HubMessage<unknown>, 'signature'>): Buffer {
  const members = canonicalJson({
    body: m.body,
    issuedAt: m.issuedAt,
    messageId: m.messageId,
    nonce: m.nonce,
    recipient: m.recipient,
    sender: m.sender,
    type: m.type,
  });
  return Buffer.from(`${HUB_MESSAGE_DOMAIN}\n${members}`, 'utf8');
}

/** Signs a message with the hub's private key (PKCS#8 PEM); a fresh nonce and time each call. */
export function signHubMessage(
  privateKey: string,
  message: { sender: string; recipient: string; messageId: string; type: HubMessageType; body: unknown },
  now = new Date(),
): HubMessage {
  const unsigned = {
    sender: message.sender,
    recipient: message.recipient,
    messageId: message.messageId,
    type: message.type,
    issuedAt: now.toISOString(),
    nonce: newNonce(),
    body: toJsonValue(message.body ?? null),
  };
  const signature = sign(null, hubMessageSigningInput(unsigned), privateKeyObject(privateKey));
  return { ...unsigned, signature: signature.toString('base64url') };
}

/** True when the message's signature verifies under the peer's public key. */
export function verifyHubMessage(publicKey: string, message: HubMessage<unknown>): boolean {
  try {
    const { signature, ...rest } = message;
    return verify(
      null,
      hubMessageSigningInput(rest),
      publicKeyObject(publicKey),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
