/**
 * Pure rules of the public register's lists: the filters in the address bar, which of them the hub
 * searches (reference, date) and which apply to the entries loaded (words, kind, status), and the
 * merging of "load more" pages (Art. 57(1)(j)).
 */
import type {
  RegisterApplication,
  RegisterDecision,
  RegisterPage,
  RegisterQuery,
  RegisterResult,
} from '@openehds/client';

/** The three parts of the register. */
export const REGISTER_TABS = ['applications', 'decisions', 'results'] as const;
export type RegisterTab = (typeof REGISTER_TABS)[number];

/** The filters of a register list. */
export interface RegisterFilters {
  tab: RegisterTab;
  /** Hub-side: one file's exact reference. */
  reference: string;
  /** Hub-side: `YYYY-MM-DD`, entries from then on. */
  since: string;
  /** Loaded entries: words in title, organisation or reference. */
  text: string;
  /** Loaded entries: `application`/`request`, or a result kind. */
  kind: string;
  /** Loaded entries: a file status, an outcome or a permit status; for results `ai` (products and AI). */
  status: string;
}

/** How many entries a "load more" fetches. */
export const REGISTER_PAGE_SIZE = 25;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters from the address bar; unknown tabs and malformed dates are ignored. */
export function filtersFrom(params: URLSearchParams): RegisterFilters {
  const tab = REGISTER_TABS.find((t) => t === params.get('tab')) ?? 'applications';
  const since = params.get('since') ?? '';
  return {
    tab,
    reference: (params.get('reference') ?? '').trim(),
    since: DATE.test(since) ? since : '',
    text: (params.get('q') ?? '').trim(),
    kind: params.get('kind') ?? '',
    status: params.get('status') ?? '',
  };
}

/** The address bar for filters: only what is set, the default tab left out. */
export function filtersToParams(f: RegisterFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.tab !== 'applications') p.set('tab', f.tab);
  if (f.reference.trim()) p.set('reference', f.reference.trim());
  if (f.since) p.set('since', f.since);
  if (f.text.trim()) p.set('q', f.text.trim());
  if (f.kind) p.set('kind', f.kind);
  if (f.status) p.set('status', f.status);
  return p;
}

/** The hub query of a page: the hub-side filters, the page size and where the page starts. */
export function hubQuery(f: RegisterFilters, cursor?: string): RegisterQuery {
  return {
    limit: REGISTER_PAGE_SIZE,
    ...(f.reference ? { reference: f.reference } : {}),
    ...(f.since ? { since: f.since } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The entries loaded so far and where the next page starts. */
export interface Loaded<T> {
  items: T[];
  nextCursor: string | null;
}

/** Appends a page to what is loaded, dropping entries already there (an entry added meanwhile never shows twice). */
export function appendPage<T extends { id: string }>(
  loaded: Loaded<T> | null,
  page: RegisterPage<T>,
): Loaded<T> {
  const items = loaded ? [...loaded.items] : [];
  const seen = new Set(items.map((i) => i.id));
  for (const item of page.items) if (!seen.has(item.id)) items.push(item);
  return { items, nextCursor: page.nextCursor };
}

const has = (needle: string, ...hay: (string | null | undefined)[]) => {
  const n = needle.toLowerCase();
  return hay.some((h) => h?.toLowerCase().includes(n));
};

/** Applications matching the words, kind and status filters. */
export function filterApplications(
  items: readonly RegisterApplication[],
  f: RegisterFilters,
): RegisterApplication[] {
  return items.filter(
    (a) =>
      (!f.text || has(f.text, a.title, a.reference, a.applicant.organisation)) &&
      (!f.kind || a.kind === f.kind) &&
      (!f.status || a.status === f.status || a.outcome === f.status),
  );
}

/** The status a decision is filtered by: its permit's status when it has one, else its outcome. */
export function decisionState(d: Pick<RegisterDecision, 'outcome' | 'permit'>): string {
  return d.permit?.status ?? d.outcome;
}

/** Decisions matching the filters; `status` is an outcome, a permit status, or `overdue` (results overdue). */
export function filterDecisions(items: readonly RegisterDecision[], f: RegisterFilters): RegisterDecision[] {
  return items.filter(
    (d) =>
      (!f.text || has(f.text, d.title, d.reference, d.applicant.organisation, d.permit?.id)) &&
      (!f.kind || d.kind === f.kind) &&
      (!f.status ||
        (f.status === 'overdue'
          ? d.resultsOverdue
          : d.outcome === f.status || decisionState(d) === f.status)),
  );
}

/** Results matching the filters; `status` `ai` keeps products and AI systems. */
export function filterResults(items: readonly RegisterResult[], f: RegisterFilters): RegisterResult[] {
  return items.filter(
    (r) =>
      (!f.text || has(f.text, r.title, r.application.reference, r.organisation, r.permitId, r.doi)) &&
      (!f.kind || r.kind === f.kind) &&
      (f.status !== 'ai' || r.isAiProduct),
  );
}

/** Whether any filter that applies to the loaded entries only is set. */
export function hasLocalFilters(f: RegisterFilters): boolean {
  return Boolean(f.text || f.kind || f.status);
}
