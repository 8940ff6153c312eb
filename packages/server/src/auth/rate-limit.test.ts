import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seed';
import { createTestHub, type TestHub } from '../http/test-hub';

// The sign-in rate limit: per username whatever the IP, per IP over usernames; other routes unlimited.
describe('sign-in rate limit', () => {
  let hub: TestHub;
  const signIn = (username: string, password: string, ip = '203.0.113.7') =>
    hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      remoteAddress: ip,
    });

  beforeAll(async () => {
    hub = await createTestHub({ signInRateLimit: { perIp: 6, perUsername: 3, windowSeconds: 60 } });
  });
  afterAll(() => hub?.close());

  it('answers 429 problem+json with Retry-After once a username had its attempts', async () => {
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      expect((await signIn('holder-de', 'wrong', ip)).statusCode).toBe(401);
    }
    // From yet another address, and even with the right password: the username waits.
    const limited = await signIn('holder-de', DEMO_PASSWORD, '203.0.113.4');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, title: 'too-many-requests' });
    expect(limited.json().detail).toMatch(/wait \d+ s/);
    // Another username is not affected.
    expect((await signIn('holder-es', DEMO_PASSWORD, '203.0.113.4')).statusCode).toBe(200);
  });

  it('limits one address spraying many usernames', async () => {
    const ip = '198.51.100.9';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(`nobody-${i}`, 'guess', ip)).statusCode);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
    // The code step is limited per address too (its own count).
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await hub.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/totp',
        payload: { challenge: 'x'.repeat(43), code: '123456' },
        remoteAddress: ip,
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('leaves other routes unlimited', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await hub.app.inject({
        method: 'GET',
        url: '/api/datasets',
        remoteAddress: '198.51.100.9',
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});
