import type { StakeholderOrg, StakeholderPerson } from './model';
import { OrganisationInput } from './schemas';
import { readCell } from './csv';

/**
 * Organisations (and people) as CSV rows, and a CSV row back into a checked organisation (issue 6
 * §1). Lists inside a cell (EHDS roles, partitions, services) are separated by `;`; GPUs are written
 * `model:count` (`AMD MI250X:11912; NVIDIA A100:64`). Pure.
 */

/** The columns of the organisations CSV, export and import alike. */
export const ORG_CSV_COLUMNS = [
  'name',
  'type',
  'country',
  'ehds_roles',
  'interest',
  'influence',
  'gpus',
  'partitions',
  'services',
  'website',
  'description',
] as const;

/** Columns an import file must have. */
export const REQUIRED_ORG_COLUMNS = ['name', 'type', 'country', 'interest', 'influence'] as const;

/** The columns of the people CSV; `email` only in a staff member's export. */
export const PERSON_CSV_COLUMNS = ['name', 'organisation', 'title', 'email'] as const;

const list = (values: readonly string[] | undefined) => (values ?? []).join('; ');

/** One organisation as a CSV row (ORG_CSV_COLUMNS order). */
export function orgCsvRow(org: StakeholderOrg): (string | number | null)[] {
  const ai = org.aiCapabilities;
  return [
    org.name,
    org.type,
    org.country,
    list(org.ehdsRoles),
    org.interest,
    org.influence,
    list(ai?.gpus.map((g) => `${g.model}:${g.count}`)),
    list(ai?.partitions),
    list(ai?.services),
    org.website,
    org.description,
  ];
}

/** One person as a CSV row; the email column only when `withEmail`. */
export function personCsvRow(p: StakeholderPerson, withEmail: boolean): (string | null)[] {
  return withEmail ? [p.name, p.orgName, p.title, p.email ?? null] : [p.name, p.orgName, p.title];
}

const split = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** `1`..`5` as a number; anything else stays text so the schema names it. */
const whole = (cell: string): number | string => (/^-?\d+$/.test(cell) ? Number(cell) : cell);

/** GPUs from `model:count; model:count`, or the reason they cannot be read. */
function gpus(cell: string): { model: string; count: number }[] | string {
  const out: { model: string; count: number }[] = [];
  for (const part of split(cell)) {
    const at = part.lastIndexOf(':');
    const count = at > 0 ? part.slice(at + 1).trim() : '';
    if (!/^\d+$/.test(count))
      return `gpus: write each GPU type as model:count, separated by ; (e.g. "NVIDIA A100:64"), not "${part}"`;
    out.push({ model: part.slice(0, at).trim(), count: Number(count) });
  }
  return out;
}

/** Field names of the schema as the CSV columns call them, for the reasons of a bad row. */
const COLUMN_OF: Record<string, string> = {
  ehdsRoles: 'ehds_roles',
  aiCapabilities: 'gpus/partitions/services',
};

/**
 * Reads one CSV record (cells by column name) into a checked organisation, or lists every reason
 * it is refused, each starting with the column at fault (`country: "XX" is not a country code…`).
 */
export function orgFromCsv(
  cells: Record<string, string>,
): { ok: true; input: OrganisationInput } | { ok: false; reasons: string[] } {
  const get = (column: string) => readCell(cells[column]);
  const reasons: string[] = [];
  const gpuCell = get('gpus');
  const parsedGpus = gpus(gpuCell);
  if (typeof parsedGpus === 'string') reasons.push(parsedGpus);
  const partitions = split(get('partitions'));
  const services = split(get('services'));
  const hasAi = gpuCell !== '' || partitions.length > 0 || services.length > 0;
  const raw = {
    name: get('name'),
    type: get('type').toLowerCase() || undefined,
    country: get('country'),
    ehdsRoles: split(get('ehds_roles')).map((r) => r.toLowerCase()),
    interest: get('interest') === '' ? undefined : whole(get('interest')),
    influence: get('influence') === '' ? undefined : whole(get('influence')),
    aiCapabilities: hasAi
      ? { gpus: typeof parsedGpus === 'string' ? [] : parsedGpus, partitions, services }
      : null,
    website: get('website') || null,
    description: get('description') || null,
  };
  const result = OrganisationInput.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = COLUMN_OF[field] ?? field;
      reasons.push(column ? `${column}: ${issue.message}` : issue.message);
    }
  }
  if (reasons.length || !result.success) return { ok: false, reasons };
  return { ok: true, input: result.data };
}
