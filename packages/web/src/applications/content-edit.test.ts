import { describe, expect, it } from 'vitest';
import type { Principal } from '@openehds/client';
import {
  cleanContent,
  exportFileName,
  exportJson,
  isVerifiedPublicBody,
  joinList,
  numberOrUndefined,
  purposeSelectable,
  splitList,
  toggle,
  withoutTrailingBlanks,
} from './content-edit';

describe('list inputs', () => {
  it('splits, trims, de-duplicates and upper-cases country codes on request', () => {
    expect(splitList(' R, Python,, R ')).toEqual(['R', 'Python']);
    expect(splitList('fi, es ,FI', true)).toEqual(['FI', 'ES']);
    expect(joinList(['a', 'b'])).toBe('a, b');
    expect(joinList(undefined)).toBe('');
  });
  it('toggles a value and keeps the canonical order', () => {
    expect(toggle(['c'], 'a', true, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(toggle(['a', 'c'], 'a', false)).toEqual(['c']);
  });
  it('reads number inputs', () => {
    expect(numberOrUndefined('')).toBeUndefined();
    expect(numberOrUndefined('12')).toBe(12);
    expect(numberOrUndefined('abc')).toBeUndefined();
  });
});

describe('cleanContent', () => {
  it('leaves out empty optional fields with a format, keeps what was typed', () => {
    const cleaned = cleanContent({
      title: '',
      persons: [
        { name: 'Marie', email: 'm@x.eu', role: 'principal_investigator', orcid: ' ', affiliation: '' },
        { name: 'Paul', email: 'p@x.eu', role: 'researcher', orcid: '0000-0002-1825-0097' },
      ],
      period: { from: '', to: '2024-12-31' },
      legalBasis: { explanation: 'x' },
      ethics: { committee: '' },
      tools: { software: ['R'], cpuHours: undefined },
      statisticalContent: { tables: [{ measure: 'patients', dimensions: [], population: '' }] },
    });
    expect(cleaned).toEqual({
      title: '',
      persons: [
        { name: 'Marie', email: 'm@x.eu', role: 'principal_investigator' },
        { name: 'Paul', email: 'p@x.eu', role: 'researcher', orcid: '0000-0002-1825-0097' },
      ],
      period: { to: '2024-12-31' },
      legalBasis: { explanation: 'x' },
      ethics: { committee: '' },
      tools: { software: ['R'] },
      statisticalContent: { tables: [{ measure: 'patients', dimensions: [] }] },
    });
  });
  it('leaves out rows just added and still empty at the end of a list, keeping earlier indexes', () => {
    const cleaned = cleanContent({
      persons: [
        { name: '', email: '', role: 'researcher' },
        { name: 'Marie', email: 'm@x.eu', role: 'principal_investigator' },
        { name: ' ', email: '', role: 'researcher' },
      ],
      statisticalContent: {
        tables: [
          { measure: 'patients', dimensions: [] },
          { measure: '', dimensions: [] },
        ],
      },
    });
    expect(cleaned.persons?.map((p) => p.name)).toEqual(['', 'Marie']);
    expect(cleaned.statisticalContent?.tables).toEqual([{ measure: 'patients', dimensions: [] }]);
    expect(withoutTrailingBlanks([1, 0, 0], (n) => n === 0)).toEqual([1]);
  });
  it('drops groups left entirely empty', () => {
    expect(cleanContent({ period: { from: '', to: '' }, tools: {} })).toEqual({});
  });
});

describe('purposes of Art. 53(2)', () => {
  const principal = { accountId: 'a', role: 'data_user' } as Principal;
  it('treats a missing verification flag as not verified', () => {
    expect(isVerifiedPublicBody(principal)).toBe(false);
    expect(isVerifiedPublicBody(null)).toBe(false);
    expect(isVerifiedPublicBody({ ...principal, publicBodyVerified: true } as Principal)).toBe(true);
  });
  it('offers (a)–(c) only to verified public bodies, but lets anyone remove them', () => {
    expect(purposeSelectable('PUBLIC_HEALTH', false, [])).toBe(false);
    expect(purposeSelectable('PUBLIC_HEALTH', false, ['PUBLIC_HEALTH'])).toBe(true);
    expect(purposeSelectable('SCIENTIFIC_RESEARCH', false, [])).toBe(true);
    expect(purposeSelectable('OFFICIAL_STATISTICS', true, [])).toBe(true);
  });
});

describe('export', () => {
  it('writes the file as JSON with its reference and content', () => {
    const text = exportJson(
      {
        reference: 'FI-APP-2027-000042',
        kind: 'application',
        status: 'DRAFT',
        version: 3,
        content: { title: 'T' },
      },
      new Date('2027-01-02T03:04:05Z'),
    );
    expect(JSON.parse(text)).toEqual({
      reference: 'FI-APP-2027-000042',
      kind: 'application',
      status: 'DRAFT',
      version: 3,
      exportedAt: '2027-01-02T03:04:05.000Z',
      content: { title: 'T' },
    });
    expect(exportFileName('FI-APP-2027-000042', 'json')).toBe('FI-APP-2027-000042.json');
    expect(exportFileName('a/b c', 'pdf')).toBe('a_b_c.pdf');
  });
});
