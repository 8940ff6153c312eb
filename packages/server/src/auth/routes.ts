import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { forbidden } from '@openehds/core';
import { validate } from '../http/validate';
import { recordAudit } from '../audit/service';
import type { HubConfig } from '../config';
import { requireRole, sessionToken } from './guard';
import { clearedSessionCookie, sessionCookie } from './cookies';
import { perIpLimit, perUsernameLimit, registerSignInRateLimit } from './rate-limit';
import { MEMBER_ROLES } from './roles';
import { accountProfile } from './profile';
import { signOut } from './service';
import {
  confirmEnrolmentAtSignIn,
  signInWithPassword,
  signInWithTotp,
  startEnrolmentAtSignIn,
  type SignedIn,
} from './sign-in';
import { confirmTotpEnrolment, startTotpEnrolment, totpStatus } from './totp-service';
import { tokenRoutes } from './token-routes';
import { oidcRoutes } from './oidc/routes';

const SignIn = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
const Challenge = z.object({ challenge: z.string().min(20).max(100) });
const Code = z.string().regex(/^\d{6}$/, 'six digits from your authenticator app');
const ChallengeCode = Challenge.extend({ code: Code });

/** What the identity routes need: the store, the configuration and a clock for TOTP (tests move it). */
export interface AuthDeps {
  db: Db;
  config: HubConfig;
  /** Milliseconds since the epoch; TOTP codes are checked against it. */
  clock: () => number;
}

/**
 * Identity routes (README.md): password and TOTP sign-in, TOTP enrolment, OpenID Connect, sessions,
 * API tokens. They live in their own scope so the sign-in rate limit covers only them.
 */
export async function authRoutes(app: FastifyInstance, deps: AuthDeps): Promise<void> {
  await app.register(async (scope) => {
    await registerSignInRateLimit(scope);
    routesIn(scope, deps);
    tokenRoutes(scope, deps);
    oidcRoutes(scope, deps);
  });
}

function routesIn(app: FastifyInstance, deps: AuthDeps): void {
  const { db, config, clock } = deps;
  const idle = config.sessionIdleMinutes;
  const secure = config.publicUrl.startsWith('https://');
  const limit = perIpLimit(config.signInRateLimit);
  const issuer = config.hdab.name;

  const answer = (reply: FastifyReply, signedIn: SignedIn) => {
    reply.header('set-cookie', sessionCookie(signedIn.token, signedIn.expiresAt, secure));
    return {
      token: signedIn.token,
      principal: signedIn.principal,
      expiresAt: signedIn.expiresAt.toISOString(),
    };
  };

  app.post(
    '/api/auth/sign-in',
    { config: limit, preHandler: perUsernameLimit(app, config.signInRateLimit) },
    async (request, reply) => {
      const input = validate(SignIn, request.body, 'sign-in');
      const outcome = await signInWithPassword(db, input);
      if ('mfaRequired' in outcome) {
        return {
          mfaRequired: true,
          challenge: outcome.challenge,
          expiresAt: outcome.expiresAt.toISOString(),
        };
      }
      return answer(reply, outcome);
    },
  );

  app.post('/api/auth/sign-in/totp', { config: limit }, async (request, reply) => {
    const input = validate(ChallengeCode, request.body, 'authenticator code');
    return answer(reply, await signInWithTotp(db, input, clock()));
  });

  // Staff who must use a second factor but have none enrol here, between password and first code.
  app.post('/api/auth/sign-in/enrol', { config: limit }, async (request) => {
    const input = validate(Challenge, request.body, 'enrolment');
    return startEnrolmentAtSignIn(db, input.challenge, issuer);
  });

  app.post('/api/auth/sign-in/enrol/confirm', { config: limit }, async (request, reply) => {
    const input = validate(ChallengeCode, request.body, 'enrolment');
    return answer(reply, await confirmEnrolmentAtSignIn(db, input, clock()));
  });

  app.post('/api/auth/sign-out', { preHandler: requireRole(db, idle, 'any') }, async (request, reply) => {
    const token = sessionToken(request);
    if (token && !request.apiToken) await signOut(db, token);
    reply.header('set-cookie', clearedSessionCookie(secure));
    return { signedOut: true };
  });

  app.get('/api/auth/me', { preHandler: requireRole(db, idle, 'any') }, async (request) => request.principal);

  // "My account": the own account with its e-mail and second-factor status (never a secret).
  app.get('/api/auth/account', { preHandler: requireRole(db, idle, 'any') }, async (request) =>
    accountProfile(db, request.principal!.accountId),
  );

  // Public: the sign-in page shows one button per provider (no secrets, no issuer internals).
  app.get('/api/auth/providers', async () => ({
    providers: config.oidcProviders.map(({ id, label, audience }) => ({ id, label, audience })),
  }));

  // Any account with a password may add a second factor; citizens sign in with their eID instead.
  app.get('/api/auth/totp', { preHandler: requireRole(db, idle, MEMBER_ROLES) }, async (request) => ({
    status: await totpStatus(db, request.principal!.accountId),
  }));

  app.post('/api/auth/totp/enrol', { preHandler: requireRole(db, idle, MEMBER_ROLES) }, async (request) => {
    if (request.apiToken)
      throw forbidden('enrol an authenticator from a signed-in session, not with an API token');
    const p = request.principal!;
    return startTotpEnrolment(db, { id: p.accountId, username: p.username }, issuer);
  });

  app.post('/api/auth/totp/confirm', { preHandler: requireRole(db, idle, MEMBER_ROLES) }, async (request) => {
    if (request.apiToken)
      throw forbidden('confirm an authenticator from a signed-in session, not with an API token');
    const { code } = validate(z.object({ code: Code }), request.body, 'authenticator code');
    const p = request.principal!;
    await confirmTotpEnrolment(db, p.accountId, code, clock());
    await recordAudit(db, {
      actor: `account:${p.username}`,
      action: 'auth.totp-enrol',
      object: `account:${p.accountId}`,
      outcome: 'success',
    });
    return { status: 'confirmed' };
  });
}
