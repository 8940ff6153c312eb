import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { listOutputFiles } from '../compute/files';

/**
 * What of a job's output folder goes to the airlock (issue 4 §5; Art. 73(2)): regular files only
 * (compute/files.ts skips symlinks), each under a flat name the airlock accepts, within the airlock's
 * limits. Anything else is withheld and named in the job's final report, so the data user knows why.
 */

/** The airlock's limits (hub `airlock/service.ts`, `routes.ts`). */
export const AIRLOCK_LIMITS = { files: 50, fileBytes: 5 << 20 } as const;

/** One file as the `airlock.outputs` message carries it. */
export interface AirlockOutputFile {
  name: string;
  mediaType: string;
  contentBase64: string;
}

/** A file that was not sent, and why. */
export interface WithheldFile {
  path: string;
  reason: string;
}

const MEDIA_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.html': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.parquet': 'application/vnd.apache.parquet',
  '.rds': 'application/x-r-data',
  '.pkl': 'application/octet-stream',
};

/** The media type the airlock records for a file name. */
export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The airlock name of an output path: folders joined with `__` (`tables/counts.csv` →
 * `tables__counts.csv`); null when the path cannot become a plain name of at most 200 characters.
 */
export function airlockName(path: string): string | null {
  const name = path.split('/').join('__');
  return NAME.test(name) && name.length <= 200 ? name : null;
}

/** Reads a job's output folder into the files the airlock takes and those it would refuse. */
export async function collectOutputs(outputDir: string): Promise<{
  files: AirlockOutputFile[];
  withheld: WithheldFile[];
  listed: { name: string; size: number }[];
}> {
  const files: AirlockOutputFile[] = [];
  const withheld: WithheldFile[] = [];
  const listed: { name: string; size: number }[] = [];
  const names = new Set<string>();
  for (const f of await listOutputFiles(outputDir).catch(() => [])) {
    const name = airlockName(f.path);
    if (!name || names.has(name)) {
      withheld.push({ path: f.path, reason: 'the name is not a plain file name (letters, digits, . _ -)' });
      continue;
    }
    if (f.size > AIRLOCK_LIMITS.fileBytes) {
      withheld.push({
        path: f.path,
        reason: `larger than the airlock's ${AIRLOCK_LIMITS.fileBytes >> 20} MiB`,
      });
      continue;
    }
    if (files.length >= AIRLOCK_LIMITS.files) {
      withheld.push({ path: f.path, reason: `more than ${AIRLOCK_LIMITS.files} files` });
      continue;
    }
    names.add(name);
    const content = await readFile(join(outputDir, f.path));
    files.push({ name, mediaType: mediaTypeOf(name), contentBase64: content.toString('base64') });
    listed.push({ name, size: content.length });
  }
  return { files, withheld, listed };
}
