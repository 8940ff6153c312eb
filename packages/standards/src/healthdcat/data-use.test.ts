/** DUO data-use conditions in dataset descriptions: validation, RDF round trip, official shapes. */
import { DataFactory, Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { dataUseFromRdf } from './data-use-rdf';
import { finnishT2dCohort } from './fixtures';
import { parseDatasetDescription } from './schema';
import { serialise } from './serialise';
import { validateHealthDcat } from './shacl';
import { canonical, conformanceDirOrSkip, parseWith } from './test-support';
import { datasetToRdf } from './to-rdf';
import type { AccessRights, DatasetDescription } from './types';
import { ACCESS_RIGHTS, NS } from './vocab';

const withDataUse = (dataUse: unknown, level: AccessRights = 'NON_PUBLIC') =>
  ({ ...finnishT2dCohort(level), dataUse }) as unknown as DatasetDescription;

function issuesOf(dataUse: unknown): { path?: string; message: string }[] {
  try {
    parseDatasetDescription(withDataUse(dataUse));
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).issues ?? [];
  }
  throw new Error('expected the conditions to be refused');
}

const CONDITIONS = [
  { code: 'DS', diseaseCodes: ['E11', 'E10'] },
  { code: 'http://purl.obolibrary.org/obo/DUO_0000021' },
  { code: 'ncu' },
  { code: 'GS', countries: ['fi', 'EEA'] },
  { code: 'DUO:0000025', until: '2030-12-31', months: 36 },
];

describe('DUO data-use conditions in the description schema', () => {
  it('accepts a permission with modifiers and stores each term by its DUO id', () => {
    const d = parseDatasetDescription(withDataUse(CONDITIONS));
    expect(d.dataUse).toEqual([
      { code: 'DUO:0000007', diseaseCodes: ['E11', 'E10'] },
      { code: 'DUO:0000021' },
      { code: 'DUO:0000046' },
      { code: 'DUO:0000022', countries: ['FI', 'EEA'] },
      { code: 'DUO:0000025', until: '2030-12-31', months: 36 },
    ]);
  });

  it('leaves conditions out when none are given, and accepts an empty list', () => {
    expect(parseDatasetDescription(finnishT2dCohort('PUBLIC')).dataUse).toBeUndefined();
    expect(parseDatasetDescription(withDataUse([])).dataUse).toEqual([]);
  });

  it('refuses an unknown term and an abstract DUO class, naming the field', () => {
    const issues = issuesOf([{ code: 'HMB' }, { code: 'XYZ' }, { code: 'DUO:0000017' }]);
    expect(issues.map((i) => i.path)).toEqual(['dataUse[1].code', 'dataUse[2].code']);
    expect(issues[0]!.message).toMatch(/not a GA4GH DUO term/);
    expect(issues[1]!.message).toMatch(/abstract DUO class/);
  });

  it('refuses DS without disease codes, GS without countries, TS and MOR without a limit', () => {
    const issues = issuesOf([{ code: 'DS' }, { code: 'GS' }, { code: 'TS' }, { code: 'MOR' }]);
    expect(issues.map((i) => i.path)).toEqual([
      'dataUse[0].diseaseCodes',
      'dataUse[1].countries',
      'dataUse[2].until',
      'dataUse[3].until',
    ]);
    expect(issues[0]!.message).toMatch(/DS \(disease specific research\) needs at least one disease code/);
  });

  it('refuses parameters a term does not take, and malformed ones', () => {
    const issues = issuesOf([
      { code: 'HMB', diseaseCodes: ['E11'] },
      { code: 'NCU', countries: ['FI'] },
      { code: 'GS', countries: ['Finland'] },
      { code: 'TS', months: 0 },
    ]);
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'dataUse[0].diseaseCodes',
        'dataUse[1].countries',
        'dataUse[2].countries[0]',
        'dataUse[3].months',
      ]),
    );
  });

  it('asks for exactly one primary permission, and each term once', () => {
    expect(issuesOf([{ code: 'NCU' }, { code: 'IRB' }])).toEqual([
      { path: 'dataUse', message: expect.stringMatching(/name one primary data use permission/) },
    ]);
    const twice = issuesOf([{ code: 'GRU' }, { code: 'HMB' }, { code: 'IRB' }, { code: 'DUO:0000021' }]);
    expect(twice.map((i) => i.path).sort()).toEqual(['dataUse[1].code', 'dataUse[3].code']);
    expect(twice.map((i) => i.message).join(' ')).toMatch(/only one primary.*|listed twice/);
  });
});

describe('DUO data-use conditions in RDF', () => {
  const described = (level: AccessRights) => parseDatasetDescription(withDataUse(CONDITIONS, level));

  it('writes one dct:RightsStatement with the DUO IRIs, and reads the same conditions back from Turtle', async () => {
    const d = described('NON_PUBLIC');
    const store = datasetToRdf(d);
    const rights = store.getObjects(
      DataFactory.namedNode(d.iri),
      DataFactory.namedNode(`${NS.dct}rights`),
      null,
    );
    expect(rights).toHaveLength(1);
    const label = store.getObjects(rights[0]!, DataFactory.namedNode(`${NS.rdfs}label`), null)[0]!.value;
    expect(label).toContain('DS (DUO:0000007) disease specific research: diseases E11, E10');
    expect(label).toContain('NCU (DUO:0000046) non-commercial use only');
    const terms = store
      .getObjects(null, DataFactory.namedNode(`${NS.datause}term`), null)
      .map((t) => t.value)
      .sort();
    expect(terms).toContain('http://purl.obolibrary.org/obo/DUO_0000046');

    const turtle = await serialise(store, 'turtle');
    expect(turtle).toContain('@prefix datause: <https://openehds.eu/ns/data-use#>');
    const parsed = new Store(new Parser().parse(turtle));
    const sortLists = (c: NonNullable<DatasetDescription['dataUse']>[number]) => ({
      ...c,
      ...(c.diseaseCodes ? { diseaseCodes: [...c.diseaseCodes].sort() } : {}),
      ...(c.countries ? { countries: [...c.countries].sort() } : {}),
    });
    const expected = [d.dataUse![0]!, ...d.dataUse!.slice(1).sort((a, b) => a.code.localeCompare(b.code))];
    expect(dataUseFromRdf(parsed, d.iri)).toEqual(expected.map(sortLists));
  });

  it('keeps every data-use triple in JSON-LD and RDF/XML', async () => {
    const store = datasetToRdf(described('PUBLIC'));
    for (const [format, media] of [
      ['jsonld', 'application/ld+json'],
      ['rdfxml', 'application/rdf+xml'],
    ] as const) {
      const parsed = await parseWith(media, await serialise(store, format));
      expect(canonical(parsed)).toBe(canonical(store));
    }
  });

  it('writes nothing when the dataset states no conditions', () => {
    const d = finnishT2dCohort('PUBLIC');
    const store = datasetToRdf(d);
    const rights = DataFactory.namedNode(`${NS.dct}rights`);
    expect(store.getQuads(DataFactory.namedNode(d.iri), rights, null, null)).toHaveLength(0);
    expect(dataUseFromRdf(store, d.iri)).toEqual([]);
  });

  const dir = conformanceDirOrSkip();
  for (const level of ACCESS_RIGHTS) {
    it.skipIf(!dir)(`a ${level} description with conditions has no Violation at its level`, async () => {
      const outcome = await validateHealthDcat(datasetToRdf(described(level)), level, dir);
      expect(outcome.violations).toEqual([]);
    });
  }
});
