import type { NodeStore } from '@openehds/analytics';
import type { BeaconQuery } from '@openehds/core';
import { alleleNumberOver } from './allele-number';
import type { RawDatasetAnswer } from './granularity';
import { biosampleId, variantRecord } from './records';
import type { PersonScope } from './scope';
import type { EngineState } from './state';
import type { VariantMatch } from './variant-match';
import { variantsWithCarriers } from './variant-sql';

/** What the genomicVariant answer needs besides the query. */
export interface VariantAnswerInput {
  store: NodeStore;
  state: EngineState;
  datasetId: string;
  assembly: string;
  match: VariantMatch | undefined;
  scope: PersonScope;
  /** Persons the filters allow; null = no filters. */
  cohort: ReadonlySet<number> | null;
  withRecords: boolean;
}

/**
 * The fast path (issue 5, Benchmarks): a position query without filters or records is answered from the
 * counted variants alone — the in-memory index, or while it is rebuilt a position-restricted read of the
 * store (state.ts; the same rows either way). `persons` is then the largest carrier count among the
 * matched variants — a lower bound of the distinct carriers behind them, so the small-count rule
 * (granularity.ts) errs on the side of hiding. Undefined when the query needs the general path.
 */
export async function fastVariantAnswer(
  state: EngineState,
  datasetId: string,
  match: VariantMatch | undefined,
  ready: boolean,
): Promise<RawDatasetAnswer | undefined> {
  if (!ready || !match || match.chrom === undefined) return undefined;
  const rows = await state.counted(match);
  let persons = 0;
  for (const r of rows) persons = Math.max(persons, r.carriers);
  const one = rows.length === 1 ? rows[0] : undefined;
  return {
    datasetId,
    count: rows.length,
    persons,
    ...(one?.alleleNumber !== undefined
      ? { alleles: { alleleCount: one.alleleCount, alleleNumber: one.alleleNumber } }
      : {}),
  };
}

/** The general path: variants and carriers from the store, cut to the scope and the filters' cohort. */
export async function variantAnswer(
  input: VariantAnswerInput,
  query: BeaconQuery,
): Promise<RawDatasetAnswer> {
  const { state, scope, cohort } = input;
  const keep = (personId: number) => scope.counts(personId) && (!cohort || cohort.has(personId));
  let variants = input.match ? await variantsWithCarriers(input.store, input.assembly, input.match) : [];
  if (query.entryId !== undefined) variants = variants.filter((v) => String(v.variantId) === query.entryId);
  const counted = variants
    .map((v) => ({ ...v, carriers: [...v.carriers].filter(([p]) => keep(p)) }))
    .filter((v) => v.carriers.length > 0);
  const persons = new Set(counted.flatMap((v) => v.carriers.map(([p]) => p)));
  const samples = await state.samples();
  // AN over the persons this answer counts (scope and filters), from the files' rosters.
  const alleleNumberOf = alleleNumberOver(await state.rosters(), keep);
  const alleleCount = (v: (typeof counted)[number]) => v.carriers.reduce((s, [, c]) => s + c.copies, 0);
  const single = counted.length === 1 ? counted[0]! : undefined;
  const singleAn = single && alleleNumberOf(single.sources.values());
  const answer: RawDatasetAnswer = {
    datasetId: input.datasetId,
    count: counted.length,
    persons: persons.size,
    ...(single && singleAn !== undefined
      ? { alleles: { alleleCount: alleleCount(single), alleleNumber: singleAn } }
      : {}),
  };
  if (input.withRecords) {
    answer.records = counted.slice(query.skip, query.skip + query.limit).map((v) =>
      variantRecord({
        variantId: v.variantId,
        assembly: input.assembly,
        chrom: v.chrom,
        start0: v.start0,
        ref: v.ref,
        alt: v.alt,
        variantType: v.variantType,
        datasetId: input.datasetId,
        alleleCount: alleleCount(v),
        alleleNumber: alleleNumberOf(v.sources.values()),
        carriers: v.carriers
          .map(([p, c]) => {
            const individualId = scope.idOf(p)!;
            const k = (samples.get(p) ?? []).indexOf(c.sample ?? '') + 1;
            return {
              individualId,
              biosampleId: biosampleId(individualId, Math.max(1, k)),
              zygosity: c.zygosity,
            };
          })
          .sort((a, b) => a.individualId.localeCompare(b.individualId)),
      }),
    );
  }
  return answer;
}
