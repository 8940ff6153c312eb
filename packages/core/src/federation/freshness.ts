/**
 * Replay-window rules for signed federation messages. A message is accepted only while its
 * `issuedAt` lies within ±5 minutes of the receiver's clock (tolerating modest clock skew, as
 * Kerberos and RFC 7519's `nbf`/`exp` leeway do), and only once: its nonce is remembered for as long
 * as the message could still pass the time check, after which the time check alone refuses it.
 */

/** How far `issuedAt` may differ from the receiver's clock, either way. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/**
 * How long a nonce must be kept: a message issued up to one window in the future stays fresh until
 * one window after that, so two windows plus a margin for slow requests.
 */
export const NONCE_RETENTION_MS = 2 * REPLAY_WINDOW_MS + 60_000;

/** The outcome of the time check. */
export type FreshnessResult = { ok: true } | { ok: false; reason: 'stale'; message: string };

/** Checks that `issuedAt` (ISO 8601 UTC) lies within the replay window around `now`. */
export function checkFreshness(issuedAt: string, now: Date, windowMs = REPLAY_WINDOW_MS): FreshnessResult {
  const at = Date.parse(issuedAt);
  if (Number.isNaN(at))
    return { ok: false, reason: 'stale', message: `issuedAt ${issuedAt} is not a timestamp` };
  const skew = at - now.getTime();
  if (Math.abs(skew) <= windowMs) return { ok: true };
  const minutes = Math.round(Math.abs(skew) / 60_000);
  const direction = skew < 0 ? 'old' : 'in the future';
  return {
    ok: false,
    reason: 'stale',
    message: `the message was issued at ${issuedAt}, ${minutes} min ${direction}; messages must be issued within ±${windowMs / 60_000} min of the hub's clock (check the node's clock, e.g. NTP)`,
  };
}

/** The time before which remembered nonces may be forgotten. */
export function nonceHorizon(now: Date): Date {
  return new Date(now.getTime() - NONCE_RETENTION_MS);
}
