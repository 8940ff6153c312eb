import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pagePosition, RegisterQuery, toPage } from './paging';

describe('register paging', () => {
  const id = '0b7c5b3e-8d7a-4c55-9a39-2c1f7e3a9d10';

  it('round-trips cursors and refuses anything else', () => {
    const at = '2026-03-01T10:00:00.123456Z';
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
    for (const bad of ['x', encodeCursor('not a date', id), encodeCursor(at, "1'; DROP TABLE x")]) {
      expect(() => decodeCursor(bad)).toThrow(/cursor/);
    }
  });

  it('reads since as midnight UTC for a date, fetches one more than the page, and makes the next cursor', () => {
    const position = pagePosition(RegisterQuery.parse({ since: '2026-01-02', limit: '2' }));
    expect(position).toMatchObject({
      since: '2026-01-02T00:00:00.000Z',
      fetch: 3,
      limit: 2,
      after: null,
      offset: 0,
    });
    const rows = [1, 2, 3].map((n) => ({ at: `2026-01-0${n}T00:00:00Z`, id }));
    const page = toPage(
      rows,
      position,
      (r) => r,
      (r) => r.at,
    );
    expect(page.items).toEqual(['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z']);
    expect(decodeCursor(page.nextCursor!)).toEqual({ at: '2026-01-02T00:00:00Z', id });
    expect(
      toPage(
        rows.slice(0, 2),
        position,
        (r) => r,
        (r) => r.at,
      ).nextCursor,
    ).toBeNull();
  });

  it('refuses a cursor with an offset, and limits out of range', () => {
    expect(RegisterQuery.safeParse({ cursor: 'a', offset: '1' }).success).toBe(false);
    expect(RegisterQuery.safeParse({ limit: '201' }).success).toBe(false);
    expect(RegisterQuery.safeParse({ since: 'yesterday' }).success).toBe(false);
  });
});
