import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, fromHttpStatus, invalid, toAppError } from '../errors/app-error';

/**
 * Maps every error of a Fastify app (the hub's or a node's local API) to RFC 9457 problem+json in one place (DESIGN.md §4). A framework client error
 * keeps its status (401, 404, 406, 413, 415 …); internal errors are logged and shown without their
 * message, so nothing about the internals (or data) leaks to the caller.
 */
export function registerProblemHandler(
  app: FastifyInstance,
  hints: Partial<Record<number, string>> = {},
): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode ?? 0;
    let error: AppError;
    if (err instanceof AppError) error = err;
    else if (err.validation)
      error = invalid(
        'the request is invalid',
        err.validation.map((v) => ({ path: v.instancePath, message: v.message ?? 'invalid' })),
      );
    else if (status >= 400 && status < 500)
      error = fromHttpStatus(status, hints[status] ? `${hints[status]} (${err.message})` : err.message);
    else error = toAppError(err);
    if (error.kind === 'internal') {
      request.log.error({ err }, 'internal error');
      error = new AppError('internal', 'an internal error occurred; it has been logged');
    }
    return reply.status(error.status).type('application/problem+json').send(error.toProblem(request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('not-found', `no route ${request.method} ${request.url.split('?')[0]}`);
    reply.status(404).type('application/problem+json').send(error.toProblem(request.url));
  });
}
