import { z } from 'zod';
import { invalid } from '@openehds/core';

/**
 * Paging of the public register's JSON API: newest first, `?since=` (a date or an instant) keeps
 * entries from then on, `limit` sets the page size, and either an opaque `cursor` (the position after
 * the last entry of the previous page, stable while entries are added) or a plain `offset`.
 */
export const RegisterQuery = z
  .object({
    since: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(300).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    /** One file, by its reference. */
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((q) => !(q.cursor && q.offset !== undefined), {
    message: 'use either cursor or offset, not both',
    path: ['cursor'],
  });

/** A validated register query. */
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/** Where a page starts: after the entry with this date and id (keyset), or after `offset` entries. */
export interface PagePosition {
  since: string | null;
  after: { at: string; id: string } | null;
  offset: number;
  /** One more than the page size, to know whether there is a next page. */
  fetch: number;
  limit: number;
  reference: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL for an instant as the cursor keeps it: UTC with microseconds, as the store has it. */
export const cursorInstant = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The cursor for the position after an entry. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id]), 'utf8').toString('base64url');
}

/** Reads a cursor back; a cursor that was not made by `encodeCursor` is a 400 naming the parameter. */
export function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)) && UUID.test(id))
      return { at, id };
  } catch {
    // fall through to the error below
  }
  throw invalid('the cursor is not one this register gave out; start again without it', [
    { path: 'cursor', message: 'use the nextCursor of a previous page' },
  ]);
}

/** Turns a validated query into the position to read from. */
export function pagePosition(q: RegisterQuery): PagePosition {
  return {
    since: q.since ? new Date(q.since.length === 10 ? `${q.since}T00:00:00Z` : q.since).toISOString() : null,
    after: q.cursor ? decodeCursor(q.cursor) : null,
    offset: q.offset ?? 0,
    fetch: q.limit + 1,
    limit: q.limit,
    reference: q.reference ?? null,
  };
}

/** One page of a register. */
export interface RegisterPage<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  limit: number;
}

/** Cuts the fetched rows (one extra) to a page and makes the next cursor from its last entry. */
export function toPage<R, T>(
  rows: R[],
  position: PagePosition,
  key: (row: R) => { at: string; id: string },
  map: (row: R) => T,
): RegisterPage<T> {
  const page = rows.slice(0, position.limit);
  const last = page.at(-1);
  const more = rows.length > position.limit && last !== undefined;
  return {
    items: page.map(map),
    nextCursor: more ? encodeCursor(key(last).at, key(last).id) : null,
    limit: position.limit,
  };
}
