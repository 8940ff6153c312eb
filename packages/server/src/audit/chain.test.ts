import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@openehds/core';
import { eventHash, GENESIS_HASH, verifyChain, type AuditContent } from './chain';

function build(contents: AuditContent[]) {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const hash = eventHash(prev, c);
    const e = { ...c, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}

const event = (action: string, object: string): AuditContent => ({
  at: '2026-11-28T10:00:00.000Z',
  actor: 'account:holder-fi',
  action,
  object,
  outcome: 'success',
  details: { b: 1, a: [2, { d: 3, c: 4 }] },
});

describe('audit hash chain', () => {
  it('is canonical regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it('verifies an intact chain and finds the first tampered event', () => {
    const chain = build([
      event('dataset.publish', 'ds-1'),
      event('dataset.view', 'ds-1'),
      event('node.approve', 'n-1'),
    ]);
    expect(verifyChain(chain)).toBeNull();

    const tampered = chain.map((e) => ({ ...e }));
    tampered[1]!.object = 'ds-2';
    expect(verifyChain(tampered)).toBe(2);

    const removed = [chain[0]!, chain[2]!];
    expect(verifyChain(removed)).toBe(3);
  });
});
