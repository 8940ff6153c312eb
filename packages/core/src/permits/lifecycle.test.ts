import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { planAmendment } from './amendment';
import { deletionDueAt, dueExpiries, planRevocation } from './ending';
import { planGrant } from './grant';
import { planRenewal, renewalDeadline, validateRenewalRequest } from './renewal';
import { isActive, isCurrentVersion } from './status';
import type { PermitVersion } from './types';

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);
const granted = planGrant(
  { permitId: 'FI-2027-000001', validFrom: d('2027-06-01'), validUntil: d('2029-06-01') },
  d('2027-05-20'),
);

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('grant and activity', () => {
  it('grants version 1 as its own chain root', () => {
    expect(granted).toMatchObject({
      status: 'GRANTED',
      version: 1,
      previousPermitId: null,
      rootPermitId: 'FI-2027-000001',
      activeUntil: null,
      renewals: 0,
    });
  });

  it('is active only within the access period, current already before it begins', () => {
    expect(isActive(granted, d('2027-05-25'))).toBe(false);
    expect(isCurrentVersion(granted, d('2027-05-25'))).toBe(true);
    expect(isActive(granted, d('2027-06-01'))).toBe(true);
    // validUntil is exclusive.
    expect(isActive(granted, d('2029-05-31T23:59:59.999Z'))).toBe(true);
    expect(isActive(granted, d('2029-06-01'))).toBe(false);
    expect(isActive({ ...granted, status: 'REVOKED', activeUntil: d('2028-01-01') }, d('2027-07-01'))).toBe(
      false,
    );
  });

  it('refuses a grant over 10 years, or already over', () => {
    const long = refusal(() =>
      planGrant({ permitId: 'X', validFrom: d('2027-01-01'), validUntil: d('2037-01-02') }, d('2027-01-01')),
    );
    expect(long.kind).toBe('invalid');
    expect(long.message).toMatch(/Art\. 68\(12\)/);
    expect(
      refusal(() =>
        planGrant(
          { permitId: 'X', validFrom: d('2020-01-01'), validUntil: d('2021-01-01') },
          d('2027-01-01'),
        ),
      ).kind,
    ).toBe('invalid');
    expect(
      refusal(() =>
        planGrant(
          { permitId: ' ', validFrom: d('2027-01-01'), validUntil: d('2028-01-01') },
          d('2027-01-01'),
        ),
      ).issues,
    ).toEqual([{ path: 'permitId', message: 'required' }]);
  });
});

describe('amendment', () => {
  it('closes the previous version at now and opens AMENDED with a new id', () => {
    const now = d('2027-09-01T10:00:00Z');
    const { previous, next } = planAmendment(granted, { permitId: 'FI-2027-000002' }, now);
    expect(previous).toMatchObject({ permitId: 'FI-2027-000001', status: 'GRANTED', activeUntil: now });
    expect(next).toMatchObject({
      permitId: 'FI-2027-000002',
      status: 'AMENDED',
      version: 2,
      previousPermitId: 'FI-2027-000001',
      rootPermitId: 'FI-2027-000001',
      activeFrom: now,
      activeUntil: null,
      validUntil: granted.validUntil,
    });
    // Exactly one version governs access at any instant.
    expect(isActive(previous, now)).toBe(false);
    expect(isActive(next, now)).toBe(true);
    expect(isActive(previous, d('2027-08-31'))).toBe(true);
  });

  it('amends AMENDED and RENEWED versions, and may shorten the period', () => {
    const a = planAmendment(granted, { permitId: 'B' }, d('2027-09-01')).next;
    const b = planAmendment(a, { permitId: 'C', validUntil: d('2028-12-31') }, d('2027-10-01')).next;
    expect(b).toMatchObject({ version: 3, previousPermitId: 'B', validUntil: d('2028-12-31') });
    const renewed = planRenewal(granted, d('2031-06-01'), d('2028-01-01'), { permitId: 'R' }).next;
    expect(planAmendment(renewed, { permitId: 'R2' }, d('2028-02-01')).next).toMatchObject({
      status: 'AMENDED',
      renewals: 1,
    });
  });

  it('refuses to lengthen (that is a renewal), reuse an id, or amend a superseded, revoked or expired version', () => {
    const longer = refusal(() =>
      planAmendment(granted, { permitId: 'B', validUntil: d('2030-01-01') }, d('2027-09-01')),
    );
    expect(longer.message).toMatch(/renewal \(Art\. 68\(12\)\)/);
    expect(
      refusal(() => planAmendment(granted, { permitId: 'FI-2027-000001' }, d('2027-09-01'))).message,
    ).toMatch(/new id/);
    const { previous } = planAmendment(granted, { permitId: 'B' }, d('2027-09-01'));
    const superseded = refusal(() => planAmendment(previous, { permitId: 'C' }, d('2027-10-01')));
    expect(superseded.kind).toBe('conflict');
    expect(superseded.message).toMatch(
      /superseded on 2027-09-01; use the current version of chain FI-2027-000001/,
    );
    const revoked = planRevocation(granted, 'breach of Art. 61(2)', d('2027-09-01')).permit;
    expect(refusal(() => planAmendment(revoked, { permitId: 'C' }, d('2027-10-01'))).message).toMatch(
      /revoked on 2027-09-01 \(Art\. 63\)/,
    );
    expect(refusal(() => planAmendment(granted, { permitId: 'C' }, d('2029-06-01'))).message).toMatch(
      /expired on 2029-06-01/,
    );
  });
});

