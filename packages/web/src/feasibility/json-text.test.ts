import { exampleCohortDefinition } from '@openehds/core';
import { describe, expect, it } from 'vitest';
import { definitionText, readDefinitionText } from './json-text';

describe('the JSON view', () => {
  it('reads back what it shows', () => {
    const read = readDefinitionText(definitionText(exampleCohortDefinition));
    expect(read.issues).toEqual([]);
    expect(read.definition).toEqual(exampleCohortDefinition);
  });

  it('reports a syntax error at the root and schema faults at their paths', () => {
    const broken = readDefinitionText('{"inclusion": [');
    expect(broken.definition).toBeNull();
    expect(broken.issues[0]!.path).toBe('');
    expect(broken.issues[0]!.message).toMatch(/^This is not JSON: /);
    const faulty = readDefinitionText(
      JSON.stringify({ inclusion: [{ criteria: [{ type: 'sex', values: [] }] }] }),
    );
    expect(faulty.issues.map((i) => i.path)).toEqual(['inclusion[0].criteria[0].values']);
  });
});
