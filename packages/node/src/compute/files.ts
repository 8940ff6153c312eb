import { open, readdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogChunk, OutputFile } from './types';

/** Reads a log file from a byte offset (at most `max` bytes), for polling or streaming while a job runs. */
export async function readLogChunk(
  file: string,
  fromOffset: number,
  complete: boolean,
  max = 1024 * 1024,
): Promise<LogChunk> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return { text: '', nextOffset: fromOffset, complete };
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, Math.min(fromOffset, size));
    const length = Math.min(max, size - start);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    // Stop before a split UTF-8 sequence so the next chunk starts on a character.
    let end = bytesRead;
    while (end > 0 && end < size - start && ((buffer[end] ?? 0) & 0xc0) === 0x80) end--;
    const done = complete && start + end >= size;
    return { text: buffer.subarray(0, end).toString('utf8'), nextOffset: start + end, complete: done };
  } finally {
    await handle.close();
  }
}

/** The last `bytes` of a file as text ('' if missing). */
export async function readTail(file: string, bytes = 8192): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Regular files under the output folder, relative paths sorted. Symlinks are listed as nothing: the
 * job could point one at a host path, and the airlock must only ever read real files it wrote.
 */
export async function listOutputFiles(dir: string): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path);
      else if (e.isFile()) out.push({ path, size: (await lstat(join(dir, path))).size });
    }
  }
  await walk('');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Streams a job's log as it grows, polling the backend (an async iterator of text chunks). */
export async function* streamLogs(
  read: (offset: number) => Promise<LogChunk>,
  options: { intervalMs?: number; signal?: AbortSignal } = {},
): AsyncGenerator<string> {
  let offset = 0;
  for (;;) {
    if (options.signal?.aborted) return;
    const chunk = await read(offset);
    if (chunk.text) yield chunk.text;
    offset = chunk.nextOffset;
    if (chunk.complete) return;
    if (!chunk.text) await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
}
