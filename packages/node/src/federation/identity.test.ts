import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateFederationKeyPair } from '@openehds/core';
import { IDENTITY_FILE, loadOrCreateIdentity, pinHubKey } from './identity';

describe('node identity', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = join(mkdtempSync(join(tmpdir(), 'ehds-identity-')), 'node');
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(join(d, '..'), { recursive: true, force: true })));

  it('is created on first start with mode 600 and found again on the next', () => {
    const dir = fresh();
    const first = loadOrCreateIdentity(dir);
    expect(statSync(join(dir, IDENTITY_FILE)).mode & 0o777).toBe(0o600);
    const second = loadOrCreateIdentity(dir);
    expect(second).toEqual(first);
  });

  it('refuses a key file others can read, saying how to fix it', () => {
    const dir = fresh();
    loadOrCreateIdentity(dir);
    chmodSync(join(dir, IDENTITY_FILE), 0o644);
    expect(() => loadOrCreateIdentity(dir)).toThrow(/chmod 600/);
  });

  it('pins the hub key once and refuses a different one later', () => {
    const dir = fresh();
    loadOrCreateIdentity(dir);
    const hub = generateFederationKeyPair().publicKey;
    pinHubKey(dir, hub);
    pinHubKey(dir, hub);
    expect(loadOrCreateIdentity(dir).hubPublicKey).toBe(hub);
    expect(() => pinHubKey(dir, generateFederationKeyPair().publicKey)).toThrow(/pinned/);
  });
});
