import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConformanceDir } from '@openehds/standards';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { matchDataUse } from './match';
import { parseDuoCsv } from './parse-duo-csv';
import type { DataUse, DuoCondition } from './types';

const research: DataUse = { purposes: ['SCIENTIFIC_RESEARCH'], commercial: false, ethicsApproval: true };
const c = (code: string, extra: Partial<DuoCondition> = {}): DuoCondition => ({ code, ...extra });
const finding = (conds: DuoCondition[], use: DataUse, code: string) =>
  matchDataUse(conds, use).findings.find((f) => f.code === code)!;

describe('primary permissions against Art. 53 purposes', () => {
  it('NRES allows every purpose, education included', () => {
    const m = matchDataUse([c('NRES')], { ...research, purposes: ['EDUCATION', 'PUBLIC_HEALTH'] });
    expect(m.verdict).toBe('compatible');
    expect(m.findings[0]).toMatchObject({
      code: 'NRES',
      id: 'DUO:0000004',
      label: 'no restriction',
      outcome: 'ok',
    });
  });

  it('HMB or GRU with an education-only purpose conflict; with research they are compatible', () => {
    const edu = { ...research, purposes: ['EDUCATION' as const] };
    const hmb = matchDataUse([c('HMB')], edu);
    expect(hmb.verdict).toBe('incompatible');
    expect(hmb.findings[0]!.message).toMatch(/teaching, EDUCATION \(Art\. 53\(1\)\(d\)\)/);
    expect(matchDataUse([c('DUO:0000042')], edu).verdict).toBe('incompatible');
    expect(matchDataUse([c('HMB')], research).verdict).toBe('compatible');
    expect(
      matchDataUse([c('GRU')], {
        ...research,
        purposes: ['PUBLIC_HEALTH', 'OFFICIAL_STATISTICS', 'CARE_IMPROVEMENT'],
      }).verdict,
    ).toBe('compatible');
  });

  it('one education purpose among others still conflicts with HMB', () => {
    expect(
      matchDataUse([c('HMB')], { ...research, purposes: ['SCIENTIFIC_RESEARCH', 'EDUCATION'] }).verdict,
    ).toBe('incompatible');
  });

  it('HMB excludes ancestry research, which GRU allows', () => {
    const ancestry = { ...research, ancestryResearch: true };
    expect(finding([c('HMB')], ancestry, 'HMB')).toMatchObject({
      outcome: 'conflict',
      message: expect.stringMatching(/origins or ancestry/),
    });
    expect(matchDataUse([c('GRU')], ancestry).verdict).toBe('compatible');
  });

  it('DS matches disease codes, ICD-10 subcodes included', () => {
    const ds = c('DS', { diseaseCodes: ['E11'] });
    expect(matchDataUse([ds], { ...research, diseaseCodes: ['E11.9'] }).verdict).toBe('compatible');
    expect(matchDataUse([ds], { ...research, diseaseCodes: ['e119'] }).verdict).toBe('compatible');
    expect(
      matchDataUse([c('DS', { diseaseCodes: ['MONDO:0005148'] })], {
        ...research,
        diseaseCodes: ['MONDO:0005148'],
      }).verdict,
    ).toBe('compatible');
  });

  it('DS with no matching disease, or none stated, conflicts; a partial match needs confirmation', () => {
    const ds = c('DS', { diseaseCodes: ['E11'] });
    const none = matchDataUse([ds], { ...research, diseaseCodes: ['C50'] });
    expect(none.verdict).toBe('incompatible');
    expect(none.findings[0]!.message).toMatch(
      /limited to research on E11; none of the diseases studied \(C50\)/,
    );
    expect(matchDataUse([ds], research).findings[0]!.message).toMatch(/names no disease/);
    // E1 is broader than E11, so it is not within it.
    expect(matchDataUse([ds], { ...research, diseaseCodes: ['E1'] }).verdict).toBe('incompatible');
    const partial = matchDataUse([ds], { ...research, diseaseCodes: ['E11', 'I25'] });
    expect(partial).toMatchObject({ verdict: 'conditional', findings: [{ outcome: 'requires' }] });
    expect(matchDataUse([c('DS')], { ...research, diseaseCodes: ['E11'] }).verdict).toBe('conditional');
  });

  it('POA serves only ancestry research', () => {
    expect(matchDataUse([c('POA')], { ...research, ancestryResearch: true }).verdict).toBe('compatible');
    expect(matchDataUse([c('POA')], research).verdict).toBe('conditional');
    expect(matchDataUse([c('POA')], { ...research, ancestryResearch: false }).verdict).toBe('incompatible');
    expect(matchDataUse([c('POA')], { ...research, purposes: ['PUBLIC_HEALTH'] }).verdict).toBe(
      'incompatible',
    );
  });

  it('treats several permissions as alternatives: the best one counts', () => {
    const m = matchDataUse([c('DS', { diseaseCodes: ['E11'] }), c('GRU')], {
      ...research,
      diseaseCodes: ['C50'],
    });
    expect(m.findings.map((f) => f.outcome)).toEqual(['conflict', 'ok']);
    expect(m.verdict).toBe('compatible');
  });

  it('without a primary permission the verdict is conditional', () => {
    const m = matchDataUse([c('NCU')], research);
    expect(m.verdict).toBe('conditional');
    expect(m.findings[0]).toMatchObject({ id: 'DUO:0000001', outcome: 'requires' });
    expect(matchDataUse([], research).verdict).toBe('conditional');
  });
});

