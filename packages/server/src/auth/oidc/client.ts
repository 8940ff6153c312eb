import * as oidc from 'openid-client';
import { AppError } from '@openehds/core';
import type { OidcProviderConfig } from '../identity-config';

/**
 * The relying-party side of OpenID Connect (authorisation code flow with PKCE, state and nonce) over
 * `openid-client`. Issuer metadata is discovered on first use and kept; a failed discovery is retried
 * on the next sign-in rather than failing the hub's start.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What the hub keeps of a started sign-in, to check the answer against (never trusting the browser). */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The verified result of a callback: the issuer's subject and the claims of ID token and userinfo. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** A cache of discovered issuer configurations, one per provider id. */
export class OidcClients {
  readonly #configs = new Map<string, Promise<oidc.Configuration>>();

  /** The client configuration of a provider, discovering its issuer on first use. */
  configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let found = this.#configs.get(provider.id);
    if (!found) {
      found = discover(provider);
      this.#configs.set(provider.id, found);
      // Forget a failure so the next sign-in tries again.
      found.catch(() => this.#configs.delete(provider.id));
    }
    return found;
  }
}

async function discover(provider: OidcProviderConfig): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer);
  // Plain http only for an issuer on this machine (the demo's identity provider); anything else must be https.
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  try {
    return await oidc.discovery(
      issuer,
      provider.clientId,
      provider.clientSecret,
      provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None(),
      insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
  } catch (err) {
    throw new AppError(
      'unavailable',
      `the identity provider ${provider.label} (${provider.issuer}) cannot be reached or is misconfigured: ${(err as Error).message}; try again later`,
    );
  }
}

/** Fresh state, nonce and PKCE verifier for one sign-in. */
export function newChecks(): OidcChecks {
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
}

/** The authorisation request URL: code flow, S256 PKCE challenge, state and nonce. */
export async function authorisationUrl(
  config: oidc.Configuration,
  input: { redirectUri: string; scope: string; checks: OidcChecks },
): Promise<URL> {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: input.scope,
    response_type: 'code',
    state: input.checks.state,
    nonce: input.checks.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(input.checks.codeVerifier),
    code_challenge_method: 'S256',
  });
}

/**
 * Redeems the code at the token endpoint and verifies the ID token (signature, issuer, audience,
 * expiry, nonce), then reads the userinfo endpoint for the remaining claims. Throws `ClientError` /
 * `ResponseBodyError` from openid-client when anything does not check out.
 */
export async function redeemCallback(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: OidcChecks,
): Promise<OidcIdentity> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('the identity provider sent no ID token');
  let userinfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint) {
    userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  }
  return {
    issuer: idClaims.iss,
    subject: idClaims.sub,
    claims: { ...userinfo, ...idClaims },
  };
}
