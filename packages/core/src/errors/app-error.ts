/**
 * One error type for the whole platform (DESIGN.md §4). It carries a serialisable outcome that the
 * server renders as RFC 9457 problem+json and the CLI prints as a message, so a failure reads the
 * same wherever it surfaces.
 */

/** One thing wrong with an input, located by its field path (`a.b[2].c`) or file and line. */
export interface Issue {
  path?: string;
  file?: string;
  line?: number;
  message: string;
}

/** The kinds of failure the platform distinguishes; each maps to one HTTP status. */
export type AppErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'method-not-allowed'
  | 'not-acceptable'
  | 'content-too-large'
  | 'unsupported-media-type'
  | 'unavailable'
  | 'internal';

const STATUS: Record<AppErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  'content-too-large': 413,
  'unsupported-media-type': 415,
  unavailable: 503,
  internal: 500,
};

/** An expected failure with a message that says how to fix it. */
export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly issues: Issue[];

  constructor(kind: AppErrorKind, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.issues = issues;
  }

  /** HTTP status for this kind of failure. */
  get status(): number {
    return STATUS[this.kind];
  }

  /** RFC 9457 problem details. */
  toProblem(instance?: string): Problem {
    return {
      type: `https://openehds.eu/problems/${this.kind}`,
      title: this.kind,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.issues.length ? { issues: this.issues } : {}),
    };
  }
}

/** RFC 9457 problem+json body, with our `issues` extension listing every field at fault. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  issues?: Issue[];
}

/** The input had these problems; every one is listed. */
export function invalid(message: string, issues: Issue[] = []): AppError {
  return new AppError('invalid', message, issues);
}

/** The named thing does not exist (or the caller may not know it exists). */
export function notFound(what: string, id: string): AppError {
  return new AppError('not-found', `${what} ${id} not found`);
}

/** The caller is known but may not do this; the reason says what would allow it. */
export function forbidden(reason: string): AppError {
  return new AppError('forbidden', reason);
}

/** The caller did not prove who it is. */
export function unauthenticated(reason = 'sign in first'): AppError {
  return new AppError('unauthenticated', reason);
}

/** The request clashes with the current state. */
export function conflict(reason: string): AppError {
  return new AppError('conflict', reason);
}

/** 406: none of the representations the client accepts can be served (RFC 9110 §15.5.7). */
export function notAcceptable(message: string, issues: Issue[] = []): AppError {
  return new AppError('not-acceptable', message, issues);
}

/**
 * Turns an HTTP framework's client error (a status and a message) into an AppError of the same
 * meaning, so a 415 stays a 415 rather than becoming a 400 or a 500 (RFC 9110 §15.5).
 */
export function fromHttpStatus(status: number, message: string): AppError {
  const kind =
    (Object.entries(STATUS).find(([, s]) => s === status)?.[0] as AppErrorKind | undefined) ?? 'invalid';
  return new AppError(kind === 'internal' || kind === 'unavailable' ? 'invalid' : kind, message);
}

/** Turns any thrown value into an AppError, keeping AppErrors as they are. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('internal', message);
}
