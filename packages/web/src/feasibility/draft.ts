/**
 * The cohort builder's editable state (a "draft") and its conversion to and from a cohort definition
 * (packages/core/src/cohort/definition.ts; issue 4 §1). Inputs hold text, so a half-typed number or an
 * empty box is kept as typed; `toDefinition` turns the draft into the JSON the hub accepts and
 * `fromDefinition` loads any definition (pasted JSON, the example) back into the builder. Pure, no React.
 */
import type { CohortDefinitionInput } from '@openehds/core';
import {
  allowsDescendants,
  defaultVocabulary,
  isEventType,
  VOCABULARIES,
  type CriterionType,
  type EventType,
  type Vocabulary,
} from './vocab';

export type Sex = 'male' | 'female' | 'unknown';

/** One criterion as the builder edits it: every type's fields, only the type's own are used. */
export interface CriterionDraft {
  key: string;
  type: CriterionType;
  vocabulary: Vocabulary;
  /** Codes separated by commas, spaces or new lines. */
  codes: string;
  descendants: boolean;
  valueMin: string;
  valueMax: string;
  unit: string;
  windowStart: string;
  windowEnd: string;
  dateFrom: string;
  dateTo: string;
  /** HPO terms separated by commas, spaces or new lines. */
  terms: string;
  status: 'present' | 'excluded';
  ageMin: string;
  ageMax: string;
  /** Age at the index date, or at a calendar date (`ageDate`). */
  ageAt: 'index' | 'date';
  ageDate: string;
  sexes: Sex[];
  assembly: 'GRCh38' | 'GRCh37';
  gene: string;
  chrom: string;
  pos: string;
  ref: string;
  alt: string;
  zygosity: '' | 'heterozygous' | 'homozygous' | 'hemizygous';
}

/** A group of criteria: ALL must hold, or ANY one. */
export interface GroupDraft {
  key: string;
  name: string;
  match: 'all' | 'any';
  criteria: CriterionDraft[];
}

/** The whole builder. */
export interface CohortDraft {
  name: string;
  useIndex: boolean;
  /** The index event (an event criterion); its window is never used. */
  index: CriterionDraft;
  occurrence: 'first' | 'last';
  inclusion: GroupDraft[];
  exclusion: GroupDraft[];
  requireObservationPeriod: boolean;
  minPriorObservationDays: string;
}

export type Side = 'inclusion' | 'exclusion';

let nextKey = 0;
/** A key unique in this page, for React lists (never sent). */
export function newKey(prefix: string): string {
  nextKey += 1;
  return `${prefix}${nextKey}`;
}

/** An empty criterion of a type. */
export function emptyCriterion(type: CriterionType = 'condition'): CriterionDraft {
  return {
    key: newKey('c'),
    type,
    vocabulary: defaultVocabulary(type),
    codes: '',
    descendants: false,
    valueMin: '',
    valueMax: '',
    unit: '',
    windowStart: '',
    windowEnd: '',
    dateFrom: '',
    dateTo: '',
    terms: '',
    status: 'present',
    ageMin: '',
    ageMax: '',
    ageAt: 'index',
    ageDate: '',
    sexes: [],
    assembly: 'GRCh38',
    gene: '',
    chrom: '',
    pos: '',
    ref: '',
    alt: '',
    zygosity: '',
  };
}

/** A group holding one empty criterion. */
export function emptyGroup(type: CriterionType = 'condition'): GroupDraft {
  return { key: newKey('g'), name: '', match: 'all', criteria: [emptyCriterion(type)] };
}

/** The builder when the page opens: one inclusion group, no index event. */
export function emptyDraft(): CohortDraft {
  return {
    name: '',
    useIndex: false,
    index: emptyCriterion('condition'),
    occurrence: 'first',
    inclusion: [emptyGroup('condition')],
    exclusion: [],
    requireObservationPeriod: false,
    minPriorObservationDays: '',
  };
}

/** Changing a criterion's type keeps what still applies and picks a sensible vocabulary. */
export function withType(c: CriterionDraft, type: CriterionType): CriterionDraft {
  if (c.type === type) return c;
  const vocabulary = c.codes.trim() ? c.vocabulary : defaultVocabulary(type);
  return { ...c, type, vocabulary, descendants: c.descendants && allowsDescendants(vocabulary) };
}

/** Changing the vocabulary clears "include descendants" where the vocabulary has no code hierarchy. */
export function withVocabulary(c: CriterionDraft, vocabulary: Vocabulary): CriterionDraft {
  return { ...c, vocabulary, descendants: c.descendants && allowsDescendants(vocabulary) };
}

/** Splits a list typed with commas, semicolons, spaces or new lines. */
export function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** '' → undefined, otherwise a number (NaN for text that is not one, so validation names the field). */
export function toNumber(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
}

const text = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

type Json = Record<string, unknown>;

/** Drops undefined members, so the JSON shows only what was given. */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function timing(c: CriterionDraft, withWindow: boolean): Json {
  const startDays = toNumber(c.windowStart);
  const endDays = toNumber(c.windowEnd);
  const from = text(c.dateFrom);
  const to = text(c.dateTo);
  return compact({
    window:
      withWindow && (startDays !== undefined || endDays !== undefined)
        ? compact({ startDays, endDays })
        : undefined,
    dateRange: from !== undefined || to !== undefined ? compact({ from, to }) : undefined,
  });
}

