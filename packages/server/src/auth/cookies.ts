import { SESSION_COOKIE } from './guard';

/**
 * The session cookie: HttpOnly (page scripts cannot read it), SameSite=Strict (never sent on
 * cross-site requests), Secure when the hub is served over https (a plain-HTTP demo needs it off).
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Clears the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The cookie binding an OpenID Connect sign-in in flight to the browser that started it. */
export const OIDC_BINDING_COOKIE = 'ehds_oidc';
const OIDC_COOKIE_PATH = '/api/auth/oidc';

/**
 * SameSite=Lax, not Strict: the identity provider sends the browser back with a cross-site top-level
 * GET, and a Strict cookie would not travel with it. The cookie is no credential on its own: it only
 * matches the state, nonce and PKCE verifier the hub keeps, for ten minutes, once.
 */
export function oidcBindingCookie(value: string, secure: boolean): string {
  return [
    `${OIDC_BINDING_COOKIE}=${encodeURIComponent(value)}`,
    `Path=${OIDC_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=600',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Clears the OIDC binding cookie after the callback. */
export function clearedOidcBindingCookie(secure: boolean): string {
  return [
    `${OIDC_BINDING_COOKIE}=`,
    `Path=${OIDC_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
