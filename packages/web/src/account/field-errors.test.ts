import { describe, expect, it } from 'vitest';
import { toApiError } from '@openehds/client';
import { fieldErrorsOf } from './field-errors';

describe('fieldErrorsOf', () => {
  it('puts each issue of a hub problem beside its field, by the first segment of its path', () => {
    const err = toApiError(
      400,
      'application/problem+json',
      JSON.stringify({
        title: 'invalid',
        status: 400,
        detail: 'API token is invalid',
        issues: [
          { path: 'name', message: 'too long' },
          { path: 'scopes.0', message: 'unknown scope' },
          { path: '/scopes/1', message: 'unknown scope again' },
          { path: 'other', message: 'not a field of this form' },
        ],
      }),
    );
    expect(fieldErrorsOf(err, ['name', 'scopes', 'expiresInDays'] as const)).toEqual({
      name: 'too long',
      scopes: 'unknown scope unknown scope again',
    });
  });

  it('gives nothing for errors that are not hub problems', () => {
    expect(fieldErrorsOf(new Error('offline'), ['name'] as const)).toEqual({});
    expect(fieldErrorsOf(null, ['name'] as const)).toEqual({});
  });
});
