/**
 * Audit log benchmark (issue 3 §7, DESIGN.md §6). Prints one JSON line per measure:
 *  - audit-append: durable appends per second in batches (200,000 events in batches of 1,000 at
 *    scale 1) with the checkpointer running, on a file-backed PGlite in a temp dir, and on
 *    PostgreSQL when DATABASE_URL is set (in a schema of its own, dropped after). Anchor: the same
 *    rows by the same INSERT without the chain (no hashing, no lock). Goal: ≥ 20,000 events/s.
 *  - audit-verify: verifying an export file against `openssl dgst -sha256` over the same bytes
 *    (each event's hashed bytes, prev_hash + "\n" + canonical content, written to a temp file);
 *    ratio = our throughput / openssl's. Goal ≥ 0.5. The signed segments carry the default run;
 *    `ratio_every_event` is the walk of every event (`--every-event`).
 *  - audit-verify-db: verifying straight from the store (reading rows is most of it).
 *   npx tsx bench/audit.ts [--scale k]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDb, openPostgres, migrate, type Db } from '@openehds/db';
import { hubKeyPair } from '../packages/server/src/federation/hub-key';
import { recordAuditBatch, type AuditInput } from '../packages/server/src/audit/append';
import { contentJson, hashedText } from '../packages/server/src/audit/chain';
import { Checkpointer } from '../packages/server/src/audit/checkpoints';
import { exportChainNdjson } from '../packages/server/src/audit/export';
import { verifyAuditFile } from '../packages/server/src/audit/file-verify';
import { verifyAudit } from '../packages/server/src/audit/service';
import { readEvents } from '../packages/server/src/audit/store';

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const EVENTS = Math.round(200_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1));
const BATCH = 1000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded events shaped like the hub's: sign-ins, data access, permits, tasks sent and results. */
function generate(n: number): AuditInput[] {
  const rnd = mulberry32(7411);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const users = Array.from({ length: 50 }, (_, i) => `account:user-${i}`);
  const nodes = Array.from(
    { length: 8 },
    (_, i) => `node:${(i + 1).toString(16).padStart(8, '0')}-7c1e-4d2a-9b1f-2a4c6e8f0a1b`,
  );
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(start + i * 1500);
    const kind = rnd();
    const task = `task:${Math.floor(rnd() * 1e9)
      .toString(16)
      .padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    if (kind < 0.25)
      return {
        at,
        actor: pick(users),
        action: 'auth.sign-in',
        object: null,
        outcome: rnd() < 0.1 ? 'denied' : 'success',
        details: { method: 'password+totp', ip: `192.0.2.${Math.floor(rnd() * 254) + 1}` },
      };
    if (kind < 0.55)
      return {
        at,
        actor: pick(users),
        action: 'dataset.view',
        object: `dataset:FI-T2D-${Math.floor(rnd() * 500)}`,
        outcome: 'success',
        details: { permit: `P-2026-${String(Math.floor(rnd() * 9999)).padStart(4, '0')}-FI` },
      };
    if (kind < 0.65)
      return {
        at,
        actor: pick(users),
        action: 'permit.grant',
        object: `permit:P-2026-${String(i % 9999).padStart(4, '0')}-FI`,
        outcome: 'success',
        details: { application: `APP-2026-${String(i).padStart(5, '0')}`, datasets: 2, until: '2028-12-31' },
      };
    if (kind < 0.85)
      return {
        at,
        actor: 'system',
        action: 'task.enqueue',
        object: task,
        outcome: 'success',
        details: { nodeId: pick(nodes).slice(5), type: 'cohort.count' },
      };
    return {
      at,
      actor: pick(nodes),
      action: 'task.complete',
      object: task,
      outcome: rnd() < 0.05 ? 'failure' : 'success',
      details: { type: 'cohort.count', status: 'DONE', resultSha256: 'ab'.repeat(32) },
    };
  });
}

const round = (x: number, d = 3) => Number(x.toFixed(d));

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [(performance.now() - t0) / 1000, out];
}

/** Appends all events in batches with the checkpointer on; then the anchor, plain INSERTs. */
async function appendBench(db: Db, driver: string, inputs: AuditInput[], durability: string): Promise<void> {
  await hubKeyPair(db);
  const checkpointer = new Checkpointer(db, { every: 1000, intervalMs: 600_000 });
  await checkpointer.start();
  const [oursS] = await time(async () => {
    for (let i = 0; i < inputs.length; i += BATCH) await recordAuditBatch(db, inputs.slice(i, i + BATCH));
    await checkpointer.idle();
  });
  await checkpointer.stop();
  const [counted] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_checkpoint');
  const checkpoints = counted?.n ?? 0;

  // Anchor: the same rows and the same one-statement INSERT, without the chain (no hashing, no lock,
  // no head lookup, no checkpoints), one transaction a batch.
  await db.exec('CREATE TABLE audit_anchor (LIKE audit_event INCLUDING ALL)');
  const batches: unknown[][][] = [];
  for (let i = 0; i < inputs.length; i += BATCH) {
    const cols: unknown[][] = Array.from({ length: 9 }, () => []);
    inputs.slice(i, i + BATCH).forEach((e, k) => {
      const row = [
        i + k + 1,
        (e.at ?? new Date()).toISOString(),
        e.actor,
        e.action,
        e.object,
        e.outcome,
        JSON.stringify(e.details ?? {}),
        '0'.repeat(64),
        '0'.repeat(64),
      ];
      row.forEach((v, c) => cols[c]!.push(v));
    });
    batches.push(cols);
  }
  const insert = `INSERT INTO audit_anchor (seq, at, actor, action, object, outcome, details, prev_hash, hash)
    SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
      $7::jsonb[], $8::text[], $9::text[])`;
  const [anchorS] = await time(async () => {
    for (const cols of batches) await db.transaction((tx) => tx.query(insert, cols));
  });
  await db.exec('DROP TABLE audit_anchor');
  console.log(
    JSON.stringify({
      bench: 'audit-append',
      driver,
      durability,
      events: inputs.length,
      batch: BATCH,
      checkpoints,
      ours_s: round(oursS),
      events_per_s: Math.round(inputs.length / oursS),
      anchor_s: round(anchorS),
      anchor_events_per_s: Math.round(inputs.length / anchorS),
      ratio: round(oursS / anchorS, 2),
      goal_events_per_s: 20_000,
    }),
  );
}

function openssl(path: string): number {
  const t0 = performance.now();
  const run = spawnSync('openssl', ['dgst', '-sha256', path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr}`);
  return (performance.now() - t0) / 1000;
}

