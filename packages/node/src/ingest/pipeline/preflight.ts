import { basename } from 'node:path';
import { invalid, type Issue } from '@openehds/core';
import { detectAdapter } from '../adapters/index';
import { ndjsonFirstType } from '../adapters/fhir-ndjson/index';
import { checkGzip, hashFile } from '../io/file-hash';
import { readHead } from '../io/read-lines';
import { expandPaths } from '../io/walk';
import type { FormatAdapter } from '../types';

/** A file ready to ingest: its adapter, content hash and load rank. */
export interface PlannedFile {
  path: string;
  adapter: FormatAdapter;
  sha256: string;
  bytes: number;
  /** Gzip-compressed: `verifyFiles` decompresses it to its end. */
  gzip: boolean;
  rank: number;
}

/**
 * Files that define persons load before files that refer to them, so references resolve in one pass:
 * FHIR Patient NDJSON and OMOP person.csv first, VCF and BCF (samples refer to persons) last.
 */
function rank(path: string, adapter: FormatAdapter, head: string): number {
  const name = basename(path).toLowerCase();
  if (adapter.format === 'fhir-ndjson')
    return ndjsonFirstType(head) === 'Patient' || name.startsWith('patient') ? 0 : 2;
  if (adapter.format === 'omop-csv') return /^person\.(csv|tsv)/.test(name) ? 0 : 2;
  if (adapter.format === 'vcf' || adapter.format === 'bcf') return 3;
  return 1;
}

/** Fails the run with one error naming the first file at fault and listing them all. */
function refuse(issues: Issue[]): void {
  if (!issues.length) return;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more file(s))` : '';
  throw invalid(`cannot ingest ${first.file}: ${first.message}${more}; nothing was loaded`, issues);
}

/**
 * The pre-flight's last check, decompressing every gzip file to its end: a truncated or corrupt archive
 * fails the run before anything is written. Apart from `planFiles` because it takes the time of reading
 * the file (3 s for a 150 MB VCF): the run stages meanwhile, and writes nothing until it passes.
 */
export async function verifyFiles(files: readonly { path: string; gzip: boolean }[]): Promise<void> {
  const issues: Issue[] = [];
  for (const f of files) {
    if (f.gzip)
      await checkGzip(f.path).catch((e: Error) => issues.push({ file: f.path, message: e.message }));
  }
  refuse(issues);
}

/**
 * Expands, reads the head of, detects, hashes and checks every input BEFORE anything is written: a file
 * that is unreadable or in no known format fails the whole run with one error naming it, and the store
 * is unchanged (with `verifyFiles`, which completes the checks). Returns the files in load order (persons
 * first; otherwise as given).
 */
export async function planFiles(
  paths: string[],
  adapters?: readonly FormatAdapter[],
): Promise<PlannedFile[]> {
  const files = await expandPaths(paths);
  const planned: PlannedFile[] = [];
  const issues: Issue[] = [];
  for (const path of files) {
    let head: string;
    try {
      head = await readHead(path);
    } catch (e) {
      issues.push({ file: path, message: (e as Error).message });
      continue;
    }
    const adapter = detectAdapter(path, head, adapters);
    if (!adapter) {
      issues.push({
        file: path,
        message: `${path} is in no format the node reads (FHIR NDJSON, FHIR Bundle, OMOP CSV, Phenopacket JSON, VCF, BCF)`,
      });
      continue;
    }
    try {
      const { sha256, bytes, gzip } = await hashFile(path);
      await adapter.check?.(path);
      planned.push({ path, adapter, sha256, bytes, gzip, rank: rank(path, adapter, head) });
    } catch (e) {
      issues.push({ file: path, message: (e as Error).message });
    }
  }
  refuse(issues);
  // Stable sort keeps the given order within a rank.
  return planned
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.rank - b.p.rank || a.i - b.i)
    .map((x) => x.p);
}
