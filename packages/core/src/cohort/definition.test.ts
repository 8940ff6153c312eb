import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { exampleCohortDefinition } from './example';
import { cohortDefinitionJsonSchema } from './json-schema';
import { cohortDefinitionIssues, parseCohortDefinition } from './parse';

const condition = (codes: string[], extra: Record<string, unknown> = {}) => ({
  type: 'condition',
  codes: { vocabulary: 'ICD10', codes, descendants: true },
  ...extra,
});

describe('cohort definition', () => {
  it('accepts the example using every criterion type and fills in defaults', () => {
    const d = parseCohortDefinition(exampleCohortDefinition);
    expect(d.version).toBe(1);
    const types = [...d.inclusion, ...d.exclusion].flatMap((g) => g.criteria.map((c) => c.type));
    expect(new Set([...types, d.index!.event.type])).toEqual(
      new Set(['condition', 'measurement', 'drug', 'procedure', 'phenotype', 'age', 'sex', 'variant']),
    );
    expect(d.index?.occurrence).toBe('first');
    const minimal = parseCohortDefinition({
      inclusion: [{ criteria: [{ type: 'sex', values: ['female'] }] }],
    });
    expect(minimal).toMatchObject({ version: 1, exclusion: [], requireObservationPeriod: false });
    expect(minimal.inclusion[0]?.match).toBe('all');
  });

  it('lists every bad field with its path, not just the first', () => {
    const issues = cohortDefinitionIssues({
      inclusion: [
        {
          match: 'some',
          criteria: [
            { type: 'condition', codes: { vocabulary: 'ICD-11', codes: [] } },
            { type: 'measurement', codes: { vocabulary: 'LOINC', codes: ['4548-4'] }, value: {} },
            { type: 'age', min: -1 },
            { type: 'variant', chrom: 'chr23', pos: 0 },
            { type: 'phenotype', terms: ['HP:12'] },
            { type: 'teleport' },
          ],
        },
      ],
      exclusion: 'none',
      colour: 'blue',
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'inclusion[0].match',
        'inclusion[0].criteria[0].codes.vocabulary',
        'inclusion[0].criteria[0].codes.codes',
        'inclusion[0].criteria[1].value',
        'inclusion[0].criteria[2].min',
        'inclusion[0].criteria[3].chrom',
        'inclusion[0].criteria[3].pos',
        'inclusion[0].criteria[4].terms[0]',
        'inclusion[0].criteria[5].type',
        'exclusion',
      ]),
    );
    // Unknown keys are refused rather than silently ignored (a typo must not widen a cohort).
    expect(issues.some((i) => i.path === '' && /colour/.test(i.message))).toBe(true);
    expect(issues.length).toBeGreaterThanOrEqual(11);
  });

  it('refuses user values that could smuggle SQL or LIKE wildcards into a code', () => {
    const issues = cohortDefinitionIssues({
      inclusion: [{ criteria: [condition(["E11' OR 1=1 --", 'E1%', 'E_1'])] }],
    });
    expect(issues.map((i) => i.path)).toEqual([
      'inclusion[0].criteria[0].codes.codes[0]',
      'inclusion[0].criteria[0].codes.codes[1]',
      'inclusion[0].criteria[0].codes.codes[2]',
    ]);
  });

  it('allows descendant matching only where the code prefix is the hierarchy', () => {
    const ok = cohortDefinitionIssues({
      inclusion: [
        {
          criteria: [
            condition(['E11']),
            { type: 'drug', codes: { vocabulary: 'ATC', codes: ['A10B'], descendants: true } },
          ],
        },
      ],
    });
    expect(ok).toEqual([]);
    const bad = cohortDefinitionIssues({
      inclusion: [
        {
          criteria: [
            { type: 'condition', codes: { vocabulary: 'SNOMED', codes: ['44054006'], descendants: true } },
          ],
        },
      ],
    });
    expect(bad).toEqual([
      { path: 'inclusion[0].criteria[0].codes.descendants', message: expect.stringMatching(/SNOMED/) },
    ]);
  });

  it('needs an index event for windows, age at index and prior observation', () => {
    const issues = cohortDefinitionIssues({
      minPriorObservationDays: 365,
      inclusion: [
        {
          criteria: [
            condition(['E11'], { window: { startDays: -365, endDays: 0 } }),
            { type: 'age', min: 18 },
            { type: 'age', min: 18, at: '2024-01-01' },
          ],
        },
      ],
      exclusion: [{ criteria: [condition(['E10'], { window: { startDays: 0, endDays: 30 } })] }],
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'exclusion[0].criteria[0].window',
      'inclusion[0].criteria[0].window',
      'inclusion[0].criteria[1].at',
      'minPriorObservationDays',
    ]);
    const withIndex = cohortDefinitionIssues({
      index: { event: condition(['E11'], { window: { startDays: -1, endDays: 0 } }) },
      inclusion: [{ criteria: [condition(['E11'], { window: { startDays: 10, endDays: -10 } })] }],
    });
    expect(withIndex.map((i) => i.path).sort()).toEqual([
      'inclusion[0].criteria[0].window.endDays',
      'index.event.window',
    ]);
  });

  it('throws an invalid AppError naming the fields', () => {
    let err: unknown;
    try {
      parseCohortDefinition({ inclusion: [{ criteria: [{ type: 'sex', values: ['robot'] }] }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('invalid');
    expect((err as AppError).issues.map((i) => i.path)).toEqual(['inclusion[0].criteria[0].values[0]']);
  });

  it('publishes a JSON Schema that names every criterion type and its required fields', () => {
    const schema = cohortDefinitionJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const text = JSON.stringify(schema);
    for (const t of ['condition', 'measurement', 'drug', 'procedure', 'phenotype', 'age', 'sex', 'variant']) {
      expect(text).toContain(`"const":"${t}"`);
    }
    const props = schema.properties as Record<string, { default?: unknown }>;
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining(['index', 'inclusion', 'exclusion', 'requireObservationPeriod']),
    );
    // Input schema: defaulted fields are optional for a client.
    expect(schema.required ?? []).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
  });
});
