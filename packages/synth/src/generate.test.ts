import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { generate, type SynthFormat } from './generate';

const root = await mkdtemp(join(tmpdir(), 'ehds-synth-gen-'));
afterAll(() => rm(root, { recursive: true, force: true }));

// File name → SHA-256 of its bytes (comparing digests keeps deep equality on big buffers fast).
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort())
    out[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  return out;
}

async function run(
  name: string,
  format: SynthFormat,
  seed: number,
  gzip = false,
): Promise<Record<string, string>> {
  const out = join(root, name);
  await generate({ patients: 150, seed, out, format, country: 'DE', profile: 'hospital', gzip });
  return snapshot(out);
}

describe('generate', () => {
  it.each(['fhir-ndjson', 'omop-csv', 'vcf', 'phenopackets', 'fhir-bundles'] as const)(
    'writes byte-identical %s for the same seed and different output for another',
    async (format) => {
      const a = await run(`${format}-a`, format, 42);
      const b = await run(`${format}-b`, format, 42);
      const c = await run(`${format}-c`, format, 43);
      expect(Object.keys(a).length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    },
  );

  it('gzips outputs reproducibly when asked', async () => {
    const a = await run('gz-a', 'fhir-ndjson', 5, true);
    const b = await run('gz-b', 'fhir-ndjson', 5, true);
    const plain = await run('gz-plain', 'fhir-ndjson', 5, false);
    expect(Object.keys(a)).toContain('Patient.ndjson.gz');
    expect(b).toEqual(a);
    const unzipped = gunzipSync(await readFile(join(root, 'gz-a', 'Patient.ndjson.gz')));
    expect(createHash('sha256').update(unzipped).digest('hex')).toBe(plain['Patient.ndjson']);
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    const result = await generate({
      patients: 250,
      seed: 1,
      out: join(root, 'progress'),
      format: 'omop-csv',
      onProgress: (done, total) => {
        expect(total).toBe(250);
        seen.push(done);
      },
    });
    expect(result.patients).toBe(250);
    expect(result.files).toHaveLength(9);
    expect(seen.at(-1)).toBe(250);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('rejects bad options listing every problem', async () => {
    const attempt = generate({
      patients: 0,
      seed: -1,
      out: join(root, 'bad'),
      format: 'csv' as SynthFormat,
      country: 'XX',
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      kind: 'invalid',
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'patients' }),
        expect.objectContaining({ path: 'seed' }),
        expect.objectContaining({ path: 'format' }),
        expect.objectContaining({ path: 'country' }),
      ]),
    });
  });
});
