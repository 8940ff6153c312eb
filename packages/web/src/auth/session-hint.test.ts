import { describe, expect, it } from 'vitest';
import { maySignedIn, setSignedInHint, type HintStorage } from './session-hint';

function memory(): HintStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('session hint', () => {
  it('is off until a sign-in, and off again after a sign-out', () => {
    const s = memory();
    expect(maySignedIn(s)).toBe(false);
    setSignedInHint(s, true);
    expect(maySignedIn(s)).toBe(true);
    setSignedInHint(s, false);
    expect(maySignedIn(s)).toBe(false);
    expect(s.data.size).toBe(0);
  });
  it('asks the hub when storage is unavailable or throws', () => {
    expect(maySignedIn(null)).toBe(true);
    const broken: HintStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {},
    };
    expect(maySignedIn(broken)).toBe(true);
    expect(() => setSignedInHint(broken, true)).not.toThrow();
  });
});
