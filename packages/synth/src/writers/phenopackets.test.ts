import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileRegistry, fromBinary, fromJson, type JsonValue } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { conformanceDir, repoRoot } from '../test-helpers';

const root = mkdtempSync(join(tmpdir(), 'ehds-synth-ppkt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Builds a descriptor set from the official v2 protos with buf, as the conformance README says. */
function phenopacketRegistry(dir: string): ReturnType<typeof createFileRegistry> {
  const protos = join(root, 'proto');
  cpSync(join(dir, 'phenopackets/v2/proto'), protos, { recursive: true });
  writeFileSync(join(protos, 'buf.yaml'), 'version: v2\n');
  const image = join(root, 'ppkt-v2.binpb');
  const buf = join(repoRoot(), 'node_modules/.bin/buf');
  execFileSync(buf, ['build', '-o', image, '--path', 'phenopackets/schema/v2/phenopackets.proto'], {
    cwd: protos,
  });
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(image)));
}

describe('GA4GH Phenopackets v2', () => {
  it('writes one phenopacket per rare-disease person that decodes strictly against the official protos', async () => {
    const dir = conformanceDir();
    if (!dir) return;
    // Prepare
    const registry = phenopacketRegistry(dir);
    const schema = registry.getMessage('org.phenopackets.schema.v2.Phenopacket');
    expect(schema).toBeDefined();
    const result = await generate({
      patients: 3000,
      seed: 21,
      out: join(root, 'out'),
      format: 'phenopackets',
      country: 'DE',
      profile: 'hospital',
    });
    expect(result.files.length).toBeGreaterThan(3);

    for (const file of result.files) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
      // Execute: strict decoding rejects unknown keys, bad enum names and bad timestamps.
      const message = fromJson(schema as NonNullable<typeof schema>, json, { registry });
      // Assert
      const subject = (json as unknown as { subject: { id: string } }).subject;
      expect(subject.id).toMatch(/^DE-S21-\d{7}$/);
      expect(file.endsWith(`${subject.id}.json`)).toBe(true);
      const m = message as unknown as {
        phenotypicFeatures: { type?: { id: string } }[];
        diseases: { term?: { id: string } }[];
      };
      expect(m.phenotypicFeatures.length).toBeGreaterThan(0);
      for (const f of m.phenotypicFeatures) expect(f.type?.id).toMatch(/^HP:\d{7}$/);
      expect(m.diseases.map((d) => d.term?.id)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^OMIM:\d{6}$/)]),
      );
    }
  });
});
