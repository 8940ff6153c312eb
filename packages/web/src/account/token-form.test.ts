import { describe, expect, it } from 'vitest';
import { emptyTokenDraft, scopeLabel, tokenInput, tokenState } from './token-form';
import { accountEn as t } from './strings';

describe('tokenInput', () => {
  it('sends a trimmed name, the scopes of the access chosen and the days as a number', () => {
    expect(tokenInput({ name: '  laptop CLI ', access: 'read', expiresInDays: '30' })).toEqual({
      input: { name: 'laptop CLI', scopes: ['read'], expiresInDays: 30 },
    });
    expect(tokenInput({ name: 'export', access: 'write', expiresInDays: '365' })).toEqual({
      input: { name: 'export', scopes: ['read', 'write'], expiresInDays: 365 },
    });
  });

  it('starts read-only for 90 days (least privilege) and refuses it unnamed', () => {
    expect(emptyTokenDraft()).toEqual({ name: '', access: 'read', expiresInDays: '90' });
    expect(tokenInput(emptyTokenDraft())).toEqual({ errors: { name: t.tokens.nameMissing } });
  });

  it('lists every field at fault at once: a blank or too long name and an expiry out of 1-365', () => {
    expect(tokenInput({ name: '   ', access: 'read', expiresInDays: '0' })).toEqual({
      errors: { name: t.tokens.nameMissing, expiresInDays: t.tokens.newExpiryHint },
    });
    expect(tokenInput({ name: 'x'.repeat(101), access: 'read', expiresInDays: '366' })).toEqual({
      errors: { name: t.tokens.nameTooLong, expiresInDays: t.tokens.newExpiryHint },
    });
    expect('errors' in tokenInput({ name: 'a', access: 'read', expiresInDays: '7.5' })).toBe(true);
    expect(tokenInput({ name: 'x'.repeat(100), access: 'read', expiresInDays: '1' })).toHaveProperty('input');
  });
});

describe('tokenState and scopeLabel', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it('is active until it expires, and revoked wins over expired', () => {
    expect(tokenState({ revokedAt: null, expiresAt: '2026-06-01T12:00:01Z' }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-06-01T12:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2026-05-02T00:00:00Z' }, now)).toBe(
      'revoked',
    );
    expect(tokenState({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }, now)).toBe(
      'revoked',
    );
  });

  it('names the widest scope a token has', () => {
    expect(scopeLabel(['read'])).toBe('Read');
    expect(scopeLabel(['read', 'write'])).toBe('Read and write');
    expect(scopeLabel(['write'])).toBe('Read and write');
  });
});
