import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@openehds/db';
import { createApp, parseHubConfig, recordAudit } from '@openehds/server';
import { main } from '../../main';
import { auditExportCommand } from './export';
import { auditVerifyCommand } from './verify';

/** Runs `ehds audit verify` with the given options; returns the exit code and the printed lines. */
async function verify(options: Parameters<typeof auditVerifyCommand>[0]) {
  const lines: string[] = [];
  const code = await auditVerifyCommand(options, (l) => lines.push(l));
  return { code, lines, text: lines.join('\n') };
}

// `ehds audit verify | export` offline, against a hub data dir that a real hub wrote (issue 3 §7).
describe('ehds audit', () => {
  let dir: string;
  let dataDir: string;
  let fingerprint: string;

  beforeAll(async () => {
    // Prepare: a hub runs on a PGlite data dir, records 30 events and stops (a last checkpoint)
    dir = mkdtempSync(join(tmpdir(), 'ehds-audit-'));
    dataDir = join(dir, 'hub');
    const db = await openDb({ dataDir });
    const app = await createApp(parseHubConfig({ dataDir }), { db });
    await app.ready();
    for (let i = 1; i <= 30; i++) {
      await recordAudit(db, {
        actor: `account:user-${i % 4}`,
        action: i % 3 ? 'dataset.view' : 'auth.sign-in',
        object: `dataset:ds-${i}`,
        outcome: i % 5 ? 'success' : 'denied',
        details: { i },
      });
    }
    fingerprint = (
      (await app.inject({ method: 'GET', url: '/api/federation/hub-key' })).json() as {
        fingerprint: string;
      }
    ).fingerprint;
    await app.close();
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says the log of a data dir is intact, with its checkpoints and key', async () => {
    const { code, lines } = await verify({ dataDir });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(
      /^intact: 30 events, 1 checkpoints, last signed at \d{4}-\d\d-\d\dT.*Z \(seq 30\)$/,
    );
    expect(lines.join('\n')).toContain(`hub key ${fingerprint} (from the store; pin it with --key)`);
    const pinned = await verify({ dataDir, key: fingerprint, json: true });
    expect(JSON.parse(pinned.text)).toMatchObject({
      intact: true,
      events: 30,
      findings: [],
      keyFingerprint: fingerprint,
    });
    const wrongKey = await verify({ dataDir, key: '0000:0000:0000:0000' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.text).toContain('not the trusted key 0000:0000:0000:0000');
  });

  it('exports the chain and FHIR AuditEvents, and verifies the export file offline', async () => {
    const chainFile = await auditExportCommand({ dataDir, out: join(dir, 'audit.ndjson') });
    const fhirFile = await auditExportCommand({
      dataDir,
      out: join(dir, 'audit-fhir.ndjson'),
      format: 'fhir',
    });
    const fromFile = await verify({ file: chainFile });
    expect(fromFile.code).toBe(0);
    expect(fromFile.lines[0]).toMatch(/^intact: 30 events, 1 checkpoints, last signed at /);
    expect(fromFile.text).toContain('(from the file; pin it with --key)');
    const resources = readFileSync(fhirFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(resources).toHaveLength(30);
    expect(resources[2]).toMatchObject({
      resourceType: 'AuditEvent',
      type: { code: '110114' },
      subtype: [{ code: '110122' }],
      action: 'E',
    });
    await expect(auditExportCommand({ dataDir, out: join(dir, 'x'), format: 'csv' })).rejects.toThrow(
      /chain or fhir/,
    );
  });

  it('finds a cut tail in an export file, and an edit in the store, each with its seq', async () => {
    // A file cut after event 25 (the checkpoint at 30 stays in the file)
    const lines = readFileSync(join(dir, 'audit.ndjson'), 'utf8').split(/(?<=\n)/);
    const cutFile = join(dir, 'cut.ndjson');
    writeFileSync(cutFile, lines.filter((l) => !/"seq":(2[6-9]|30),"content"/.test(l)).join(''));
    const cut = await verify({ file: cutFile });
    expect(cut.code).toBe(1);
    expect(cut.text).toMatch(/seq +26 +truncated/);
    // An UPDATE in the store
    const db = await openDb({ dataDir });
    await db.query(`UPDATE audit_event SET outcome = 'success' WHERE seq = 5`);
    await db.close();
    const edited = await verify({ dataDir, json: true });
    expect(edited.code).toBe(1);
    expect(JSON.parse(edited.text).findings).toEqual([expect.objectContaining({ kind: 'edited', seq: 5 })]);
  });

  it('is wired into the ehds command, and refuses a data dir without a hub store', async () => {
    const code = await main(['node', 'ehds', 'audit', 'verify', '--data-dir', join(dir, 'nothing-here')]);
    process.exitCode = undefined; // main sets it, as a command does; not this test run's outcome
    expect(code).toBe(2);
  });
});
