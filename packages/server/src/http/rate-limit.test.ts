import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from './test-hub';
import { isPublicRoute } from './rate-limit';

// The per-IP limit of the public endpoints; the test sets it low (the test hub turns it off).
describe('public endpoint rate limit', () => {
  let hub: TestHub;
  const get = (url: string, ip: string) => hub.app.inject({ method: 'GET', url, remoteAddress: ip });

  beforeAll(async () => {
    hub = await createTestHub({ publicRateLimit: { perIp: 3, windowSeconds: 60 } });
    // A public endpoint registered after the hub was built, as a feature added later would be.
    hub.app.get('/api/register/added-later', async () => ({ ok: true }));
  });
  afterAll(() => hub?.close());

  it('answers 429 problem+json with Retry-After once an address used its requests', async () => {
    const ip = '203.0.113.20';
    for (let i = 0; i < 3; i++) {
      const res = await get('/api/datasets', ip);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe('3');
    }
    const limited = await get('/api/datasets', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, title: 'too-many-requests' });
    expect(limited.json().detail).toMatch(/wait \d+ s/);

    // One budget per address across the public endpoints, whatever the path.
    expect((await get('/register.atom', ip)).statusCode).toBe(429);
    expect((await get('/catalogue', ip)).statusCode).toBe(429);
    // Another address is not affected; /health and signed-in routes are never limited.
    expect((await get('/api/datasets', '203.0.113.21')).statusCode).toBe(200);
    const health = await get('/health', ip);
    expect(health.statusCode).toBe(200);
    expect(health.headers['x-ratelimit-limit']).toBeUndefined();
    const guarded = await get('/api/applications', ip);
    expect(guarded.statusCode).toBe(401);
    expect(guarded.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('covers public routes registered later, and leaves the sign-in routes to their own limit', async () => {
    const ip = '203.0.113.30';
    const later = await get('/api/register/added-later', ip);
    expect(later.statusCode).toBe(200);
    expect(later.headers['x-ratelimit-limit']).toBe('3');

    const signIn = await hub.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'nobody', password: 'guess' },
      remoteAddress: ip,
    });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.headers['x-ratelimit-limit']).toBe(String(hub.config.signInRateLimit.perIp));
  });

  it('knows the public prefixes', () => {
    for (const url of ['/api/datasets', '/api/datasets/:id', '/catalogue/datasets/:id', '/register.atom']) {
      expect(isPublicRoute(url), url).toBe(true);
    }
    for (const url of ['/health', '/api/applications', '/api/federation/pull', '/api/auth/sign-in']) {
      expect(isPublicRoute(url), url).toBe(false);
    }
    expect(isPublicRoute('/.well-known/jwks.json')).toBe(true);
    expect(isPublicRoute('/api/register/permits')).toBe(true);
  });
});
