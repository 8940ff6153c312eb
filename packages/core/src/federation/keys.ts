import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/**
 * Ed25519 keys (RFC 8032) for federation messages. A public key travels as the base64url of its raw
 * 32 bytes (the JWK `x` member, RFC 8037), short enough to show an admin; a private key is kept as
 * PKCS#8 PEM, the form node:crypto and OpenSSL read.
 */

/** An Ed25519 key pair: public key as base64url (raw 32 bytes), private key as PKCS#8 PEM. */
export interface FederationKeyPair {
  publicKey: string;
  privateKey: string;
}

const RAW_KEY = /^[A-Za-z0-9_-]{43}$/;

/** Generates a fresh Ed25519 key pair. */
export function generateFederationKeyPair(): FederationKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey),
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** True when the text is a well-formed Ed25519 public key in our encoding. */
export function isPublicKey(text: unknown): text is string {
  if (typeof text !== 'string' || !RAW_KEY.test(text)) return false;
  try {
    publicKeyObject(text);
    return true;
  } catch {
    return false;
  }
}

/** Imports a base64url raw public key; throws on anything else. */
export function publicKeyObject(publicKey: string): KeyObject {
  return cached(publicKey, () => {
    if (!RAW_KEY.test(publicKey)) throw new TypeError('an Ed25519 public key is 43 base64url characters');
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  });
}

/** Imports a PKCS#8 PEM private key and checks that it is Ed25519. */
export function privateKeyObject(privateKey: string): KeyObject {
  return cached(privateKey, () => {
    const key = createPrivateKey(privateKey);
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('the federation key must be Ed25519');
    return key;
  });
}

// Importing a key costs more than the signature it serves (a PEM parse per message was a quarter of
// a federated GLM round's overhead); key objects are immutable, so the few keys in use are kept.
const KEY_CACHE_SIZE = 256;
const keyCache = new Map<string, KeyObject>();

function cached(text: string, load: () => KeyObject): KeyObject {
  const hit = keyCache.get(text);
  if (hit) return hit;
  const key = load();
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(text, key);
  return key;
}

/** The public key (our encoding) belonging to a PKCS#8 PEM private key. */
export function publicKeyOf(privateKey: string): string {
  return rawPublicKey(createPublicKey(privateKeyObject(privateKey)));
}

/** A short fingerprint (SHA-256 of the raw key, first 16 hex digits, grouped) for people to compare. */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16);
  return hex.match(/.{4}/g)!.join(':');
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 key');
  return jwk.x;
}
