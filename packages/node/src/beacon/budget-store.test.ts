import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { AppError } from '@openehds/core';
import { BeaconQueryLog } from './budget-store';

const HOUR = 3_600_000;
const rule = { limit: 3, windowSeconds: 3600 };
const query = (caller: string) => ({
  caller,
  audience: 'anonymous' as const,
  method: 'GET',
  path: '/api/beacon/g_variants',
  entryType: 'genomicVariant',
  query: { entryType: 'genomicVariant', requestedGranularity: 'boolean' },
});
/** Timers never fire within a test: only `flushAtRows`, `flush()` and `close()` write. */
const manual = { flushEveryMs: HOUR };

describe('BeaconQueryLog: the budget in memory, the log written in batches', () => {
  let dir: string;
  let store: NodeStore;
  const path = () => join(dir, 'node.duckdb');
  const rows = async (caller: string) =>
    store.all<{ outcome: string; status: number | null; granularity: string | null; query: string | null }>(
      `SELECT outcome, status, granularity, query FROM beacon_query_log WHERE caller = $1 ORDER BY seq`,
      [caller],
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehds-beacon-log-'));
    store = await openNodeStore(path());
  });
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every budget across a restart of the node (counts reloaded from the log file)', async () => {
    const t = new Date();
    let log = new BeaconQueryLog(store, manual);
    await log.open({ now: t });
    const ticket = async (i: number) => {
      const { decision, seq } = await log.reserve(query('ip:198.51.100.1'), rule, new Date(t.getTime() + i));
      expect(decision.allowed).toBe(true);
      return seq!;
    };
    await log.finish(await ticket(1), { status: 200, outcome: 'answered', granularity: 'boolean' });
    // A query the engine refused does not count; one still running when the node stops does.
    await log.finish(await ticket(2), { status: 400, outcome: 'invalid' });
    await log.finish(await ticket(3), { status: 200, outcome: 'answered', granularity: 'boolean' });
    await ticket(4);
    expect((await log.reserve(query('ip:198.51.100.1'), rule, new Date(t.getTime() + 5))).decision).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      retryAfterSeconds: 3600,
    });
    await log.close();
    store.close();

    store = await openNodeStore(path());
    log = new BeaconQueryLog(store, manual);
    await log.open({ now: new Date(t.getTime() + 10) });
    const again = await log.reserve(query('ip:198.51.100.1'), rule, new Date(t.getTime() + 10));
    expect(again.decision).toMatchObject({ allowed: false, remaining: 0 });
    expect((await log.reserve(query('ip:198.51.100.2'), rule)).decision.allowed).toBe(true);
    await log.close();
    expect((await rows('ip:198.51.100.1')).map((r) => r.outcome)).toEqual([
      'answered',
      'invalid',
      'answered',
      'pending',
    ]);
  });

  it('writes nothing per request: many rows go in a few statements, the rest on close', async () => {
    const log = new BeaconQueryLog(store, { ...manual, flushAtRows: 100 });
    await log.open();
    const before = log.statements;
    // 250 requests at once: the 100th starts a flush, which writes batches of up to 100 rows.
    for (let i = 0; i < 250; i++) {
      void log.record({ ...query('ip:203.0.113.9'), status: 400, outcome: 'invalid' });
    }
    await log.flush();
    expect(await rows('ip:203.0.113.9')).toHaveLength(250);
    expect(log.statements - before).toBe(3);
    // Fewer than a batch: nothing is written until the timer (an hour here) or close.
    for (let i = 0; i < 30; i++) {
      await log.record({ ...query('ip:203.0.113.9'), status: 401, outcome: 'unauthenticated' });
    }
    expect(await rows('ip:203.0.113.9')).toHaveLength(250);
    expect(log.unwritten).toBe(30);
    await log.close();
    const written = await rows('ip:203.0.113.9');
    expect(written).toHaveLength(280);
    expect(written.filter((r) => r.outcome === 'invalid' && r.status === 400)).toHaveLength(250);
    expect(written.filter((r) => r.outcome === 'unauthenticated' && r.status === 401)).toHaveLength(30);
    expect(JSON.parse(written[0]!.query!)).toEqual(query('x').query);
    // 280 requests, four statements (the old log made one to three per request).
    expect(log.statements - before).toBe(4);
  });

  it('updates a row written while its query ran, when the query finishes', async () => {
    const log = new BeaconQueryLog(store, manual);
    await log.open();
    const slow = await log.reserve(query('ip:203.0.113.10'), rule);
    const failing = await log.reserve(query('ip:203.0.113.10'), rule);
    await log.flush();
    expect((await rows('ip:203.0.113.10')).map((r) => r.outcome)).toEqual(['pending', 'pending']);
    await log.finish(slow.seq!, { status: 200, outcome: 'answered', granularity: 'count' });
    await log.finish(failing.seq!, { status: 500, outcome: 'error' });
    await log.close();
    expect(await rows('ip:203.0.113.10')).toEqual([
      expect.objectContaining({ outcome: 'answered', status: 200, granularity: 'count' }),
      expect.objectContaining({ outcome: 'error', status: 500, granularity: null }),
    ]);
  });

  it('never lets concurrent requests take more than the budget', async () => {
    const log = new BeaconQueryLog(store, manual);
    await log.open();
    const decisions = await Promise.all(
      Array.from({ length: 20 }, () => log.reserve(query('ip:203.0.113.11'), rule)),
    );
    expect(decisions.filter((d) => d.decision.allowed)).toHaveLength(3);
    await log.close();
    expect(await rows('ip:203.0.113.11')).toHaveLength(3);
  });

  it('reports a failed write, keeps the rows and writes them once it can; refuses queries past the backlog', async () => {
    const errors: Error[] = [];
    const log = new BeaconQueryLog(store, {
      flushEveryMs: 10,
      maxBacklog: 4,
      onError: (e) => errors.push(e),
    });
    await log.open();
    await store.run(`ALTER TABLE beacon_query_log RENAME TO beacon_query_log_away`);
    try {
      for (let i = 0; i < 5; i++)
        await log.record({ ...query('ip:203.0.113.12'), status: 401, outcome: 'unauthenticated' });
      await expect(log.flush()).rejects.toThrow(/beacon_query_log/);
      // The timer's flush fails too: reported, not swallowed.
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      expect(errors[0]!.message).toMatch(/beacon_query_log/);
      expect(log.unwritten).toBe(5);
      // Five rows wait, more than the backlog allows: the Beacon answers no more queries.
      const refused = log.reserve(query('ip:203.0.113.13'), rule);
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ status: 503 });
    } finally {
      await store.run(`ALTER TABLE beacon_query_log_away RENAME TO beacon_query_log`);
    }
    await log.close();
    expect(await rows('ip:203.0.113.12')).toHaveLength(5);
    expect(log.unwritten).toBe(0);
  });
});
