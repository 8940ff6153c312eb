/** zod validation of dataset descriptions: every field at fault is reported by path, in one go. */
import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { finnishCatalogue, finnishT2dCohort } from './fixtures';
import * as schema from './schema';

function issuesOf(input: unknown) {
  try {
    schema.parseDatasetDescription(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).issues;
  }
  throw new Error('expected the description to be refused');
}

describe('dataset description schema', () => {
  it('accepts the sample descriptions at every level and the catalogue', () => {
    for (const level of ['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'] as const) {
      expect(schema.parseDatasetDescription(finnishT2dCohort(level)).accessRights).toBe(level);
    }
    expect(schema.parseCatalogueDescription(finnishCatalogue()).datasets).toHaveLength(3);
  });

  it('lists every missing mandatory item with its field path', () => {
    const {
      title: _t,
      healthCategories: _h,
      hdab: _hdab,
      distributions: _d,
      ...rest
    } = finnishT2dCohort('NON_PUBLIC');
    const incomplete = {
      ...rest,
      contactPoint: undefined,
      type: undefined,
      provenance: undefined,
      keywords: undefined,
    };
    const paths = issuesOf(incomplete).map((i) => i.path);
    for (const field of [
      'title',
      'healthCategories',
      'hdab',
      'distributions',
      'contactPoint',
      'type',
      'provenance',
      'keywords',
    ]) {
      expect(paths).toContain(field);
    }
  });

  it('reports nested and cross-field problems in one go', () => {
    const d = finnishT2dCohort('PUBLIC');
    const issues = issuesOf({
      ...d,
      title: { fi: 'vain suomeksi' },
      applicableLegislation: ['http://data.europa.eu/eli/reg/2022/868/oj'],
      themes: ['HEAL X'],
      healthCategories: ['NOPE'],
      hasStructuredData: true,
      variables: undefined,
      hdab: { ...d.hdab, contactPoint: {} },
      derived: { ...d.derived, minTypicalAge: 90, maxTypicalAge: 20, numberOfRecords: -1 },
      qualityLabel: { ...d.qualityLabel!, stars: 5 },
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'title.en',
        'themes[0]',
        'healthCategories[0]',
        'hdab.contactPoint',
        'derived.numberOfRecords',
        'qualityLabel.stars',
      ]),
    );
    // Cross-field rules run even though fields failed, so nothing is left for a second round.
    expect(paths).toEqual(
      expect.arrayContaining(['applicableLegislation', 'themes', 'variables', 'derived.maxTypicalAge']),
    );
  });

  it('formats zod paths as a.b[2].c', () => {
    expect(schema.formatPath(['distributions', 2, 'title', 'en'])).toBe('distributions[2].title.en');
  });
});