describe('renewal (Art. 68(12))', () => {
  it('renews once, up to 10 more years, with a new id', () => {
    const { previous, next } = planRenewal(granted, d('2039-06-01'), d('2029-01-15'), {
      permitId: 'FI-2029-000007',
    });
    expect(previous.activeUntil).toEqual(d('2029-01-15'));
    expect(next).toMatchObject({
      status: 'RENEWED',
      version: 2,
      renewals: 1,
      validFrom: granted.validFrom,
      validUntil: d('2039-06-01'),
    });
  });

  it('renews a version that expired while a timely request waited for the HDAB', () => {
    const expired: PermitVersion = { ...granted, status: 'EXPIRED', activeUntil: granted.validUntil };
    const { previous, next } = planRenewal(expired, d('2031-06-01'), d('2029-07-10'), {
      permitId: 'FI-2029-000009',
      requestedAt: d('2029-04-15'),
    });
    // The expired version keeps its end; access resumes with the renewal, not in between.
    expect(previous).toEqual(expired);
    expect(next).toMatchObject({ status: 'RENEWED', renewals: 1, activeFrom: d('2029-07-10') });
    // Without a request on file, or with one made too late, it stays expired.
    expect(
      refusal(() => planRenewal(expired, d('2031-06-01'), d('2029-07-10'), { permitId: 'X' })).message,
    ).toMatch(/expired on 2029-06-01/);
    const late = { permitId: 'Y', requestedAt: d('2029-05-20') };
    expect(refusal(() => planRenewal(expired, d('2031-06-01'), d('2029-07-10'), late)).message).toMatch(
      /at least one month before expiry/,
    );
    // A version revoked, or ended early, is not brought back.
    const revoked: PermitVersion = { ...granted, status: 'REVOKED', activeUntil: d('2029-03-01') };
    const asked = { permitId: 'Z', requestedAt: d('2029-02-01') };
    expect(refusal(() => planRenewal(revoked, d('2031-06-01'), d('2029-07-10'), asked)).message).toMatch(
      /revoked/,
    );
  });

  it('refuses the second renewal, also after an amendment in between', () => {
    const renewed = planRenewal(granted, d('2031-06-01'), d('2028-01-01'), { permitId: 'R' }).next;
    const again = refusal(() => planRenewal(renewed, d('2033-06-01'), d('2029-01-01'), { permitId: 'R2' }));
    expect(again.kind).toBe('conflict');
    expect(again.message).toMatch(/already renewed once; Art\. 68\(12\) allows one renewal only/);
    const amended = planAmendment(renewed, { permitId: 'A' }, d('2028-06-01')).next;
    expect(
      refusal(() => planRenewal(amended, d('2033-06-01'), d('2029-01-01'), { permitId: 'R3' })).message,
    ).toMatch(/already renewed/);
  });

  it('refuses a request made less than one month before expiry, saying the last day', () => {
    expect(renewalDeadline(granted)).toEqual(d('2029-05-01'));
    expect(() => validateRenewalRequest(granted, d('2029-05-01'))).not.toThrow();
    const late = refusal(() => validateRenewalRequest(granted, d('2029-05-01T00:00:01Z')));
    expect(late.kind).toBe('conflict');
    expect(late.message).toMatch(
      /at least one month before expiry \(Art\. 68\(12\)\).*last day was 2029-05-01/,
    );
  });

  it('clamps the one-month deadline at month ends', () => {
    const march = { ...granted, validUntil: d('2029-03-31') };
    expect(renewalDeadline(march)).toEqual(d('2029-02-28'));
  });

  it('accepts a timely request decided later, while the permit is still valid', () => {
    const next = planRenewal(granted, d('2031-06-01'), d('2029-05-20'), {
      permitId: 'R',
      requestedAt: d('2029-04-20'),
    }).next;
    expect(next.status).toBe('RENEWED');
  });

  it('refuses more than 10 extra years, or an end not after the current one', () => {
    const tooLong = refusal(() => planRenewal(granted, d('2039-06-02'), d('2028-01-01'), { permitId: 'R' }));
    expect(tooLong.message).toMatch(/at most 10 years \(Art\. 68\(12\)\).*until 2039-06-01/);
    expect(
      refusal(() => planRenewal(granted, d('2029-06-01'), d('2028-01-01'), { permitId: 'R' })).kind,
    ).toBe('invalid');
  });
});

