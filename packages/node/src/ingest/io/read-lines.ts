import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { invalid } from '@openehds/core';
import { StringDecoder } from 'node:string_decoder';

/** First two bytes of every gzip member (RFC 1952 §2.3.1). */
const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** True when the file starts with the gzip magic number (checked on content, not name). */
export async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === GZIP_MAGIC_0 && buf[1] === GZIP_MAGIC_1;
  } finally {
    await fh.close();
  }
}

/** Opens a file as a byte stream, gunzipping transparently when it is gzip-compressed. */
export async function openText(path: string): Promise<Readable> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!(await isGzip(path))) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** Reads up to `bytes` bytes of decoded (gunzipped if needed) text from the start of a file. */
export async function readHead(path: string, bytes = 4096): Promise<string> {
  const stream = await openText(path);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= bytes) break;
    }
  } catch (e) {
    throw invalid(`cannot read ${path}: ${(e as Error).message}`, [
      { path: 'file', message: `${path} is not readable (corrupt gzip?)` },
    ]);
  } finally {
    stream.destroy();
  }
  // Decoding may cut a multi-byte character at the end; TextDecoder replaces it, harmless for detection.
  return Buffer.concat(chunks).subarray(0, bytes).toString('utf8');
}

/**
 * Streams a text file line by line with 1-based line numbers, gunzipping when needed.
 * Memory stays constant in file size: only the current chunk and one partial line are held.
 * A trailing `\r` is stripped (CRLF files); a final empty line is not yielded.
 */
export async function* readLines(path: string): AsyncIterable<{ line: number; text: string }> {
  const stream = await openText(path);
  // StringDecoder (C++) keeps multi-byte characters split across chunks whole, and is several times
  // faster than TextDecoder on Node 20 for megabyte chunks.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      let nl = text.indexOf('\n', start);
      while (nl !== -1) {
        line++;
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        yield { line, text: text.slice(start, end) };
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      rest = text.slice(start);
    }
  } catch (e) {
    throw invalid(`cannot read ${path}: ${(e as Error).message}`, [
      { path: 'file', message: `${path} is not readable (corrupt gzip?)` },
    ]);
  } finally {
    stream.destroy();
  }
  rest += decoder.end();
  if (rest.length > 0) {
    line++;
    yield { line, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest };
  }
}

/**
 * The lines of a text file a chunk at a time (`first` is the 1-based number of `lines[0]`), with the
 * same rules as `readLines`. For hot loops: one asynchronous step per chunk instead of one per line.
 */
export async function* readLineBatches(path: string): AsyncIterable<{ first: number; lines: string[] }> {
  const stream = await openText(path);
  // StringDecoder (C++) keeps multi-byte characters split across chunks whole, and is several times
  // faster than TextDecoder on Node 20 for megabyte chunks.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      const lines: string[] = [];
      let start = 0;
      let nl = text.indexOf('\n', start);
      while (nl !== -1) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        lines.push(text.slice(start, end));
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      rest = text.slice(start);
      if (lines.length) {
        yield { first: line + 1, lines };
        line += lines.length;
      }
    }
  } catch (e) {
    throw invalid(`cannot read ${path}: ${(e as Error).message}`, [
      { path: 'file', message: `${path} is not readable (corrupt gzip?)` },
    ]);
  } finally {
    stream.destroy();
  }
  rest += decoder.end();
  if (rest.length > 0) yield { first: line + 1, lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest] };
}
