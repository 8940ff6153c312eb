import { EventEmitter } from 'node:events';
import type { Db } from '@openehds/db';

/**
 * In-process wake-ups for long polls: a task enqueued or completed wakes whoever waits on it at
 * once. Waits also re-check the store at a short interval, so a hub of several processes sharing
 * one PostgreSQL store still works (only with a little more latency). One emitter per store, so two
 * hubs in one test process never wake each other.
 */
const emitters = new WeakMap<Db, EventEmitter>();

function emitterOf(db: Db): EventEmitter {
  let e = emitters.get(db);
  if (!e) {
    e = new EventEmitter();
    e.setMaxListeners(0);
    emitters.set(db, e);
  }
  return e;
}

/**
 * Wakes everyone waiting on `key` (e.g. `node:<id>` or `task:<id>`). `value` (e.g. the completed
 * task) saves in-process waiters a read of what the waker just wrote.
 */
export function wake(db: Db, key: string, value?: unknown): void {
  emitterOf(db).emit(key, value);
}

/** Calls `fn` with the value of every wake of `key` until the returned function is called. */
export function listen(db: Db, key: string, fn: (value: unknown) => void): () => void {
  const emitter = emitterOf(db);
  emitter.on(key, fn);
  return () => emitter.off(key, fn);
}

/**
 * Resolves when `key` is woken (with the wake's value), `ms` pass, or `signal` aborts (with
 * undefined), whichever comes first.
 */
export function waitFor(db: Db, key: string, ms: number, signal?: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    const emitter = emitterOf(db);
    const done = (value?: unknown) => {
      clearTimeout(timer);
      emitter.off(key, done);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done();
    const timer = setTimeout(done, Math.max(0, ms));
    emitter.on(key, done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', onAbort);
  });
}
