import { describe, expect, it } from 'vitest';
import {
  addableAccounts,
  emptyOrganisationDraft,
  isPublicKind,
  memberInput,
  organisationInput,
} from './org-form';
import { organisationsEn as t } from './strings';

describe('organisationInput', () => {
  it('sends a trimmed name, the kind and the country upper-cased', () => {
    expect(organisationInput({ name: ' Sciensano ', kind: 'public_body', country: ' be ' })).toEqual({
      input: { name: 'Sciensano', kind: 'public_body', country: 'BE' },
    });
    expect(organisationInput({ name: 'EMA', kind: 'eu_body', country: 'EU' })).toHaveProperty('input');
  });

  it('lists every field at fault: a short name, no or an unknown kind, a country not of two letters', () => {
    expect(organisationInput(emptyOrganisationDraft())).toEqual({
      errors: {
        name: t.create.nameMissing,
        kind: t.create.kindMissing,
        country: t.create.countryInvalid,
      },
    });
    expect(organisationInput({ name: 'X', kind: 'startup', country: 'FIN' })).toEqual({
      errors: {
        name: t.create.nameMissing,
        kind: t.create.kindMissing,
        country: t.create.countryInvalid,
      },
    });
    expect(organisationInput({ name: 'Acme', kind: 'ai_factory', country: 'F1' })).toEqual({
      errors: { country: t.create.countryInvalid },
    });
  });

  it('has a label for each of the nine kinds', () => {
    expect(Object.keys(t.kinds)).toHaveLength(9);
  });
});

describe('memberInput and addableAccounts', () => {
  it('needs an account and one of the four member roles', () => {
    expect(memberInput({ accountId: 'a1', role: 'hdab_staff' })).toEqual({
      input: { accountId: 'a1', role: 'hdab_staff' },
    });
    expect(memberInput({ accountId: '', role: 'citizen' })).toEqual({
      errors: { accountId: t.members.accountMissing, role: t.members.roleMissing },
    });
  });

  it('never offers citizens, and sorts by name', () => {
    const accounts = [
      { id: '1', role: 'data_user', displayName: 'Zoé' },
      { id: '2', role: 'citizen', displayName: 'Matti' },
      { id: '3', role: 'admin', displayName: 'Anna' },
    ];
    expect(addableAccounts(accounts).map((a) => a.id)).toEqual(['3', '1']);
    // The caller's list is left as it was.
    expect(accounts.map((a) => a.id)).toEqual(['1', '2', '3']);
  });

  it('marks the kinds Art. 53(2) is about', () => {
    expect(isPublicKind('public_body')).toBe(true);
    expect(isPublicKind('eu_body')).toBe(true);
    expect(isPublicKind('biotech_company')).toBe(false);
  });
});
