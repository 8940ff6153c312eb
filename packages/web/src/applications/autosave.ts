/**
 * Autosave of a draft: each edit restarts a short wait (debounce); when the applicant pauses, the
 * latest content is sent with the version the editor holds. One save runs at a time; edits made
 * while it runs are sent right after it. The hub refuses a stale version with 409 (another tab
 * saved first): saving then stops for good and the user is asked to reload, so nothing silently
 * overwrites the other copy. A 400 lists format problems per field; the next edit tries again.
 *
 * No React here: the timer functions are injected, so tests drive time by hand.
 */
import { ApiError, type ApiIssue } from '@openehds/client';

/** What the applicant sees about saving. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid'; issues: ApiIssue[] }
  | { kind: 'error'; detail: string }
  | { kind: 'stale'; detail: string };

/** The timer functions the autosaver uses (the browser's by default). */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutosaveOptions<T, R extends { version: number }> {
  /** Wait after the last edit before saving. */
  delayMs: number;
  /** The version the editor loaded. */
  version: number;
  /** Sends the content with a version; resolves to the hub's answer carrying the new version. */
  save(content: T, version: number): Promise<R>;
  /** Every state change. */
  onState(state: SaveState): void;
  /** After each successful save, with the hub's answer (completeness, clocks…). */
  onSaved?(result: R): void;
  timers?: Timers;
  now?: () => Date;
}

/** The running autosaver of one editor. */
export interface Autosaver<T> {
  /** Records an edit; the save follows `delayMs` after the last one. */
  edit(content: T): void;
  /** Saves now what is unsaved (before submitting, answering or leaving); resolves when done. */
  flush(): Promise<SaveState>;
  /** True while something is unsaved or being saved. */
  busy(): boolean;
  /** The version the next save sends. */
  version(): number;
  state(): SaveState;
  /** Cancels a waiting save (the editor is going away); a save in flight still completes. */
  cancel(): void;
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Classifies a failed save: 409 stale, 400 with issues invalid, anything else an error to retry. */
export function failureState(err: unknown): SaveState {
  if (err instanceof ApiError && err.status === 409) return { kind: 'stale', detail: err.detail };
  if (err instanceof ApiError && err.status === 400 && err.issues.length > 0)
    return { kind: 'invalid', issues: err.issues };
  const detail = err instanceof Error ? (err instanceof ApiError ? err.detail : err.message) : String(err);
  return { kind: 'error', detail };
}

/** Creates the autosaver; nothing is sent until the first edit. */
export function createAutosaver<T, R extends { version: number }>(
  options: AutosaveOptions<T, R>,
): Autosaver<T> {
  const timers = options.timers ?? browserTimers;
  const now = options.now ?? (() => new Date());
  let version = options.version;
  let latest: T | undefined;
  let dirty = false;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let state: SaveState = { kind: 'idle' };

  const set = (next: SaveState) => {
    state = next;
    options.onState(next);
  };

  const clearTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };

  async function saveOnce(): Promise<void> {
    const content = latest as T;
    dirty = false;
    set({ kind: 'saving' });
    try {
      const result = await options.save(content, version);
      version = result.version;
      options.onSaved?.(result);
      // Edits made during the save are still unsaved: they follow after their own wait.
      set(dirty ? { kind: 'pending' } : { kind: 'saved', at: now() });
    } catch (err) {
      dirty = true;
      set(failureState(err));
    }
  }

  /** Starts a save unless one runs; a failed save waits for the next edit (no retry loop). */
  function run(): Promise<void> {
    if (running) return running;
    if (!dirty || state.kind === 'stale') return Promise.resolve();
    running = saveOnce().finally(() => {
      running = null;
      // An edit whose wait ended while the save ran has not been sent yet: send it now.
      if (dirty && timer === null && state.kind === 'pending') void run();
    });
    return running;
  }

  return {
    edit(content) {
      latest = content;
      dirty = true;
      if (state.kind === 'stale') return;
      clearTimer();
      if (!running) set({ kind: 'pending' });
      timer = timers.set(() => {
        timer = null;
        void run();
      }, options.delayMs);
    },
    async flush() {
      clearTimer();
      while (running) await running;
      if (dirty && state.kind !== 'stale') await run();
      return state;
    },
    busy: () => dirty || running !== null,
    version: () => version,
    state: () => state,
    cancel: clearTimer,
  };
}