describe('revocation and expiry', () => {
  it('revokes with a reason, closing the version and setting the deletion deadline', () => {
    const ending = planRevocation(
      granted,
      '  re-identification attempt (Art. 61(3))  ',
      d('2028-08-31T12:00:00Z'),
    );
    expect(ending.permit).toMatchObject({ status: 'REVOKED', activeUntil: d('2028-08-31T12:00:00Z') });
    expect(ending.reason).toBe('re-identification attempt (Art. 61(3))');
    expect(ending.deletionDueAt).toEqual(d('2029-02-28T12:00:00Z'));
  });

  it('refuses a revocation without reason or of an ended permit', () => {
    expect(refusal(() => planRevocation(granted, '', d('2028-01-01'))).message).toMatch(/Art\. 63/);
    const revoked = planRevocation(granted, 'x', d('2028-01-01')).permit;
    expect(refusal(() => planRevocation(revoked, 'again', d('2028-02-01'))).kind).toBe('conflict');
  });

  it('lists the current versions past their end date, oldest first, skipping superseded and ended ones', () => {
    const a: PermitVersion = { ...granted, permitId: 'A', rootPermitId: 'A', validUntil: d('2029-03-01') };
    const b: PermitVersion = { ...granted, permitId: 'B', rootPermitId: 'B', validUntil: d('2029-01-01') };
    const future: PermitVersion = {
      ...granted,
      permitId: 'F',
      rootPermitId: 'F',
      validUntil: d('2030-01-01'),
    };
    const superseded: PermitVersion = { ...b, permitId: 'S', activeUntil: d('2028-01-01') };
    const revoked: PermitVersion = { ...b, permitId: 'V', status: 'REVOKED', activeUntil: d('2028-01-01') };
    const due = dueExpiries([a, future, superseded, b, revoked], d('2029-03-01'));
    expect(due.map((e) => e.permit.permitId)).toEqual(['B', 'A']);
    expect(due[0]).toMatchObject({
      permit: { status: 'EXPIRED', activeUntil: d('2029-01-01') },
      endedAt: d('2029-01-01'),
      deletionDueAt: d('2029-07-01'),
    });
    expect(dueExpiries([a], d('2029-02-28T23:59:59Z'))).toEqual([]);
  });

  it('sets deletion 6 months after the end, clamped at month end', () => {
    expect(deletionDueAt(d('2029-08-31'))).toEqual(d('2030-02-28'));
  });
});
