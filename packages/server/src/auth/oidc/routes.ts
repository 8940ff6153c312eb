import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '@openehds/core';
import { recordAudit } from '../../audit/service';
import { validate } from '../../http/validate';
import { cookieValue } from '../guard';
import { clearedOidcBindingCookie, OIDC_BINDING_COOKIE, oidcBindingCookie, sessionCookie } from '../cookies';
import { scopesOf, type OidcProviderConfig } from '../identity-config';
import { pseudonymKey } from '../pseudonym';
import { perIpLimit } from '../rate-limit';
import { startSession } from '../service';
import type { AuthDeps } from '../routes';
import { authorisationUrl, newChecks, OidcClients, redeemCallback } from './client';
import { linkIdentity } from './link';
import { saveLogin, takeLogin } from './login-store';

const Start = z.object({ returnTo: z.string().max(500).optional() });
const Callback = z.object({
  state: z.string().min(1).max(500).optional(),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
});

/** A local path to return to after sign-in; anything else (another site, `//host`) becomes `/`. */
export function safeReturnTo(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  return path;
}

/**
 * OpenID Connect sign-in (README.md): `start` redirects to the provider with PKCE, state and nonce
 * kept at the hub; `callback` checks them, redeems the code, links or creates the account, sets the
 * session cookie and sends the browser back to the web app's sign-in page to finish.
 */
export function oidcRoutes(app: FastifyInstance, { db, config }: AuthDeps): void {
  const clients = new OidcClients();
  const secure = config.publicUrl.startsWith('https://');
  const limit = perIpLimit(config.signInRateLimit);
  const base = config.publicUrl.replace(/\/+$/, '');
  const redirectUri = (p: OidcProviderConfig) => `${base}/api/auth/oidc/${p.id}/callback`;

  const providerOf = (request: FastifyRequest): OidcProviderConfig => {
    const id = (request.params as { provider: string }).provider;
    const provider = config.oidcProviders.find((p) => p.id === id);
    if (!provider) throw notFound('identity provider', id);
    return provider;
  };

  app.get('/api/auth/oidc/:provider/start', { config: limit }, async (request, reply) => {
    const provider = providerOf(request);
    const { returnTo } = validate(Start, request.query, 'sign-in request');
    const checks = newChecks();
    let url: URL;
    try {
      url = await authorisationUrl(await clients.configuration(provider), {
        redirectUri: redirectUri(provider),
        scope: scopesOf(provider),
        checks,
      });
    } catch (err) {
      // A browser followed a link here: send it back to the sign-in page with the reason, not raw JSON.
      if (!(err instanceof AppError)) throw err;
      reply.header('cache-control', 'no-store');
      return reply.redirect(`${base}/sign-in?${new URLSearchParams({ oidcError: err.message })}`, 302);
    }
    const binding = await saveLogin(db, {
      ...checks,
      providerId: provider.id,
      returnTo: safeReturnTo(returnTo),
    });
    reply.header('set-cookie', oidcBindingCookie(binding, secure));
    reply.header('cache-control', 'no-store');
    return reply.redirect(url.href, 302);
  });

  app.get('/api/auth/oidc/:provider/callback', { config: limit }, async (request, reply) => {
    const provider = providerOf(request);
    const query = validate(Callback, request.query, 'sign-in answer');
    // The binding cookie is cleared only once its sign-in was used up: a forged answer sent to the
    // browser must not cancel the sign-in it has in flight.
    let taken = false;
    const fail = (reason: string) =>
      failed(reply, { db, provider, secure, base, clearBinding: taken }, reason);

    if (!query.state) return fail('the identity provider sent no state');
    const login = await takeLogin(db, {
      state: query.state,
      binding: cookieValue(request, OIDC_BINDING_COOKIE),
      providerId: provider.id,
    });
    // No matching sign-in started in this browser: expired, used already, or forged (login CSRF).
    if (!login) return fail('this sign-in expired or was not started in this browser; start again');
    taken = true;
    if (query.error) return fail(`${provider.label} refused the sign-in (${query.error})`);

    let linked;
    try {
      // The answer's parameters on the registered redirect URI (behind a proxy the path seen here may differ).
      const answer = new URL(redirectUri(provider));
      answer.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const identity = await redeemCallback(await clients.configuration(provider), answer, login);
      linked = await linkIdentity(db, provider, identity, await pseudonymKey(db, config.citizenPseudonymKey));
    } catch (err) {
      const message =
        err instanceof AppError ? err.message : `the answer of ${provider.label} did not verify`;
      if (!(err instanceof AppError)) request.log.warn({ err }, 'OIDC callback failed');
      return fail(message);
    }
    const session = await startSession(db, linked.accountId, 'oidc');
    await recordAudit(db, {
      actor: `account:${linked.username}`,
      action: 'auth.sign-in',
      object: null,
      outcome: 'success',
      details: { method: 'oidc', provider: provider.id, ...(linked.created ? { accountCreated: true } : {}) },
    });
    reply.header('set-cookie', [
      sessionCookie(session.token, session.expiresAt, secure),
      clearedOidcBindingCookie(secure),
    ]);
    reply.header('cache-control', 'no-store');
    return reply.redirect(
      `${base}/sign-in?${new URLSearchParams({ oidc: 'done', next: login.returnTo })}`,
      302,
    );
  });
}

/** A refused callback: audited, the binding cookie cleared, the browser sent to the sign-in page with why. */
async function failed(
  reply: FastifyReply,
  ctx: {
    db: AuthDeps['db'];
    provider: OidcProviderConfig;
    secure: boolean;
    base: string;
    clearBinding: boolean;
  },
  reason: string,
) {
  const { db, provider, secure, base } = ctx;
  await recordAudit(db, {
    actor: `oidc:${provider.id}`,
    action: 'auth.sign-in',
    object: null,
    outcome: 'denied',
    details: { method: 'oidc', provider: provider.id, reason },
  });
  if (ctx.clearBinding) reply.header('set-cookie', clearedOidcBindingCookie(secure));
  reply.header('cache-control', 'no-store');
  return reply.redirect(`${base}/sign-in?${new URLSearchParams({ oidcError: reason })}`, 302);
}
