/**
 * The search form → one Beacon query for the hub's network (issue 5 §5), or the problems of each field.
 * Pure: the page sends what this returns through `client.beacon` and shows the problems beside their
 * fields (WCAG 3.3.1).
 */
import type { BeaconFilterJson, BeaconQueryInput } from '@openehds/client';
import { readVariantInput, type VariantInput } from './variant-input';
import { genomicsText as t } from './strings';

/** Assemblies a user may pick; GRCh38 first, as the nodes' data declare by default. */
export const ASSEMBLIES = ['GRCh38', 'GRCh37'] as const;
export type Assembly = (typeof ASSEMBLIES)[number];

/** Sex as Beacon's default model codes it (NCIT), the terms every node holds. */
export const SEX_TERMS = { female: 'NCIT:C16576', male: 'NCIT:C20197' } as const;
export type SexChoice = 'any' | keyof typeof SEX_TERMS;

export type EntryKind = 'variants' | 'individuals';

/** What the form holds. */
export interface SearchForm {
  variant: string;
  assembly: Assembly;
  entry: EntryKind;
  /** Picked HPO term ids (`HP:0001250`). */
  phenotypes: string[];
  sex: SexChoice;
}

/** A fresh form: variants on GRCh38, nothing picked. */
export function emptySearchForm(): SearchForm {
  return { variant: '', assembly: 'GRCh38', entry: 'variants', phenotypes: [], sex: 'any' };
}

/** The form's fields, where a problem is shown. */
export type SearchField = 'variant' | 'assembly' | 'phenotypes' | 'sex' | 'entry';

export type SearchPlan =
  | { ok: true; entry: EntryKind; query: BeaconQueryInput; variant: VariantInput | null }
  | { ok: false; issues: Partial<Record<SearchField, string[]>> };

/** Beacon variant parameters of a read variant box: 0-based, half-open (see variant-input.ts). */
export function variantParameters(input: VariantInput, assembly: Assembly): BeaconQueryInput {
  switch (input.kind) {
    case 'allele':
      return {
        assemblyId: assembly,
        referenceName: input.referenceName,
        start: [input.start0],
        referenceBases: input.referenceBases,
        alternateBases: input.alternateBases,
      };
    case 'range':
      return {
        assemblyId: assembly,
        referenceName: input.referenceName,
        start: [input.start0],
        end: [input.end0],
      };
    case 'gene':
      return { assemblyId: assembly, geneId: input.geneId };
  }
}

/** The filters: every picked phenotype, and sex unless "any". */
export function searchFilters(form: Pick<SearchForm, 'phenotypes' | 'sex'>): BeaconFilterJson[] {
  const terms = [...new Set(form.phenotypes)].map((id) => ({ id }));
  return form.sex === 'any' ? terms : [...terms, { id: SEX_TERMS[form.sex] }];
}

/**
 * The query to send, asking for records when signed in (the hub answers at most what the caller may
 * see: counts, or records for the datasets of their permit) and yes/no otherwise.
 */
export function planSearch(form: SearchForm, signedIn: boolean, limit = 20): SearchPlan {
  const reading = readVariantInput(form.variant);
  const issues: Partial<Record<SearchField, string[]>> = {};
  if (reading && !reading.ok) issues.variant = [reading.error];
  if (!reading && form.entry === 'variants') issues.variant = [t.variant.required];
  if (Object.keys(issues).length) return { ok: false, issues };
  const variant = reading?.ok ? reading.input : null;
  const filters = searchFilters(form);
  return {
    ok: true,
    entry: form.entry,
    variant,
    query: {
      ...(variant ? variantParameters(variant, form.assembly) : {}),
      ...(filters.length ? { filters } : {}),
      requestedGranularity: signedIn ? 'record' : 'boolean',
      // Signed in: every node's set, misses too, so a permit's dataset with no match still shows as
      // answered at record level (0), not as a count.
      ...(signedIn ? { limit, includeResultsetResponses: 'ALL' as const } : {}),
    },
  };
}
