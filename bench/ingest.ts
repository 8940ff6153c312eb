/**
 * Ingest benchmark (DESIGN.md §6): generates seeded FHIR Bulk Data NDJSON (≥ 1M resources at scale 1),
 * times a read-lines + JSON.parse pass over the same files as the anchor, then our end-to-end ingest into
 * a fresh DuckDB file, and prints one JSON line. Goal: ratio ≤ 2.5.
 *   npx tsx bench/ingest.ts [--scale k]
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore } from '@openehds/analytics';
import { readLines } from '../packages/node/src/ingest/io/read-lines';
import { ingest } from '../packages/node/src/ingest/pipeline/ingest';

const RESOURCES_PER_PATIENT = 20; // 1 Patient, 2 Encounter, 3 Condition, 12 Observation, 2 MedicationRequest

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOINC = [
  ['8302-2', 'cm', 150, 50],
  ['29463-7', 'kg', 70, 30],
  ['8867-4', '/min', 70, 20],
  ['2339-0', 'mg/dL', 95, 30],
  ['718-7', 'g/dL', 14, 3],
] as const;
const SNOMED = ['44054006', '38341003', '195662009', '10509002', '162864005', '271737000'];
const RXNORM = ['314076', '197361', '308136', '849574'];

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buf = '';
  for (const l of lines) {
    buf += l + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise<void>((r) => out.on('finish', () => r()));
}

/** Writes Patient/Encounter/Condition/Observation/MedicationRequest NDJSON for `patients` patients. */
async function generate(dir: string, patients: number): Promise<string[]> {
  const rnd = mulberry32(42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const day = (y0: number) => {
    const d = new Date(
      Date.UTC(y0 + Math.floor(rnd() * 20), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
    );
    return d.toISOString().slice(0, 10);
  };
  const files = ['Patient', 'Encounter', 'Condition', 'Observation', 'MedicationRequest'].map((t) =>
    join(dir, `${t}.ndjson`),
  );
  function* gen(type: string): Generator<string> {
    for (let p = 0; p < patients; p++) {
      const pid = `p${p}`;
      const subject = { reference: `Patient/${pid}` };
      if (type === 'Patient') {
        yield JSON.stringify({
          resourceType: 'Patient',
          id: pid,
          identifier: [{ system: 'https://openehds.eu/sid/person', value: `PER-${p}` }],
          gender: rnd() < 0.5 ? 'male' : 'female',
          birthDate: day(1930),
          name: [{ family: `Family${p % 997}`, given: [`Given${p % 389}`] }],
        });
      }
      for (let e = 0; e < 2; e++) {
        const eid = `${pid}-e${e}`;
        const start = `${day(2000)}T08:${String(10 + e).padStart(2, '0')}:00+01:00`;
        if (type === 'Encounter') {
          yield JSON.stringify({
            resourceType: 'Encounter',
            id: eid,
            status: 'finished',
            class: {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
              code: pick(['AMB', 'IMP', 'EMER']),
            },
            type: [
              {
                coding: [
                  { system: 'http://snomed.info/sct', code: '185349003', display: 'Encounter for check up' },
                ],
              },
            ],
            subject,
            period: { start, end: start },
          });
        }
        const encounter = { reference: `Encounter/${eid}` };
        if (type === 'Observation') {
          for (let o = 0; o < 6; o++) {
            const [code, unit, mean, sd] = pick(LOINC);
            yield JSON.stringify({
              resourceType: 'Observation',
              id: `${eid}-o${o}`,
              status: 'final',
              category: [
                {
                  coding: [
                    {
                      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                      code: 'laboratory',
                    },
                  ],
                },
              ],
              code: { coding: [{ system: 'http://loinc.org', code, display: `LOINC ${code}` }] },
              subject,
              encounter,
              effectiveDateTime: start,
              valueQuantity: {
                value: Math.round((mean + (rnd() - 0.5) * 2 * sd) * 10) / 10,
                unit,
                system: 'http://unitsofmeasure.org',
                code: unit,
              },
            });
          }
        }
      }
      if (type === 'Condition') {
        for (let c = 0; c < 3; c++) {
          yield JSON.stringify({
            resourceType: 'Condition',
            id: `${pid}-c${c}`,
            clinicalStatus: {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
              ],
            },
            code: { coding: [{ system: 'http://snomed.info/sct', code: pick(SNOMED) }] },
            subject,
            encounter: { reference: `Encounter/${pid}-e0` },
            onsetDateTime: `${day(1990)}T10:00:00Z`,
          });
        }
      }
      if (type === 'MedicationRequest') {
        for (let m = 0; m < 2; m++) {
          yield JSON.stringify({
            resourceType: 'MedicationRequest',
            id: `${pid}-m${m}`,
            status: 'active',
            intent: 'order',
            medicationCodeableConcept: {
              coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: pick(RXNORM) }],
            },
            subject,
            authoredOn: `${day(2005)}T09:00:00Z`,
            dosageInstruction: [{ text: 'once daily' }],
          });
        }
      }
    }
  }
  for (const f of files) await writeLines(f, gen(f.slice(f.lastIndexOf('/') + 1, -'.ndjson'.length)));
  return files;
}

async function anchor(files: string[]): Promise<number> {
  let n = 0;
  for (const f of files) for await (const { text } of readLines(f)) if (JSON.parse(text)) n++;
  return n;
}

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const patients = Math.ceil((1_000_000 * scale) / RESOURCES_PER_PATIENT);
const dir = await mkdtemp(join(tmpdir(), 'ehds-bench-ingest-'));
try {
  const files = await generate(dir, patients);
  let t = performance.now();
  const resources = await anchor(files);
  const anchorS = (performance.now() - t) / 1000;
  const store = await openNodeStore(join(dir, 'node.duckdb'));
  t = performance.now();
  const report = await ingest(files, { store, datasetId: 'bench' });
  const oursS = (performance.now() - t) / 1000;
  store.close();
  if (report.loaded !== resources)
    throw new Error(
      `loaded ${report.loaded} of ${resources} resources: ${JSON.stringify(report.errors.slice(0, 3))}`,
    );
  console.log(
    JSON.stringify({
      bench: 'ingest',
      resources,
      ours_s: +oursS.toFixed(2),
      anchor_s: +anchorS.toFixed(2),
      ratio: +(oursS / anchorS).toFixed(2),
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
