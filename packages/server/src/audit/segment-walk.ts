import { verify } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { keyFingerprint, publicKeyObject } from '@openehds/core';
import { sha256Hex } from './chain';
import { checkpointSigningInput, type AuditCheckpoint } from './checkpoint';

/**
 * The first pass of verifying an export file: the signed segments (checkpoint.ts). Checkpoints
 * whose segments follow each other from the first event give the byte range of each segment in the
 * file; each range is hashed in one call and compared with the digest the hub signed. Equal bytes
 * are the bytes the hub checked and signed, so the events in them need no walk. The signatures are
 * checked on libuv's thread pool meanwhile; the hashing stays on this thread, reading the file in
 * large blocks into one buffer (measured: faster than handing each segment to the pool). What is
 * left after the last intact segment (an unsigned tail, a segment whose bytes differ or whose
 * signature fails) goes to the per-event passes, which say where.
 */

/** How far the signed segments carried. */
export interface SegmentWalk {
  /** File offset just after the last intact segment (the first event line if none). */
  offset: number;
  /** The checkpoints whose segments were found intact, in order. */
  intact: AuditCheckpoint[];
  /** `seq/signature` of every checkpoint whose signature was found good, so it is not checked twice. */
  signedOk: Set<string>;
}

const verifyAsync = promisify(verify) as (
  algorithm: null,
  data: Buffer,
  key: ReturnType<typeof publicKeyObject>,
  signature: Buffer,
) => Promise<boolean>;

const BLOCK = 16 << 20;

/** The signed segments of the file at `path`, checked against its bytes from `eventsStart` on. */
export async function walkSegments(
  path: string,
  eventsStart: number,
  size: number,
  checkpoints: readonly AuditCheckpoint[],
  publicKey: string | null,
): Promise<SegmentWalk> {
  const walk: SegmentWalk = { offset: eventsStart, intact: [], signedOk: new Set() };
  if (!publicKey) return walk;
  // The run of segments from the first event on, each following the one before, inside the file.
  const plan: { c: AuditCheckpoint; at: number }[] = [];
  let at = eventsStart;
  for (const c of [...checkpoints].sort((a, b) => a.seq - b.seq)) {
    const s = c.segment;
    if (!s || s.from !== (plan.at(-1)?.c.seq ?? 0) || at + s.bytes > size) continue;
    plan.push({ c, at });
    at += s.bytes;
  }
  if (!plan.length) return walk;

  const key = publicKeyObject(publicKey);
  const fingerprint = keyFingerprint(publicKey);
  const signatures = Promise.all(
    plan.map(async ({ c }) => {
      if (c.keyFingerprint !== fingerprint) return false;
      try {
        return await verifyAsync(null, checkpointSigningInput(c), key, Buffer.from(c.signature, 'base64url'));
      } catch {
        return false; // malformed: the report says why
      }
    }),
  );

  const same: boolean[] = [];
  const fd = openSync(path, 'r');
  try {
    let block = Buffer.allocUnsafe(0);
    let blockAt = 0;
    let blockLength = 0;
    for (const { c, at } of plan) {
      const bytes = c.segment!.bytes;
      if (at < blockAt || at + bytes > blockAt + blockLength) {
        if (block.length < bytes) block = Buffer.allocUnsafe(Math.max(BLOCK, bytes));
        blockAt = at;
        blockLength = 0;
        const want = Math.min(block.length, size - at);
        while (blockLength < want) {
          const n = readSync(fd, block, blockLength, want - blockLength, at + blockLength);
          if (n === 0) break;
          blockLength += n;
        }
        if (bytes > blockLength) break; // the file is shorter than it was: the other passes say so
      }
      const start = at - blockAt;
      same.push(sha256Hex(block.subarray(start, start + bytes)) === c.segment!.sha256);
    }
  } finally {
    closeSync(fd);
  }

  const signed = await signatures;
  plan.forEach(({ c }, i) => {
    if (signed[i]) walk.signedOk.add(`${c.seq}/${c.signature}`);
  });
  for (let i = 0; i < same.length && same[i] && signed[i]; i++) {
    walk.intact.push(plan[i]!.c);
    walk.offset = plan[i]!.at + plan[i]!.c.segment!.bytes;
  }
  return walk;
}
