import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '@openehds/db';
import { generateFederationKeyPair } from '@openehds/core';
import { hubKeyPair } from '../federation/hub-key';
import { recordAuditBatch } from './append';
import { writeCheckpoint } from './checkpoints';
import { exportChainNdjson } from './export';
import { verifyAuditFile } from './file-verify';
import { readAnchors } from './offline';
import { verifyAudit } from './service';

const kinds = (r: { findings: { kind: string; seq: number }[] }) => r.findings.map((f) => [f.kind, f.seq]);

/**
 * Verifying an export file offline gives the same findings as verifying the store: the fast pass
 * (bytes as written, on several threads) when the chain is clean, the full analysis when not.
 */
describe('audit export file verification', () => {
  let db: Db;
  let dir: string;
  let lines: string[];
  const write = (name: string, content: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, content.join(''));
    return path;
  };
  const lineOf = (seq: number) => lines.findIndex((l) => l.includes(`"seq":${seq},"content"`));

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    await hubKeyPair(db);
    for (let b = 0; b < 3; b++) {
      await recordAuditBatch(
        db,
        Array.from({ length: 100 }, (_, i) => ({
          actor: `node:n-${i % 3}`,
          action: 'task.complete',
          object: `task:${b * 100 + i + 1}`,
          outcome: i % 10 ? 'success' : 'failure',
          details: { b, i, text: 'ä "quoted" \\ back\nslash', n: 1.25 },
        })),
      );
      await writeCheckpoint(db);
    }
    dir = mkdtempSync(join(tmpdir(), 'audit-file-'));
    lines = [];
    for await (const chunk of exportChainNdjson(db)) lines.push(...chunk.split(/(?<=\n)/));
  });
  afterAll(async () => {
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a header, the checkpoints and one fixed-layout line per event', () => {
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'header', lastSeq: 300, checkpoints: 3 });
    expect(lines.slice(1, 4).map((l) => JSON.parse(l).seq)).toEqual([100, 200, 300]);
    expect(lines).toHaveLength(304);
    expect(lines[4]).toMatch(
      /^\{"kind":"event","hash":"[0-9a-f]{64}","prevHash":"0{64}","seq":1,"content":\{/,
    );
  });

  it('finds an intact export intact by its signed segments, and event by event', async () => {
    const path = write('intact.ndjson', lines);
    const bySegments = await verifyAuditFile(path, { threads: 2 });
    expect(bySegments).toMatchObject({
      intact: true,
      events: 300,
      checkpoints: 3,
      lastCheckpoint: { seq: 300 },
      unsignedTail: 0,
      keySource: 'file',
      pass: 'fast',
      signedSegments: 3,
    });
    const one = await verifyAuditFile(path, { threads: 1, everyEvent: true });
    expect(one).toMatchObject({ intact: true, events: 300, pass: 'fast', threads: 1, signedSegments: 0 });
    const many = await verifyAuditFile(path, { threads: 3, chunkBytes: 4096, everyEvent: true });
    expect(many).toMatchObject({ intact: true, events: 300, pass: 'fast', threads: 3 });
    expect({ ...many, threads: 1 }).toEqual(one);
    expect({ ...bySegments, threads: 1, signedSegments: 0 }).toEqual(one);
    // Chunks cut anywhere in a line: each line is read by exactly one chunk.
    for (const chunkBytes of [1024, 1500, 2047, 3333, 10_000]) {
      const r = await verifyAuditFile(path, { threads: 1, chunkBytes, everyEvent: true });
      expect([r.intact, r.events, r.pass], String(chunkBytes)).toEqual([true, 300, 'fast']);
    }
  });

  it('walks event by event where no intact segment covers the events', async () => {
    // Segments 100 and 200 verify by their digest; events 201..250 after them one by one.
    const cut = lines.slice(0, lineOf(251)).filter((l) => !l.includes('"seq":300,"hash"'));
    expect(await verifyAuditFile(write('tail.ndjson', cut))).toMatchObject({
      intact: true,
      pass: 'fast',
      signedSegments: 2,
      unsignedTail: 50,
    });
    // An edit in the third segment: its bytes differ from the signed ones, so the passes that say
    // where take over, and find what the store check finds.
    const edited = [...lines];
    edited[lineOf(250)] = edited[lineOf(250)]!.replace('"task:250"', '"task:251"');
    const r = await verifyAuditFile(write('seg-edit.ndjson', edited));
    expect([kinds(r), r.pass]).toEqual([[['edited', 250]], 'slow']);
    // A segment digest altered in the file breaks its checkpoint's signature.
    const forged = lines.map((l) =>
      l.includes('"kind":"checkpoint"') && l.includes('"seq":200,')
        ? l.replace(/"sha256":"[0-9a-f]/, '"sha256":"x')
        : l,
    );
    expect(kinds(await verifyAuditFile(write('seg-forged.ndjson', forged)))).toEqual([
      ['bad-checkpoint-signature', 200],
    ]);
  });

  it('finds an edit, a deletion, swapped seqs and a cut tail, as the store check does', async () => {
    const edited = [...lines];
    edited[lineOf(50)] = edited[lineOf(50)]!.replace('"node:n-1"', '"node:n-9"');
    const deleted = lines.filter((_, i) => i !== lineOf(120));
    const swapped = [...lines];
    swapped[lineOf(30)] = lines[lineOf(30)]!.replace('"seq":30,', '"seq":31,');
    swapped[lineOf(31)] = lines[lineOf(31)]!.replace('"seq":31,', '"seq":30,');
    const cut = lines.slice(0, lineOf(251));
    for (const threads of [1, 3]) {
      const check = async (name: string, content: string[]) =>
        verifyAuditFile(write(name, content), { threads, chunkBytes: 4096 });
      expect(kinds(await check('edited', edited))).toEqual([['edited', 50]]);
      expect(kinds(await check('deleted', deleted))).toEqual([['deleted', 120]]);
      expect(kinds(await check('swapped', swapped))).toEqual([
        ['reordered', 30],
        ['reordered', 31],
      ]);
      const truncated = await check('cut', cut);
      expect(kinds(truncated)).toEqual([['truncated', 251]]);
      expect(truncated.pass).toBe('fast'); // the chain is clean; the checkpoint shows the cut
    }
    // The same edit in the store is found at the same seq.
    await db.query(`UPDATE audit_event SET actor = 'node:n-9' WHERE seq = 50`);
    expect(kinds(await verifyAudit(db))).toEqual([['edited', 50]]);
    await db.query(`UPDATE audit_event SET actor = 'node:n-1' WHERE seq = 50`);
    expect((await verifyAudit(db)).intact).toBe(true);
  });

  it('finds a tail cut together with its checkpoint through an anchor kept elsewhere', async () => {
    const anchors = readAnchors(write('anchor.ndjson', lines));
    expect(anchors.map((c) => c.seq)).toEqual([100, 200, 300]);
    // The forger cuts events after 250 and drops checkpoint 300 from the file.
    const cut = lines.slice(0, lineOf(251)).filter((l) => !l.includes('"seq":300,"hash"'));
    const path = write('cut-both.ndjson', cut);
    expect(await verifyAuditFile(path)).toMatchObject({ intact: true, unsignedTail: 50 });
    expect(kinds(await verifyAuditFile(path, { anchors }))).toEqual([['truncated', 251]]);
  });

  it('checks checkpoints against a pinned key rather than the one in the file', async () => {
    const path = write('intact2.ndjson', lines);
    const other = generateFederationKeyPair();
    const report = await verifyAuditFile(path, { publicKey: other.publicKey });
    expect(report.keySource).toBe('pinned');
    expect(kinds(report)).toEqual([
      ['bad-checkpoint-signature', 100],
      ['bad-checkpoint-signature', 200],
      ['bad-checkpoint-signature', 300],
    ]);
  });

  it('treats a line that is not an event as an edit, not a crash', async () => {
    const broken = [...lines];
    broken[lineOf(77)] = '{"kind":"event", this is not json\n';
    const report = await verifyAuditFile(write('broken.ndjson', broken));
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'edited', seq: 77 }),
        expect.objectContaining({ kind: 'deleted', seq: 77 }),
      ]),
    );
    expect(readFileSync(join(dir, 'broken.ndjson'), 'utf8')).toContain('this is not json');
  });
});
