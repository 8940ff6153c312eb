import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, invalid, toAppError } from '@openehds/core';

/**
 * Maps every error to RFC 9457 problem+json in one place (DESIGN.md §4). Internal errors are logged
 * and shown without their message, so nothing about the internals (or data) leaks to the caller.
 */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let error: AppError;
    if (err instanceof AppError) error = err;
    else if (err.validation)
      error = invalid(
        'the request is invalid',
        err.validation.map((v) => ({ path: v.instancePath, message: v.message ?? 'invalid' })),
      );
    else if (err.statusCode && err.statusCode < 500)
      error = new AppError(err.statusCode === 413 ? 'invalid' : 'invalid', err.message);
    else error = toAppError(err);
    if (error.kind === 'internal') {
      request.log.error({ err }, 'internal error');
      error = new AppError('internal', 'an internal error occurred; it has been logged');
    }
    reply.status(error.status).type('application/problem+json').send(error.toProblem(request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('not-found', `no route ${request.method} ${request.url.split('?')[0]}`);
    reply.status(404).type('application/problem+json').send(error.toProblem(request.url));
  });
}
