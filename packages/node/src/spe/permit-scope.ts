import type { NodeStore } from '@openehds/analytics';
import { conflict } from '@openehds/core';
import { findExtract } from '../extract/store';
import { permitPseudonym } from '../extract/prepare';

/**
 * Under a permit, a count covers only the persons of the permit's extract (extract/README.md): the
 * permitted datasets held here, minus those opted out as of the approval (Art. 71(3)). Counting the
 * whole store instead would let a permit holder learn about persons outside the permit, and the
 * difference between the store and the extract would reveal who opted out.
 *
 * How: the extract keeps each person only as a pseudonym of the permit's chain,
 * HMAC(chain secret, person id) (`permitPseudonym`). The cohort query returns node person ids, so each
 * id is turned into its pseudonym with the chain's secret and kept when the extract holds it. The
 * differencing history stays in node person ids (the engine's cohorts are integer ids): ids and
 * pseudonyms are one-to-one within the chain, the history never leaves the node, and it is per permit
 * (its ids are the node's small person indexes, person-index.ts).
 */
export async function restrictToExtract<T extends { personId: number }>(
  store: NodeStore,
  permitId: string,
  members: readonly T[],
): Promise<T[]> {
  const recipe = await findExtract(store, permitId);
  if (!recipe)
    throw conflict(
      `the extract of permit ${permitId} is not prepared at this node yet (it waits for the opt-out registry or an earlier version); try again later`,
    );
  if (recipe.deletedAt)
    throw conflict(
      `the extract of permit ${permitId} was deleted at this node on ${recipe.deletedAt} (${recipe.deletionReason}; Art. 68(12))`,
    );
  // Read, never create: a chain without a secret has ended and its pseudonyms are unlinkable.
  const [secretRow] = await store.all<{ secret: string }>(
    'SELECT secret FROM permit_extract_secret WHERE root_id = $1',
    [recipe.rootId],
  );
  if (!secretRow) throw conflict(`permit ${permitId}'s chain has ended at this node; its extract is gone`);
  const extract = new Set(
    (
      await store.all<{ pseudonym: string }>(
        'SELECT pseudonym FROM permit_extract_person WHERE permit_id = $1',
        [permitId],
      )
    ).map((r) => r.pseudonym),
  );
  return members.filter((m) => extract.has(permitPseudonym(secretRow.secret, m.personId)));
}
