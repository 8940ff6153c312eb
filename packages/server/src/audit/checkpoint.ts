import { sign, verify } from 'node:crypto';
import { canonicalJson, keyFingerprint, privateKeyObject, publicKeyObject } from '@openehds/core';

/**
 * A signed checkpoint of the audit chain: the hub signs, with its Ed25519 federation key, "the event
 * at seq S has hash H, and S events or so were in the log, at time T". A bare hash chain cannot show
 * that its tail was cut off, or that a whole suffix was deleted and re-written with re-computed
 * hashes; a signed checkpoint can, because nobody without the hub's private key can sign a new one
 * (RFC 9162 §4.10 signed tree heads play the same role). Pure functions; the I/O is in
 * checkpoints.ts.
 */

/** One signed checkpoint, as stored in `audit_checkpoint` and written to exports. */
export interface AuditCheckpoint {
  /** The last event covered. */
  seq: number;
  /** That event's chain hash. */
  hash: string;
  /** How many events the log held up to and including `seq`. */
  events: number;
  /** Signing time, ISO 8601 UTC. */
  at: string;
  /** Ed25519 signature (base64url) over {@link checkpointSigningInput}. */
  signature: string;
  /** Fingerprint of the signing key (see `keyFingerprint`), so a reader knows which key to ask for. */
  keyFingerprint: string;
  /**
   * The exact export bytes of the events since the checkpoint before (see {@link CheckpointSegment}).
   * Absent on checkpoints signed before segments existed (migration 0013).
   */
  segment?: CheckpointSegment;
}

/**
 * The events a checkpoint adds to the one before, as the export writes them (one `eventLine` and a
 * newline each): the seq they follow, their byte length and their SHA-256. The hub checks the
 * segment's chain before it signs, so a verifier that finds the same bytes in an export file knows
 * them intact with one streaming hash, at the speed of `openssl dgst` (issue 3 §7), and walks
 * event by event only where the bytes differ, to say where.
 */
export interface CheckpointSegment {
  /** The seq of the checkpoint before (0 for the first): the segment holds the events after it. */
  from: number;
  /** Length of the segment in bytes. */
  bytes: number;
  /** SHA-256 (hex) of those bytes. */
  sha256: string;
}

/**
 * A checkpoint from a JSON record (an export line, an anchors file): the fields as they are, for the
 * signature to judge; a segment only when it has all its parts.
 */
export function checkpointFromJson(r: Record<string, unknown>): AuditCheckpoint {
  const s = r.segment as Record<string, unknown> | undefined;
  const segment =
    s && typeof s === 'object' && typeof s.sha256 === 'string'
      ? { from: Number(s.from), bytes: Number(s.bytes), sha256: s.sha256 }
      : undefined;
  return {
    seq: Number(r.seq),
    hash: String(r.hash),
    events: Number(r.events),
    at: String(r.at),
    signature: String(r.signature),
    keyFingerprint: String(r.keyFingerprint),
    ...(segment ? { segment } : {}),
  };
}

/** Domain tags, so a checkpoint signature cannot stand in for a task or message signature. */
export const CHECKPOINT_DOMAIN = 'openehds-audit-checkpoint-v1';
/** The same with a segment: a v1 signature cannot be passed off as covering one. */
export const SEGMENT_CHECKPOINT_DOMAIN = 'openehds-audit-checkpoint-v2';

/** The exact bytes a checkpoint signature covers. */
export function checkpointSigningInput(
  c: Pick<AuditCheckpoint, 'seq' | 'hash' | 'events' | 'at' | 'segment'>,
): Buffer {
  const base = { at: c.at, events: c.events, hash: c.hash, seq: c.seq };
  return Buffer.from(
    c.segment
      ? `${SEGMENT_CHECKPOINT_DOMAIN}\n${canonicalJson({ ...base, segment: c.segment })}`
      : `${CHECKPOINT_DOMAIN}\n${canonicalJson(base)}`,
    'utf8',
  );
}

/** Signs a checkpoint with the hub's key pair (PKCS#8 PEM private key, raw base64url public key). */
export function signCheckpoint(
  key: { privateKey: string; publicKey: string },
  c: Pick<AuditCheckpoint, 'seq' | 'hash' | 'events' | 'segment'>,
  now = new Date(),
): AuditCheckpoint {
  const unsigned = {
    seq: c.seq,
    hash: c.hash,
    events: c.events,
    at: now.toISOString(),
    ...(c.segment ? { segment: c.segment } : {}),
  };
  const signature = sign(null, checkpointSigningInput(unsigned), privateKeyObject(key.privateKey));
  return {
    ...unsigned,
    signature: signature.toString('base64url'),
    keyFingerprint: keyFingerprint(key.publicKey),
  };
}

/** Why a checkpoint's signature does not hold, or null when it does. */
export function checkpointSignatureProblem(c: AuditCheckpoint, publicKey: string): string | null {
  const expected = keyFingerprint(publicKey);
  if (c.keyFingerprint !== expected) {
    return `signed by key ${c.keyFingerprint}, not by the hub key ${expected}`;
  }
  try {
    const ok = verify(
      null,
      checkpointSigningInput(c),
      publicKeyObject(publicKey),
      Buffer.from(c.signature, 'base64url'),
    );
    return ok ? null : 'the signature does not verify: the checkpoint was altered after signing';
  } catch {
    return 'the signature is malformed';
  }
}
