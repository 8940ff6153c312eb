/**
 * Which permit versions govern access, and the common refusal when an action targets one that does
 * not. A version is *current* while it is the newest of its chain, neither revoked nor expired, and
 * before its end date; it is *active* when, in addition, its access period has begun.
 */
import { conflict } from '../errors/app-error';
import type { PermitStatus, PermitVersion } from './types';

const LIVE: ReadonlySet<PermitStatus> = new Set(['GRANTED', 'AMENDED', 'RENEWED']);

/** GRANTED, AMENDED or RENEWED: a status under which a permit can still govern access. */
export function isLiveStatus(status: PermitStatus): boolean {
  return LIVE.has(status);
}

/** A date as `YYYY-MM-DD` when it is midnight UTC, else full ISO 8601: for messages people read. */
export function showDate(at: Date): string {
  const iso = at.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** The newest, unrevoked, unexpired version of its chain at `now` (its access period may not have begun). */
export function isCurrentVersion(p: PermitVersion, now: Date): boolean {
  const t = now.getTime();
  return (
    isLiveStatus(p.status) &&
    p.activeUntil === null &&
    p.activeFrom.getTime() <= t &&
    t < p.validUntil.getTime()
  );
}

/** May the holders of this version process data now (Art. 68: permit = policy)? */
export function isActive(p: PermitVersion, now: Date): boolean {
  const t = now.getTime();
  return (
    isLiveStatus(p.status) &&
    p.activeFrom.getTime() <= t &&
    (p.activeUntil === null || t < p.activeUntil.getTime()) &&
    p.validFrom.getTime() <= t &&
    t < p.validUntil.getTime()
  );
}

/** Throws a `conflict` that says why `p` cannot be `action`ed now and what to do instead. */
export function assertCurrent(p: PermitVersion, now: Date, action: string): void {
  if (p.status === 'REVOKED')
    throw conflict(
      `permit ${p.permitId} was revoked${p.activeUntil ? ` on ${showDate(p.activeUntil)}` : ''} (Art. 63) and cannot be ${action}; start a new application`,
    );
  const expired = () =>
    conflict(
      `permit ${p.permitId} expired on ${showDate(p.validUntil)} and cannot be ${action}; start a new application (Art. 68(12))`,
    );
  if (p.status === 'EXPIRED') throw expired();
  if (p.activeUntil !== null)
    throw conflict(
      `permit ${p.permitId} (version ${p.version}) was superseded on ${showDate(p.activeUntil)}; use the current version of chain ${p.rootPermitId}`,
    );
  if (now.getTime() >= p.validUntil.getTime()) throw expired();
  if (now.getTime() < p.activeFrom.getTime())
    throw conflict(`permit ${p.permitId} only takes effect on ${showDate(p.activeFrom)}`);
}
