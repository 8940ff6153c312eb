import type { ParsedBeaconRequest, ReceivedRequest } from './parse-request';
import type { BeaconQuery } from './query';
import { describeErrors, type BeaconRequestError } from './request-error';
import { responseMeta } from './response-meta';

/**
 * Beacon's error model (`beaconErrorResponse`: `meta` + `error { errorCode, errorMessage }`), used on
 * Beacon routes instead of problem+json so Beacon clients and networks read it. `errorCode` is the
 * HTTP status. The parameters at fault are named in the message and listed in `info.errors`. Pure.
 */

export interface BeaconErrorResponse {
  meta: ReturnType<typeof responseMeta>;
  error: { errorCode: number; errorMessage: string };
  info?: { errors: BeaconRequestError[] };
}

/** An error response with `status` as its code. */
export function beaconErrorResponse(input: {
  beaconId: string;
  status: number;
  message: string;
  errors?: BeaconRequestError[];
  query?: BeaconQuery;
  received?: ReceivedRequest;
}): BeaconErrorResponse {
  return {
    meta: responseMeta({
      beaconId: input.beaconId,
      returnedGranularity: 'boolean',
      ...(input.query ? { query: input.query } : {}),
      ...(input.received ? { received: input.received } : {}),
    }),
    error: { errorCode: input.status, errorMessage: input.message },
    ...(input.errors?.length ? { info: { errors: input.errors } } : {}),
  };
}

/** The 400 answer to a request that did not parse, naming every parameter at fault. */
export function requestErrorResponse(beaconId: string, parsed: ParsedBeaconRequest): BeaconErrorResponse {
  const n = parsed.errors.length;
  return beaconErrorResponse({
    beaconId,
    status: 400,
    message: `the request has ${n} problem${n === 1 ? '' : 's'}: ${describeErrors(parsed.errors)}`,
    errors: parsed.errors,
    query: parsed.query,
    received: parsed.received,
  });
}
