/**
 * Words for a forwarded copy of a case file (Art. 67(3), 68(5)): how far the forward got, and the
 * file name of the peer's signed decision.
 */
import type { CrossBorderCopy, Delivery } from '@openehds/client';
import { fmt, formatDateTime } from '../../i18n/format';
import { crossBorderText as t } from './strings';

/** How far a message to the peer got: delivered when, or how often it was tried. */
export function deliveryText(d: Pick<Delivery, 'deliveredAt' | 'attempts'>): string {
  if (d.deliveredAt) return fmt(t.forwardedAt, { at: formatDateTime(d.deliveredAt) });
  return d.attempts > 0 ? fmt(t.forwardPending, { attempts: d.attempts }) : t.forwardPendingNone;
}

/** The file name of a peer's signed decision (`decision-DE-DE-APP-2027-000003.json`). */
export function peerDecisionFileName(copy: Pick<CrossBorderCopy, 'country' | 'remoteReference'>): string {
  const ref = (copy.remoteReference ?? 'decision').replace(/[^A-Za-z0-9._-]+/g, '_');
  return `decision-${copy.country}-${ref}.json`;
}

/** Copies in a stable order: by country code. */
export function sortedCopies(copies: readonly CrossBorderCopy[] | undefined): CrossBorderCopy[] {
  return [...(copies ?? [])].sort((a, b) => a.country.localeCompare(b.country));
}
