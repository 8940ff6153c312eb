import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '@openehds/core';
import { contentJson, eventHash, GENESIS_HASH, type AuditContent } from './chain';

const event: AuditContent = {
  at: '2026-11-28T10:00:00.000Z',
  actor: 'account:holder-fi',
  action: 'dataset.publish',
  object: 'dataset:ds-1',
  outcome: 'success',
  details: { b: 1, a: [2, { d: 3, c: 4 }] },
};

describe('audit hash chain', () => {
  it('is canonical regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    const reordered: AuditContent = {
      details: { b: 1, a: [2, { c: 4, d: 3 }] },
      outcome: 'success',
      object: 'dataset:ds-1',
      action: 'dataset.publish',
      actor: 'account:holder-fi',
      at: '2026-11-28T10:00:00.000Z',
    };
    expect(contentJson(reordered)).toBe(contentJson(event));
  });

  it('hashes the previous hash, a newline and the canonical content (the stored format)', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256')
      .update(`${GENESIS_HASH}\n${canonicalJson(event)}`)
      .digest('hex');
    expect(eventHash(GENESIS_HASH, event)).toBe(expected);
  });

  it('changes with any field and with the previous hash', () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(eventHash(GENESIS_HASH, { ...event, actor: 'account:other' })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, details: { ...event.details, b: 2 } })).not.toBe(base);
    expect(eventHash('1'.repeat(64), event)).not.toBe(base);
  });

  it('encodes content exactly as canonicalJson does, and refuses what it refuses', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.option(fc.string(), { nil: null }),
        fc.string(),
        (details, object, actor) => {
          const content = { ...event, actor, object, details };
          expect(contentJson(content)).toBe(canonicalJson(content));
        },
      ),
    );
    const withDate = { ...event, details: { when: new Date() } };
    expect(() => contentJson(withDate)).toThrow(TypeError);
    expect(() => contentJson({ ...event, details: { n: Number.NaN } })).toThrow(TypeError);
    expect(() => contentJson({ ...event, details: { a: [undefined] } })).toThrow(TypeError);
  });
});
