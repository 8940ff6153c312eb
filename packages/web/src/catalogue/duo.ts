/**
 * GA4GH Data Use Ontology (DUO) terms as the browser shows and edits them (EHDS.md §16). The ids,
 * shorthands and labels repeat `DUO_TERMS` of @openehds/core (duo.csv 2021-02-23), which is not
 * browser-safe to import; `duo.test.ts` checks the two lists agree. Pure, no React.
 */
import type { DataUseCondition, DataUseFinding, DataUseVerdict } from '@openehds/client';

/** A parameter some DUO terms take. */
export type DuoParameter = 'diseaseCodes' | 'countries' | 'until' | 'months';

/** One DUO term the holder can choose. */
export interface DuoWebTerm {
  id: string;
  shorthand: string;
  label: string;
  role: 'permission' | 'modifier';
  /** Parameters the term takes (the hub and node refuse others). */
  params: readonly DuoParameter[];
  /** Parameters of which at least one is required. */
  needs: readonly DuoParameter[];
}

const term = (
  id: string,
  shorthand: string,
  label: string,
  role: DuoWebTerm['role'],
  params: DuoParameter[] = [],
  needs: DuoParameter[] = params,
): DuoWebTerm => ({ id: `DUO:${id}`, shorthand, label, role, params, needs });

/** Primary permissions (one per dataset), broadest first. */
export const DUO_PERMISSIONS: readonly DuoWebTerm[] = [
  term('0000004', 'NRES', 'no restriction', 'permission'),
  term('0000042', 'GRU', 'general research use', 'permission'),
  term('0000006', 'HMB', 'health or medical or biomedical research', 'permission'),
  term('0000007', 'DS', 'disease specific research', 'permission', ['diseaseCodes']),
  term('0000011', 'POA', 'population origins or ancestry research only', 'permission'),
];

/** Modifiers (any number), the commonly used first. */
export const DUO_MODIFIERS: readonly DuoWebTerm[] = [
  term('0000046', 'NCU', 'non-commercial use only', 'modifier'),
  term('0000045', 'NPU', 'not for profit organisation use only', 'modifier'),
  term('0000018', 'NPUNCU', 'not for profit, non commercial use only', 'modifier'),
  term('0000021', 'IRB', 'ethics approval required', 'modifier'),
  term('0000022', 'GS', 'geographical restriction', 'modifier', ['countries']),
  term('0000019', 'PUB', 'publication required', 'modifier'),
  term('0000020', 'COL', 'collaboration required', 'modifier'),
  term('0000029', 'RTN', 'return to database or resource', 'modifier'),
  term('0000025', 'TS', 'time limit on use', 'modifier', ['until', 'months']),
  term('0000024', 'MOR', 'publication moratorium', 'modifier', ['until']),
  term('0000026', 'US', 'user specific restriction', 'modifier'),
  term('0000027', 'PS', 'project specific restriction', 'modifier'),
  term('0000028', 'IS', 'institution specific restriction', 'modifier'),
  term('0000044', 'NPOA', 'population origins or ancestry research prohibited', 'modifier'),
  term('0000015', 'NMDS', 'no general methods research', 'modifier'),
  term('0000016', 'GSO', 'genetic studies only', 'modifier'),
  term('0000012', 'RS', 'research specific restrictions', 'modifier'),
  term('0000043', 'CC', 'clinical care use', 'modifier'),
];

const ALL = [...DUO_PERMISSIONS, ...DUO_MODIFIERS];

