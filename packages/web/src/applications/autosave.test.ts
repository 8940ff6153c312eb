import { describe, expect, it } from 'vitest';
import { ApiError } from '@openehds/client';
import { createAutosaver, failureState, type SaveState, type Timers } from './autosave';

/** Timers driven by hand: `fire()` runs whatever is waiting, as if the delay had passed. */
function manualTimers() {
  let next = 1;
  const waiting = new Map<number, () => void>();
  const timers: Timers = {
    set: (fn) => {
      const id = next++;
      waiting.set(id, fn);
      return id;
    },
    clear: (h) => void waiting.delete(h as number),
  };
  return {
    timers,
    pending: () => waiting.size,
    fire: () => {
      const fns = [...waiting.values()];
      waiting.clear();
      fns.forEach((f) => f());
    },
  };
}

/** A save whose answers the test releases one by one, recording what was sent. */
function controlledSave() {
  const calls: { content: string; version: number }[] = [];
  const resolvers: { ok: (v: { version: number }) => void; fail: (e: unknown) => void }[] = [];
  const save = (content: string, version: number) => {
    calls.push({ content, version });
    return new Promise<{ version: number }>((ok, fail) => resolvers.push({ ok, fail }));
  };
  return {
    save,
    calls,
    answer: (version: number) => resolvers.shift()!.ok({ version }),
    fail: (err: unknown) => resolvers.shift()!.fail(err),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const t = manualTimers();
  const s = controlledSave();
  const states: SaveState['kind'][] = [];
  const saver = createAutosaver<string, { version: number }>({
    delayMs: 1000,
    version: 1,
    save: s.save,
    onState: (st) => states.push(st.kind),
    timers: t.timers,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { t, s, states, saver };
}

describe('createAutosaver', () => {
  it('sends only the last of quick edits, once the wait is over, with the loaded version', async () => {
    const { t, s, states, saver } = setup();
    saver.edit('a');
    saver.edit('ab');
    saver.edit('abc');
    expect(t.pending()).toBe(1);
    expect(s.calls).toEqual([]);
    t.fire();
    expect(s.calls).toEqual([{ content: 'abc', version: 1 }]);
    s.answer(2);
    await tick();
    expect(saver.version()).toBe(2);
    expect(saver.state().kind).toBe('saved');
    expect(states).toEqual(['pending', 'pending', 'pending', 'saving', 'saved']);
    expect(saver.busy()).toBe(false);
  });

  it('queues an edit made during a save and sends it with the new version', async () => {
    const { t, s, saver } = setup();
    saver.edit('one');
    t.fire();
    saver.edit('two'); // typed while "one" is on its way
    t.fire(); // its wait ends before the first save answered
    expect(s.calls).toHaveLength(1);
    s.answer(2);
    await tick();
    expect(s.calls).toEqual([
      { content: 'one', version: 1 },
      { content: 'two', version: 2 },
    ]);
    s.answer(3);
    await tick();
    expect(saver.state().kind).toBe('saved');
    expect(saver.version()).toBe(3);
  });

  it('stops for good on a stale version (409) and never overwrites the other copy', async () => {
    const { t, s, saver } = setup();
    saver.edit('mine');
    t.fire();
    s.fail(new ApiError(409, { detail: 'the application changed since you loaded it' }));
    await tick();
    expect(saver.state()).toEqual({ kind: 'stale', detail: 'the application changed since you loaded it' });
    saver.edit('more');
    expect(t.pending()).toBe(0);
    await saver.flush();
    expect(s.calls).toHaveLength(1);
  });

  it('reports format problems (400) and tries again after the next edit', async () => {
    const { t, s, saver } = setup();
    saver.edit('bad');
    t.fire();
    s.fail(new ApiError(400, { issues: [{ path: 'content.speMonths', message: 'too small' }] }));
    await tick();
    expect(saver.state()).toEqual({
      kind: 'invalid',
      issues: [{ path: 'content.speMonths', message: 'too small' }],
    });
    expect(t.pending()).toBe(0); // no retry loop
    saver.edit('good');
    t.fire();
    expect(s.calls.at(-1)).toEqual({ content: 'good', version: 1 });
  });

  it('flushes at once: a waiting edit is sent without waiting, and flush resolves after the answer', async () => {
    const { t, s, saver } = setup();
    saver.edit('now');
    const done = saver.flush();
    expect(t.pending()).toBe(0);
    await tick();
    expect(s.calls).toEqual([{ content: 'now', version: 1 }]);
    s.answer(2);
    expect((await done).kind).toBe('saved');
  });

  it('retries a network error on flush', async () => {
    const { t, s, saver } = setup();
    saver.edit('x');
    t.fire();
    s.fail(new TypeError('offline'));
    await tick();
    expect(saver.state()).toEqual({ kind: 'error', detail: 'offline' });
    const retried = saver.flush();
    await tick();
    expect(s.calls).toHaveLength(2);
    s.answer(2);
    expect((await retried).kind).toBe('saved');
  });
});

describe('failureState', () => {
  it('tells stale, invalid and other failures apart', () => {
    expect(failureState(new ApiError(409, { detail: 'x' })).kind).toBe('stale');
    expect(failureState(new ApiError(400, { detail: 'bad', issues: [] })).kind).toBe('error');
    expect(failureState(new ApiError(500, { detail: 'boom' }))).toEqual({ kind: 'error', detail: 'boom' });
  });
});
