import { createHmac } from 'node:crypto';
import type { NodeStore } from '@openehds/analytics';
import type { RegisteredPermit } from '../permits/registry';
import { nationalIdPseudonym } from '../opt-out/pseudonym';
import { optedOutAt, optOutKey, registryState } from '../opt-out/store';
import { approvalOf, type ChainVersion } from './approval';
import { populationOf } from './population';
import { chainSecret, writeExtract, type ExtractRecipe } from './store';

/** A prepared extract, or why it has to wait. */
export type Preparation = { recipe: ExtractRecipe } | { deferred: string };

/** The part of the signed permit document (Art. 68(10)) the extract follows. */
interface PermitDocument {
  datasets?: { datasetId: string; variables?: string[] }[];
  variables?: string[];
  period?: { from?: string; to?: string };
  optOutException?: { granted?: boolean; justification?: string | null };
  lineage?: { status?: 'AMENDED' | 'RENEWED' };
}

const docOf = (p: RegisteredPermit) => (p.signed.document ?? {}) as PermitDocument;

/** A version as the approval rule sees it. */
export function chainVersion(p: RegisteredPermit): ChainVersion {
  const lineage = docOf(p).lineage?.status;
  return {
    permitId: p.permitId,
    previousId: p.previousId,
    kind: p.previousId === null ? 'GRANTED' : (lineage ?? (p.status === 'RENEWED' ? 'RENEWED' : 'AMENDED')),
    activeFrom: p.activeFrom,
  };
}

/** A person's pseudonym in one permit chain: HMAC of the node's person id with the chain's secret. */
export function permitPseudonym(secret: string, personId: number): string {
  return createHmac('sha256', secret).update(`person\n${personId}`).digest('base64url');
}

/**
 * Prepares the extract of a permit version at this node (Art. 71(3), EHDS.md §12): the persons of its
 * datasets held here, minus those opted out as of its approval, unless the permit grants the opt-out
 * exception (Art. 71(4), 68(10)(c)); each under a pseudonym of this permit's chain. Waits (returns
 * `deferred`) while the node lacks the key, an earlier version of the chain, or a registry complete as
 * of the approval.
 */
export async function prepareExtract(
  store: NodeStore,
  permit: RegisteredPermit,
  chain: readonly RegisteredPermit[],
  options: { identifierSystem: string; now: Date },
): Promise<Preparation> {
  const doc = docOf(permit);
  const exception = doc.optOutException?.granted === true;
  const approval = approvalOf(chain.map(chainVersion), permit.permitId);
  if ('missing' in approval)
    return { deferred: `waiting for permit version ${approval.missing} of the chain` };
  const state = await registryState(store);
  const key = exception ? null : await optOutKey(store);
  if (!exception) {
    if (!key) return { deferred: 'waiting for the opt-out key from the hub' };
    if (!state.asOf || state.asOf < approval.at)
      return {
        deferred: `waiting for the opt-out registry as of ${approval.at} (the node has it as of ${state.asOf ?? 'never'})`,
      };
  }
  const optedOut = exception ? new Set<string>() : await optedOutAt(store, approval.at);
  const persons = await populationOf(store, permit.datasets, options.identifierSystem);
  const secret = await chainSecret(store, permit.rootId);
  const kept: string[] = [];
  let excluded = 0;
  let notMatchable = 0;
  for (const person of persons) {
    if (!exception) {
      if (!person.nationalIds.length) notMatchable++;
      else if (person.nationalIds.some((id) => optedOut.has(nationalIdPseudonym(key!.key, id)))) {
        excluded++;
        continue;
      }
    }
    kept.push(permitPseudonym(secret, person.personId));
  }
  const variables = [
    ...new Set([...(doc.variables ?? []), ...(doc.datasets ?? []).flatMap((d) => d.variables ?? [])]),
  ];
  const recipe: ExtractRecipe = {
    permitId: permit.permitId,
    rootId: permit.rootId,
    datasets: permit.datasets,
    variables,
    period: doc.period ?? {},
    optOutApplied: !exception,
    exceptionBasis: exception ? (doc.optOutException?.justification ?? 'granted') : null,
    snapshotAt: approval.at,
    snapshotBasis: approval.basis,
    registryVersion: exception ? 0 : state.version,
    registryAsOf: exception ? null : state.asOf,
    identifierSystem: options.identifierSystem,
    persons: kept.length,
    excludedByOptOut: excluded,
    notMatchable,
    preparedAt: options.now.toISOString(),
    reportedAt: null,
    deletedAt: null,
    deletionReason: null,
    deletionReportedAt: null,
  };
  await writeExtract(store, recipe, kept);
  return { recipe };
}
