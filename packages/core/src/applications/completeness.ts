import type { Issue } from '../errors/app-error';
import type { ApplicationContent, ApplicationKind } from './content';
import { ineligiblePurposes, PROHIBITED_USES, PURPOSE_LETTER, type ApplicantStanding } from './purposes';

/**
 * Everything a file still lacks before it can be submitted, one issue per field, each citing the
 * letter of Art. 67(2) (applications) or Art. 69(2) (health data requests) that asks for it. The
 * applicant sees the whole list at once instead of fixing one error per attempt.
 */
export function completenessIssues(
  kind: ApplicationKind,
  c: ApplicationContent,
  applicant: ApplicantStanding,
): Issue[] {
  const issues: Issue[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok) issues.push({ path, message });
  };
  const filled = (s: string | undefined) => Boolean(s && s.trim().length > 0);
  const art = kind === 'application' ? 'Art. 67(2)' : 'Art. 69(2)';

  need(filled(c.title), 'title', 'give the application a title');
  need(
    filled(c.applicantActivities),
    'applicantActivities',
    `describe the applicant's activities (${art}(a))`,
  );
  need(c.purposes?.length, 'purposes', `choose at least one purpose of Art. 53(1) (${art}(b))`);
  for (const p of ineligiblePurposes(c.purposes ?? [], applicant)) {
    issues.push({
      path: 'purposes',
      message: `purpose ${p} (Art. 53(1)(${PURPOSE_LETTER[p]})) is reserved to verified public sector and EU bodies (Art. 53(2))`,
    });
  }
  need(
    filled(c.useAndBenefit),
    'useAndBenefit',
    `describe the intended use and its expected benefit (${art}(c))`,
  );
  need(c.datasets?.length, 'datasets', `name at least one dataset from the catalogue (${art}(d))`);
  need(c.period?.from, 'period.from', `give the start of the time range of the data (${art}(d))`);
  need(c.period?.to, 'period.to', `give the end of the time range of the data (${art}(d))`);
  if (c.period?.from && c.period.to && c.period.from > c.period.to) {
    issues.push({ path: 'period.to', message: 'the end of the time range is before its start' });
  }
  need(
    filled(c.safeguards),
    'safeguards',
    `describe the safeguards against misuse and re-identification (${art}(${kind === 'application' ? 'g' : 'e'}))`,
  );
  const declared = new Set(c.declarations ?? []);
  for (const use of PROHIBITED_USES) {
    need(
      declared.has(use),
      `declarations.${use}`,
      `declare that the data will not be used for ${use} (Art. 54)`,
    );
  }
  if (c.optOutException?.requested) {
    need(
      filled(c.optOutException.justification),
      'optOutException.justification',
      `justify the exception to the opt-out (Art. 71(4), ${art}(${kind === 'application' ? 'k' : 'g'}))`,
    );
  }

  if (kind === 'request') {
    need(
      filled(c.statisticalContent?.description),
      'statisticalContent.description',
      'describe the statistical content wanted (Art. 69(2)(d))',
    );
    need(
      c.statisticalContent?.tables?.length,
      'statisticalContent.tables',
      'describe at least one table: its measure and dimensions (Art. 69(2)(d))',
    );
    need(c.legalBasis?.article, 'legalBasis.article', 'state the GDPR legal basis (Art. 69(2)(f))');
    return issues;
  }

  const persons = c.persons ?? [];
  need(persons.length, 'persons', 'name the persons who will access the data (Art. 67(2)(a))');
  const pis = persons.filter((p) => p.role === 'principal_investigator').length;
  if (persons.length > 0 && pis !== 1) {
    issues.push({
      path: 'persons',
      message: `name exactly one principal investigator (Art. 68(10)(d)); there are ${pis}`,
    });
  }
  const variables =
    (c.variables?.length ?? 0) + (c.datasets ?? []).reduce((n, d) => n + (d.variables?.length ?? 0), 0);
  need(variables, 'variables', 'list the variables requested (Art. 67(2)(d), data minimisation)');
  need(c.dataForm, 'dataForm', 'say whether the data is wanted anonymised or pseudonymised (Art. 67(2)(e))');
  if (c.dataForm === 'pseudonymised') {
    need(
      filled(c.dataFormJustification),
      'dataFormJustification',
      'explain why anonymised data will not do (Art. 67(2)(e))',
    );
    need(c.legalBasis?.article, 'legalBasis.article', 'state the GDPR Art. 6(1) legal basis (Art. 67(4))');
  }
  if (applicant.verifiedPublicBody && (c.publicBodyAccess?.period || c.publicBodyAccess?.frequency)) {
    need(c.publicBodyAccess?.period, 'publicBodyAccess.period', 'give the access period (Art. 67(5))');
    need(
      c.publicBodyAccess?.frequency,
      'publicBodyAccess.frequency',
      'give the access frequency (Art. 67(5))',
    );
  } else {
    need(
      c.speMonths,
      'speMonths',
      'say for how many months the secure processing environment is needed (Art. 67(2)(h))',
    );
    need(
      filled(c.speJustification),
      'speJustification',
      'justify the period in the secure processing environment (Art. 67(2)(h))',
    );
  }
  need(
    c.tools?.software?.length,
    'tools.software',
    'list the tools to be used in the secure processing environment (Art. 67(2)(i))',
  );
  need(c.ethics?.status, 'ethics.status', 'give the ethics review status (Art. 67(2)(j))');
  if (c.ethics?.status === 'approved') {
    need(filled(c.ethics.committee), 'ethics.committee', 'name the ethics committee that approved the study');
    need(filled(c.ethics.reference), 'ethics.reference', "give the ethics approval's reference");
  }
  return issues;
}
