import * as fs from 'node:fs';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { canonicalJson, invalid } from '@openehds/core';
import { GENESIS_HASH, hashedText, sha256Hex, type AuditContent } from './chain';
import { checkpointFromJson, type AuditCheckpoint } from './checkpoint';
import { EXPORT_FORMAT, type ExportHeader } from './export';
import { scanEvents, scanFileChunks, type ScanResult } from './scan';
import { buildReport } from './report';
import { walkSegments, type SegmentWalk } from './segment-walk';
import { ChainVerifier, type ChainView, type Finding, type VerifyReport } from './verify';

/**
 * Verifies an export file (export.ts) offline, in up to three passes. The signed segments first
 * (segment-walk.ts): each checkpoint's segment of event lines is hashed in one call and compared
 * with the digest the hub signed. What they do not cover goes to the fast pass, which hashes every
 * event line's bytes as written, on all cores; when it finds the chain clean, only the checkpoints
 * are left to check. Any irregularity sends it to the slow pass, which parses every line and runs
 * the full analysis of verify.ts, so the findings are the same either way.
 */

/** Options of {@link verifyAuditFile}. */
export interface FileVerifyOptions {
  /** The hub public key to trust; by default the one in the file's header (say so to the user). */
  publicKey?: string;
  /** Checkpoints kept elsewhere (an earlier export): a tail cut together with its checkpoints shows. */
  anchors?: readonly AuditCheckpoint[];
  /** Threads for the fast pass (default: available cores); 1 keeps it on this thread. */
  threads?: number;
  /** Bytes per unit of work of the fast pass (default 4 MiB); threads help from two units on. */
  chunkBytes?: number;
  /**
   * Re-hash every event even where a signed segment covers it: the segments rest on the hub having
   * checked the chain before signing; this does not.
   */
  everyEvent?: boolean;
}

/** The result, with where the key came from. */
export interface FileVerifyReport extends VerifyReport {
  keySource: 'pinned' | 'file' | 'none';
  /** Which pass gave the verdict, and on how many threads the fast pass ran. */
  pass: 'fast' | 'slow';
  threads: number;
  /** Segments found intact by their signed digest, so their events were not walked one by one. */
  signedSegments: number;
}

const hashHex = (d: Uint8Array) => sha256Hex(d);
const CHUNK_BYTES = 4 << 20;

/** Header and checkpoint lines at the top of the file, and the offset of the first event line. */
function readHead(path: string): {
  header?: ExportHeader;
  checkpoints: AuditCheckpoint[];
  eventsStart: number;
  size: number;
} {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let buf = Buffer.alloc(0);
    let header: ExportHeader | undefined;
    const checkpoints: AuditCheckpoint[] = [];
    let pos = 0;
    for (;;) {
      let nl = buf.indexOf(10, pos);
      if (nl < 0 && buf.length < size) {
        // Read more: the head is small (a checkpoint a thousand events), so this loops rarely.
        const more = Buffer.allocUnsafe(Math.min(size, Math.max(1 << 20, buf.length * 2)) - buf.length);
        const n = readSync(fd, more, 0, more.length, buf.length);
        buf = Buffer.concat([buf, more.subarray(0, n)]);
        continue;
      }
      if (nl < 0) nl = buf.length;
      if (pos >= buf.length || buf.toString('latin1', pos, pos + 15) === '{"kind":"event"') break;
      const text = buf.toString('utf8', pos, nl).trim();
      if (text) {
        const record = parseLine(text);
        if (record?.kind === 'header') header = record as unknown as ExportHeader;
        else if (record?.kind === 'checkpoint') checkpoints.push(checkpointFromJson(record));
        else break; // not the layout we write: the slow pass sorts it out
      }
      pos = nl + 1;
    }
    return { header, checkpoints, eventsStart: Math.min(pos, size), size };
  } finally {
    closeSync(fd);
  }
}

/** Verifies the export file at `path`. */
export async function verifyAuditFile(
  path: string,
  options: FileVerifyOptions = {},
): Promise<FileVerifyReport> {
  const { header, checkpoints, eventsStart, size } = readHead(path);
  if (header && header.format !== EXPORT_FORMAT) {
    throw invalid(`${path} is ${String(header.format)}, not an ${EXPORT_FORMAT} file`);
  }
  const publicKey = options.publicKey ?? header?.hubPublicKey ?? null;
  const keySource = options.publicKey ? 'pinned' : header?.hubPublicKey ? 'file' : 'none';
  const allCheckpoints = [...checkpoints, ...(options.anchors ?? [])];

  const walk = await walkSegments(
    path,
    eventsStart,
    size,
    options.everyEvent ? [] : allCheckpoints,
    publicKey,
  );
  const fast = await fastPass(path, walk, size, allCheckpoints, options);
  const threads = fast.threads;
  if (fast.chain) {
    return {
      ...buildReport(fast.chain, [], allCheckpoints, publicKey, walk.signedOk),
      keySource,
      pass: 'fast',
      threads,
      signedSegments: walk.intact.length,
    };
  }
  return {
    ...slowPass(readFileSync(path), options.anchors ?? [], publicKey),
    keySource,
    pass: 'slow',
    threads,
    signedSegments: 0,
  };
}

