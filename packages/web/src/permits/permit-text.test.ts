import { describe, expect, it } from 'vitest';
import type { PermitEvent, PermitSummary } from '@openehds/client';
import {
  inForceText,
  latestVersion,
  permitActor,
  permitBadge,
  permitFileName,
  renewalState,
  versionRows,
} from './permit-text';

const v = (over: Partial<PermitSummary>): PermitSummary => ({
  id: 'FI-2027-000001',
  rootId: 'FI-2027-000001',
  previousId: null,
  version: 1,
  status: 'GRANTED',
  applicationId: 'a',
  applicationReference: 'FI-APP-2027-000001',
  validFrom: '2027-06-01T00:00:00.000Z',
  validUntil: '2029-06-01T00:00:00.000Z',
  activeFrom: '2027-05-20T10:00:00.000Z',
  activeUntil: null,
  renewals: 0,
  purposes: ['SCIENTIFIC_RESEARCH'],
  datasets: ['fi-helsinki-biobank'],
  persons: 2,
  current: true,
  active: true,
  ...over,
});

const e = (over: Partial<PermitEvent>): PermitEvent => ({
  seq: 1,
  permitId: 'FI-2027-000001',
  event: 'amend',
  fromStatus: 'GRANTED',
  toStatus: 'AMENDED',
  actor: 'account:hdab',
  at: '2027-08-01T09:00:00.000Z',
  reason: null,
  details: {},
  ...over,
});

describe('permitBadge', () => {
  it('tells live, superseded, revoked and expired versions apart in words and tone', () => {
    expect(permitBadge(v({}))).toEqual({ text: 'Granted', tone: 'ok' });
    expect(permitBadge(v({ activeUntil: '2027-08-01T09:00:00.000Z' }))).toEqual({
      text: 'Granted · Superseded',
      tone: 'muted',
    });
    expect(permitBadge(v({ status: 'REVOKED', activeUntil: '2027-09-01T00:00:00.000Z' }))).toEqual({
      text: 'Revoked',
      tone: 'bad',
    });
    expect(permitBadge(v({ status: 'EXPIRED' })).text).toBe('Expired');
    expect(permitBadge({ status: 'SOMETHING', activeUntil: null }).text).toBe('SOMETHING');
  });

  it('says whether a version is in force now', () => {
    expect(inForceText(v({}))).toBe('In force');
    expect(inForceText(v({ active: false }))).toBe('Not yet in force');
    expect(inForceText(v({ active: false, current: false }))).toBe('');
  });
});

describe('versionRows', () => {
  it('reads from the history how each version began and ended', () => {
    const versions = [
      v({ activeUntil: '2027-08-01T09:00:00.000Z', current: false, active: false }),
      v({
        id: 'FI-2027-000007',
        previousId: 'FI-2027-000001',
        version: 2,
        status: 'AMENDED',
        activeUntil: '2028-01-01T00:00:00.000Z',
        current: false,
        active: false,
      }),
      v({ id: 'FI-2028-000003', previousId: 'FI-2027-000007', version: 3, status: 'RENEWED' }),
      v({ id: 'FI-2028-000004', previousId: 'FI-2028-000003', version: 4, status: 'REVOKED' }),
    ];
    const history = [
      e({ seq: 1, event: 'superseded', reason: 'Add Dr Lee', details: { by: 'FI-2027-000007' } }),
      e({ seq: 2, permitId: 'FI-2027-000007', event: 'amend', reason: 'Add Dr Lee' }),
      e({ seq: 3, permitId: 'FI-2028-000003', event: 'renew', reason: 'Follow-up study' }),
      e({ seq: 4, permitId: 'FI-2028-000004', event: 'revoke', reason: 'Breach of Art. 61(2)' }),
    ];
    expect(versionRows(versions, history).map((r) => [r.version.version, r.began, r.ended])).toEqual([
      [1, 'Granted with the decision', 'Replaced by FI-2027-000007'],
      // No superseded event recorded: the successor is found through previousId.
      [2, 'Amended: Add Dr Lee', 'Replaced by FI-2028-000003'],
      [3, 'Renewed: Follow-up study', '—'],
      // A version without its making event still reads, without a dangling colon.
      [4, 'Amended', 'Revoked: Breach of Art. 61(2)'],
    ]);
  });

  it('marks an expired version as expired', () => {
    expect(versionRows([v({ status: 'EXPIRED', current: false })], [])[0]!.ended).toBe('Expired');
  });
});

describe('renewalState', () => {
  const base = {
    id: 'FI-2027-000001',
    current: true,
    status: 'GRANTED' as const,
    renewals: 0,
    renewal: { deadline: '2029-05-01T00:00:00.000Z', request: null },
    versions: [v({})],
  };
  it('allows the request up to and including the deadline (Art. 68(12))', () => {
    expect(renewalState(base, new Date('2029-05-01T00:00:00.000Z'))).toBe('open');
    expect(renewalState(base, new Date('2029-05-01T00:00:01.000Z'))).toBe('late');
  });
  it('knows a request is pending, the one renewal was used, or the version is not in force', () => {
    const request = {
      id: 'r',
      rootId: 'x',
      permitId: 'x',
      requestedAt: '2029-01-01T00:00:00.000Z',
      requestedUntil: null,
      reason: null,
      decidedAt: null,
      renewedPermitId: null,
    };
    expect(renewalState({ ...base, renewal: { ...base.renewal, request } }, new Date('2029-06-01'))).toBe(
      'requested',
    );
    expect(renewalState({ ...base, status: 'RENEWED' }, new Date('2028-01-01'))).toBe('renewed');
    expect(renewalState({ ...base, renewals: 1, status: 'AMENDED' }, new Date('2028-01-01'))).toBe('renewed');
    expect(renewalState({ ...base, current: false }, new Date('2028-01-01'))).toBe('not-current');
    // Expired while the timely request waited: still to be decided; once superseded, not any more.
    const expired = {
      ...base,
      current: false,
      status: 'EXPIRED' as const,
      renewal: { ...base.renewal, request },
    };
    expect(renewalState(expired, new Date('2029-07-01'))).toBe('requested');
    const superseded = { ...expired, versions: [v({}), v({ id: 'FI-2029-000002' })] };
    expect(renewalState(superseded, new Date('2029-07-01'))).toBe('not-current');
  });
});

describe('small helpers', () => {
  it('names actors and signed files readably', () => {
    expect(permitActor('account:hdab')).toBe('hdab');
    expect(permitActor('system')).toBe('the hub');
    expect(permitFileName('FI-2027-000042')).toBe('permit-FI-2027-000042.json');
    expect(permitFileName('a/b c')).toBe('permit-a_b_c.json');
  });
});

describe('latestVersion', () => {
  it('points to the version in force, else to the newest of the chain', () => {
    const versions = [v({ current: false }), v({ id: 'B', version: 2, status: 'REVOKED', current: false })];
    expect(latestVersion({ versions, currentVersionId: null })?.id).toBe('B');
    expect(latestVersion({ versions, currentVersionId: 'FI-2027-000001' })?.id).toBe('FI-2027-000001');
    expect(latestVersion({ versions: [], currentVersionId: null })).toBeNull();
  });
});
