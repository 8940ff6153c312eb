/**
 * The typed client of the hub's transparency routes (packages/server/src/transparency/routes.ts): the
 * public register of Art. 57(1)(j) (no sign-in), the publication duties and the Art. 59(1) activity
 * report for HDAB staff. Shapes mirror the hub's without importing them (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

// ——— Register entries ———

/** What the register shows of a case file: never the persons, only the applicant organisation. */
export interface PublicFile {
  id: string;
  reference: string;
  kind: 'application' | 'request';
  title: string;
  applicant: { organisation: string | null; kind: string | null; country: string | null };
  purposes: { code: string; article: string }[];
  datasets: { id: string; title: string | null; country: string | null }[];
}

/** An application or request received (Art. 57(1)(j)(ii)). */
export interface RegisterApplication extends PublicFile {
  receivedAt: string;
  status: string;
  /** The outcome once the decision is published; null before. */
  outcome: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
}

/** One version of a permit in the register (amendment and renewal are new versions). */
export interface RegisterPermitVersion {
  permitId: string;
  version: number;
  status: string;
  validFrom: string;
  validUntil: string;
  activeFrom: string;
  activeUntil: string | null;
  reason: string | null;
}

/** The results duty of Art. 61(4): 18 months after processing ended or the answer. */
export interface ResultsDuty {
  endedAt: string;
  dueAt: string;
  overdue: boolean;
}

/** A published decision with its justification and, for a grant, the permit's versions and status. */
export interface RegisterDecision extends PublicFile {
  outcome: string;
  /** The justification (Art. 68(9)). */
  reasons: string;
  receivedAt: string | null;
  decidedAt: string;
  publishedAt: string;
  permit: {
    id: string;
    status: string;
    validFrom: string;
    validUntil: string;
    versions: RegisterPermitVersion[];
  } | null;
  results: { reported: number; duty: ResultsDuty | null };
  resultsOverdue: boolean;
}

/** Kinds of results a data user reports (Art. 61(4), 59(1)(j)-(k)). */
export const RESULT_KINDS = ['publication', 'dataset', 'software', 'ai_model', 'product', 'other'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** A result as the data user reports it: a DOI or a URL (at least one). */
export interface ResultInput {
  kind: ResultKind;
  title: string;
  /** `10.1234/abcd`, without the resolver. */
  doi?: string;
  url?: string;
  /** A product or AI system built with the data (Art. 59(1)(k)); the hub defaults it to true for an AI model. */
  isAiProduct?: boolean;
}

/** A reported result as the register lists it (Art. 57(1)(j)(v)). */
export interface RegisterResult {
  id: string;
  kind: ResultKind;
  title: string;
  doi: string | null;
  url: string | null;
  /** The DOI resolver, else the URL. */
  link: string;
  isAiProduct: boolean;
  reportedAt: string;
  application: { reference: string; kind: string };
  permitId: string | null;
  organisation: string | null;
}

/** One page of a register, newest first. */
export interface RegisterPage<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  limit: number;
}

/** What a register list can be asked for: a page position, a start date, one file's reference. */
export interface RegisterQuery {
  /** `YYYY-MM-DD` or an instant: entries from then on. */
  since?: string;
  /** 1–200 (the hub's default is 50). */
  limit?: number;
  cursor?: string;
  offset?: number;
  reference?: string;
}

// ——— Staff: publication duties, activity report ———

/** A decision still to publish, with the 30-working-day deadline (Art. 57(1)(j)(iii)). */
export interface PublicationDutyItem {
  id: string;
  reference: string;
  kind: string;
  outcome: string | null;
  decidedAt: string;
  dueAt: string;
  /** 0 on the due day, negative once overdue. */
  workingDaysLeft: number;
  atRisk: boolean;
  overdue: boolean;
}

/** All decisions still to publish, soonest deadline first. */
export interface PublicationDuties {
  items: PublicationDutyItem[];
  atRisk: number;
  overdue: number;
}

/** The outcome of publishing a decision. */
export interface Publication {
  id: string;
  reference: string;
  publishedAt: string;
  alreadyPublished: boolean;
}

