import { keyFingerprint } from '@openehds/core';
import type { AuditEvent } from './chain';
import { checkpointSignatureProblem, type AuditCheckpoint } from './checkpoint';
import { ChainVerifier, short, type ChainView, type Finding, type VerifyReport } from './verify';

/**
 * The second half of verification: the signed checkpoints against the chain (truncation, a
 * re-written suffix, forged or altered checkpoints), and the report over both. Pure.
 */

/**
 * Checks the checkpoints against the chain and the hub key. `chainFindings` are the findings of the
 * chain itself, so a difference they already explain is not reported twice; `signedOk` holds the
 * `seq/signature` of checkpoints whose signature was already found good with this key.
 */
export function checkCheckpoints(
  checkpoints: readonly AuditCheckpoint[],
  chain: ChainView,
  publicKey: string | null,
  chainFindings: readonly Finding[] = [],
  signedOk: ReadonlySet<string> = new Set(),
): { findings: Finding[]; valid: AuditCheckpoint[] } {
  const findings: Finding[] = [];
  const valid: AuditCheckpoint[] = [];
  const sorted = dedupe(checkpoints);
  if (!sorted.length) return { findings, valid };
  if (!publicKey) {
    findings.push({
      kind: 'bad-checkpoint-signature',
      seq: sorted[0]!.seq,
      detail: `${sorted.length} checkpoints cannot be checked: no hub public key was given`,
    });
    return { findings, valid };
  }
  const explainedFrom = Math.min(...chainFindings.map((f) => f.seq), Infinity);
  const lastSeq = chain.lastSeq ?? 0;
  let truncatedBy: AuditCheckpoint | undefined;
  let lastMatching: AuditCheckpoint | undefined;
  const mismatches: AuditCheckpoint[] = [];
  for (const c of sorted) {
    const problem = signedOk.has(`${c.seq}/${c.signature}`) ? null : checkpointSignatureProblem(c, publicKey);
    if (problem) {
      findings.push({
        kind: 'bad-checkpoint-signature',
        seq: c.seq,
        detail: `checkpoint at seq ${c.seq} (signed ${c.at}): ${problem}`,
      });
      continue;
    }
    valid.push(c);
    if (c.seq > lastSeq) {
      truncatedBy = c; // the highest one wins: sorted ascending
      continue;
    }
    const stored = chain.hashAt(c.seq);
    if (stored === undefined) {
      if (c.seq < explainedFrom) {
        findings.push({
          kind: 'checkpoint-mismatch',
          seq: c.seq,
          detail: `there is no event ${c.seq}, which the checkpoint signed ${c.at} covers`,
        });
      }
      continue;
    }
    if (stored !== c.hash) {
      mismatches.push(c);
      continue;
    }
    const count = chain.countUpTo(c.seq);
    if (count !== undefined && count !== c.events && c.seq < explainedFrom) {
      findings.push({
        kind: 'checkpoint-mismatch',
        seq: c.seq,
        detail: `the checkpoint signed ${c.at} counts ${c.events} events up to seq ${c.seq}; the log has ${count}`,
      });
      continue;
    }
    if (!mismatches.length) lastMatching = c;
  }
  if (mismatches.length) {
    const first = mismatches[0]!;
    const where = lastMatching
      ? `somewhere in seq ${lastMatching.seq + 1}..${first.seq}`
      : `somewhere up to seq ${first.seq}`;
    const more =
      mismatches.length > 1 ? `; ${mismatches.length - 1} later checkpoints do not match either` : '';
    findings.push({
      kind: 'checkpoint-mismatch',
      seq: first.seq,
      detail: `the checkpoint signed ${first.at} says event ${first.seq} has hash ${short(first.hash)}, the log has ${short(chain.hashAt(first.seq)!)}: ${
        first.seq >= explainedFrom
          ? 'the log changed after the checkpoint was signed (see the other findings)'
          : `the log was rewritten with re-computed hashes ${where}`
      }${more}`,
    });
  }
  if (truncatedBy) {
    const from = lastSeq + 1;
    findings.push({
      kind: 'truncated',
      seq: from,
      detail: `the log ends at seq ${chain.lastSeq ?? 0}, but the checkpoint signed ${truncatedBy.at} covers events up to seq ${truncatedBy.seq}: events ${from}..${truncatedBy.seq} (at least) were removed from the end`,
    });
  }
  return { findings, valid };
}

function dedupe(checkpoints: readonly AuditCheckpoint[]): AuditCheckpoint[] {
  const seen = new Set<string>();
  return [...checkpoints]
    .sort((a, b) => a.seq - b.seq)
    .filter((c) => {
      const key = `${c.seq}/${c.signature}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Combines the chain's and the checkpoints' findings into one report. */
export function buildReport(
  chain: ChainView,
  chainFindings: Finding[],
  checkpoints: readonly AuditCheckpoint[],
  publicKey: string | null,
  signedOk?: ReadonlySet<string>,
): VerifyReport {
  const checked = checkCheckpoints(checkpoints, chain, publicKey, chainFindings, signedOk);
  const findings = [...chainFindings, ...checked.findings].sort((a, b) => a.seq - b.seq);
  const last = checked.valid.filter((c) => c.seq <= (chain.lastSeq ?? 0)).at(-1) ?? null;
  return {
    intact: findings.length === 0,
    events: chain.count,
    lastSeq: chain.lastSeq,
    checkpoints: dedupe(checkpoints).length,
    lastCheckpoint: last ? { seq: last.seq, at: last.at } : null,
    unsignedTail: chain.count - (last ? (chain.countUpTo(last.seq) ?? last.events) : 0),
    keyFingerprint: publicKey ? keyFingerprint(publicKey) : null,
    findings,
    brokenAt: findings.length ? findings[0]!.seq : null,
  };
}

/** Verifies a whole log: events in seq order, the checkpoints, and the hub public key. */
export function verifyAuditLog(input: {
  events: Iterable<AuditEvent>;
  checkpoints: readonly AuditCheckpoint[];
  publicKey: string | null;
}): VerifyReport {
  const chain = new ChainVerifier();
  for (const e of input.events) chain.push(e);
  return buildReport(chain, chain.findings(), input.checkpoints, input.publicKey);
}
