import { describe, expect, it } from 'vitest';
import type { RegisterApplication, RegisterDecision, RegisterResult } from '@openehds/client';
import {
  appendPage,
  decisionState,
  filterApplications,
  filterDecisions,
  filterResults,
  filtersFrom,
  filtersToParams,
  hasLocalFilters,
  hubQuery,
  type RegisterFilters,
} from './register-list';

const none: RegisterFilters = {
  tab: 'applications',
  reference: '',
  since: '',
  text: '',
  kind: '',
  status: '',
};

const file = {
  kind: 'application' as const,
  applicant: { organisation: 'BioNova SAS', kind: 'biotech_company', country: 'FR' },
  purposes: [],
  datasets: [],
};
const app = (id: string, over: Partial<RegisterApplication> = {}): RegisterApplication => ({
  ...file,
  id,
  reference: `FI-APP-2027-00000${id}`,
  title: `Study ${id}`,
  receivedAt: '2027-05-01T00:00:00.000Z',
  status: 'PROCESSING',
  outcome: null,
  decidedAt: null,
  publishedAt: null,
  ...over,
});
const decision = (id: string, over: Partial<RegisterDecision> = {}): RegisterDecision => ({
  ...file,
  id,
  reference: `FI-APP-2027-00000${id}`,
  title: `Study ${id}`,
  outcome: 'GRANTED',
  reasons: 'Meets Art. 68(1).',
  receivedAt: null,
  decidedAt: '2027-06-01T00:00:00.000Z',
  publishedAt: '2027-06-01T00:00:00.000Z',
  permit: null,
  results: { reported: 0, duty: null },
  resultsOverdue: false,
  ...over,
});
const result = (id: string, over: Partial<RegisterResult> = {}): RegisterResult => ({
  id,
  kind: 'publication',
  title: `Paper ${id}`,
  doi: null,
  url: 'https://example.org',
  link: 'https://example.org',
  isAiProduct: false,
  reportedAt: '2028-01-01T00:00:00.000Z',
  application: { reference: 'FI-APP-2027-000001', kind: 'application' },
  permitId: 'FI-2027-000001',
  organisation: 'BioNova SAS',
  ...over,
});

describe('filters in the address bar', () => {
  it('round-trip, leaving out defaults and dropping malformed values', () => {
    const f: RegisterFilters = {
      tab: 'decisions',
      reference: 'FI-APP-2027-000001',
      since: '2027-01-01',
      text: 'diabetes',
      kind: 'request',
      status: 'REVOKED',
    };
    expect(filtersFrom(filtersToParams(f))).toEqual(f);
    expect(filtersToParams(none).toString()).toBe('');
    expect(filtersFrom(new URLSearchParams('tab=nope&since=yesterday&reference=%20X%20'))).toEqual({
      ...none,
      reference: 'X',
    });
  });

  it('sends only the hub-side filters to the hub, with the page size and cursor', () => {
    expect(hubQuery({ ...none, text: 'x', kind: 'request' })).toEqual({ limit: 25 });
    expect(hubQuery({ ...none, reference: 'R', since: '2027-01-01' }, 'c')).toEqual({
      limit: 25,
      reference: 'R',
      since: '2027-01-01',
      cursor: 'c',
    });
    expect(hasLocalFilters(none)).toBe(false);
    expect(hasLocalFilters({ ...none, status: 'overdue' })).toBe(true);
  });
});

describe('appendPage', () => {
  it('appends a page, skipping entries already loaded, and keeps the next cursor', () => {
    const first = appendPage(null, { items: [app('1'), app('2')], nextCursor: 'c1', limit: 2 });
    const second = appendPage(first, { items: [app('2'), app('3')], nextCursor: null, limit: 2 });
    expect(second.items.map((a) => a.id)).toEqual(['1', '2', '3']);
    expect(second.nextCursor).toBeNull();
    expect(first.items.map((a) => a.id)).toEqual(['1', '2']);
  });
});

describe('filtering loaded entries', () => {
  it('filters applications by words (any case), kind and status or outcome', () => {
    const items = [
      app('1'),
      app('2', { kind: 'request', title: 'Diabetes counts' }),
      app('3', {
        status: 'DECISION_ISSUED',
        outcome: 'REFUSED',
        applicant: { ...file.applicant, organisation: 'THL' },
      }),
    ];
    const ids = (f: Partial<RegisterFilters>) =>
      filterApplications(items, { ...none, ...f }).map((a) => a.id);
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ text: 'DIABETES' })).toEqual(['2']);
    expect(ids({ text: 'thl' })).toEqual(['3']);
    expect(ids({ text: '000001' })).toEqual(['1']);
    expect(ids({ kind: 'request' })).toEqual(['2']);
    expect(ids({ status: 'REFUSED' })).toEqual(['3']);
    expect(ids({ status: 'PROCESSING', kind: 'request' })).toEqual(['2']);
    expect(ids({ status: 'WITHDRAWN', kind: 'request' })).toEqual([]);
  });

  it('filters decisions by outcome, permit status or results overdue', () => {
    const permit = (status: string) => ({
      id: `FI-2027-00000${status.length}`,
      status,
      validFrom: '2027-06-01T00:00:00.000Z',
      validUntil: '2029-06-01T00:00:00.000Z',
      versions: [],
    });
    const items = [
      decision('1', { permit: permit('REVOKED') }),
      decision('2', { outcome: 'REFUSED' }),
      decision('3', { permit: permit('EXPIRED'), resultsOverdue: true }),
    ];
    const ids = (status: string) => filterDecisions(items, { ...none, status }).map((d) => d.id);
    expect(ids('REVOKED')).toEqual(['1']);
    expect(ids('GRANTED')).toEqual(['1', '3']);
    expect(ids('REFUSED')).toEqual(['2']);
    expect(ids('overdue')).toEqual(['3']);
    expect(decisionState(items[0]!)).toBe('REVOKED');
    expect(decisionState(items[1]!)).toBe('REFUSED');
    expect(filterDecisions(items, { ...none, text: 'FI-2027-000007' }).map((d) => d.id)).toEqual(['1', '3']);
  });

  it('filters results by kind, words and the product/AI flag', () => {
    const items = [
      result('1'),
      result('2', { kind: 'ai_model', isAiProduct: true, title: 'Retinopathy model' }),
    ];
    expect(filterResults(items, { ...none, kind: 'ai_model' }).map((r) => r.id)).toEqual(['2']);
    expect(filterResults(items, { ...none, status: 'ai' }).map((r) => r.id)).toEqual(['2']);
    expect(filterResults(items, { ...none, text: 'retino' }).map((r) => r.id)).toEqual(['2']);
  });
});
