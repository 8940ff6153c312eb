import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateFederationKeyPair, signDocument, signEnvelope, verifyDocument } from '@openehds/core';
import { HUB_MESSAGE_DOMAIN, HubMessageSchema, signHubMessage, verifyHubMessage } from './message';

const fi = generateFederationKeyPair();
const de = generateFederationKeyPair();
const message = {
  sender: 'DE',
  recipient: 'FI',
  messageId: randomUUID(),
  type: 'application.status' as const,
  body: { originReference: 'FI-APP-2027-000001', seq: 3, nested: { b: 1, a: [1, 2] } },
};

describe('hub-to-hub messages', () => {
  it('verify after JSON transport under the sender key, and match the arriving shape', () => {
    const signed = JSON.parse(JSON.stringify(signHubMessage(de.privateKey, message)));
    expect(HubMessageSchema.safeParse(signed).success).toBe(true);
    expect(verifyHubMessage(de.publicKey, signed)).toBe(true);
    // Key order in the body does not matter (canonical JSON).
    expect(
      verifyHubMessage(de.publicKey, {
        ...signed,
        body: { seq: 3, nested: { a: [1, 2], b: 1 }, originReference: 'FI-APP-2027-000001' },
      }),
    ).toBe(true);
  });

  it('fail when any member changes, or under another key', () => {
    const signed = signHubMessage(de.privateKey, message);
    expect(verifyHubMessage(fi.publicKey, signed)).toBe(false);
    for (const changed of [
      { recipient: 'SE' },
      { sender: 'FI' },
      { messageId: randomUUID() },
      { type: 'application.decision' as const },
      { issuedAt: new Date(0).toISOString() },
      { nonce: 'AAAAAAAAAAAAAAAAAAAAAA' },
      { body: { ...message.body, seq: 4 } },
    ]) {
      expect(verifyHubMessage(de.publicKey, { ...signed, ...changed }), JSON.stringify(changed)).toBe(false);
    }
  });

  it('give two sends of one message id different signatures (fresh nonce), both valid', () => {
    const now = new Date('2027-03-01T12:00:00.000Z');
    const a = signHubMessage(de.privateKey, message, now);
    const b = signHubMessage(de.privateKey, message, now);
    expect(a.messageId).toBe(b.messageId);
    expect(a.signature).not.toBe(b.signature);
    expect(verifyHubMessage(de.publicKey, a) && verifyHubMessage(de.publicKey, b)).toBe(true);
  });

  it('cannot be confused with a node envelope or a signed document made with the same key', () => {
    expect(HUB_MESSAGE_DOMAIN).toMatch(/CROSS-BORDER/);
    const signed = signHubMessage(de.privateKey, message);
    // A node envelope over the same body, its signature moved onto a hub message, does not verify.
    const env = signEnvelope(
      de.privateKey,
      { method: 'POST', path: '/api/cross-border/messages' },
      {
        nodeId: randomUUID(),
        type: message.type,
        body: message.body,
      },
    );
    expect(verifyHubMessage(de.publicKey, { ...signed, signature: env.signature })).toBe(false);
    // Nor does a hub message's signature pass as a signed document.
    const doc = signDocument('openehds.decision/v1', message.body, de);
    expect(verifyDocument({ ...doc, signature: { ...doc.signature, value: signed.signature } }).valid).toBe(
      false,
    );
  });

  it('are refused in shape when members are missing or malformed', () => {
    const signed = signHubMessage(de.privateKey, message);
    const bad = HubMessageSchema.safeParse({ ...signed, sender: 'de', type: 'x.y', messageId: 'm-1' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['messageId', 'sender', 'type']);
  });
});
