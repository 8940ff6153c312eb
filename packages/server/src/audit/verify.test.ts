import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateFederationKeyPair } from '@openehds/core';
import { eventHash, GENESIS_HASH, type AuditEvent } from './chain';
import { signCheckpoint, type AuditCheckpoint } from './checkpoint';
import { verifyAuditLog } from './report';
import type { Finding } from './verify';

const key = generateFederationKeyPair();

/** A valid chain of `n` events with seqs `first`, `first + 1`, …. */
function chain(n: number, from: AuditEvent[] = []): AuditEvent[] {
  const out = [...from];
  for (let i = 0; i < n; i++) {
    const prev = out.at(-1);
    const prevHash = prev?.hash ?? GENESIS_HASH;
    const content = {
      at: new Date(Date.UTC(2026, 10, 28, 10, 0, out.length)).toISOString(),
      actor: `account:user-${out.length % 3}`,
      action: 'dataset.view',
      object: `dataset:ds-${out.length}`,
      outcome: 'success' as const,
      details: { n: out.length },
    };
    out.push({ ...content, seq: (prev?.seq ?? 0) + 1, prevHash, hash: eventHash(prevHash, content) });
  }
  return out;
}

const checkpointAt = (events: AuditEvent[], seq: number, k = key): AuditCheckpoint =>
  signCheckpoint(k, { seq, hash: events.find((e) => e.seq === seq)!.hash, events: seq });

const verify = (events: AuditEvent[], checkpoints: AuditCheckpoint[] = [], publicKey = key.publicKey) =>
  verifyAuditLog({ events, checkpoints, publicKey });
const kinds = (findings: Finding[]) => findings.map((f) => [f.kind, f.seq]);

