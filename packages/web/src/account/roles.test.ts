import { describe, expect, it } from 'vitest';
import { accountNavFor, isMember } from './roles';

describe('account roles', () => {
  it('offers "My account" to every signed-in role and to nobody signed out', () => {
    expect(accountNavFor(null)).toEqual([]);
    for (const role of ['data_holder', 'data_user', 'hdab_staff', 'admin', 'citizen'] as const)
      expect(accountNavFor(role).map((i) => i.to)).toEqual(['/account']);
  });

  it('gives tokens, an authenticator and memberships to every role but citizen (as the hub)', () => {
    expect(isMember('citizen')).toBe(false);
    expect(['data_holder', 'data_user', 'hdab_staff', 'admin'].every((r) => isMember(r as 'admin'))).toBe(
      true,
    );
  });
});
