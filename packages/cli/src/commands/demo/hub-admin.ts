import { AppError } from '@openehds/core';
import { signInDemoAccount } from '@openehds/server';

/** Waits until a health URL answers (200, or any answer when `anyAnswer`), or fails with the last reason. */
export async function waitForHealth(url: string, timeoutMs: number, anyAnswer = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok || anyAnswer) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new AppError('unavailable', `${url} did not come up within ${timeoutMs / 1000} s (${last})`);
}

/** Signs a demo account in over HTTP (password, and the demo TOTP code for staff); returns its token. */
export async function demoToken(hubUrl: string, username: string): Promise<string> {
  try {
    const { token } = await signInDemoAccount(async (path, body) => {
      const res = await fetch(`${hubUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    }, username);
    return token;
  } catch (err) {
    throw new AppError('unavailable', `demo ${username} could not sign in: ${(err as Error).message}`);
  }
}

/**
 * Signs in as the demo admin and approves the demo's own nodes once they have registered — the same
 * approval an HDAB administrator gives in the UI, done for you in the demo.
 */
export async function approveDemoNodes(
  hubUrl: string,
  names: string[],
  timeoutMs: number,
): Promise<string[]> {
  const token = await demoToken(hubUrl, 'admin');
  const auth = { authorization: `Bearer ${token}` };
  const deadline = Date.now() + timeoutMs;
  const approved = new Set<string>();
  while (approved.size < names.length) {
    if (Date.now() > deadline) {
      const missing = names.filter((n) => !approved.has(n));
      throw new AppError('unavailable', `nodes did not register in time: ${missing.join(', ')}`);
    }
    const res = await fetch(`${hubUrl}/api/nodes`, { headers: auth });
    const { nodes } = (await res.json()) as { nodes: { id: string; name: string; status: string }[] };
    for (const node of nodes.filter((n) => names.includes(n.name))) {
      if (node.status === 'PENDING') {
        const ok = await fetch(`${hubUrl}/api/nodes/${node.id}/approve`, { method: 'POST', headers: auth });
        if (!ok.ok) throw new AppError('unavailable', `approving ${node.name} failed: HTTP ${ok.status}`);
      }
      if (node.status === 'PENDING' || node.status === 'APPROVED') approved.add(node.name);
    }
    if (approved.size < names.length) await new Promise((r) => setTimeout(r, 500));
  }
  return [...approved];
}
