import { describe, expect, it } from 'vitest';
import type { ActivityReport } from '@openehds/client';
import { checkPeriod, lastTwoYears, lastYear, yearToDate } from './period';
import { dutyBadge, workingDaysText } from './publication-text';
import { applicationBadge, outcomeBadge, permitStatusBadge, versionStatusText } from './register-badges';
import { categoryText, purposeText, reportTables, starsText } from './report-tables';

describe('publication duty words', () => {
  it('says overdue, at risk or on time, in words as well as tone', () => {
    expect(dutyBadge({ overdue: true, atRisk: false })).toEqual({ text: 'Overdue', tone: 'bad' });
    expect(dutyBadge({ overdue: false, atRisk: true })).toEqual({ text: 'At risk', tone: 'warn' });
    expect(dutyBadge({ overdue: false, atRisk: false })).toEqual({ text: 'On time', tone: 'ok' });
  });
  it('counts working days left or late', () => {
    expect(workingDaysText({ workingDaysLeft: 12, overdue: false })).toBe('12 working days left');
    expect(workingDaysText({ workingDaysLeft: 1, overdue: false })).toBe('1 working day left');
    expect(workingDaysText({ workingDaysLeft: 0, overdue: false })).toBe('Due today');
    expect(workingDaysText({ workingDaysLeft: -1, overdue: true })).toBe('1 working day overdue');
    expect(workingDaysText({ workingDaysLeft: -4, overdue: true })).toBe('4 working days overdue');
    // Past the due instant on the due day: overdue although no whole working day is lost yet.
    expect(workingDaysText({ workingDaysLeft: 0, overdue: true })).toBe('1 working day overdue');
  });
});

