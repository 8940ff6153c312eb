/** True while a node token is valid for at least `marginMs` more, so a call never starts with a dying token. */
export function tokenFresh(expiresAt: string, nowMs: number, marginMs = 30_000): boolean {
  const t = Date.parse(expiresAt);
  return Number.isFinite(t) && t - marginMs > nowMs;
}
