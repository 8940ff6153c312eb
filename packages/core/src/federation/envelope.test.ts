import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, signEnvelope, verifyEnvelope } from './envelope';
import { generateFederationKeyPair, isPublicKey, keyFingerprint, publicKeyOf } from './keys';
import { checkTask, signTask } from './task';

const keys = generateFederationKeyPair();
const nodeId = randomUUID();
const target = { method: 'POST', path: '/api/federation/pull' };

describe('node message envelopes', () => {
  it('round-trips: a signed envelope verifies and parses after JSON transport', () => {
    const env = signEnvelope(keys.privateKey, target, { nodeId, type: 'task.pull', body: { waitMs: 1000 } });
    const arrived = JSON.parse(JSON.stringify(env));
    const parsed = parseEnvelope(arrived);
    expect(parsed.ok).toBe(true);
    expect(verifyEnvelope(keys.publicKey, target, arrived)).toBe(true);
  });

  it('fails verification when any member, the path or the method changes', () => {
    const env = signEnvelope(keys.privateKey, target, { nodeId, type: 'task.pull', body: { waitMs: 1000 } });
    expect(verifyEnvelope(keys.publicKey, target, { ...env, body: { waitMs: 1001 } })).toBe(false);
    expect(verifyEnvelope(keys.publicKey, target, { ...env, type: 'task.result' })).toBe(false);
    expect(
      verifyEnvelope(keys.publicKey, target, { ...env, nonce: env.nonce.replace(/^./, 'x') + 'y' }),
    ).toBe(false);
    expect(verifyEnvelope(keys.publicKey, target, { ...env, issuedAt: new Date(0).toISOString() })).toBe(
      false,
    );
    expect(verifyEnvelope(keys.publicKey, { ...target, path: '/api/federation/result' }, env)).toBe(false);
    expect(verifyEnvelope(keys.publicKey, { ...target, method: 'PUT' }, env)).toBe(false);
    expect(verifyEnvelope(generateFederationKeyPair().publicKey, target, env)).toBe(false);
  });

  it('does not depend on key order in the body', () => {
    const env = signEnvelope(keys.privateKey, target, {
      nodeId,
      type: 'x.y',
      body: { a: 1, b: { c: 2, d: 3 } },
    });
    expect(verifyEnvelope(keys.publicKey, target, { ...env, body: { b: { d: 3, c: 2 }, a: 1 } })).toBe(true);
  });

  it('tells unsigned from malformed envelopes', () => {
    const env = signEnvelope(keys.privateKey, target, { nodeId, type: 'task.pull', body: {} });
    const { signature: _dropped, ...unsigned } = env;
    expect(parseEnvelope(unsigned)).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(parseEnvelope({ ...env, signature: '' })).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(parseEnvelope('text')).toMatchObject({ ok: false, reason: 'unsigned' });
    const bad = parseEnvelope({ ...env, nodeId: 'node-1', nonce: 'short' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toBe('malformed');
    expect(!bad.ok && bad.issues.map((i) => i.path).sort()).toEqual(['nodeId', 'nonce']);
  });
});

describe('keys', () => {
  it('derives the public key from the private key and recognises well-formed keys', () => {
    expect(publicKeyOf(keys.privateKey)).toBe(keys.publicKey);
    expect(isPublicKey(keys.publicKey)).toBe(true);
    expect(isPublicKey('not-a-key')).toBe(false);
    expect(keyFingerprint(keys.publicKey)).toMatch(/^[0-9a-f]{4}(:[0-9a-f]{4}){3}$/);
  });
});

describe('hub-signed tasks', () => {
  const hub = generateFederationKeyPair();
  const now = new Date('2027-03-01T12:00:00.000Z');
  const task = signTask(
    hub.privateKey,
    { taskId: randomUUID(), nodeId, type: 'ping', payload: { n: 1 } },
    now,
  );

  it('verifies an intact task for its own node', () => {
    expect(checkTask(hub.publicKey, JSON.parse(JSON.stringify(task)), nodeId, now)).toEqual({ ok: true });
  });

  it('refuses a tampered, misaddressed, foreign-signed or stale task', () => {
    expect(checkTask(hub.publicKey, { ...task, payload: { n: 2 } }, nodeId, now)).toMatchObject({
      reason: 'bad-signature',
    });
    expect(checkTask(keys.publicKey, task, nodeId, now)).toMatchObject({ reason: 'bad-signature' });
    expect(checkTask(hub.publicKey, task, randomUUID(), now)).toMatchObject({ reason: 'wrong-node' });
    const later = new Date(now.getTime() + 6 * 60_000);
    expect(checkTask(hub.publicKey, task, nodeId, later)).toMatchObject({ reason: 'stale' });
  });

  it('cannot be confused with a node message signed over the same members', () => {
    // Domain separation: the node's envelope signature never verifies as a task signature.
    const env = signEnvelope(hub.privateKey, target, { nodeId, type: 'ping', body: { n: 1 } }, { now });
    const forged = {
      taskId: task.taskId,
      nodeId,
      type: 'ping',
      payload: { n: 1 },
      issuedAt: env.issuedAt,
      signature: env.signature,
    };
    expect(checkTask(hub.publicKey, forged, nodeId, now).ok).toBe(false);
  });
});
