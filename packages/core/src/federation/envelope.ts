import { randomBytes, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, toJsonValue, type JsonValue } from './canonical';
import { privateKeyObject, publicKeyObject } from './keys';

/**
 * The signed envelope of every node→hub message. The signature covers a domain tag, the HTTP method
 * and API path the message is sent to, and the canonical JSON of every other member, so a message
 * signed for one endpoint cannot be replayed against another and no member can change unnoticed.
 */

/** A node→hub message. `signature` is Ed25519 over {@link envelopeSigningInput}, base64url. */
export interface Envelope<B = JsonValue> {
  nodeId: string;
  type: string;
  body: B;
  nonce: string;
  issuedAt: string;
  signature: string;
}

/** Where a message is sent: the method and the API path (no host, no prefix, no query). */
export interface MessageTarget {
  method: string;
  path: string;
}

/** Domain tag: a signature made for a node message can never pass as anything else (e.g. a task). */
export const ENVELOPE_DOMAIN = 'OPENEHDS-FEDERATION-MESSAGE-1';

const NONCE = /^[A-Za-z0-9_-]{16,128}$/;

/** The shape of an envelope as it arrives; a missing or empty signature is reported as unsigned. */
export const EnvelopeSchema = z.object({
  nodeId: z.uuid(),
  type: z
    .string()
    .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'a dotted lower-case message type such as task.pull'),
  body: z.json(),
  nonce: z.string().regex(NONCE, '16 to 128 base64url characters'),
  issuedAt: z.iso.datetime({ offset: true }),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature in base64url (86 characters)'),
});

/** Why an arriving envelope was not even checked for a signature. */
export type EnvelopeShapeResult =
  | { ok: true; envelope: Envelope }
  | {
      ok: false;
      reason: 'unsigned' | 'malformed';
      message: string;
      issues: { path: string; message: string }[];
    };

/** Checks the shape of an arriving envelope; unsigned and malformed messages are told apart. */
export function parseEnvelope(raw: unknown): EnvelopeShapeResult {
  const record =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!record || record.signature === undefined || record.signature === null || record.signature === '') {
    return {
      ok: false,
      reason: 'unsigned',
      message: 'the message carries no signature; every node message must be a signed envelope',
      issues: [{ path: 'signature', message: 'required' }],
    };
  }
  const result = EnvelopeSchema.safeParse(record);
  if (result.success) return { ok: true, envelope: result.data as Envelope };
  return {
    ok: false,
    reason: 'malformed',
    message: 'the message envelope is malformed',
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** The exact bytes an envelope's signature covers. */
export function envelopeSigningInput(target: MessageTarget, e: Omit<Envelope<unknown>, 'signature'>): Buffer {
  const members = canonicalJson({
    body: e.body,
    issuedAt: e.issuedAt,
    nodeId: e.nodeId,
    nonce: e.nonce,
    type: e.type,
  });
  return Buffer.from(
    `${ENVELOPE_DOMAIN}\n${target.method.toUpperCase()}\n${target.path}\n${members}`,
    'utf8',
  );
}

/** A fresh random nonce (128 bits, base64url). */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Signs a message for one endpoint with the node's private key (PKCS#8 PEM). */
export function signEnvelope(
  privateKey: string,
  target: MessageTarget,
  message: { nodeId: string; type: string; body: unknown },
  options: { now?: Date; nonce?: string } = {},
): Envelope {
  const unsigned = {
    nodeId: message.nodeId,
    type: message.type,
    body: toJsonValue(message.body ?? null),
    nonce: options.nonce ?? newNonce(),
    issuedAt: (options.now ?? new Date()).toISOString(),
  };
  const signature = sign(null, envelopeSigningInput(target, unsigned), privateKeyObject(privateKey));
  return { ...unsigned, signature: signature.toString('base64url') };
}

/** True when the envelope's signature verifies for this endpoint under the given public key. */
export function verifyEnvelope(
  publicKey: string,
  target: MessageTarget,
  envelope: Envelope<unknown>,
): boolean {
  try {
    const { signature, ...rest } = envelope;
    return verify(
      null,
      envelopeSigningInput(target, rest),
      publicKeyObject(publicKey),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    // A key or body that cannot be encoded cannot have been signed by its holder.
    return false;
  }
}
