import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { validate } from '../http/validate';
import { recordAudit } from '../audit/service';
import { requireRole, SESSION_COOKIE, sessionToken } from './guard';
import { signIn, signOut } from './service';

const SignIn = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

/** Sign-in, sign-out and "who am I". Full identity (OIDC, TOTP) comes with the HDAB issue. */
export function authRoutes(app: FastifyInstance, db: Db, idleMinutes: number, secureCookies: boolean): void {
  app.post('/api/auth/sign-in', async (request, reply) => {
    const input = validate(SignIn, request.body, 'sign-in');
    try {
      const session = await signIn(db, input, idleMinutes);
      await recordAudit(db, {
        actor: `account:${input.username}`,
        action: 'auth.sign-in',
        object: null,
        outcome: 'success',
      });
      const cookie = [
        `${SESSION_COOKIE}=${encodeURIComponent(session.token)}`,
        'Path=/',
        'HttpOnly',
        'SameSite=Strict',
        `Expires=${session.expiresAt.toUTCString()}`,
        ...(secureCookies ? ['Secure'] : []),
      ].join('; ');
      reply.header('set-cookie', cookie);
      return {
        token: session.token,
        principal: session.principal,
        expiresAt: session.expiresAt.toISOString(),
      };
    } catch (err) {
      await recordAudit(db, {
        actor: `account:${input.username}`,
        action: 'auth.sign-in',
        object: null,
        outcome: 'denied',
      });
      throw err;
    }
  });

  app.post(
    '/api/auth/sign-out',
    { preHandler: requireRole(db, idleMinutes, 'any') },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await signOut(db, token);
      reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
      return { signedOut: true };
    },
  );

  app.get(
    '/api/auth/me',
    { preHandler: requireRole(db, idleMinutes, 'any') },
    async (request) => request.principal,
  );
}
