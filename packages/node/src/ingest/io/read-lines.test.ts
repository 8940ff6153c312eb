import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readHead, readLineBatches, readLines } from './read-lines';

const dir = mkdtempSync(join(tmpdir(), 'ehds-readlines-'));

async function collect(path: string): Promise<{ line: number; text: string }[]> {
  const out: { line: number; text: string }[] = [];
  for await (const l of readLines(path)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('numbers lines from 1, strips CRLF and yields a last line without newline', async () => {
    const p = join(dir, 'a.txt');
    writeFileSync(p, 'one\r\ntwo\n\nfour');
    expect(await collect(p)).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
      { line: 3, text: '' },
      { line: 4, text: 'four' },
    ]);
  });

  it('gunzips by content (magic bytes), whatever the name', async () => {
    const p = join(dir, 'b.data');
    writeFileSync(p, gzipSync('é1\nü2\n'));
    expect(await collect(p)).toEqual([
      { line: 1, text: 'é1' },
      { line: 2, text: 'ü2' },
    ]);
    expect(await readHead(p, 3)).toBe('é1');
  });

  it('keeps multi-byte characters split across chunks intact', async () => {
    const p = join(dir, 'c.txt');
    const long = 'ä'.repeat(1_500_000); // 3 MB of 2-byte characters: spans several 1 MiB chunks
    writeFileSync(p, `${long}\nx\n`);
    const lines = await collect(p);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.text.length).toBe(1_500_000);
    expect(lines[0]!.text).toBe(long);
  });

  it('fails with an AppError naming a corrupt gzip file', async () => {
    const p = join(dir, 'd.gz');
    writeFileSync(p, gzipSync('a\n'.repeat(1000)).subarray(0, 30));
    await expect(collect(p)).rejects.toThrow(/cannot read .*d\.gz/);
  });
});

describe('readLineBatches', () => {
  it('yields the same numbered lines as readLines, a chunk at a time', async () => {
    const p = join(dir, 'e.txt.gz');
    const body = Array.from({ length: 60_000 }, (_, i) => `line ${i} ${'ß'.repeat(i % 40)}`).join('\r\n');
    writeFileSync(p, gzipSync(`${body}\n\nlast`));
    const batched: { line: number; text: string }[] = [];
    let batches = 0;
    for await (const { first, lines } of readLineBatches(p)) {
      batches++;
      lines.forEach((text, i) => batched.push({ line: first + i, text }));
    }
    expect(batched).toEqual(await collect(p));
    expect(batched).toHaveLength(60_002);
    expect(batches).toBeGreaterThan(1);
  });
});
