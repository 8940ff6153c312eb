/**
 * Words for a data permit's status, its versions and its renewal (EHDS.md §5, Art. 68(12)): the status
 * badge, what began and ended each version, and whether the applicant may still ask for the renewal.
 */
import type { PermitEvent, PermitStatus, PermitSummary, PermitView } from '@openehds/client';
import type { Badge } from '../applications/clock-text';
import { fmt } from '../i18n/format';
import { permitsText as t } from './strings';

/** The badge of a permit version: revoked in the "bad" tone, expired and superseded muted. */
export function permitBadge(p: { status: PermitStatus | string; activeUntil: string | null }): Badge {
  const text = t.statuses[p.status] ?? p.status;
  if (p.status === 'REVOKED') return { text, tone: 'bad' };
  if (p.status === 'EXPIRED') return { text, tone: 'muted' };
  // A live status with an end of activity: a later version replaced it (D6.4).
  if (p.activeUntil) return { text: `${text} · ${t.superseded}`, tone: 'muted' };
  return { text, tone: 'ok' };
}

/** Whether a version governs access now, in words; '' for versions that no longer can. */
export function inForceText(p: Pick<PermitSummary, 'current' | 'active'>): string {
  if (p.active) return t.activeNow;
  if (p.current) return t.notYetActive;
  return '';
}

/** One row of the versions table: how the version began and how it ended. */
export interface VersionRow {
  version: PermitSummary;
  began: string;
  ended: string;
}

/**
 * How each version began (granted, amended or renewed, with the reason) and ended (replaced by the
 * next, revoked with the reason, expired), read from the chain's history.
 */
export function versionRows(
  versions: readonly PermitSummary[],
  history: readonly PermitEvent[],
): VersionRow[] {
  return versions.map((v) => {
    const own = history.filter((e) => e.permitId === v.id);
    const made = own.find((e) => e.event === 'amend' || e.event === 'renew');
    let began: string = t.versions.granted;
    if (v.version > 1) {
      const renewed = v.status === 'RENEWED' || made?.event === 'renew';
      const reason = made?.reason?.trim();
      if (reason) began = fmt(renewed ? t.versions.renewed : t.versions.amended, { reason });
      else began = renewed ? t.statuses.RENEWED! : t.statuses.AMENDED!;
    }
    let ended: string = t.versions.open;
    const revoke = own.find((e) => e.event === 'revoke');
    const superseded = own.find((e) => e.event === 'superseded');
    if (revoke || v.status === 'REVOKED')
      ended = revoke?.reason ? fmt(t.versions.revoked, { reason: revoke.reason }) : t.statuses.REVOKED!;
    else if (v.status === 'EXPIRED') ended = t.versions.expired;
    else if (superseded || v.activeUntil) {
      const by = superseded?.details.by;
      const next = typeof by === 'string' ? by : versions.find((x) => x.previousId === v.id)?.id;
      ended = next ? fmt(t.versions.supersededBy, { number: next }) : t.superseded;
    }
    return { version: v, began, ended };
  });
}

/** Where the renewal of a permit stands for its reader (Art. 68(12)). */
export type RenewalState =
  /** The applicant may ask now. */
  | 'open'
  /** Asked, waiting for the HDAB. */
  | 'requested'
  /** The chain was renewed once already. */
  | 'renewed'
  /** The last day to ask has passed. */
  | 'late'
  /** This version is not the one in force. */
  | 'not-current';

/** The renewal state of a permit version at `now`. */
export function renewalState(
  view: Pick<PermitView, 'id' | 'current' | 'status' | 'renewals' | 'renewal' | 'versions'>,
  now: Date,
): RenewalState {
  if (!view.current) {
    // Expired while a timely request waited: the HDAB may still renew it (Art. 68(12)).
    const waiting =
      view.status === 'EXPIRED' &&
      view.renewals === 0 &&
      view.renewal.request !== null &&
      view.versions.at(-1)?.id === view.id;
    return waiting ? 'requested' : 'not-current';
  }
  if (view.renewals > 0 || view.status === 'RENEWED') return 'renewed';
  if (view.renewal.request) return 'requested';
  return now.getTime() <= Date.parse(view.renewal.deadline) ? 'open' : 'late';
}

/**
 * The chain's version that governs now, else its newest (which may be revoked or expired): where a
 * reader of an older version should go.
 */
export function latestVersion(view: Pick<PermitView, 'versions' | 'currentVersionId'>): PermitSummary | null {
  return view.versions.find((v) => v.id === view.currentVersionId) ?? view.versions.at(-1) ?? null;
}

/** Who acted, readable: `account:hdab` → `hdab`; the scheduler is "the hub". */
export function permitActor(actor: string): string {
  if (actor === 'system') return t.history.system;
  return actor.replace(/^account:/, '');
}

/** The file name of a version's signed document (`permit-FI-2027-000042.json`). */
export function permitFileName(id: string): string {
  return `permit-${id.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
}
