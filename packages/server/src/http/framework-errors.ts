import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@openehds/core';

/**
 * Fastify's `frameworkErrors` option: errors its router raises before any route or error handler runs
 * — a path with broken percent-encoding (`/api/applications/%E0%A4%A`), a path parameter longer than
 * the router allows — are answered as RFC 9457 problem+json like every other refusal (DESIGN.md §4),
 * instead of Fastify's own JSON shape. Found by the fuzz test (fuzz.test.ts).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('invalid', 'a path parameter is too long; identifiers are at most 100 characters')
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('invalid', 'the path has invalid percent-encoding; encode it with encodeURIComponent')
        : new AppError('internal', 'an internal error occurred; it has been logged');
  if (problem.kind === 'internal') request.log.error({ err: error }, 'framework error');
  void reply.status(problem.status).type('application/problem+json').send(problem.toProblem(request.url));
}
