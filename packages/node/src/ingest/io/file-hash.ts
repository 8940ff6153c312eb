import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { invalid } from '@openehds/core';
import { isGzip } from './read-lines';

/**
 * SHA-256 of a file's bytes as stored (so the same file, compressed or not, is recognised by its exact
 * content). For gzip files the stream is also decompressed to the end, so a truncated or corrupt archive
 * is refused before ingestion writes anything.
 */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number; gzip: boolean }> {
  const gzip = await isGzip(path);
  const hash = createHash('sha256');
  let bytes = 0;
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const gunzip = gzip ? createGunzip() : undefined;
  const drained = gunzip
    ? new Promise<void>((resolve, reject) => {
        gunzip.on('data', () => undefined);
        gunzip.on('end', resolve);
        gunzip.on('error', reject);
      })
    : Promise.resolve();
  try {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      if (gunzip && !gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r));
    }
    gunzip?.end();
    await drained;
  } catch (e) {
    throw invalid(`cannot read ${path}: ${(e as Error).message}; is it a complete, uncorrupted gzip file?`, [
      { file: path, message: (e as Error).message },
    ]);
  }
  return { sha256: hash.digest('hex'), bytes, gzip };
}
