import type { OptOutReceipt, OptOutStatus } from '@openehds/client';
import { fmt, formatDateTime } from '../i18n/format';
import { citizenText as t } from './strings';

/** What the page says about the current choice: a headline and what it means. */
export function statusText(status: OptOutStatus): { headline: string; detail: string } {
  return status.optedOut
    ? { headline: fmt(t.optedOut, { date: formatDateTime(status.since) }), detail: t.optedOutMore }
    : { headline: t.notOptedOut, detail: t.notOptedOutMore };
}

/** The change the button offers, and the confirmation it asks for. */
export function nextChange(status: OptOutStatus): {
  kind: 'opt-out' | 'reversal';
  button: string;
  confirmTitle: string;
  confirm: string;
  yes: string;
} {
  return status.optedOut
    ? {
        kind: 'reversal',
        button: t.optInButton,
        confirmTitle: t.confirmOptInTitle,
        confirm: t.confirmOptIn,
        yes: t.confirmYesIn,
      }
    : {
        kind: 'opt-out',
        button: t.optOutButton,
        confirmTitle: t.confirmOptOutTitle,
        confirm: t.confirmOptOut,
        yes: t.confirmYesOut,
      };
}

/** A history row's words. */
export function historyRow(r: OptOutReceipt): { what: string; when: string; receipt: string } {
  return {
    what: r.action === 'opt-out' ? t.actionOptOut : t.actionReversal,
    when: formatDateTime(r.at),
    receipt: r.receiptId,
  };
}

/** The confirmation shown after a change (or that nothing changed). */
export function receiptText(change: { changed: boolean; receipt: OptOutReceipt | null }): string {
  if (!change.changed || !change.receipt) return t.unchanged;
  return fmt(change.receipt.action === 'opt-out' ? t.doneOut : t.doneIn, {
    receipt: change.receipt.receiptId,
    date: formatDateTime(change.receipt.at),
  });
}
