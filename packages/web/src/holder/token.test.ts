import { describe, expect, it } from 'vitest';
import { tokenFresh } from './token';

describe('tokenFresh', () => {
  const now = Date.parse('2026-05-01T12:00:00Z');
  it('needs the margin left before expiry', () => {
    expect(tokenFresh('2026-05-01T12:05:00Z', now)).toBe(true);
    expect(tokenFresh('2026-05-01T12:00:20Z', now)).toBe(false);
    expect(tokenFresh('2026-05-01T11:59:00Z', now)).toBe(false);
  });
  it('treats an unreadable expiry as expired', () => {
    expect(tokenFresh('soon', now)).toBe(false);
  });
});
