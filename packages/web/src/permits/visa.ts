/**
 * Reading GA4GH Passport visas (AAI / Passport v1.2) for display: the JWT's header and payload are
 * decoded, never verified, in the browser. Verification is the relying service's job, with the hub's
 * key (`/.well-known/jwks.json`) and the revocation list (`/api/permits/visas/revoked`).
 */
import { fmt } from '../i18n/format';
import { permitsText as t } from './strings';

/** The `ga4gh_visa_v1` claim. */
export interface VisaClaim {
  type: string;
  /** Seconds since the epoch. */
  asserted: number;
  value: string;
  source: string;
  by?: string;
}

/** A decoded visa, or why it could not be decoded. */
export type DecodedVisa =
  | {
      ok: true;
      header: Record<string, unknown>;
      payload: Record<string, unknown>;
      visa: VisaClaim;
      /** Seconds since the epoch; null when the token has no `exp`. */
      exp: number | null;
      sub: string | null;
      iss: string | null;
      jti: string | null;
    }
  | { ok: false; reason: string };

/** Decodes one base64url segment of a JWT to its JSON object. */
export function decodeSegment(segment: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new Error('not base64url');
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (segment.length % 4)) % 4);
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Decodes a visa JWT (header and payload only; the signature is not checked). */
export function decodeVisa(jwt: string): DecodedVisa {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) return { ok: false, reason: 'a JWT has three parts separated by dots' };
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decodeSegment(parts[0]!);
    payload = decodeSegment(parts[1]!);
  } catch (err) {
    return { ok: false, reason: `its header or payload is not base64url JSON (${(err as Error).message})` };
  }
  const claim = payload.ga4gh_visa_v1;
  if (!claim || typeof claim !== 'object') return { ok: false, reason: 'it has no ga4gh_visa_v1 claim' };
  const c = claim as Record<string, unknown>;
  const type = str(c.type);
  const value = str(c.value);
  const source = str(c.source);
  const asserted = num(c.asserted);
  if (!type || value === null || !source || asserted === null)
    return { ok: false, reason: 'its ga4gh_visa_v1 lacks type, asserted, value or source' };
  return {
    ok: true,
    header,
    payload,
    visa: { type, asserted, value, source, ...(str(c.by) ? { by: str(c.by)! } : {}) },
    exp: num(payload.exp),
    sub: str(payload.sub),
    iss: str(payload.iss),
    jti: str(payload.jti),
  };
}

/** When a visa expires, relative to `now`: "expired", "in 12 minutes", "in 3 hours", "in 2 days". */
export function expiryText(exp: number | null, now: Date): string {
  if (exp === null) return '';
  const seconds = exp - now.getTime() / 1000;
  if (seconds <= 0) return t.passport.expired;
  const minutes = Math.ceil(seconds / 60);
  if (minutes === 1) return t.passport.inOneMinute;
  if (minutes < 120) return fmt(t.passport.inMinutes, { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return fmt(t.passport.inHours, { n: hours });
  return fmt(t.passport.inDays, { n: Math.floor(hours / 24) });
}

/** Seconds since the epoch as an ISO instant. */
export function epochIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