/** One criterion as the definition's JSON (`withWindow` false for the index event). */
export function toCriterion(c: CriterionDraft, withWindow = true): Json {
  const codes = () =>
    compact({
      vocabulary: c.vocabulary,
      codes: splitList(c.codes),
      descendants: c.descendants ? true : undefined,
    });
  switch (c.type) {
    case 'condition':
    case 'drug':
    case 'procedure':
      return { type: c.type, codes: codes(), ...timing(c, withWindow) };
    case 'measurement': {
      const min = toNumber(c.valueMin);
      const max = toNumber(c.valueMax);
      return compact({
        type: c.type,
        codes: codes(),
        value: min !== undefined || max !== undefined ? compact({ min, max }) : undefined,
        unit: text(c.unit),
        ...timing(c, withWindow),
      });
    }
    case 'phenotype':
      return { type: c.type, terms: splitList(c.terms), status: c.status, ...timing(c, withWindow) };
    case 'age':
      return compact({
        type: c.type,
        min: toNumber(c.ageMin),
        max: toNumber(c.ageMax),
        at: c.ageAt === 'index' ? 'index' : c.ageDate.trim(),
      });
    case 'sex':
      return { type: c.type, values: [...c.sexes] };
    case 'variant':
      return compact({
        type: c.type,
        assembly: c.assembly,
        gene: text(c.gene),
        chrom: text(c.chrom),
        pos: toNumber(c.pos),
        ref: text(c.ref),
        alt: text(c.alt),
        zygosity: c.zygosity || undefined,
      });
  }
}

/** The builder's state as a cohort definition (what the JSON view shows and Run sends). */
export function toDefinition(d: CohortDraft): CohortDefinitionInput {
  const groups = (gs: GroupDraft[]) =>
    gs.map((g) =>
      compact({ name: text(g.name), match: g.match, criteria: g.criteria.map((c) => toCriterion(c)) }),
    );
  return compact({
    version: 1,
    name: text(d.name),
    index: d.useIndex ? { event: toCriterion(d.index, false), occurrence: d.occurrence } : undefined,
    inclusion: groups(d.inclusion),
    exclusion: groups(d.exclusion),
    requireObservationPeriod: d.requireObservationPeriod,
    minPriorObservationDays: toNumber(d.minPriorObservationDays),
  }) as CohortDefinitionInput;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const list = (v: unknown): string => (Array.isArray(v) ? v.map(str).join(', ') : '');

/** One criterion of a (valid) definition as a draft row. */
export function fromCriterion(raw: unknown): CriterionDraft {
  const c = obj(raw);
  const type = (typeof c.type === 'string' ? c.type : 'condition') as CriterionType;
  const base = emptyCriterion(type);
  const codes = obj(c.codes);
  const value = obj(c.value);
  const window = obj(c.window);
  const range = obj(c.dateRange);
  const vocabulary = (VOCABULARIES as readonly string[]).includes(str(codes.vocabulary))
    ? (codes.vocabulary as Vocabulary)
    : base.vocabulary;
  const at = c.at === undefined || c.at === 'index' ? 'index' : 'date';
  return {
    ...base,
    vocabulary,
    codes: list(codes.codes),
    descendants: codes.descendants === true,
    valueMin: str(value.min),
    valueMax: str(value.max),
    unit: str(c.unit),
    windowStart: str(window.startDays),
    windowEnd: str(window.endDays),
    dateFrom: str(range.from),
    dateTo: str(range.to),
    terms: list(c.terms),
    status: c.status === 'excluded' ? 'excluded' : 'present',
    ageMin: type === 'age' ? str(c.min) : '',
    ageMax: type === 'age' ? str(c.max) : '',
    ageAt: at,
    ageDate: at === 'date' ? str(c.at) : '',
    sexes: Array.isArray(c.values) ? (c.values.filter((v) => typeof v === 'string') as Sex[]) : [],
    assembly: c.assembly === 'GRCh37' ? 'GRCh37' : 'GRCh38',
    gene: str(c.gene),
    chrom: str(c.chrom),
    pos: str(c.pos),
    ref: str(c.ref),
    alt: str(c.alt),
    zygosity: (['heterozygous', 'homozygous', 'hemizygous'] as const).find((z) => z === c.zygosity) ?? '',
  };
}

function fromGroups(raw: unknown): GroupDraft[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((g) => {
    const o = obj(g);
    return {
      key: newKey('g'),
      name: str(o.name),
      match: o.match === 'any' ? 'any' : 'all',
      criteria: Array.isArray(o.criteria) ? o.criteria.map(fromCriterion) : [],
    };
  });
}

/** A definition (valid: check it with `definitionIssues` first) loaded into the builder. */
export function fromDefinition(def: CohortDefinitionInput): CohortDraft {
  const d = obj(def);
  const index = obj(d.index);
  const event = index.event === undefined ? undefined : fromCriterion(index.event);
  return {
    name: str(d.name),
    useIndex: event !== undefined,
    index: event && isEventType(event.type) ? event : emptyCriterion('condition'),
    occurrence: index.occurrence === 'last' ? 'last' : 'first',
    inclusion: fromGroups(d.inclusion),
    exclusion: fromGroups(d.exclusion),
    requireObservationPeriod: d.requireObservationPeriod === true,
    minPriorObservationDays: str(d.minPriorObservationDays),
  };
}

/** The event types an index event may take. */
export type IndexType = EventType;
