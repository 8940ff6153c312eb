import { describe, expect, it } from 'vitest';
import { mayOpenPermit, transparencyNavFor } from './roles';

describe('transparencyNavFor', () => {
  it('shows the register to everyone and permits to data users and HDAB staff', () => {
    expect(transparencyNavFor(null).map((i) => i.to)).toEqual(['/register']);
    expect(transparencyNavFor('citizen').map((i) => i.to)).toEqual(['/register']);
    expect(transparencyNavFor('data_holder').map((i) => i.to)).toEqual(['/register']);
    expect(transparencyNavFor('data_user').map((i) => i.to)).toEqual(['/permits', '/register']);
    expect(transparencyNavFor('hdab_staff').map((i) => i.to)).toEqual(['/permits', '/register']);
  });
});

describe('mayOpenPermit', () => {
  it('links every permit for staff, a data user’s own permits only, and none for others', () => {
    const own = new Set(['FI-2027-000001']);
    expect(mayOpenPermit('hdab_staff', 'FI-2027-000009', null)).toBe(true);
    expect(mayOpenPermit('data_user', 'FI-2027-000001', own)).toBe(true);
    expect(mayOpenPermit('data_user', 'FI-2027-000009', own)).toBe(false);
    expect(mayOpenPermit('data_user', 'FI-2027-000001', null)).toBe(false);
    expect(mayOpenPermit(null, 'FI-2027-000001', own)).toBe(false);
    expect(mayOpenPermit('admin', 'FI-2027-000001', own)).toBe(false);
  });
});
