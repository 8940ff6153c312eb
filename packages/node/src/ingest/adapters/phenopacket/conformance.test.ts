import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFileRegistry, fromBinary, fromJson, type JsonValue, type Registry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import type { DescMessage } from '@bufbuild/protobuf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapContext } from '../../types';
import { defaultConformanceDir as conformanceDir } from '@openehds/standards';
import { mapPhenopacket } from './map-packet';

/**
 * Proves the adapter accepts what the Phenopackets v2 standard accepts: the official .proto files are
 * compiled with `buf`, and the same JSON is decoded by @bufbuild/protobuf (strict proto3 JSON) and by
 * our hand-written validation; both official examples must pass both, and mutations must get the same
 * verdict from both.
 */

const root = join(conformanceDir(), 'phenopackets/v2');
const present = existsSync(join(root, 'proto'));
if (!present && process.env.CI === 'true')
  throw new Error(`Phenopackets conformance files missing in CI: ${root}`);
if (!present)
  console.warn(`skipping the Phenopackets conformance test: ${root} not found (set EHDS_CONFORMANCE_DIR)`);

const ctx: MapContext = { personIdentifierSystem: 'urn:example:patient-id', datasetId: 'ds-1' };
const work = mkdtempSync(join(tmpdir(), 'ppkt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let registry: Registry;
let phenopacket: DescMessage;

function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'examples', name), 'utf8'));
}

function protobufAccepts(json: unknown): boolean {
  try {
    fromJson(phenopacket, json as JsonValue, { registry });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!present)('Phenopackets v2 conformance', () => {
  beforeAll(() => {
    // Prepare: buf needs a module root with buf.yaml; the conformance dir is read-only, so copy it.
    const protoRoot = join(work, 'proto');
    cpSync(join(root, 'proto'), protoRoot, { recursive: true });
    writeFileSync(join(protoRoot, 'buf.yaml'), 'version: v2\n');
    const out = join(work, 'ppkt-v2.binpb');
    const buf = resolve(import.meta.dirname, '../../../../../../node_modules/.bin/buf');
    execFileSync(
      existsSync(buf) ? buf : 'buf',
      ['build', '-o', out, '--path', 'phenopackets/schema/v2/phenopackets.proto'],
      {
        cwd: protoRoot,
      },
    );
    registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(out)));
    phenopacket = registry.getMessage('org.phenopackets.schema.v2.Phenopacket')!;
  });

  it.each(['covid19.json', 'mcahs1.json'])('accepts and maps the official example %s', (name) => {
    const json = example(name);
    expect(protobufAccepts(json)).toBe(true);
    const result = mapPhenopacket(json, ctx);
    if (!result.ok) throw new Error(result.reason);
    expect(result.person?.refs).toEqual([
      { system: ctx.personIdentifierSystem, value: (json.subject as { id: string }).id },
    ]);
    expect(result.rows.filter((r) => r.table === 'person')).toHaveLength(1);
  });

  const mutations: [string, (p: Record<string, unknown>) => void, boolean][] = [
    ['an unknown top-level field', (p) => (p.notAField = 1), false],
    [
      'an unknown nested field',
      (p) => ((p.subject as Record<string, unknown>).favouriteColour = 'blue'),
      false,
    ],
    ['a bad sex enum', (p) => ((p.subject as Record<string, unknown>).sex = 'M'), false],
    ['an enum given by number', (p) => ((p.subject as Record<string, unknown>).sex = 2), true],
    ['a snake_case field name', (p) => ((p.meta_data = p.metaData), delete p.metaData), true],
    [
      'a timestamp with an offset',
      (p) => ((p.metaData as Record<string, unknown>).created = '2021-08-17T02:00:00+02:00'),
      true,
    ],
    [
      'a date where a timestamp belongs',
      (p) => ((p.metaData as Record<string, unknown>).created = '2021-08-17'),
      false,
    ],
    [
      'excluded given as a string',
      (p) => ((p.phenotypicFeatures as Record<string, unknown>[])[0]!.excluded = 'yes'),
      false,
    ],
    [
      'two members of a oneof',
      (p) =>
        ((p.phenotypicFeatures as Record<string, unknown>[])[2]!.onset = {
          timestamp: '2020-03-17T00:00:00Z',
          age: { iso8601duration: 'P1Y' },
        }),
      false,
    ],
  ];

  it.each(mutations)('agrees with protobuf on %s', (_label, mutate, accepted) => {
    const json = example('covid19.json');
    mutate(json);
    expect(protobufAccepts(json)).toBe(accepted);
    expect(mapPhenopacket(json, ctx).ok).toBe(accepted);
  });
});
