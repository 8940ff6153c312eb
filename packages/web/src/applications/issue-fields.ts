/**
 * Placing the hub's issues beside the fields they are about. The hub reports paths in two styles:
 * the completeness check names content fields (`persons`, `period.to`,
 * `declarations.ADVERTISING_MARKETING`), and request validation prefixes the body key and indexes
 * arrays (`content.persons[0].email`). Both become one dotted path, then the most specific field the
 * editor renders takes the message; nothing is dropped.
 */
import {
  normalisePath,
  PROHIBITED_USES,
  type ApplicationContent,
  type ApplicationKind,
} from '@openehds/client';

/** An issue as the hub sends it (path may be missing on a general problem). */
export interface IssueLike {
  path?: string;
  message: string;
}

/** Issues grouped by the field that shows them, and those no field shows. */
export interface PlacedIssues {
  byField: Record<string, string[]>;
  unplaced: { path: string; message: string }[];
}

/** A hub path as a dotted content path: `content.persons[0].email` → `persons.0.email`. */
export function contentPath(path: string | undefined): string {
  return normalisePath(path).replace(/^content(\.|$)/, '');
}

/** Every field path the editor renders for this kind and content, from the whole group to each input. */
export function editorFields(kind: ApplicationKind, content: ApplicationContent): string[] {
  const fields = ['title', 'applicantActivities', 'purposes', 'useAndBenefit'];
  if (kind === 'application') {
    fields.push('persons');
    (content.persons ?? []).forEach((_, i) =>
      fields.push(
        `persons.${i}`,
        `persons.${i}.name`,
        `persons.${i}.email`,
        `persons.${i}.role`,
        `persons.${i}.affiliation`,
        `persons.${i}.orcid`,
      ),
    );
  }
  fields.push('datasets');
  (content.datasets ?? []).forEach((_, i) => fields.push(`datasets.${i}`, `datasets.${i}.variables`));
  fields.push('variables', 'period', 'period.from', 'period.to', 'geography', 'format');
  fields.push('legalBasis', 'legalBasis.article', 'legalBasis.explanation', 'safeguards');
  if (kind === 'application') {
    fields.push(
      'dataForm',
      'dataFormJustification',
      'ownDatasets',
      'speMonths',
      'speJustification',
      'publicBodyAccess',
      'publicBodyAccess.period',
      'publicBodyAccess.frequency',
      'tools',
      'tools.software',
      'tools.cpuHours',
      'tools.gpuHours',
      'tools.aiFactory',
      'ethics',
      'ethics.status',
      'ethics.committee',
      'ethics.reference',
    );
  } else {
    fields.push('statisticalContent', 'statisticalContent.description', 'statisticalContent.tables');
    (content.statisticalContent?.tables ?? []).forEach((_, i) =>
      fields.push(
        `statisticalContent.tables.${i}`,
        `statisticalContent.tables.${i}.measure`,
        `statisticalContent.tables.${i}.dimensions`,
        `statisticalContent.tables.${i}.population`,
      ),
    );
  }
  fields.push('optOutException', 'optOutException.requested', 'optOutException.justification');
  fields.push('declarations', ...PROHIBITED_USES.map((u) => `declarations.${u}`));
  fields.push('commercial', 'diseaseCodes');
  return fields;
}

/** The field (most specific first) that shows an issue at `path`, or null when none does. */
export function fieldFor(path: string, fields: readonly string[]): string | null {
  let best: string | null = null;
  for (const f of fields) {
    if ((path === f || path.startsWith(`${f}.`)) && (best === null || f.length > best.length)) best = f;
  }
  return best;
}

/** Groups issues by the field that shows them; an issue no field fits is kept in `unplaced`. */
export function placeIssues(issues: readonly IssueLike[], fields: readonly string[]): PlacedIssues {
  const byField: Record<string, string[]> = {};
  const unplaced: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const path = contentPath(issue.path);
    const field = path ? fieldFor(path, fields) : null;
    if (field) (byField[field] ??= []).push(issue.message);
    else unplaced.push({ path, message: issue.message });
  }
  return { byField, unplaced };
}

/** A stable DOM id for a field path, so the checklist can move focus to it. */
export function fieldDomId(path: string): string {
  return `app-field-${path.replace(/[^A-Za-z0-9_]+/g, '-')}`;
}