describe('audit verifier', () => {
  const log = chain(20);
  const cps = [checkpointAt(log, 10), checkpointAt(log, 20)];

  it('finds an intact log intact and says how much of it is signed', () => {
    const report = verify(log.slice(0, 18).concat(chain(0)), [cps[0]!]);
    expect(report).toMatchObject({
      intact: true,
      events: 18,
      lastSeq: 18,
      checkpoints: 1,
      lastCheckpoint: { seq: 10 },
      unsignedTail: 8,
      findings: [],
      brokenAt: null,
    });
    expect(verify([], []).intact).toBe(true);
  });

  it('finds an edited event where it is: the next event still links to its stored hash', () => {
    const edited = log.map((e) => (e.seq === 7 ? { ...e, actor: 'account:mallory' } : e));
    const report = verify(edited, cps);
    expect(kinds(report.findings)).toEqual([['edited', 7]]);
    expect(report.brokenAt).toBe(7);
  });

  it('finds an edit whose hash was re-computed, at the edited event', () => {
    const prev = log[5]!;
    const content = { ...prev, actor: 'account:mallory' };
    const rehashed = { ...content, hash: eventHash(content.prevHash, content) };
    const tampered = log.map((e) => (e.seq === 6 ? rehashed : e));
    expect(kinds(verify(tampered, []).findings)).toEqual([['edited', 6]]);
  });

  it('finds a deleted event (a seq gap whose next event links to a missing hash) and a deleted head', () => {
    expect(kinds(verify(log.filter((e) => e.seq !== 12)).findings)).toEqual([['deleted', 12]]);
    const gap = verify(log.filter((e) => e.seq < 5 || e.seq > 8)).findings;
    expect(gap).toMatchObject([{ kind: 'deleted', seq: 5, detail: expect.stringContaining('events 5..8') }]);
    expect(kinds(verify(log.slice(3)).findings)).toEqual([['deleted', 1]]);
  });

  it('does not take a seq gap with intact links for a deletion (a rolled-back append before 0005)', () => {
    const gapped = log.map((e) => (e.seq > 10 ? { ...e, seq: e.seq + 3 } : e));
    expect(verify(gapped).findings).toEqual([]);
  });

  it('finds swapped neighbours, a distant swap, and a moved event as reorderings', () => {
    const swap = (a: number, b: number) =>
      log.map((e) =>
        e.seq === a ? { ...log[b - 1]!, seq: a } : e.seq === b ? { ...log[a - 1]!, seq: b } : e,
      );
    expect(kinds(verify(swap(9, 10)).findings)).toEqual([
      ['reordered', 9],
      ['reordered', 10],
    ]);
    expect(kinds(verify(swap(4, 15)).findings)).toEqual([
      ['reordered', 4],
      ['reordered', 15],
    ]);
    // Event 3 moved to the end: one move explains it.
    const moved = [...log.slice(0, 2), ...log.slice(3), log[2]!].map((e, i) => ({ ...e, seq: i + 1 }));
    const findings = verify(moved).findings;
    expect(kinds(findings)).toEqual([['reordered', 20]]);
    expect(findings[0]!.detail).toContain('follows event 2');
  });

  it('finds a cut-off tail through a signed checkpoint, which the chain alone cannot show', () => {
    const cut = log.slice(0, 15);
    expect(verify(cut, []).intact).toBe(true);
    const report = verify(cut, cps);
    expect(kinds(report.findings)).toEqual([['truncated', 16]]);
    expect(report.findings[0]!.detail).toContain('up to seq 20');
  });

  it('finds a suffix deleted and re-written with re-computed hashes', () => {
    // Same length, a valid chain, other content after 12: only the signed checkpoint shows it.
    const forged = chainWithActor(log.slice(0, 12), 8, 'account:mallory');
    expect(verify(forged, []).intact).toBe(true);
    const report = verify(forged, cps);
    expect(kinds(report.findings)).toEqual([['checkpoint-mismatch', 20]]);
    expect(report.findings[0]!.detail).toContain('seq 11..20');
  });

  it('refuses checkpoints altered or signed by another key, and says when it has no key', () => {
    const altered = { ...cps[1]!, hash: log[18]!.hash };
    expect(kinds(verify(log, [cps[0]!, altered]).findings)).toEqual([['bad-checkpoint-signature', 20]]);
    const other = generateFederationKeyPair();
    const forged = checkpointAt(log, 20, other);
    expect(verify(log, [forged]).findings[0]).toMatchObject({
      kind: 'bad-checkpoint-signature',
      seq: 20,
      detail: expect.stringContaining('not by the hub key'),
    });
    expect(verifyAuditLog({ events: log, checkpoints: cps, publicKey: null }).findings).toMatchObject([
      { kind: 'bad-checkpoint-signature', detail: expect.stringContaining('no hub public key') },
    ]);
  });

  it('reports any single deletion at its seq and any swap as a reordering only (property)', () => {
    const events = chain(30);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 29 }), (seq) => {
        const findings = verify(events.filter((e) => e.seq !== seq)).findings;
        expect(kinds(findings)).toEqual([['deleted', seq]]);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (a, b) => {
        fc.pre(a !== b);
        const swapped = events.map((e) =>
          e.seq === a ? { ...events[b - 1]!, seq: a } : e.seq === b ? { ...events[a - 1]!, seq: b } : e,
        );
        const findings = verify(swapped).findings;
        expect(findings.length).toBeGreaterThan(0);
        expect(findings.every((f) => f.kind === 'reordered' && (f.seq === a || f.seq === b))).toBe(true);
      }),
    );
  });
});

/** A valid continuation of `base` with `n` events by `actor`: what a forger with the code could write. */
function chainWithActor(base: AuditEvent[], n: number, actor: string): AuditEvent[] {
  const out = [...base];
  for (let i = 0; i < n; i++) {
    const prev = out.at(-1)!;
    const content = {
      at: prev.at,
      actor,
      action: 'dataset.view',
      object: null,
      outcome: 'success' as const,
      details: {},
    };
    out.push({ ...content, seq: prev.seq + 1, prevHash: prev.hash, hash: eventHash(prev.hash, content) });
  }
  return out;
}
