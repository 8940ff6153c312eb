import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { forbidden } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { citizenActor } from './actor';

/**
 * Serialises registry writes with the reads that hand the registry to nodes (distribution.ts), so a
 * sync's `asOf` never precedes a change it does not carry.
 */
export const OPT_OUT_LOCK = 7471;

/** One entry of a citizen's history, with its receipt (GUIDE M8.1: receipt and history). */
export interface OptOutReceipt {
  action: 'opt-out' | 'reversal';
  at: string;
  receiptId: string;
}

/** A citizen's opt-out as they see it. */
export interface OptOutStatus {
  optedOut: boolean;
  /** When the opt-out in force was registered; null when none is. */
  since: string | null;
  /** Newest first. */
  history: OptOutReceipt[];
}

/** The answer to an opt-out or a reversal. */
export interface OptOutChange {
  /** False when nothing changed (already opted out, or not opted out): both calls are idempotent. */
  changed: boolean;
  /** The receipt of this change, or of the one that already stood. */
  receipt: OptOutReceipt | null;
  status: OptOutStatus;
}

const iso = (v: unknown) => new Date(v as string).toISOString();

/** The signed-in citizen's keyed pseudonym; refuses accounts without one. */
export function pseudonymOf(p: Principal): string {
  if (p.role !== 'citizen' || !p.citizenPseudonym)
    throw forbidden(
      'the opt-out is kept for citizens signed in with a national eID; sign in with it to manage your choice',
    );
  return p.citizenPseudonym;
}

/** The status and history of one pseudonym. */
export async function optOutStatus(db: Queryable, pseudonym: string): Promise<OptOutStatus> {
  const events = await db.query<{ receipt_id: string; action: OptOutReceipt['action']; at: string }>(
    'SELECT receipt_id, action, at FROM opt_out_event WHERE pseudonym = $1 ORDER BY seq DESC',
    [pseudonym],
  );
  const [current] = await db.query<{ opted_out_at: string }>(
    'SELECT opted_out_at FROM opt_out_period WHERE pseudonym = $1 AND reversed_at IS NULL',
    [pseudonym],
  );
  return {
    optedOut: current !== undefined,
    since: current ? iso(current.opted_out_at) : null,
    history: events.map((e) => ({ action: e.action, at: iso(e.at), receiptId: e.receipt_id })),
  };
}

/**
 * Registers an opt-out (Art. 71(1)-(2): any time, no reason needed). Idempotent: opting out while
 * opted out changes nothing and returns the standing receipt. Effective for permits approved after it
 * (Art. 71(3)); nodes apply it when they prepare data for such a permit.
 */
export function optOut(db: Db, pseudonym: string, now = new Date()): Promise<OptOutChange> {
  return change(db, pseudonym, 'opt-out', now);
}

/**
 * Reverses an opt-out (GUIDE M8.1: as easy as opting out; future permits only). Idempotent: without an
 * opt-out in force nothing changes.
 */
export function reverseOptOut(db: Db, pseudonym: string, now = new Date()): Promise<OptOutChange> {
  return change(db, pseudonym, 'reversal', now);
}

async function change(
  db: Db,
  pseudonym: string,
  action: OptOutReceipt['action'],
  now: Date,
): Promise<OptOutChange> {
  const receipt = await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${OPT_OUT_LOCK})`);
    const [current] = await tx.query<{ opted_out_at: string }>(
      'SELECT opted_out_at FROM opt_out_period WHERE pseudonym = $1 AND reversed_at IS NULL',
      [pseudonym],
    );
    if ((action === 'opt-out') === (current !== undefined)) return null;
    // The change's instant: strictly after this person's previous change and after every registry
    // snapshot already handed to a node, so a node's "complete as of" never misses it.
    const [bounds] = await tx.query<{ last_event: string | null; last_as_of: string | null }>(
      `SELECT (SELECT max(at) FROM opt_out_event WHERE pseudonym = $1) AS last_event,
              (SELECT max(sync_as_of) FROM opt_out_node) AS last_as_of`,
      [pseudonym],
    );
    const floor = Math.max(
      bounds?.last_event ? Date.parse(iso(bounds.last_event)) + 1 : 0,
      bounds?.last_as_of ? Date.parse(iso(bounds.last_as_of)) + 1 : 0,
    );
    const at = new Date(Math.max(now.getTime(), floor)).toISOString();
    const receiptId = randomUUID();
    const [event] = await tx.query<{ seq: string }>(
      'INSERT INTO opt_out_event (receipt_id, pseudonym, action, at) VALUES ($1, $2, $3, $4) RETURNING seq',
      [receiptId, pseudonym, action, at],
    );
    if (action === 'opt-out') {
      await tx.query('INSERT INTO opt_out_period (pseudonym, opted_out_at, seq) VALUES ($1, $2, $3)', [
        pseudonym,
        at,
        event!.seq,
      ]);
    } else {
      await tx.query(
        'UPDATE opt_out_period SET reversed_at = $2, seq = $3 WHERE pseudonym = $1 AND reversed_at IS NULL',
        [pseudonym, at, event!.seq],
      );
    }
    await appendIn(tx, {
      actor: citizenActor(pseudonym),
      action: action === 'opt-out' ? 'opt-out.register' : 'opt-out.reverse',
      object: `opt-out-receipt:${receiptId}`,
      outcome: 'success',
      details: { registryVersion: Number(event!.seq), at },
    });
    return { action, at, receiptId } satisfies OptOutReceipt;
  });
  const status = await optOutStatus(db, pseudonym);
  return {
    changed: receipt !== null,
    receipt: receipt ?? status.history.find((h) => h.action === action) ?? null,
    status,
  };
}
