/**
 * The Kaplan–Meier form's state and its request (core `KmAnalysisRequest`; issue 4 §4): one survival
 * variable — days from the start of the person's first observation period to a coded event or death,
 * censored at the end of follow-up — optionally one curve per level of a categorical group, times
 * coarsened to multiples of `intervalDays` before they leave a node. Pure, no React.
 */
import { allowsDescendants, type Vocabulary } from '../feasibility/vocab';
import {
  codeErrors,
  codeSetOf,
  emptyVariable,
  hubIssueKey,
  isCategorical,
  nameErrors,
  push,
  toVariables,
  variableErrors,
  type FormErrors,
  type VariableRow,
} from './variables-form';
import type { KmRequest, SurvivalEventInput } from './types';

export const EVENT_DOMAINS = ['death', 'condition', 'drug', 'procedure', 'measurement'] as const;
export type EventDomain = (typeof EVENT_DOMAINS)[number];

/** The whole form; `group` null for one curve of everyone. */
export interface KmDraft {
  name: string;
  domain: EventDomain;
  vocabulary: Vocabulary;
  codes: string;
  descendants: boolean;
  group: VariableRow | null;
  intervalDays: string;
}

/** The form as it opens: overall survival (to death), one curve per sex, in weeks. */
export function exampleKmDraft(): KmDraft {
  return {
    name: 'os',
    domain: 'death',
    vocabulary: 'ICD10',
    codes: '',
    descendants: false,
    group: { ...emptyVariable('sex'), name: 'sex' },
    intervalDays: '7',
  };
}

/** The event domain changed: a fitting vocabulary while no codes are typed. */
export function withDomain(d: KmDraft, domain: EventDomain): KmDraft {
  const vocabulary = d.codes.trim()
    ? d.vocabulary
    : domain === 'death'
      ? d.vocabulary
      : emptyVariable(domain).vocabulary;
  return { ...d, domain, vocabulary, descendants: d.descendants && allowsDescendants(vocabulary) };
}

/** The request for the hub. */
export function toKmRequest(d: KmDraft): KmRequest {
  const name = d.name.trim();
  const event: SurvivalEventInput =
    d.domain === 'death' ? { domain: 'death' } : { domain: d.domain, codes: codeSetOf(d) };
  const group = d.group ? toVariables([d.group]) : {};
  const groupName = d.group?.name.trim();
  return {
    kind: 'km',
    survival: name,
    ...(groupName ? { group: groupName } : {}),
    intervalDays: Number(d.intervalDays.trim()),
    variables: { [name]: { kind: 'survival', event }, ...group },
  };
}

/** What is wrong with the form before it is sent; {} when the hub can take it. */
export function kmDraftErrors(d: KmDraft): FormErrors {
  const errors: FormErrors = {};
  const seen = new Set<string>();
  nameErrors(errors, 'name', d.name, seen);
  if (d.domain !== 'death') codeErrors(errors, '', d);
  if (d.group) {
    Object.assign(errors, variableErrors([d.group], seen));
    if (!isCategorical(d.group.kind))
      push(errors, `row:${d.group.key}:kind`, 'Group by sex or a 0/1 condition, drug or procedure.');
  }
  const days = d.intervalDays.trim();
  if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 365)
    push(errors, 'intervalDays', 'A whole number of days from 1 to 365 (7 is weeks, 30 about months).');
  return errors;
}

/**
 * Places a hub issue on the form: the survival variable's paths on its fields, `group` on the group's
 * name, `intervalDays` on its field.
 */
export function kmIssueKey(path: string, d: KmDraft): string {
  const p = path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '');
  const name = d.name.trim();
  if (p === 'survival') return 'name';
  if (p.startsWith(`variables.${name}`)) {
    const rest = p.slice(`variables.${name}`.length);
    return rest.includes('descendants') ? 'descendants' : rest.includes('codes') ? 'codes' : 'domain';
  }
  if (p === 'group' && d.group) return `row:${d.group.key}:name`;
  return d.group ? hubIssueKey(p, [d.group], ['intervalDays']) : p === 'intervalDays' ? p : 'general';
}
