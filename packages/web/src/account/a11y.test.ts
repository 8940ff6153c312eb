import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OrganisationFields } from '../admin/organisations/NewOrganisationForm';
import { organisationsEn } from '../admin/organisations/strings';
import { CreatedToken } from './CreatedToken';
import { TokenFields } from './NewTokenForm';
import { accountEn as t } from './strings';
import { emptyTokenDraft } from './token-form';

/**
 * The forms' markup, rendered by React as the browser gets it: every control has a label, and every
 * id an aria-describedby names exists (hints and errors are read with their field, WCAG 1.3.1, 3.3.1).
 */
function controls(html: string): { tag: string; attrs: string }[] {
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].map((m) => ({ tag: m[1]!, attrs: m[2]! }));
}
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function expectAccessible(html: string) {
  const found = controls(html);
  expect(found.length).toBeGreaterThan(0);
  for (const c of found) {
    const id = attr(c.attrs, 'id');
    expect(id, `${c.tag} without id`).toBeTruthy();
    expect(html, `no label for ${c.tag}#${id}`).toContain(`for="${id}"`);
    for (const ref of (attr(c.attrs, 'aria-describedby') ?? '').split(' ').filter(Boolean))
      expect(html, `${c.tag}#${id} describedby ${ref}`).toContain(`id="${ref}"`);
  }
}

/** The text of the element with this id (first level; enough for the short messages here). */
function textOf(html: string, id: string): string {
  const m = new RegExp(`id="${id}"[^>]*>(.*?)</(ul|p)>`).exec(html);
  return unescape((m?.[1] ?? '').replace(/<[^>]+>/g, ''));
}

describe('API token form markup', () => {
  it('labels every control and ties hints to their fields', () => {
    const html = renderToStaticMarkup(
      createElement(TokenFields, {
        idPrefix: 'tk',
        draft: emptyTokenDraft(),
        errors: {},
        onChange: () => {},
      }),
    );
    expectAccessible(html);
    expect(html).toMatch(/<fieldset[^>]*>.*<legend>Scope<\/legend>/);
    // No error yet: nothing marked invalid.
    expect(html).not.toContain('aria-invalid');
  });

  it('ties each error to its field with aria-invalid and aria-describedby', () => {
    const html = renderToStaticMarkup(
      createElement(TokenFields, {
        idPrefix: 'tk',
        draft: emptyTokenDraft(),
        errors: { name: t.tokens.nameMissing, expiresInDays: 'At most 365.' },
        onChange: () => {},
      }),
    );
    expectAccessible(html);
    const name = controls(html).find((c) => attr(c.attrs, 'id') === 'tk-name')!;
    expect(attr(name.attrs, 'aria-invalid')).toBe('true');
    expect(attr(name.attrs, 'aria-describedby')).toBe('tk-name-hint tk-name-err');
    expect(textOf(html, 'tk-name-err')).toBe(t.tokens.nameMissing);
    const expiry = controls(html).find((c) => attr(c.attrs, 'id') === 'tk-expiry')!;
    expect(attr(expiry.attrs, 'aria-describedby')).toBe('tk-expiresInDays-hint tk-expiresInDays-err');
    expect(textOf(html, 'tk-expiresInDays-err')).toBe('At most 365.');
  });
});

describe('the created token panel', () => {
  it('shows the secret once in a labelled read-only field described by the warning, with a copy button', () => {
    const token = {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'nightly export',
      scopes: ['read' as const],
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-04-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      secret: 'ehds_pat_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    };
    const html = renderToStaticMarkup(createElement(CreatedToken, { token, onDone: () => {} }));
    expectAccessible(html);
    const field = controls(html).find((c) => attr(c.attrs, 'data-testid') === 'token-secret')!;
    expect(attr(field.attrs, 'value')).toBe(token.secret);
    expect(field.attrs).toMatch(/\sreadOnly=""|\sreadonly=""/);
    const warning = attr(field.attrs, 'aria-describedby')!;
    expect(textOf(html, warning)).toContain('This is the only time the hub shows “nightly export”');
    expect(html).toContain('data-testid="token-copy"');
    // A region named by its heading, so it can be found again.
    expect(html).toMatch(/role="region" aria-labelledby="[^"]+"/);
  });
});

describe('organisation form markup', () => {
  it('offers the nine kinds, labels every control and ties errors to fields', () => {
    const html = renderToStaticMarkup(
      createElement(OrganisationFields, {
        idPrefix: 'org',
        draft: { name: '', kind: '', country: 'f' },
        errors: { kind: organisationsEn.create.kindMissing, country: organisationsEn.create.countryInvalid },
        onChange: () => {},
      }),
    );
    expectAccessible(html);
    expect([...html.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1])).toEqual([
      'biotech_company',
      'research_organisation',
      'public_body',
      'eu_body',
      'healthcare_provider',
      'data_holder',
      'patient_organisation',
      'ai_factory',
      'hdab',
    ]);
    const kind = controls(html).find((c) => attr(c.attrs, 'id') === 'org-kind')!;
    expect(attr(kind.attrs, 'aria-describedby')).toBe('org-kind-err');
    expect(textOf(html, 'org-kind-err')).toBe(organisationsEn.create.kindMissing);
    const name = controls(html).find((c) => attr(c.attrs, 'id') === 'org-name')!;
    expect(attr(name.attrs, 'aria-invalid')).toBeUndefined();
    expect(attr(name.attrs, 'aria-describedby')).toBe('org-name-hint');
  });
});
