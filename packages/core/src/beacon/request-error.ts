/**
 * A problem with one parameter of a Beacon request. Every error names the parameter as the caller
 * wrote it (`start` for GET, `query.requestParameters.start` for POST), so a client can point at it.
 */
export interface BeaconRequestError {
  parameter: string;
  message: string;
}

/** One line per error, `parameter: message`, joined for the Beacon `errorMessage`. */
export function describeErrors(errors: readonly BeaconRequestError[]): string {
  return errors.map((e) => `${e.parameter}: ${e.message}`).join('; ');
}