/** Average and median of durations in days. */
export interface Durations {
  count: number;
  averageDays: number | null;
  medianDays: number | null;
}

/** The Art. 59(1) figures for a period, as `GET /api/reports/activity?format=json` sends them. */
export interface ActivityReport {
  period: { from: string; to: string };
  generatedAt: string;
  hdab: { name: string; country: string };
  received: {
    total: number;
    byKind: Record<'application' | 'request', number>;
    byOrganisationKind: Record<string, Record<'application' | 'request', number>>;
  };
  decisions: { total: number; byOutcome: Record<string, number> };
  purposes: Record<string, number>;
  dataCategories: Record<string, number>;
  enforcement: { permitsRevoked: number };
  revenue: { currency: 'EUR'; total: number; files: number; byMonth: Record<string, number> };
  durations: { toDecision: Durations; toAccess: Durations };
  qualityLabels: { byStars: Record<string, number>; byCategory: Record<string, Record<string, number>> };
  results: {
    total: number;
    byKind: Record<string, number>;
    publications: number;
    aiProducts: number;
    products: number;
    overdue: number;
  };
  notRecorded: { letter: string; what: string }[];
}

/** The register and transparency routes as typed methods. */
export interface RegisterClient {
  /** Applications and requests received (public). */
  applications(query?: RegisterQuery, signal?: AbortSignal): Promise<RegisterPage<RegisterApplication>>;
  /** Published decisions with their permits (public). */
  decisions(query?: RegisterQuery, signal?: AbortSignal): Promise<RegisterPage<RegisterDecision>>;
  /** Results reported by data users (public). */
  results(query?: RegisterQuery, signal?: AbortSignal): Promise<RegisterPage<RegisterResult>>;
  /** Staff: decisions not yet published, with their deadlines. */
  publicationDuties(signal?: AbortSignal): Promise<PublicationDuties>;
  /** Staff: publishes a decision (idempotent). */
  publish(applicationId: string): Promise<Publication>;
  /** Staff and admins: the Art. 59(1) report as JSON for an inclusive period of days. */
  activityReport(from: string, to: string, signal?: AbortSignal): Promise<ActivityReport>;
}

/** The query string of a register request (`?limit=25&reference=…`), '' when empty; undefined and '' are left out. */
export function registerQueryString(query: RegisterQuery = {}): string {
  const q = new URLSearchParams();
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') q.set(k, String(v));
  };
  put('since', query.since?.trim());
  put('limit', query.limit);
  put('cursor', query.cursor);
  put('offset', query.offset);
  put('reference', query.reference?.trim());
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The register's Atom feed (RFC 4287), public. */
export function registerAtomUrl(limit?: number): string {
  return limit ? `/register.atom?limit=${limit}` : '/register.atom';
}

/** The address of the activity report in a format the hub renders (HTML page or PDF download). */
export function activityReportUrl(from: string, to: string, format: 'json' | 'html' | 'pdf'): string {
  const q = new URLSearchParams({ from, to, format });
  return `/api/reports/activity?${q.toString()}`;
}

/** Creates the register client; in the browser pass `baseUrl: ''` and `credentials: 'same-origin'`. */
export function createRegisterClient(options: HttpOptions): RegisterClient {
  const send = createHttp(options);
  const page =
    <T>(path: string) =>
    (query?: RegisterQuery, signal?: AbortSignal) =>
      send<RegisterPage<T>>({ method: 'GET', path: `${path}${registerQueryString(query)}`, signal });
  return {
    applications: page<RegisterApplication>('/api/register/applications'),
    decisions: page<RegisterDecision>('/api/register/permits'),
    results: page<RegisterResult>('/api/register/results'),
    publicationDuties: (signal) =>
      send<PublicationDuties>({ method: 'GET', path: '/api/register/publication-duties', signal }),
    publish: (applicationId) =>
      send<Publication>({
        method: 'POST',
        path: `/api/applications/${encodeURIComponent(applicationId)}/publish`,
        json: {},
      }),
    activityReport: (from, to, signal) =>
      send<ActivityReport>({ method: 'GET', path: activityReportUrl(from, to, 'json'), signal }),
  };
}
