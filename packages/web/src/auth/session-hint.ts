/**
 * A non-secret hint that this browser holds a session cookie. The cookie itself is HttpOnly, so page
 * scripts cannot see it; without the hint every anonymous page load would ask `GET /api/auth/me` and
 * get a 401, which browsers log as a console error. Only the hub decides who is signed in: the hint
 * merely saves asking when nobody signed in here.
 */
const KEY = 'openehds.signed-in';

/** The parts of `Storage` the hint needs (localStorage in the browser, a fake in tests). */
export type HintStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or null where it is unavailable (private mode, blocked storage). */
export function browserStorage(): HintStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** True when this browser may hold a session (or when storage is unavailable, so the hub is asked). */
export function maySignedIn(storage: HintStorage | null): boolean {
  if (!storage) return true;
  try {
    return storage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

/** Records that a session was started (true) or ended (false) in this browser. */
export function setSignedInHint(storage: HintStorage | null, signedIn: boolean): void {
  if (!storage) return;
  try {
    if (signedIn) storage.setItem(KEY, '1');
    else storage.removeItem(KEY);
  } catch {
    // Storage full or blocked: the hint is an optimisation only.
  }
}
