import { z } from 'zod';
import { invalid } from '@openehds/core';

/**
 * Configuration of identity: OpenID Connect providers, the citizen pseudonym key and the sign-in rate
 * limit. Parsed with the rest of the hub configuration (config.ts); see README.md for the keys.
 */

/** One OpenID Connect issuer users or citizens sign in with. */
export const OidcProviderSchema = z.object({
  /** Used in URLs: /api/auth/oidc/<id>/start. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, e.g. ls-login'),
  /** The button text on the sign-in page, e.g. "Suomi.fi e-Identification". */
  label: z.string().min(1).max(100),
  /** The issuer identifier; its /.well-known/openid-configuration is discovered. */
  issuer: z.url(),
  clientId: z.string().min(1),
  /** Absent for a public client (PKCE only). */
  clientSecret: z.string().min(1).optional(),
  /** 'user': researchers and staff (accounts created as data users); 'citizen': national eID. */
  audience: z.enum(['user', 'citizen']),
  /** Scopes to ask for; defaults to `openid profile email` for users, `openid profile national_id` for citizens. */
  scopes: z.string().min(1).optional(),
  /** Citizens: the claim carrying the national identifier, turned into a keyed pseudonym at once. */
  nationalIdClaim: z.string().min(1).default('person_identifier'),
});

/** A configured OpenID Connect provider. */
export type OidcProviderConfig = z.infer<typeof OidcProviderSchema>;

/** The scopes asked of a provider. */
export function scopesOf(p: OidcProviderConfig): string {
  return p.scopes ?? (p.audience === 'citizen' ? 'openid profile national_id' : 'openid profile email');
}

/** Sign-in attempts allowed per window, per client IP and per username (OWASP ASVS V2.2.1). */
export const SignInRateLimitSchema = z
  .object({
    perIp: z.number().int().min(1).default(30),
    perUsername: z.number().int().min(1).default(10),
    windowSeconds: z.number().int().min(1).default(60),
  })
  .default({ perIp: 30, perUsername: 10, windowSeconds: 60 });

/** Rate limit of the sign-in routes. */
export type SignInRateLimit = z.infer<typeof SignInRateLimitSchema>;

/** At least 32 characters of secret for the HMAC that pseudonymises citizens' national identifiers. */
export const CitizenPseudonymKeySchema = z.string().min(32, 'use at least 32 random characters').optional();

/**
 * Reads OpenID Connect providers from the environment: `EHDS_OIDC_PROVIDERS` as a JSON array, and/or
 * one provider per `EHDS_OIDC_<ID>_ISSUER` with `_CLIENT_ID`, `_CLIENT_SECRET`, `_LABEL`, `_AUDIENCE`,
 * `_SCOPES`, `_NATIONAL_ID_CLAIM`. Returns raw objects; the hub config validates them.
 */
export function oidcProvidersFromEnv(env: Record<string, string | undefined>): unknown[] {
  const out: unknown[] = [];
  const json = env.EHDS_OIDC_PROVIDERS?.trim();
  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      throw invalid(
        `EHDS_OIDC_PROVIDERS is not valid JSON (${(err as Error).message}); give an array of providers`,
      );
    }
    out.push(...(Array.isArray(parsed) ? parsed : [parsed]));
  }
  for (const [key, issuer] of Object.entries(env)) {
    const m = /^EHDS_OIDC_([A-Z0-9_]+)_ISSUER$/.exec(key);
    if (!m || !issuer) continue;
    const p = `EHDS_OIDC_${m[1]}_`;
    out.push({
      id: m[1]!.toLowerCase().replace(/_/g, '-'),
      label: env[`${p}LABEL`] ?? m[1],
      issuer,
      clientId: env[`${p}CLIENT_ID`],
      ...(env[`${p}CLIENT_SECRET`] ? { clientSecret: env[`${p}CLIENT_SECRET`] } : {}),
      audience: env[`${p}AUDIENCE`] ?? 'user',
      ...(env[`${p}SCOPES`] ? { scopes: env[`${p}SCOPES`] } : {}),
      ...(env[`${p}NATIONAL_ID_CLAIM`] ? { nationalIdClaim: env[`${p}NATIONAL_ID_CLAIM`] } : {}),
    });
  }
  return out;
}

/** The identity part of the hub configuration read from the environment (for `ehds hub`). */
export function identityConfigFromEnv(env: Record<string, string | undefined>): Record<string, unknown> {
  return {
    oidcProviders: oidcProvidersFromEnv(env),
    ...(env.EHDS_CITIZEN_PSEUDONYM_KEY ? { citizenPseudonymKey: env.EHDS_CITIZEN_PSEUDONYM_KEY } : {}),
  };
}
