import { totpCode } from '../auth/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed';

/** Sends one JSON POST to the hub and returns status, body and the Set-Cookie header. */
export type PostJson = (
  path: string,
  body: unknown,
) => Promise<{ status: number; body: unknown; setCookie?: string }>;

/** A demo account's session: the token and the `Set-Cookie` header that carried it. */
export interface DemoSession {
  token: string;
  setCookie: string;
}

/**
 * Signs a demo account in the way a person would: password, then (for HDAB staff and admins) the code
 * of the documented demo TOTP secret. A code is accepted once (and none older than the last one used),
 * so the codes of the previous, current and next step are tried in turn; when all were used already
 * (many sign-ins within a minute, as in the browser journey), it waits for the next 30-second step
 * and signs in afresh, as a person would. Used by tests, the test world and `npm start`; works over
 * `app.inject` or real HTTP.
 */
export async function signInDemoAccount(
  post: PostJson,
  username: string,
  options: { nowMs?: number; password?: string; totpSecret?: string; offsets?: number[] } = {},
): Promise<DemoSession> {
  let last: unknown;
  // A fixed clock (tests) cannot move on to a fresh step: one round only.
  const rounds = options.nowMs === undefined ? 3 : 1;
  for (let round = 0; round < rounds; round++) {
    const first = await post('/api/auth/sign-in', { username, password: options.password ?? DEMO_PASSWORD });
    if (first.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(first.body)}`);
    const body = first.body as { token?: string; mfaRequired?: boolean; challenge?: string };
    if (!body.mfaRequired) return { token: body.token!, setCookie: first.setCookie ?? '' };
    const now = options.nowMs ?? Date.now();
    for (const offset of options.offsets ?? [-30_000, 0, 30_000]) {
      const code = totpCode(options.totpSecret ?? DEMO_TOTP_SECRET, now + offset);
      const second = await post('/api/auth/sign-in/totp', { challenge: body.challenge, code });
      if (second.status === 200) {
        return { token: (second.body as { token: string }).token, setCookie: second.setCookie ?? '' };
      }
      last = second.body;
    }
    if (round + 1 < rounds) await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 1_000));
  }
  throw new Error(`TOTP sign-in of ${username} failed: ${JSON.stringify(last)}`);
}
