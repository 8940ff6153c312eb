/**
 * Pure rules of the API token section: what the create form sends, the messages for what is wrong,
 * and a token's state. The hub checks the same (name 1-100 characters, scopes, 1-365 days) and answers
 * with every field at fault; these checks only spare a round trip.
 */
import type { ApiToken, ApiTokenScope } from '@openehds/client';
import { accountText as t } from './strings';

/** The create form, every field as the inputs hold it. */
export interface TokenDraft {
  name: string;
  /** 'read' → read only; 'write' → read and write. */
  access: 'read' | 'write';
  /** Days until it expires, as the select holds it. */
  expiresInDays: string;
}

/** Choices for the expiry, in days; the hub allows 1 to 365. */
export const EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;

/** A new form: read only (least privilege), 90 days. */
export const emptyTokenDraft = (): TokenDraft => ({ name: '', access: 'read', expiresInDays: '90' });

/** Field → message. */
export type TokenErrors = Partial<Record<'name' | 'scopes' | 'expiresInDays', string>>;

/** What the hub is sent. */
export interface TokenInput {
  name: string;
  scopes: ApiTokenScope[];
  expiresInDays: number;
}

/** The input to send, or the errors (every field at fault at once). */
export function tokenInput(draft: TokenDraft): { input: TokenInput } | { errors: TokenErrors } {
  const errors: TokenErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = t.tokens.nameMissing;
  else if (name.length > 100) errors.name = t.tokens.nameTooLong;
  const days = Number(draft.expiresInDays);
  if (!Number.isInteger(days) || days < 1 || days > 365) errors.expiresInDays = t.tokens.newExpiryHint;
  if (Object.keys(errors).length) return { errors };
  // `write` alone would still read (GET needs no scope beyond a live token), but say what it means.
  const scopes: ApiTokenScope[] = draft.access === 'write' ? ['read', 'write'] : ['read'];
  return { input: { name, scopes, expiresInDays: days } };
}

/** Whether a token still works. */
export type TokenState = 'active' | 'revoked' | 'expired';

/** A token's state at `now`: revoked wins over expired (it was ended on purpose). */
export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now.getTime() ? 'expired' : 'active';
}

/** The scope as a person reads it: the widest one the token has. */
export function scopeLabel(scopes: readonly ApiTokenScope[]): string {
  return scopes.includes('write') ? t.tokens.scopes.write! : t.tokens.scopes.read!;
}
