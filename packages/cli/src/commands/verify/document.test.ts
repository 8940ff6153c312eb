import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFederationKeyPair, signDocument } from '@openehds/core';
import { main } from '../../main';

// `ehds verify FILE` through the real CLI entry point, on files written to disk.
describe('ehds verify', () => {
  it('exits 0 for an intact signed decision and 1 for a changed one, with --key pinning the signer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ehds-verify-'));
    const key = generateFederationKeyPair();
    const signed = signDocument('openehds.decision/v1', { outcome: 'GRANTED' }, key);
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(signed));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...signed, document: { outcome: 'REFUSED' } }));
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
    try {
      process.exitCode = undefined;
      expect(await main(['node', 'ehds', 'verify', good, '--json'])).toBe(0);
      expect(JSON.parse(out.pop()!)).toMatchObject({ valid: true, type: 'openehds.decision/v1' });
      process.exitCode = undefined;
      expect(await main(['node', 'ehds', 'verify', bad])).toBe(1);
      expect(out.pop()).toMatch(/^INVALID: .*changed/);
      process.exitCode = undefined;
      const other = generateFederationKeyPair().publicKey;
      expect(await main(['node', 'ehds', 'verify', good, '--key', other])).toBe(1);
      expect(out.pop()).toMatch(/not the trusted key/);
    } finally {
      process.stdout.write = write;
      process.exitCode = undefined;
    }
  });
});
