import { describe, expect, it } from 'vitest';
import { ApiError, normalisePath, parseProblem, toApiError } from './api-error';

describe('toApiError', () => {
  it('maps a problem+json body to status, detail and every issue', () => {
    const body = {
      type: 'https://openehds.eu/problems/invalid',
      title: 'invalid',
      status: 400,
      detail: 'the dataset description is invalid',
      issues: [
        { path: 'title.en', message: 'a title in English is required' },
        { path: 'contactPoint.email', message: 'not an e-mail address' },
      ],
    };
    const err = toApiError(400, 'application/problem+json; charset=utf-8', JSON.stringify(body));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.detail).toBe(body.detail);
    expect(err.message).toBe(body.detail);
    expect(err.type).toBe(body.type);
    expect(err.issues).toEqual(body.issues);
  });

  it('keeps a plain-text body as the detail', () => {
    const err = toApiError(502, 'text/plain', '  upstream timed out \n');
    expect(err.status).toBe(502);
    expect(err.detail).toBe('upstream timed out');
    expect(err.issues).toEqual([]);
  });

  it('does not show an HTML error page as the detail', () => {
    const err = toApiError(503, 'text/html', '<!DOCTYPE html><html><body>down</body></html>');
    expect(err.detail).toBe('request failed with HTTP 503');
  });

  it('survives a JSON content type with a broken body', () => {
    const err = toApiError(500, 'application/json', '{"detail": ');
    expect(err.status).toBe(500);
    expect(err.detail).toBe('{"detail":');
  });

  it('falls back to the title when there is no detail', () => {
    expect(toApiError(403, 'application/problem+json', '{"title":"forbidden"}').detail).toBe('forbidden');
  });
});

describe('parseProblem', () => {
  it('drops issues that have no message and fields of the wrong type', () => {
    const p = parseProblem({
      status: '400',
      detail: 7,
      issues: [{ path: 'a' }, { path: 'b', message: 'bad' }],
    });
    expect(p.status).toBeUndefined();
    expect(p.detail).toBeUndefined();
    expect(p.issues).toEqual([{ path: 'b', message: 'bad' }]);
  });

  it('returns an empty problem for a non-object', () => {
    expect(parseProblem('nope')).toEqual({});
    expect(parseProblem(null)).toEqual({});
  });
});

describe('issuesFor', () => {
  it('matches JSON-pointer, dotted and bracketed paths alike', () => {
    const err = new ApiError(400, {
      detail: 'invalid',
      issues: [
        { path: '/title/en', message: 'required' },
        { path: 'keywords[1]', message: 'too long' },
        { path: 'purpose', message: 'required' },
      ],
    });
    expect(err.issuesFor('title.en').map((i) => i.message)).toEqual(['required']);
    expect(err.issuesFor('keywords.1').map((i) => i.message)).toEqual(['too long']);
    expect(err.issuesFor('legalBasis')).toEqual([]);
  });

  it('normalises paths', () => {
    expect(normalisePath('/a/b/0')).toBe('a.b.0');
    expect(normalisePath('a[2].c')).toBe('a.2.c');
    expect(normalisePath(undefined)).toBe('');
  });
});
