import { describe, expect, it } from 'vitest';
import { homeFor, navItemsFor } from './access';

describe('navItemsFor', () => {
  it('shows only public pages to visitors and data users', () => {
    expect(navItemsFor(null).map((i) => i.to)).toEqual(['/', '/catalogue']);
    expect(navItemsFor('data_user').map((i) => i.to)).toEqual(['/', '/catalogue']);
  });
  it('adds the holder workspace for data holders and administration for HDAB staff and admins', () => {
    expect(navItemsFor('data_holder').map((i) => i.to)).toContain('/holder');
    expect(navItemsFor('data_holder').map((i) => i.to)).not.toContain('/admin');
    expect(navItemsFor('hdab_staff').map((i) => i.to)).toContain('/admin');
    expect(navItemsFor('admin').map((i) => i.to)).toContain('/admin');
  });
});

describe('homeFor', () => {
  it('sends each role to its workspace', () => {
    expect(homeFor('data_holder')).toBe('/holder');
    expect(homeFor('admin')).toBe('/admin');
    expect(homeFor('data_user')).toBe('/applications');
    expect(homeFor('citizen')).toBe('/citizen');
  });
  it('keeps citizens out of the holder and admin pages', () => {
    expect(navItemsFor('citizen').map((i) => i.to)).toEqual(['/', '/catalogue']);
    expect(homeFor('citizen', '/admin')).toBe('/citizen');
    expect(homeFor('citizen', '/holder')).toBe('/citizen');
  });
  it('returns to a local page the user came from, never to another site', () => {
    expect(homeFor('data_user', '/catalogue/abc')).toBe('/catalogue/abc');
    expect(homeFor('data_user', '//evil.example/x')).toBe('/applications');
    expect(homeFor('data_user', 'https://evil.example')).toBe('/applications');
    expect(homeFor('admin', '/sign-in')).toBe('/admin');
  });
  it('does not return to a protected page the role may not open', () => {
    expect(homeFor('data_user', '/holder')).toBe('/applications');
    expect(homeFor('data_holder', '/admin?x=1')).toBe('/holder');
    expect(homeFor('hdab_staff', '/admin')).toBe('/admin');
    expect(homeFor('hdab_staff')).toBe('/backoffice');
    expect(homeFor('data_holder', '/holder')).toBe('/holder');
    expect(homeFor('data_user', '/holdings')).toBe('/holdings');
  });
});
