import { describe, expect, it } from 'vitest';
import { ApplicationContent } from './content';
import { completenessIssues } from './completeness';
import { exampleApplication as completeApplication } from './example';

describe('completeness of an application (Art. 67(2))', () => {
  it('finds nothing missing in a complete file, whose shape the schema accepts', () => {
    const c = ApplicationContent.parse(completeApplication());
    expect(completenessIssues('application', c, { verifiedPublicBody: false })).toEqual([]);
  });

  it('lists every missing field of an empty draft at once, citing the article', () => {
    const issues = completenessIssues('application', {}, { verifiedPublicBody: false });
    const paths = issues.map((i) => i.path);
    for (const p of [
      'title',
      'applicantActivities',
      'purposes',
      'useAndBenefit',
      'datasets',
      'period.from',
      'period.to',
      'safeguards',
      'persons',
      'variables',
      'dataForm',
      'speMonths',
      'speJustification',
      'tools.software',
      'ethics.status',
    ]) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => p?.startsWith('declarations.'))).toHaveLength(5);
    expect(issues.find((i) => i.path === 'useAndBenefit')?.message).toMatch(/Art\. 67\(2\)\(c\)/);
  });

  it('reserves purposes (a)–(c) to verified public bodies (Art. 53(2))', () => {
    const c = {
      ...completeApplication(),
      purposes: ['PUBLIC_HEALTH' as const, 'SCIENTIFIC_RESEARCH' as const],
    };
    const issues = completenessIssues('application', c, { verifiedPublicBody: false });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'purposes', message: expect.stringMatching(/53\(2\)/) }),
    ]);
    expect(completenessIssues('application', c, { verifiedPublicBody: true })).toEqual([]);
  });

  it('asks for a justification and a legal basis only for pseudonymised data (Art. 67(2)(e), 67(4))', () => {
    const pseudo = { ...completeApplication(), dataFormJustification: '', legalBasis: {} };
    expect(
      completenessIssues('application', pseudo, { verifiedPublicBody: false }).map((i) => i.path),
    ).toEqual(['dataFormJustification', 'legalBasis.article']);
    const anon = { ...pseudo, dataForm: 'anonymised' as const };
    expect(completenessIssues('application', anon, { verifiedPublicBody: false })).toEqual([]);
  });

  it('needs exactly one principal investigator, and ethics details when approved', () => {
    const c = completeApplication();
    c.persons = c.persons!.map((p) => ({ ...p, role: 'researcher' as const }));
    c.ethics = { status: 'approved' };
    const issues = completenessIssues('application', c, { verifiedPublicBody: false });
    expect(issues.map((i) => i.path)).toEqual(['persons', 'ethics.committee', 'ethics.reference']);
    expect(issues[0]!.message).toMatch(/there are 0/);
  });

  it('lets a public body give access period and frequency instead of the SPE period (Art. 67(5))', () => {
    const c = { ...completeApplication(), speMonths: undefined, speJustification: undefined };
    expect(completenessIssues('application', c, { verifiedPublicBody: false }).map((i) => i.path)).toEqual([
      'speMonths',
      'speJustification',
    ]);
    const pub = { ...c, publicBodyAccess: { period: '2027', frequency: 'quarterly' } };
    expect(completenessIssues('application', pub, { verifiedPublicBody: true })).toEqual([]);
  });

  it('asks a health data request for its statistical content and legal basis (Art. 69(2))', () => {
    const c: ApplicationContent = {
      ...completeApplication(),
      persons: undefined,
      legalBasis: undefined,
      statisticalContent: {},
    };
    expect(completenessIssues('request', c, { verifiedPublicBody: false }).map((i) => i.path)).toEqual([
      'statisticalContent.description',
      'statisticalContent.tables',
      'legalBasis.article',
    ]);
  });

  it('rejects malformed shapes and unknown fields in the schema itself', () => {
    const r = ApplicationContent.safeParse({
      purposes: ['SELLING'],
      period: { from: '2020-13-01' },
      colour: 'red',
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['purposes.0', 'period.from', '']));
  });

  it('requires an opt-out exception to be justified (Art. 71(4))', () => {
    const c = { ...completeApplication(), optOutException: { requested: true } };
    expect(completenessIssues('application', c, { verifiedPublicBody: false }).map((i) => i.path)).toEqual([
      'optOutException.justification',
    ]);
  });
});
