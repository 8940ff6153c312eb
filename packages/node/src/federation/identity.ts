import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { generateFederationKeyPair, isPublicKey, publicKeyOf } from '@openehds/core';

/**
 * The node's federation identity: a node id and an Ed25519 key pair made on first start and kept in
 * the node's data dir, readable by the node's user only (mode 600, as SSH keeps private keys). The
 * hub's public key is pinned here the first time the node learns it, so a later substitute hub key
 * is noticed instead of trusted.
 */

/** What a node keeps about itself. */
export interface NodeIdentity {
  nodeId: string;
  publicKey: string;
  privateKey: string;
  /** The hub's task-signing key, once learned. */
  hubPublicKey?: string;
}

/** File name of the identity inside the node's data dir. */
export const IDENTITY_FILE = 'federation-identity.json';

const Stored = z.object({
  nodeId: z.uuid(),
  publicKey: z.string().refine(isPublicKey),
  privateKey: z.string().min(1),
  hubPublicKey: z.string().refine(isPublicKey).optional(),
  createdAt: z.string(),
});

/** Loads the node identity from `dataDir`, creating it (and the dir) on first start. */
export function loadOrCreateIdentity(dataDir: string): NodeIdentity {
  const file = join(dataDir, IDENTITY_FILE);
  if (!existsSync(file)) {
    const keys = generateFederationKeyPair();
    const identity = { nodeId: randomUUID(), ...keys };
    writeIdentity(dataDir, { ...identity, createdAt: new Date().toISOString() });
    return identity;
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(
      `${file} holds the node's private key but is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${file}`,
    );
  }
  const parsed = Stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a valid node identity: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  const s = parsed.data;
  if (publicKeyOf(s.privateKey) !== s.publicKey)
    throw new Error(`${file}: the public key does not belong to the private key`);
  return {
    nodeId: s.nodeId,
    publicKey: s.publicKey,
    privateKey: s.privateKey,
    ...(s.hubPublicKey ? { hubPublicKey: s.hubPublicKey } : {}),
  };
}

/** Pins the hub's public key in the identity file; refuses to replace a different pinned key. */
export function pinHubKey(dataDir: string, hubPublicKey: string): void {
  const file = join(dataDir, IDENTITY_FILE);
  const stored = Stored.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (stored.hubPublicKey === hubPublicKey) return;
  if (stored.hubPublicKey) {
    throw new Error(
      `the hub presents key ${hubPublicKey} but this node pinned ${stored.hubPublicKey}; if the hub really rotated its key, remove hubPublicKey from ${file}`,
    );
  }
  writeIdentity(dataDir, { ...stored, hubPublicKey });
}

function writeIdentity(dataDir: string, content: z.infer<typeof Stored>): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, IDENTITY_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  // Created with mode 600 (umask can only remove bits) and renamed into place, so the key is never
  // readable by others, not even briefly, and a crash never leaves half a file.
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
