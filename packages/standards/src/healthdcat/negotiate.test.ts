import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES, negotiate } from './negotiate';

describe('negotiate', () => {
  it('maps each media type to its format', () => {
    for (const [format, mediaType] of Object.entries(MEDIA_TYPES)) expect(negotiate(mediaType)).toBe(format);
  });

  it('defaults to Turtle without a header or for */*', () => {
    expect(negotiate(undefined)).toBe('turtle');
    expect(negotiate('')).toBe('turtle');
    expect(negotiate('*/*')).toBe('turtle');
  });

  it('honours q-values and specificity', () => {
    expect(negotiate('text/turtle;q=0.5, application/ld+json')).toBe('jsonld');
    expect(negotiate('application/*;q=0.9, application/rdf+xml')).toBe('rdfxml');
    expect(negotiate('text/turtle;q=0, */*;q=0.1')).toBe('jsonld');
    expect(negotiate('application/json, application/ld+json;q=0.8')).toBe('json');
  });

  it('returns null when nothing offered is acceptable', () => {
    expect(negotiate('text/html, image/png')).toBeNull();
  });
});
