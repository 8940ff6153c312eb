import type { Queryable } from '@openehds/db';
import {
  addCalendarMonths,
  matchDataUse,
  type ApplicationContent,
  type DataUse,
  type DataUseMatch,
  type DuoCondition,
  type DuoFinding,
} from '@openehds/core';
import { dataUseSchema, type DataUseCondition } from '@openehds/standards';

/**
 * The DUO data-use conditions of each requested dataset matched against the use the application
 * states (EHDS.md §16), shown alike to the applicant and the HDAB in the case file. An aid to the
 * assessment of Art. 68(1) only: the HDAB decides and the data permit rules.
 */

/** The match for one requested dataset that states data-use conditions. */
export interface DatasetDataUse {
  datasetId: string;
  title: string;
  /** The conditions as the data holder published them (DUO CURIEs and parameters). */
  conditions: DataUseCondition[];
  /** Null until the application states at least one Art. 53(1) purpose: nothing to match yet. */
  verdict: DataUseMatch['verdict'] | null;
  findings: DuoFinding[];
}

/** What the case file knows beyond its content. */
export interface DataUseContext {
  /**
   * ISO 3166-1 alpha-2 country of the applicant organisation, checked against GS conditions: the data
   * stay in the SPE (Art. 73), so a geographical limit bears on where the persons using them are.
   */
  country?: string;
  /** Start of the requested access period for TS conditions; defaults to now. */
  now?: Date;
}

const ORDER: Record<DataUseMatch['verdict'], number> = { compatible: 0, conditional: 1, incompatible: 2 };
const COMMERCIAL_UNKNOWN =
  'the application does not yet say whether the use is commercial; state it, since this condition depends on it';

/** The use an application states, as the DUO matching reads it. */
function statedUse(content: ApplicationContent, context: DataUseContext, commercial: boolean): DataUse {
  const from = context.now ?? new Date();
  return {
    purposes: content.purposes ?? [],
    commercial,
    diseaseCodes: content.diseaseCodes ?? [],
    // Art. 67(2)(j): only an approval already obtained counts; pending or not required does not.
    ethicsApproval: content.ethics?.status === 'approved',
    // An EU institution's "country" EU names no place; GS is then left for the HDAB to confirm.
    ...(context.country && context.country !== 'EU' ? { country: context.country } : {}),
    // Art. 67(2)(h): the SPE is needed for speMonths; the access period runs from the permit on.
    ...(content.speMonths ? { period: { from, until: addCalendarMonths(from, content.speMonths) } } : {}),
  };
}

/**
 * Matches with the stated use; when the application does not yet say whether the use is commercial,
 * matches both ways and marks every finding that depends on it as `requires` (commercial use can
 * only make a condition harder to meet, so the non-commercial match is the better case).
 */
function matchStated(conditions: DuoCondition[], content: ApplicationContent, context: DataUseContext) {
  if (content.commercial !== undefined)
    return matchDataUse(conditions, statedUse(content, context, content.commercial));
  const ifNot = matchDataUse(conditions, statedUse(content, context, false));
  const ifSo = matchDataUse(conditions, statedUse(content, context, true));
  if (
    ifNot.verdict === ifSo.verdict &&
    ifNot.findings.every((f, i) => f.outcome === ifSo.findings[i]?.outcome)
  )
    return ifNot;
  return {
    verdict: ORDER[ifNot.verdict] >= ORDER.conditional ? ifNot.verdict : ('conditional' as const),
    findings: ifNot.findings.map((f, i) =>
      f.outcome === ifSo.findings[i]?.outcome
        ? f
        : { ...f, outcome: 'requires' as const, message: COMMERCIAL_UNKNOWN },
    ),
  };
}

/** A stored condition as the matcher takes it (dates as Date). */
function toDuo(c: DataUseCondition): DuoCondition {
  return {
    code: c.code,
    ...(c.diseaseCodes ? { diseaseCodes: c.diseaseCodes } : {}),
    ...(c.countries ? { countries: c.countries } : {}),
    ...(c.until ? { until: new Date(`${c.until}T00:00:00Z`) } : {}),
    ...(c.months !== undefined ? { months: c.months } : {}),
  };
}

/**
 * For each requested dataset of the catalogue that states DUO conditions, the verdict and one finding
 * per condition against the application's purposes, commercial use, diseases studied, ethics approval
 * and country. Datasets without conditions, or not in the catalogue, are left out.
 */
export async function dataUseFindings(
  db: Queryable,
  content: ApplicationContent,
  context: DataUseContext = {},
): Promise<DatasetDataUse[]> {
  const requested = content.datasets ?? [];
  const ids = [...new Set(requested.map((d) => d.datasetId))];
  if (!ids.length) return [];
  const rows = await db.query<{ id: string; description: Record<string, unknown> | null }>(
    'SELECT id, description FROM dataset WHERE id = ANY($1::text[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r.description ?? {}]));
  const out: DatasetDataUse[] = [];
  for (const id of ids) {
    const description = byId.get(id);
    // Stored descriptions were validated at publication; a malformed list is skipped, never guessed.
    const parsed = dataUseSchema.safeParse(description?.dataUse);
    if (!description || !parsed.success || !parsed.data.length) continue;
    const conditions = parsed.data;
    const title =
      (description.title as Record<string, string> | undefined)?.en ??
      requested.find((d) => d.datasetId === id)?.title ??
      id;
    if (!content.purposes?.length) {
      out.push({ datasetId: id, title, conditions, verdict: null, findings: [] });
      continue;
    }
    const match = matchStated(conditions.map(toDuo), content, context);
    out.push({ datasetId: id, title, conditions, verdict: match.verdict, findings: match.findings });
  }
  return out;
}
