import type {
  AiCapabilitiesJson,
  StakeholderOrgInput,
  StakeholderOrgJson,
  StakeholderType,
} from '@openehds/client';

/**
 * The organisation form as text fields, turned into the hub's input, and the hub's problem+json
 * issues placed beside the fields they name. Pure, no React.
 */

/** The organisation form's fields. */
export interface OrgDraft {
  name: string;
  type: StakeholderType;
  country: string;
  ehdsRoles: string[];
  interest: string;
  influence: string;
  website: string;
  description: string;
  organisationId: string;
  gpus: string;
  partitions: string;
  services: string;
}

/** An empty form. */
export const emptyOrgDraft = (): OrgDraft => ({
  name: '',
  type: 'biotech',
  country: '',
  ehdsRoles: [],
  interest: '3',
  influence: '3',
  website: '',
  description: '',
  organisationId: '',
  gpus: '',
  partitions: '',
  services: '',
});

/** The form filled with an organisation, to edit it. */
export function draftFromOrg(org: StakeholderOrgJson): OrgDraft {
  const ai = org.aiCapabilities;
  return {
    name: org.name,
    type: org.type,
    country: org.country,
    ehdsRoles: [...org.ehdsRoles],
    interest: String(org.interest),
    influence: String(org.influence),
    website: org.website ?? '',
    description: org.description ?? '',
    organisationId: org.organisationId ?? '',
    gpus: (ai?.gpus ?? []).map((g) => `${g.model}:${g.count}`).join('\n'),
    partitions: (ai?.partitions ?? []).join('; '),
    services: (ai?.services ?? []).join('; '),
  };
}

const items = (text: string) =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** GPUs from `model:count` items, or null when one cannot be read. */
export function parseGpus(text: string): AiCapabilitiesJson['gpus'] | null {
  const out: AiCapabilitiesJson['gpus'] = [];
  for (const item of items(text)) {
    const at = item.lastIndexOf(':');
    const count = at > 0 ? item.slice(at + 1).trim() : '';
    if (!/^\d+$/.test(count)) return null;
    out.push({ model: item.slice(0, at).trim(), count: Number(count) });
  }
  return out;
}

/** A number typed in a field; text that is not one goes as is, so the hub names the field. */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * The hub's input from the form, or the fields the browser can already tell are wrong (a GPU list it
 * cannot read). Everything else is left to the hub, which lists every field at fault.
 */
export function orgInputFromDraft(
  d: OrgDraft,
  gpuMessage: string,
): { input: StakeholderOrgInput; issues: { path: string; message: string }[] } {
  const gpus = parseGpus(d.gpus);
  const issues = gpus === null ? [{ path: 'gpus', message: gpuMessage }] : [];
  const ai =
    d.type === 'ai_factory' && (d.gpus.trim() || d.partitions.trim() || d.services.trim())
      ? { gpus: gpus ?? [], partitions: items(d.partitions), services: items(d.services) }
      : null;
  return {
    input: {
      name: d.name,
      type: d.type,
      country: d.country,
      ehdsRoles: d.ehdsRoles as StakeholderOrgInput['ehdsRoles'],
      aiCapabilities: ai,
      interest: num(d.interest),
      influence: num(d.influence),
      website: d.website.trim() || null,
      description: d.description.trim() || null,
      organisationId: d.organisationId || null,
    },
    issues,
  };
}

/** The form field an issue path belongs to (`aiCapabilities.gpus[0].count` → `gpus`). */
export function fieldOf(path: string | undefined): string {
  if (!path) return '';
  const m = /^aiCapabilities\.(gpus|partitions|services)/.exec(path);
  if (m) return m[1]!;
  return path.split(/[.[]/)[0]!;
}

/** Issues grouped by form field; those naming no field go under ''. */
export function issuesByField(
  issues: readonly { path?: string; message: string }[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[fieldOf(i.path)] ??= []).push(i.message);
  return out;
}
