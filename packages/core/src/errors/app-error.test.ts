import { describe, expect, it } from 'vitest';
import { AppError, invalid, notFound, toAppError } from './app-error';

describe('AppError', () => {
  it('renders problem+json with every issue', () => {
    const err = invalid('the dataset description has 2 problems', [
      { path: 'title.en', message: 'required' },
      { path: 'contactPoint.email', message: 'not an e-mail address' },
    ]);
    const problem = err.toProblem('/api/datasets/x');
    expect(problem.status).toBe(400);
    expect(problem.issues).toHaveLength(2);
    expect(problem.instance).toBe('/api/datasets/x');
    expect(problem.issues?.[1]?.path).toBe('contactPoint.email');
  });

  it('maps kinds to HTTP statuses and wraps foreign errors as internal', () => {
    expect(notFound('dataset', 'd1').status).toBe(404);
    const wrapped = toAppError(new TypeError('boom'));
    expect(wrapped).toBeInstanceOf(AppError);
    expect(wrapped.kind).toBe('internal');
    expect(wrapped.message).toBe('boom');
  });
});