async function verifyBench(db: Db, dir: string): Promise<void> {
  // The export file, and the bytes the chain hashes (what openssl hashes in one stream).
  const exportPath = join(dir, 'audit.ndjson');
  const [exportS] = await time(() =>
    pipeline(Readable.from(exportChainNdjson(db)), createWriteStream(exportPath)),
  );
  const hashedPath = join(dir, 'hashed.bin');
  const out = createWriteStream(hashedPath);
  for await (const page of readEvents(db)) {
    let chunk = '';
    for (const e of page) chunk += hashedText(e.prevHash, contentJson(e));
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const hashedBytes = statSync(hashedPath).size;
  const emptyPath = join(dir, 'empty.bin');
  writeFileSync(emptyPath, '');

  // Warm the page cache and the JIT once each, then alternate, best of five.
  openssl(hashedPath);
  const first = await verifyAuditFile(exportPath);
  if (!first.intact)
    throw new Error(`the benchmark log does not verify: ${JSON.stringify(first.findings[0])}`);
  await verifyAuditFile(exportPath, { threads: 1 });
  await verifyAuditFile(exportPath, { everyEvent: true });
  const anchor: number[] = [];
  const startup: number[] = [];
  const ours: number[] = [];
  const oursOne: number[] = [];
  const everyEvent: number[] = [];
  let threads = 1;
  for (let i = 0; i < 5; i++) {
    anchor.push(openssl(hashedPath));
    startup.push(openssl(emptyPath));
    const [s, r] = await time(() => verifyAuditFile(exportPath));
    ours.push(s);
    threads = r.threads;
    oursOne.push((await time(() => verifyAuditFile(exportPath, { threads: 1 })))[0]);
    everyEvent.push((await time(() => verifyAuditFile(exportPath, { everyEvent: true })))[0]);
  }
  const best = (xs: number[]) => Math.min(...xs);
  const anchorS = best(anchor);
  const startupS = best(startup);
  const oursS = best(ours);
  const oursOneS = best(oursOne);
  const everyEventS = best(everyEvent);
  const mbps = (s: number) => round(hashedBytes / s / 1e6, 1);
  console.log(
    JSON.stringify({
      bench: 'audit-verify',
      events: first.events,
      checkpoints: first.checkpoints,
      hashed_bytes: hashedBytes,
      file_bytes: statSync(exportPath).size,
      export_s: round(exportS),
      ours_s: round(oursS),
      ours_threads: threads,
      signed_segments: first.signedSegments,
      ours_1thread_s: round(oursOneS),
      anchor_s: round(anchorS),
      anchor_startup_s: round(startupS),
      ours_mb_s: mbps(oursS),
      anchor_mb_s: mbps(anchorS),
      ratio: round(anchorS / oursS, 2),
      ratio_1thread: round(anchorS / oursOneS, 2),
      ratio_every_event: round(anchorS / everyEventS, 2),
      ratio_vs_openssl_without_startup: round((anchorS - startupS) / oursS, 2),
      goal_ratio: 0.5,
    }),
  );
}

async function verifyDbBench(db: Db, driver: string): Promise<void> {
  await verifyAudit(db);
  const [s, report] = await time(() => verifyAudit(db));
  if (!report.intact) throw new Error('the benchmark store does not verify');
  console.log(
    JSON.stringify({
      bench: 'audit-verify-db',
      driver,
      events: report.events,
      ours_s: round(s),
      events_per_s: Math.round(report.events / s),
    }),
  );
}

const inputs = generate(EVENTS);
const dir = await mkdtemp(join(tmpdir(), 'bench-audit-'));
try {
  const db = await openDb({ dataDir: dir });
  try {
    await appendBench(db, 'pglite', inputs, 'file-backed PGlite: written to the OS at commit, not fsynced');
    await verifyBench(db, dir);
    await verifyDbBench(db, 'pglite');
  } finally {
    await db.close();
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_audit_${process.pid}`;
    const admin = await openPostgres(url);
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    const pg = await openPostgres(scoped.toString());
    try {
      await migrate(pg);
      const [s] = await pg.query<{ fsync: string; synchronous_commit: string }>(
        `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
      );
      await appendBench(
        pg,
        'postgres',
        inputs,
        `fsync=${s!.fsync}, synchronous_commit=${s!.synchronous_commit}`,
      );
      await verifyDbBench(pg, 'postgres');
    } finally {
      await pg.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