describe('report periods', () => {
  const now = new Date('2028-03-15T10:00:00Z');
  it('offers the last year, the last two (biennial) and this year so far', () => {
    expect(lastYear(now)).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(lastTwoYears(now)).toEqual({ from: '2026-01-01', to: '2027-12-31' });
    expect(yearToDate(now)).toEqual({ from: '2028-01-01', to: '2028-03-15' });
  });
  it('accepts only real dates with the end not before the start', () => {
    expect(checkPeriod('2027-01-01', '2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(checkPeriod('2027-02-01', '2027-01-31')).toBeNull();
    expect(checkPeriod('2027-02-30', '2027-03-01')).toBeNull();
    expect(checkPeriod('', '2027-03-01')).toBeNull();
  });
});

const report: ActivityReport = {
  period: { from: '2027-01-01', to: '2028-12-31' },
  generatedAt: '2029-01-02T08:00:00.000Z',
  hdab: { name: 'Demo HDAB', country: 'FI' },
  received: {
    total: 3,
    byKind: { application: 2, request: 1 },
    byOrganisationKind: {
      public_body: { application: 1, request: 1 },
      biotech_company: { application: 1, request: 0 },
    },
  },
  decisions: {
    total: 2,
    byOutcome: { GRANTED: 1, PARTIALLY_GRANTED: 0, REFUSED: 1, ANSWERED_AS_REQUEST: 0 },
  },
  purposes: { SCIENTIFIC_RESEARCH: 2, PUBLIC_HEALTH: 1 },
  dataCategories: { EHRS: 2, unknown: 1 },
  enforcement: { permitsRevoked: 1 },
  revenue: { currency: 'EUR', total: 1250.5, files: 1, byMonth: { '2027-06': 1250.5 } },
  durations: {
    toDecision: { count: 2, averageDays: 40.25, medianDays: 40 },
    toAccess: { count: 0, averageDays: null, medianDays: null },
  },
  qualityLabels: {
    byStars: { '0': 0, '1': 0, '2': 0, '3': 1, '4': 0, '5': 0, unlabelled: 2 },
    byCategory: { EHRS: { '3': 1, unlabelled: 1 } },
  },
  results: {
    total: 2,
    byKind: { publication: 1, ai_model: 1 },
    publications: 1,
    aiProducts: 1,
    products: 0,
    overdue: 0,
  },
  notRecorded: [{ letter: 'c', what: 'audits of data users' }],
};

describe('reportTables', () => {
  const tables = reportTables(report);
  const rows = (id: string) => tables.find((x) => x.id === id)!.rows;

  it('lays the figures out in the order of Art. 59(1), each table citing its letter', () => {
    expect(tables.map((x) => `${x.letter}:${x.id}`)).toEqual([
      'a:received',
      'a:decisions',
      'a:purposes',
      'a:data-categories',
      'a:results',
      'b:enforcement',
      'g:revenue',
      'h:durations',
      'i:quality-labels',
      'j:publications',
      'k:products',
    ]);
    expect(tables.every((x) => x.rows.every((r) => r.length === x.columns.length))).toBe(true);
  });

  it('names codes and totals rows, with money and days readable', () => {
    expect(rows('received')).toEqual([
      ['Biotech or pharmaceutical company', '1', '0', '1'],
      ['Public sector body', '1', '1', '2'],
      ['All applicants', '2', '1', '3'],
    ]);
    expect(rows('decisions').at(-1)).toEqual(['All decisions', '2']);
    expect(rows('revenue')).toEqual([
      ['2027-06', '€1,250.50'],
      ['Total (1 file)', '€1,250.50'],
    ]);
    expect(rows('durations')).toEqual([
      ['Submission to decision', '2', '40.3', '40.0'],
      ['Submission to access (permit start)', '0', 'n/a', 'n/a'],
    ]);
    expect(rows('quality-labels')[0]).toEqual([
      'Electronic health records (EHRS)',
      '0',
      '0',
      '0',
      '1',
      '0',
      '0',
      '1',
    ]);
    expect(rows('data-categories')).toEqual([
      ['Electronic health records (EHRS)', '2'],
      ['Dataset not in the catalogue', '1'],
    ]);
  });

  it('labels purposes, categories and stars', () => {
    expect(purposeText('PUBLIC_HEALTH')).toBe(
      'Public interest in public or occupational health (Art. 53(1)(a))',
    );
    expect(purposeText('OTHER')).toBe('OTHER');
    expect(categoryText('ZZZZ')).toBe('ZZZZ (ZZZZ)');
    expect([starsText('1'), starsText('4'), starsText('unlabelled')]).toEqual([
      '1 star',
      '4 stars',
      'No label',
    ]);
  });
});

describe('register badges', () => {
  it('shows a file’s published outcome over its status, and its status before', () => {
    expect(applicationBadge({ status: 'DECISION_ISSUED', outcome: 'REFUSED' })).toEqual({
      text: 'Refused',
      tone: 'bad',
    });
    expect(applicationBadge({ status: 'DECISION_ISSUED', outcome: null })).toEqual({
      text: 'Decision issued',
      tone: 'ok',
    });
    expect(applicationBadge({ status: 'SUBMITTED', outcome: null })).toEqual({
      text: 'Received',
      tone: 'info',
    });
    expect(applicationBadge({ status: 'WITHDRAWN', outcome: null }).tone).toBe('muted');
    expect(outcomeBadge('GRANTED').text).toBe('Granted');
    expect(outcomeBadge('NEW').text).toBe('NEW');
    expect(permitStatusBadge('REVOKED')).toEqual({ text: 'Permit revoked', tone: 'bad' });
    expect(permitStatusBadge('EXPIRED')).toEqual({ text: 'Permit expired', tone: 'muted' });
    expect(permitStatusBadge('AMENDED')).toEqual({ text: 'Permit in force (amended)', tone: 'ok' });
    // A version a later one replaced is not "in force", whatever status it was issued with.
    expect(versionStatusText({ status: 'GRANTED', activeUntil: '2027-01-01T00:00:00.000Z' })).toBe(
      'Replaced by a later version',
    );
    expect(versionStatusText({ status: 'REVOKED', activeUntil: '2027-01-01T00:00:00.000Z' })).toBe(
      'Permit revoked',
    );
    expect(versionStatusText({ status: 'RENEWED', activeUntil: null })).toBe('Permit in force (renewed)');
  });
});