/** The term a code names: `DUO:0000006`, `DUO_0000006`, its OBO IRI, or a shorthand (any case). */
export function duoTerm(code: string): DuoWebTerm | undefined {
  const c = code.trim();
  const id = /(?:^|[/#])DUO[:_](\d{7})$/i.exec(c);
  if (id) return ALL.find((t) => t.id === `DUO:${id[1]}`);
  return ALL.find((t) => t.shorthand === c.toUpperCase());
}

/** The OBO IRI of a DUO id, for links: `DUO:0000006` → `http://purl.obolibrary.org/obo/DUO_0000006`. */
export function duoIri(id: string): string {
  return `http://purl.obolibrary.org/obo/${id.replace(':', '_')}`;
}

/** The parameters of a condition in words (`diseases E11, E10`), '' when it has none. */
export function conditionParameters(c: DataUseCondition): string {
  return [
    c.diseaseCodes?.length ? `${duoText.diseases} ${c.diseaseCodes.join(', ')}` : '',
    c.countries?.length ? `${duoText.countries} ${c.countries.join(', ')}` : '',
    c.until ? `${duoText.until} ${c.until}` : '',
    c.months !== undefined ? `${c.months} ${duoText.months}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The primary permission of a list (the first, when a stored list has several). */
export function primaryOf(conditions: readonly DataUseCondition[]): DataUseCondition | undefined {
  return conditions.find((c) => duoTerm(c.code)?.role === 'permission');
}

/** Replaces the primary permission (or removes it with null); the permission stays first in the list. */
export function setPermission(
  conditions: readonly DataUseCondition[],
  id: string | null,
): DataUseCondition[] {
  const modifiers = conditions.filter((c) => duoTerm(c.code)?.role !== 'permission');
  return id ? [{ code: id }, ...modifiers] : modifiers;
}

/** Adds (at the end) or removes a modifier. */
export function toggleModifier(
  conditions: readonly DataUseCondition[],
  id: string,
  on: boolean,
): DataUseCondition[] {
  const without = conditions.filter((c) => duoTerm(c.code)?.id !== id);
  return on ? [...without, { code: id }] : without;
}

/** Changes the parameters of the condition with this DUO id. */
export function patchCondition(
  conditions: readonly DataUseCondition[],
  id: string,
  patch: Partial<Omit<DataUseCondition, 'code'>>,
): DataUseCondition[] {
  return conditions.map((c) => (duoTerm(c.code)?.id === id ? { ...c, ...patch } : c));
}

/**
 * The conditions as sent to the node: parameters trimmed, empty ones left out (so the node reports a
 * missing required one beside its field), the order kept so issue indexes match; undefined when none.
 */
export function cleanDataUse(
  conditions: readonly DataUseCondition[] | undefined,
): DataUseCondition[] | undefined {
  if (!conditions?.length) return undefined;
  return conditions.map((c) => {
    const diseaseCodes = (c.diseaseCodes ?? []).map((s) => s.trim()).filter(Boolean);
    const countries = (c.countries ?? []).map((s) => s.trim().toUpperCase()).filter(Boolean);
    const until = c.until?.trim();
    return {
      code: c.code,
      ...(diseaseCodes.length ? { diseaseCodes } : {}),
      ...(countries.length ? { countries } : {}),
      ...(until ? { until } : {}),
      ...(c.months !== undefined && Number.isFinite(c.months) ? { months: c.months } : {}),
    };
  });
}

/** The form field paths of the conditions, as the node's validator names them (`dataUse.2.countries`). */
export function dataUseFields(count: number): string[] {
  const out = ['dataUse'];
  for (let i = 0; i < count; i++)
    for (const f of ['', '.code', '.diseaseCodes', '.countries', '.until', '.months'])
      out.push(`dataUse.${i}${f}`);
  return out;
}

/** CSS status class of a verdict or finding outcome (green, amber, red). */
export function outcomeClass(outcome: DataUseVerdict | DataUseFinding['outcome'] | null): string {
  if (outcome === 'compatible' || outcome === 'ok') return 'status status-approved';
  if (outcome === 'incompatible' || outcome === 'conflict') return 'status status-rejected';
  return 'status status-pending';
}

/** The words of the DUO components (kept here so the components can be dropped in anywhere). */
export const duoText = {
  diseases: 'diseases',
  countries: 'countries',
  until: 'until',
  months: 'months',
  sectionTitle: 'Data-use conditions',
  sectionIntro:
    'What the data holder allows the data to be used for, in the terms of the GA4GH Data Use Ontology (DUO). Each application is matched against them; the data permit decides (Art. 68).',
  none: 'The data holder states no data-use conditions. The HDAB assesses the purpose under Art. 53 alone.',
  permission: 'Primary permission',
  modifiers: 'Modifiers',
  term: 'Condition',
  id: 'DUO id',
  parameters: 'Parameters',
  editorTitle: 'Data-use conditions (GA4GH DUO)',
  editorIntro:
    'Choose what the consent or law under which the data were collected allows (one primary permission), and any further conditions. Applicants and the HDAB see each application matched against them.',
  noPermission: 'None stated',
  diseaseCodesField: 'Disease codes (DS)',
  diseaseCodesHint: 'ICD-10 or other codes, comma-separated, e.g. E11, E10',
  countriesField: 'Countries (GS)',
  countriesHint: 'ISO country codes, comma-separated, or EU / EEA',
  untilField: 'Until',
  monthsField: 'At most, months',
  matchTitle: 'Data-use conditions of the requested datasets',
  matchIntro:
    'Each dataset’s DUO conditions matched against the purposes, commercial use, diseases, ethics approval and country of this application. An aid to the assessment; the HDAB decides (Art. 68).',
  matchNone: 'None of the requested datasets states data-use conditions.',
  noVerdict: 'State at least one purpose (Art. 53(1)) to match the conditions.',
  outcome: 'Outcome',
  why: 'Why',
  verdicts: {
    compatible: 'Compatible',
    conditional: 'Conditional',
    incompatible: 'Incompatible',
  } satisfies Record<DataUseVerdict, string>,
  outcomes: {
    ok: 'Met',
    requires: 'To provide or confirm',
    conflict: 'Conflict',
  } satisfies Record<DataUseFinding['outcome'], string>,
  pending: 'Not matched yet',
} as const;