describe('modifiers', () => {
  it('NCU and NPUNCU conflict with commercial use', () => {
    const commercial = { ...research, commercial: true };
    expect(matchDataUse([c('GRU'), c('NCU')], commercial).verdict).toBe('incompatible');
    expect(finding([c('GRU'), c('NCU')], commercial, 'NCU').message).toMatch(/commercial use/);
    expect(matchDataUse([c('GRU'), c('DUO:0000018')], commercial).verdict).toBe('incompatible');
    expect(matchDataUse([c('GRU'), c('NCU')], research).verdict).toBe('compatible');
  });

  it('NPU and NPUNCU depend on the organisation being not-for-profit', () => {
    expect(matchDataUse([c('GRU'), c('NPU')], research).verdict).toBe('conditional');
    expect(matchDataUse([c('GRU'), c('NPU')], { ...research, notForProfitOrganisation: false }).verdict).toBe(
      'incompatible',
    );
    expect(
      matchDataUse([c('GRU'), c('NPUNCU')], { ...research, notForProfitOrganisation: true }).verdict,
    ).toBe('compatible');
  });

  it('IRB requires the ethics approval; PUB requires publication', () => {
    const irb = matchDataUse([c('HMB'), c('IRB')], { ...research, ethicsApproval: false });
    expect(irb.verdict).toBe('conditional');
    expect(irb.findings[1]).toMatchObject({
      code: 'IRB',
      outcome: 'requires',
      message: expect.stringMatching(/ethics/),
    });
    expect(matchDataUse([c('HMB'), c('IRB')], research).verdict).toBe('compatible');
    expect(finding([c('HMB'), c('PUB')], research, 'PUB')).toMatchObject({
      outcome: 'requires',
      message: expect.stringMatching(/Art\. 61\(4\)/),
    });
    expect(matchDataUse([c('HMB'), c('PUB')], { ...research, publicationPlanned: true }).verdict).toBe(
      'compatible',
    );
  });

  it('GS checks the country, with EU and EEA as regions and EL for Greece', () => {
    const gs = c('GS', { countries: ['EU'] });
    expect(matchDataUse([c('GRU'), gs], { ...research, country: 'FI' }).verdict).toBe('compatible');
    expect(matchDataUse([c('GRU'), gs], { ...research, country: 'EL' }).verdict).toBe('compatible');
    expect(matchDataUse([c('GRU'), gs], { ...research, country: 'NO' }).verdict).toBe('incompatible');
    expect(
      matchDataUse([c('GRU'), c('GS', { countries: ['EEA'] })], { ...research, country: 'no' }).verdict,
    ).toBe('compatible');
    expect(matchDataUse([c('GRU'), gs], research).verdict).toBe('conditional');
  });

  it('TS checks the requested period against a date or a number of months', () => {
    const period = { from: new Date('2027-01-01T00:00:00Z'), until: new Date('2028-01-01T00:00:00Z') };
    expect(matchDataUse([c('GRU'), c('TS', { months: 12 })], { ...research, period }).verdict).toBe(
      'compatible',
    );
    expect(matchDataUse([c('GRU'), c('TS', { months: 11 })], { ...research, period }).verdict).toBe(
      'incompatible',
    );
    const byDate = c('TS', { until: new Date('2027-06-30T00:00:00Z') });
    expect(finding([c('GRU'), byDate], { ...research, period }, 'TS').message).toMatch(
      /must end by 2027-06-30; the requested period ends 2028-01-01/,
    );
    expect(matchDataUse([c('GRU'), byDate], research).verdict).toBe('conditional');
  });

  it('NPOA and NMDS conflict only when the use declares what they prohibit', () => {
    expect(matchDataUse([c('GRU'), c('NPOA')], { ...research, ancestryResearch: true }).verdict).toBe(
      'incompatible',
    );
    expect(matchDataUse([c('GRU'), c('NPOA')], { ...research, purposes: ['PUBLIC_HEALTH'] }).verdict).toBe(
      'compatible',
    );
    expect(matchDataUse([c('GRU'), c('NMDS')], { ...research, methodsDevelopment: true }).verdict).toBe(
      'incompatible',
    );
    expect(matchDataUse([c('GRU'), c('NMDS')], research).verdict).toBe('conditional');
  });

  it('COL, RTN, US, PS, IS and MOR are conditions the HDAB must see to', () => {
    for (const code of ['COL', 'RTN', 'US', 'PS', 'IS', 'MOR', 'RS', 'GSO'])
      expect(finding([c('GRU'), c(code)], research, code).outcome, code).toBe('requires');
    expect(matchDataUse([c('GRU'), c('COL')], { ...research, collaborationAgreed: true }).verdict).toBe(
      'compatible',
    );
    expect(matchDataUse([c('GRU'), c('RTN')], { ...research, returnDerivedData: true }).verdict).toBe(
      'compatible',
    );
    expect(matchDataUse([c('GRU'), c('CC')], research).verdict).toBe('compatible');
  });

  it('a modifier conflict makes the whole use incompatible even with NRES', () => {
    expect(matchDataUse([c('NRES'), c('NCU')], { ...research, commercial: true }).verdict).toBe(
      'incompatible',
    );
  });

  it('unknown terms and abstract classes need review by hand', () => {
    const m = matchDataUse([c('GRU'), c('DUO:9999999'), c('DUO:0000017')], research);
    expect(m.verdict).toBe('conditional');
    expect(m.findings.slice(1).map((f) => [f.code, f.outcome])).toEqual([
      ['DUO:9999999', 'requires'],
      ['DUO:0000017', 'requires'],
    ]);
  });
});

describe('input checks and labels', () => {
  it('refuses an empty purpose list, an unknown purpose and an empty code', () => {
    try {
      matchDataUse([c(' ')], { ...research, purposes: ['MARKETING' as never] });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).issues.map((i) => i.path)).toEqual(['use.purposes[0]', 'conditions[0].code']);
    }
    expect(() => matchDataUse([c('GRU')], { ...research, purposes: [] })).toThrow(AppError);
  });

  const file = join(defaultConformanceDir(), 'duo/duo.csv');
  it.skipIf(!existsSync(file))('takes labels from the parsed duo.csv when given', () => {
    const terms = parseDuoCsv(readFileSync(file, 'utf8')).map((t) =>
      t.shorthand === 'NCU' ? { ...t, label: 'label from file' } : t,
    );
    const m = matchDataUse([c('GRU'), c('NCU')], research, terms);
    expect(m.findings.map((f) => f.label)).toEqual(['general research use', 'label from file']);
  });
});
