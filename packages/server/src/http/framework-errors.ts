import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, beaconErrorResponse } from '@openehds/core';

/**
 * Fastify's `frameworkErrors` option: errors its router raises before any route or error handler runs
 * — a path with broken percent-encoding (`/api/applications/%E0%A4%A`), a path parameter longer than
 * the router allows — are answered as RFC 9457 problem+json like every other refusal (DESIGN.md §4),
 * instead of Fastify's own JSON shape — or, under the Beacon network's root, in Beacon's error model
 * like every other Beacon refusal (issue 5 §2). Found by the fuzz test (fuzz.test.ts).
 */
export function frameworkErrorsFor(beacon: { root: string; beaconId: string }) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const problem = frameworkProblem(error, request);
    if (request.url === beacon.root || request.url.startsWith(`${beacon.root}/`)) {
      const body = beaconErrorResponse({
        beaconId: beacon.beaconId,
        status: problem.status,
        message: problem.message,
      });
      void reply.status(problem.status).type('application/json').send(body);
      return;
    }
    void reply.status(problem.status).type('application/problem+json').send(problem.toProblem(request.url));
  };
}

function frameworkProblem(error: FastifyError, request: FastifyRequest): AppError {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('invalid', 'a path parameter is too long; identifiers are at most 100 characters')
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('invalid', 'the path has invalid percent-encoding; encode it with encodeURIComponent')
        : new AppError('internal', 'an internal error occurred; it has been logged');
  if (problem.kind === 'internal') request.log.error({ err: error }, 'framework error');
  return problem;
}
