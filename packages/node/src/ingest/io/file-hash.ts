import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { invalid } from '@openehds/core';
import { isGzip } from './read-lines';

/**
 * SHA-256 of a file's bytes as stored (so the same file, compressed or not, is recognised by its exact
 * content), and whether it is gzip-compressed (see `checkGzip`).
 */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number; gzip: boolean }> {
  const gzip = await isGzip(path);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch (e) {
    throw invalid(`cannot read ${path}: ${(e as Error).message}`, [
      { file: path, message: (e as Error).message },
    ]);
  }
  return { sha256: hash.digest('hex'), bytes, gzip };
}

/**
 * Decompresses a gzip file to its end, so a truncated or corrupt archive is refused before ingestion
 * writes anything.
 */
export async function checkGzip(path: string): Promise<void> {
  const gunzip = createGunzip();
  // An error stops the stream: it must also end a wait for 'drain' or 'end', which then never come.
  const failed = new Promise<never>((_, reject) => gunzip.once('error', reject));
  failed.catch(() => undefined);
  const ended = new Promise<void>((resolve) => gunzip.once('end', resolve));
  gunzip.on('data', () => undefined);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (!gunzip.write(chunk)) await Promise.race([new Promise((r) => gunzip.once('drain', r)), failed]);
    }
    gunzip.end();
    await Promise.race([ended, failed]);
  } catch (e) {
    gunzip.destroy();
    throw invalid(`cannot read ${path}: ${(e as Error).message}; is it a complete, uncorrupted gzip file?`, [
      { file: path, message: (e as Error).message },
    ]);
  }
}
