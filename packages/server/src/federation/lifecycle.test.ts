import { describe, expect, it } from 'vitest';
import { decideStatus } from './lifecycle';

describe('node decisions', () => {
  it('approves or rejects a pending node and revokes an approved one', () => {
    expect(decideStatus('PENDING', 'approve')).toEqual({ ok: true, status: 'APPROVED' });
    expect(decideStatus('PENDING', 'reject')).toEqual({ ok: true, status: 'REJECTED' });
    expect(decideStatus('APPROVED', 'revoke')).toEqual({ ok: true, status: 'REVOKED' });
  });

  it('refuses decisions that would undo a rejection or revocation, saying what is possible', () => {
    const again = decideStatus('REVOKED', 'approve');
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toMatch(/register again/);
    const twice = decideStatus('APPROVED', 'approve');
    expect(!twice.ok && twice.message).toMatch(/revoked/);
  });
});
