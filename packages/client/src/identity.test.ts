import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error';
import { createIdentityClient, enrolmentChallengeOf } from './identity';

describe('identity client', () => {
  it('reads the enrolment challenge of a refused staff sign-in from the problem', () => {
    const err = toApiError(
      403,
      'application/problem+json',
      JSON.stringify({
        type: 'https://openehds.eu/problems/forbidden',
        title: 'forbidden',
        status: 403,
        detail: 'enrol an authenticator',
        code: 'totp-enrolment-required',
        enrolmentChallenge: 'abc123',
      }),
    );
    expect(err.extensions).toEqual({ code: 'totp-enrolment-required', enrolmentChallenge: 'abc123' });
    expect(enrolmentChallengeOf(err)).toBe('abc123');
    expect(enrolmentChallengeOf(toApiError(401, 'application/problem+json', '{"detail":"no"}'))).toBeNull();
    expect(enrolmentChallengeOf(new Error('x'))).toBeNull();
  });

  it('builds the provider start URL and sends the code step with the CSRF header', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ token: 't', principal: {}, expiresAt: 'x' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof globalThis.fetch;
    const client = createIdentityClient({ baseUrl: 'https://hub.example', fetch });
    expect(client.providerStartUrl('demo-eid', '/opt-out?x=1')).toBe(
      'https://hub.example/api/auth/oidc/demo-eid/start?returnTo=%2Fopt-out%3Fx%3D1',
    );
    await client.signInTotp('ch', '123456');
    expect(calls[0]!.url).toBe('https://hub.example/api/auth/sign-in/totp');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ challenge: 'ch', code: '123456' });
    expect((calls[0]!.init.headers as Record<string, string>)['X-Requested-With']).toBe('openehds');
  });
});
