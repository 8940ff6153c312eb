/**
 * A buffered text sink over a file, optionally gzipped, that honours backpressure: writes are
 * batched into ~256 KiB chunks and the caller awaits 'drain' when the stream is full, so memory
 * stays flat however many patients stream through.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';

const CHUNK = 256 * 1024;

/** A text file being written. */
export interface Sink {
  readonly path: string;
  /** Appends text; await the result to respect backpressure. */
  write(text: string): Promise<void> | void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/** Opens `path` (plus `.gz` when gzip) for streamed writing. */
export function openSink(path: string, gzip: boolean): Sink {
  const finalPath = gzip ? `${path}.gz` : path;
  const file = createWriteStream(finalPath, { highWaterMark: 1024 * 1024 });
  let head: Writable = file;
  let done: Promise<void>;
  if (gzip) {
    const gz = createGzip({ level: 6 });
    head = gz;
    done = pipeline(gz, file);
  } else {
    done = once(file, 'finish').then(() => undefined);
  }
  let parts: string[] = [];
  let size = 0;

  const flush = (): Promise<void> | void => {
    if (size === 0) return;
    const chunk = parts.join('');
    parts = [];
    size = 0;
    if (!head.write(chunk)) return once(head, 'drain').then(() => undefined);
  };

  return {
    path: finalPath,
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= CHUNK) return flush();
    },
    async close() {
      await flush();
      head.end();
      await done;
    },
  };
}
