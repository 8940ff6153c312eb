/**
 * Pure helpers of the authenticator set-up: the secret in readable groups for typing it in, what an
 * `otpauth://` URI says (shown as text: no QR code library is used), and the code check.
 */

/** The base32 secret in groups of four (authenticator apps ignore the spaces). */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** What an `otpauth://totp/…` URI sets up (Key Uri Format), or null when it is not one. */
export interface OtpauthParts {
  issuer: string | null;
  account: string;
  algorithm: string;
  digits: number;
  period: number;
}

/** Reads an `otpauth://totp/Issuer:account?secret=…` URI; defaults as authenticator apps apply them. */
export function parseOtpauthUri(uri: string): OtpauthParts | null {
  const m = /^otpauth:\/\/totp\/([^?]*)(?:\?(.*))?$/i.exec(uri);
  if (!m) return null;
  let label: string;
  try {
    label = decodeURIComponent(m[1] ?? '');
  } catch {
    return null;
  }
  const params = new URLSearchParams(m[2] ?? '');
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : null;
  const account = (colon >= 0 ? label.slice(colon + 1) : label).trim();
  return {
    issuer: params.get('issuer') ?? labelIssuer,
    account,
    algorithm: (params.get('algorithm') ?? 'SHA1').toUpperCase(),
    digits: Number(params.get('digits') ?? 6),
    period: Number(params.get('period') ?? 30),
  };
}

/** The code as typed, without spaces; valid when it is exactly six digits. */
export function normaliseCode(input: string): { code: string; valid: boolean } {
  const code = input.replace(/\s+/g, '');
  return { code, valid: /^\d{6}$/.test(code) };
}
