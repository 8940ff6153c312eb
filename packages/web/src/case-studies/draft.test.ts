import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, fieldErrors, toContent, toForm } from './draft';

describe('case-study form', () => {
  it('splits lists and keeps a dataset title after the bar', () => {
    const c = toContent({
      ...EMPTY_FORM,
      title: '  Sepsis model ',
      datasets: 'fi-biobank | Helsinki Biobank\n\n es-registry \n',
      permits: 'FI-2026-000001\nES-2026-000002',
      tags: 'sepsis, , federated-learning',
      countries: 'FI,ES',
      useCaseId: ' ',
    });
    expect(c).toMatchObject({
      title: 'Sepsis model',
      datasets: [
        { datasetId: 'fi-biobank', title: 'Helsinki Biobank' },
        { datasetId: 'es-registry', title: null },
      ],
      permits: ['FI-2026-000001', 'ES-2026-000002'],
      tags: ['sepsis', 'federated-learning'],
      countries: ['FI', 'ES'],
      useCaseId: null,
    });
  });

  it('round-trips a stored case study', () => {
    const content = toContent({
      ...EMPTY_FORM,
      title: 'T',
      datasets: 'a | A\nb',
      tags: 'x, y',
      useCaseId: 'UC-1',
    });
    expect(toContent(toForm(content))).toEqual(content);
  });

  it('ties the hub’s issues to their fields, numbering list items', () => {
    const issues = [
      { path: 'countries[1]', message: 'a two-letter country code' },
      { path: 'datasets[0].datasetId', message: 'required' },
      { path: 'title', message: 'too short' },
    ];
    expect(fieldErrors(issues, 'countries')).toEqual(['#2: a two-letter country code']);
    expect(fieldErrors(issues, 'datasets')).toEqual(['#1: required']);
    expect(fieldErrors(issues, 'title')).toEqual(['too short']);
    expect(fieldErrors(issues, 'tags')).toEqual([]);
  });
});
