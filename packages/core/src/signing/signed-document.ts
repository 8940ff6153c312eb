import { sign, verify } from 'node:crypto';
import { canonicalJson, toJsonValue, type JsonValue } from '../federation/canonical';
import { keyFingerprint, privateKeyObject, publicKeyObject } from '../federation/keys';

/**
 * A document the HDAB signs (a decision, a permit version, an audit checkpoint): its canonical JSON
 * with a type and a time, signed with the hub's Ed25519 key. It verifies offline, from the file
 * alone, with `ehds verify FILE`; the embedded public key is checked against the key the HDAB
 * publishes (`/api/federation/hub-key`) by comparing fingerprints, or pinned with `--key`.
 */
export interface SignedDocument<T = JsonValue> {
  /** What the document is, e.g. `openehds.decision/v1`; part of what is signed. */
  type: string;
  document: T;
  signature: {
    algorithm: 'Ed25519';
    publicKey: string;
    keyFingerprint: string;
    /** The signing time (UTC), covered by the signature: the time stamp of the decision. */
    signedAt: string;
    value: string;
  };
}

const DOMAIN = 'OPENEHDS-SIGNED-DOCUMENT-1';

function signingInput(type: string, document: JsonValue, signedAt: string): Buffer {
  return Buffer.from(`${DOMAIN}\n${canonicalJson({ document, signedAt, type })}`, 'utf8');
}

/** Signs a document with a PKCS#8 PEM Ed25519 private key and its raw public key. */
export function signDocument<T>(
  type: string,
  document: T,
  key: { privateKey: string; publicKey: string },
  now = new Date(),
): SignedDocument<JsonValue> {
  const doc = toJsonValue(document);
  const signedAt = now.toISOString();
  const value = sign(null, signingInput(type, doc, signedAt), privateKeyObject(key.privateKey));
  return {
    type,
    document: doc,
    signature: {
      algorithm: 'Ed25519',
      publicKey: key.publicKey,
      keyFingerprint: keyFingerprint(key.publicKey),
      signedAt,
      value: value.toString('base64url'),
    },
  };
}

export type DocumentCheck =
  { valid: true; type: string; signedAt: string; keyFingerprint: string } | { valid: false; reason: string };

/**
 * Verifies a signed document; with `trustedKey`, also that it was signed by that key. Any change to
 * the document, its type or its time makes it invalid.
 */
export function verifyDocument(input: unknown, trustedKey?: string): DocumentCheck {
  const d = input as Partial<SignedDocument>;
  const s = d?.signature;
  if (!d || typeof d.type !== 'string' || d.document === undefined || !s || typeof s.value !== 'string') {
    return { valid: false, reason: 'not a signed document: type, document and signature are required' };
  }
  if (s.algorithm !== 'Ed25519')
    return { valid: false, reason: `unsupported algorithm ${String(s.algorithm)}` };
  if (trustedKey && s.publicKey !== trustedKey) {
    return {
      valid: false,
      reason: `signed by key ${safeFingerprint(s.publicKey)}, not the trusted key ${safeFingerprint(trustedKey)}`,
    };
  }
  try {
    const ok = verify(
      null,
      signingInput(d.type, toJsonValue(d.document), String(s.signedAt)),
      publicKeyObject(String(s.publicKey)),
      Buffer.from(s.value, 'base64url'),
    );
    if (!ok)
      return { valid: false, reason: 'the signature does not match the content: the document was changed' };
  } catch (err) {
    return { valid: false, reason: `the signature cannot be checked: ${(err as Error).message}` };
  }
  return {
    valid: true,
    type: d.type,
    signedAt: String(s.signedAt),
    keyFingerprint: keyFingerprint(String(s.publicKey)),
  };
}

function safeFingerprint(key: unknown): string {
  try {
    return keyFingerprint(String(key));
  } catch {
    return 'unreadable';
  }
}
