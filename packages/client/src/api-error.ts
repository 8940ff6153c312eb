/**
 * Every hub and node error is RFC 9457 problem+json (DESIGN.md §4). The client turns it into one
 * typed `ApiError` so callers (web, CLI, node) show `detail` and each field's `issues` the same way.
 */

/** One thing wrong with an input, located by its field path (or file and line). */
export interface ApiIssue {
  path?: string;
  file?: string;
  line?: number;
  message: string;
}

/** RFC 9457 problem details with the platform's `issues` extension. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  issues?: ApiIssue[];
  /** Other members of the problem (RFC 9457 §3.2 extensions), e.g. a sign-in's `enrolmentChallenge`. */
  extensions?: Record<string, unknown>;
}

/** A failed API call: the HTTP status, the problem's detail and every issue it listed. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly issues: ApiIssue[];
  /** Extension members of the problem beyond the standard ones and `issues`. */
  readonly extensions: Record<string, unknown>;

  constructor(status: number, problem: ProblemDetails = {}) {
    const detail = problem.detail ?? problem.title ?? `request failed with HTTP ${status}`;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? 'about:blank';
    this.title = problem.title ?? '';
    this.detail = detail;
    this.issues = problem.issues ?? [];
    this.extensions = problem.extensions ?? {};
  }

  /** The issues reported for one field path (e.g. `title.en`), for showing beside that field. */
  issuesFor(path: string): ApiIssue[] {
    return this.issues.filter((i) => normalisePath(i.path) === normalisePath(path));
  }
}

/** `/title/en`, `title.en` and `title[0]` style paths compared alike (servers use both styles). */
export function normalisePath(path: string | undefined): string {
  if (!path) return '';
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '');
}

function isIssue(value: unknown): value is ApiIssue {
  return typeof value === 'object' && value !== null && typeof (value as ApiIssue).message === 'string';
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads a problem object defensively: a proxy or a crash may send something else entirely. */
export function parseProblem(body: unknown): ProblemDetails {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const issues = Array.isArray(b.issues) ? b.issues.filter(isIssue) : undefined;
  const extensions = Object.fromEntries(Object.entries(b).filter(([k]) => !STANDARD_MEMBERS.has(k)));
  return {
    type: str(b.type),
    title: str(b.title),
    status: typeof b.status === 'number' ? b.status : undefined,
    detail: str(b.detail),
    instance: str(b.instance),
    ...(issues ? { issues } : {}),
    ...(Object.keys(extensions).length ? { extensions } : {}),
  };
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'issues']);

/**
 * Builds the `ApiError` for an HTTP response that was not ok from its status, content type and body
 * text. Non-JSON bodies (an HTML error page from a proxy) become the detail, trimmed, so nothing is lost.
 */
export function toApiError(status: number, contentType: string | null, text: string): ApiError {
  const isJson = /json/i.test(contentType ?? '');
  if (isJson) {
    try {
      return new ApiError(status, parseProblem(JSON.parse(text)));
    } catch {
      // fall through: a JSON content type with a broken body is reported as text
    }
  }
  const trimmed = text.trim().slice(0, 500);
  return new ApiError(status, trimmed && !/^<(!doctype|html)/i.test(trimmed) ? { detail: trimmed } : {});
}

/** A network failure (no response at all), reported with status 0 so callers handle one error type. */
export function networkError(cause: unknown): ApiError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, { title: 'network', detail: `could not reach the server: ${message}` });
}
