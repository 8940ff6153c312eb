/**
 * GA4GH Phenopacket Schema v2 writer for the rare-disease sub-cohort: one JSON file per person
 * (`<identifier>.json`), in the protobuf canonical JSON mapping the schema defines (camelCase
 * keys, enum names, RFC 3339 timestamps), with HPO phenotypic features and the OMIM disease,
 * its ORPHA code as an external reference.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONDITIONS, type ConditionKey } from '../conditions';
import type { SynthPatient } from '../patient';
import { createRng, hashSeed } from '../random';
import { DAY_MS, YEAR_DAYS } from '../time';
import type { FormatWriter } from './types';

const RARE: readonly ConditionKey[] = ['cystic_fibrosis', 'marfan', 'huntington'];

/** True when the person belongs to the rare-disease sub-cohort. */
export function hasRareDisease(p: SynthPatient): boolean {
  return p.conditions.some((c) => RARE.includes(c.key));
}

/** ISO 8601 duration (PnYnM) of an age given in days. */
export function isoAge(days: number): string {
  const years = Math.floor(days / YEAR_DAYS);
  const months = Math.floor((days - years * YEAR_DAYS) / (YEAR_DAYS / 12));
  return `P${years}Y${months}M`;
}

/** The phenopacket of a person with a rare disease, as canonical JSON. */
export function toPhenopacket(p: SynthPatient, created: string): Record<string, unknown> {
  // Feature selection has its own stream so it does not depend on the other formats.
  const rng = createRng(hashSeed(p.identifier, 'phenopacket'));
  const rare = p.conditions.filter((c) => RARE.includes(c.key));
  const lastDay = p.obsEnd;
  const features: unknown[] = [];
  const diseases: unknown[] = [];
  const refs: unknown[] = [];
  for (const c of rare) {
    const def = CONDITIONS[c.key];
    const onset = { age: { iso8601duration: isoAge(Math.max(0, c.onsetDay - p.birthDay)) } };
    for (const f of def.hpo ?? []) {
      if (!rng.chance(0.7) && features.length > 0) continue;
      features.push({ type: { id: f.code, label: f.display }, onset });
    }
    if (def.omim) diseases.push({ term: { id: def.omim.code, label: def.omim.display }, onset });
    if (def.orpha) {
      refs.push({
        id: def.orpha.code,
        reference: `https://www.orpha.net/en/disease/detail/${def.orpha.code.slice('ORPHA:'.length)}`,
        description: def.orpha.display,
      });
    }
  }
  const dead = p.deathDay !== undefined;
  return {
    id: `${p.identifier}-PPKT`,
    subject: {
      id: p.identifier,
      dateOfBirth: `${new Date(p.birthDay * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`,
      timeAtLastEncounter: { age: { iso8601duration: isoAge(lastDay - p.birthDay) } },
      vitalStatus: dead
        ? {
            status: 'DECEASED',
            timeOfDeath: {
              timestamp: `${new Date((p.deathDay as number) * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`,
            },
          }
        : { status: 'ALIVE' },
      sex: p.sex === 'male' ? 'MALE' : 'FEMALE',
      taxonomy: { id: 'NCBITaxon:9606', label: 'Homo sapiens' },
    },
    phenotypicFeatures: features,
    diseases,
    metaData: {
      created,
      createdBy: 'OpenEHDS synth',
      resources: [
        {
          id: 'hp',
          name: 'human phenotype ontology',
          url: 'http://purl.obolibrary.org/obo/hp.owl',
          version: '2024-04-26',
          namespacePrefix: 'HP',
          iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
        },
        {
          id: 'omim',
          name: 'Online Mendelian Inheritance in Man',
          url: 'https://www.omim.org',
          version: '2024-04-01',
          namespacePrefix: 'OMIM',
          iriPrefix: 'https://www.omim.org/entry/',
        },
        {
          id: 'ncbitaxon',
          name: 'NCBI organismal classification',
          url: 'http://purl.obolibrary.org/obo/ncbitaxon.owl',
          version: '2023-02-21',
          namespacePrefix: 'NCBITaxon',
          iriPrefix: 'http://purl.obolibrary.org/obo/NCBITaxon_',
        },
      ],
      phenopacketSchemaVersion: '2.0',
      externalReferences: refs,
    },
  };
}

/** Writes `<identifier>.json` for each person of the rare-disease sub-cohort. */
export function phenopacketWriter(dir: string, gzip: boolean, created: string): FormatWriter {
  const files: string[] = [];
  return {
    async write(p: SynthPatient) {
      if (!hasRareDisease(p)) return;
      const text = `${JSON.stringify(toPhenopacket(p, created), null, 2)}\n`;
      const path = join(dir, `${p.identifier}.json${gzip ? '.gz' : ''}`);
      await writeFile(path, gzip ? gzipSync(text) : text);
      files.push(path);
    },
    async finish() {
      return files;
    },
  };
}
