import { COHORT_LIMITS, COHORT_VOCABULARIES, PREFIX_HIERARCHY_VOCABULARIES } from '@openehds/core';
import { describe, expect, it } from 'vitest';
import { allowsDescendants, LIMITS, PREFIX_VOCABULARIES, VOCABULARIES } from './vocab';

describe('the browser copy of the schema lists', () => {
  it('matches @openehds/core', () => {
    expect([...VOCABULARIES]).toEqual([...COHORT_VOCABULARIES]);
    expect([...PREFIX_VOCABULARIES]).toEqual([...PREFIX_HIERARCHY_VOCABULARIES]);
    expect(LIMITS).toEqual(COHORT_LIMITS);
  });

  it('allows descendants only for prefix-hierarchy vocabularies', () => {
    expect(allowsDescendants('ATC')).toBe(true);
    expect(allowsDescendants('SNOMED')).toBe(false);
  });
});