/**
 * The chain as the fast pass saw it after the intact segments (enough to check checkpoints
 * against), or null if not clean.
 */
async function fastPass(
  path: string,
  walk: SegmentWalk,
  size: number,
  checkpoints: readonly AuditCheckpoint[],
  options: FileVerifyOptions,
): Promise<{ chain: ChainView | null; threads: number }> {
  const chunkBytes = Math.max(1024, options.chunkBytes ?? CHUNK_BYTES);
  const wanted = [...new Set(checkpoints.map((c) => c.seq))];
  const starts: number[] = [];
  for (let at = walk.offset; at < size; at += chunkBytes) starts.push(at);
  starts.push(size);
  const chunks = starts.length - 1;
  // A worker takes tens of milliseconds to start: worth it from two chunks on. Each thread reads
  // its own chunks, so reading the file is spread over the threads too.
  const helpers =
    chunks >= 2 ? Math.max(0, Math.min(options.threads ?? availableParallelism(), chunks, 8) - 1) : 0;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: helpers }, () => runWorker(path, starts, counter, wanted));
  const results: ScanResult[] = new Array(chunks);
  for (const [k, r] of scanFileChunks(fs, path, starts, counter, wanted, hashHex)) results[k] = r;
  for (const pairs of await Promise.all(workers)) for (const [k, r] of pairs) results[k] = r;

  // Stitch the chunks: each must be clean, and link to the one before (the first to the segments).
  const threads = helpers + 1;
  const signed = walk.intact.at(-1);
  let prevHash = signed?.hash ?? GENESIS_HASH;
  let lastSeq = signed?.seq ?? -1;
  let count = signed?.events ?? 0;
  const found = new Map(walk.intact.map((c) => [c.seq, { hash: c.hash, upTo: c.events }]));
  for (const r of results) {
    if (!r?.ok) return { chain: null, threads };
    if (r.lines === 0) continue;
    if (r.firstPrevHash !== prevHash || r.firstSeq <= lastSeq) return { chain: null, threads };
    for (const [seq, index, hash] of r.wanted) found.set(seq, { hash, upTo: count + index + 1 });
    count += r.lines;
    prevHash = r.lastHash;
    lastSeq = r.lastSeq;
  }
  const chain: ChainView = {
    count,
    lastSeq: count ? lastSeq : null,
    hashAt: (seq) => found.get(seq)?.hash,
    countUpTo: (seq) => found.get(seq)?.upTo,
  };
  return { chain, threads };
}

/** Runs {@link scanFileChunks} in a worker thread, from its source text (no loader needed). */
function runWorker(
  path: string,
  starts: number[],
  counter: Int32Array,
  wanted: number[],
): Promise<[number, ScanResult][]> {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const hash = typeof crypto.hash === 'function'
  ? (d) => crypto.hash('sha256', d, 'hex')
  : (d) => crypto.createHash('sha256').update(d).digest('hex');
${scanEvents.toString()}
${scanFileChunks.toString()}
const { path, starts, counter, wanted } = workerData;
parentPort.postMessage(scanFileChunks(fs, path, starts, new Int32Array(counter), wanted, hash));
`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, {
      eval: true,
      workerData: { path, starts, counter: counter.buffer, wanted },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`audit scan worker stopped with code ${code}`));
    });
  });
}

function parseLine(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

interface ParsedEvent {
  seq: number;
  prevHash: string;
  hash: string;
  contentOk: boolean;
}

/** Parses every line and runs the full analysis. */
function slowPass(buf: Buffer, anchors: readonly AuditCheckpoint[], publicKey: string | null): VerifyReport {
  const events: ParsedEvent[] = [];
  const fileCheckpoints: AuditCheckpoint[] = [];
  const unreadable: Finding[] = [];
  const lines = buf.toString('utf8').split('\n');
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    const r = parseLine(line);
    if (r?.kind === 'header') return;
    if (r?.kind === 'checkpoint') {
      fileCheckpoints.push(checkpointFromJson(r));
      return;
    }
    const seq = Number(r?.seq);
    if (
      r?.kind !== 'event' ||
      !Number.isSafeInteger(seq) ||
      typeof r.hash !== 'string' ||
      typeof r.prevHash !== 'string'
    ) {
      const after = events.length ? events[events.length - 1]!.seq : 0;
      unreadable.push({
        kind: 'edited',
        seq: after + 1,
        detail: `line ${n + 1} of the file is not an audit event (after event ${after})`,
      });
      return;
    }
    let contentOk = false;
    try {
      contentOk = sha256Hex(hashedText(r.prevHash, canonicalJson(r.content as AuditContent))) === r.hash;
    } catch {
      contentOk = false;
    }
    events.push({ seq, prevHash: r.prevHash, hash: r.hash, contentOk });
  });
  events.sort((a, b) => a.seq - b.seq);
  const chain = new ChainVerifier();
  for (const e of events) chain.pushChecked(e.seq, e.prevHash, e.hash, e.contentOk);
  const findings = [...chain.findings(), ...unreadable].sort((a, b) => a.seq - b.seq);
  return buildReport(chain, findings, [...fileCheckpoints, ...anchors], publicKey);
}
