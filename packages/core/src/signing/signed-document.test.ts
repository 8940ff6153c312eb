import { describe, expect, it } from 'vitest';
import { generateFederationKeyPair, keyFingerprint } from '../federation/keys';
import { signDocument, verifyDocument } from './signed-document';

describe('signed documents (decisions, permits)', () => {
  const key = generateFederationKeyPair();
  const doc = signDocument(
    'openehds.decision/v1',
    { outcome: 'GRANTED', permit: 'FI-2026-000001' },
    key,
    new Date('2026-11-28T10:00:00Z'),
  );

  it('verifies offline and reports the time stamp and key fingerprint', () => {
    expect(verifyDocument(JSON.parse(JSON.stringify(doc)))).toEqual({
      valid: true,
      type: 'openehds.decision/v1',
      signedAt: '2026-11-28T10:00:00.000Z',
      keyFingerprint: keyFingerprint(key.publicKey),
    });
    expect(verifyDocument(doc, key.publicKey).valid).toBe(true);
  });

  it('finds any change to the content, the type or the time', () => {
    const changed = structuredClone(doc);
    (changed.document as { outcome: string }).outcome = 'REFUSED';
    expect(verifyDocument(changed)).toEqual({ valid: false, reason: expect.stringMatching(/changed/) });
    expect(verifyDocument({ ...doc, type: 'openehds.permit/v1' }).valid).toBe(false);
    expect(
      verifyDocument({ ...doc, signature: { ...doc.signature, signedAt: '2026-11-29T10:00:00.000Z' } }).valid,
    ).toBe(false);
  });

  it('refuses a document signed by another key than the trusted one, and non-documents', () => {
    const other = generateFederationKeyPair();
    const forged = signDocument('openehds.decision/v1', doc.document, other);
    expect(verifyDocument(forged).valid).toBe(true);
    expect(verifyDocument(forged, key.publicKey)).toEqual({
      valid: false,
      reason: expect.stringMatching(/not the trusted key/),
    });
    expect(verifyDocument({ hello: 'world' }).valid).toBe(false);
    expect(verifyDocument({ ...doc, signature: { ...doc.signature, publicKey: 'short' } }).valid).toBe(false);
  });
});
