import type { NodeStore } from '@openehds/analytics';
import { conflict } from '@openehds/core';
import { permitPseudonym } from '../../extract/prepare';
import { findExtract } from '../../extract/store';

/**
 * Whose data an answer may rest on, and under which ids records name them.
 * - Public (boolean/count): every linked person except those opted out now (opted-out.ts).
 * - Permit (record): the persons of the permit's extract, i.e. its datasets minus those opted out as of
 *   its approval (Art. 71(3); extract/README.md), each named by the permit chain's pseudonym
 *   HMAC(chain secret, person id) — the same pseudonyms the permit's extract files and jobs use, and
 *   unlinkable to any other permit's.
 */
export interface PersonScope {
  counts(personId: number): boolean;
  /** The record id of a person in this scope (permit scope only). */
  idOf(personId: number): string | undefined;
}

/** The public scope: everyone not in `excluded`. Has no record ids. */
export function publicScope(excluded: ReadonlySet<number>): PersonScope {
  return { counts: (id) => !excluded.has(id), idOf: () => undefined };
}

/**
 * The scope of a permit at this node, from its prepared extract. Refuses (conflict) while the extract is
 * not prepared, after it was deleted (Art. 68(12)) or once the chain's secret is gone.
 */
export async function permitScope(store: NodeStore, permitId: string): Promise<PersonScope> {
  const recipe = await findExtract(store, permitId);
  if (!recipe)
    throw conflict(
      `the extract of permit ${permitId} is not prepared at this node yet (it waits for the opt-out registry or an earlier version); try again later`,
    );
  if (recipe.deletedAt)
    throw conflict(
      `the extract of permit ${permitId} was deleted at this node on ${recipe.deletedAt} (Art. 68(12))`,
    );
  // Read, never create: a chain without a secret has ended and its pseudonyms are unlinkable.
  const [secret] = await store.all<{ secret: string }>(
    'SELECT secret FROM permit_extract_secret WHERE root_id = $1',
    [recipe.rootId],
  );
  if (!secret) throw conflict(`permit ${permitId}'s chain has ended at this node; its extract is gone`);
  const members = new Set(
    (
      await store.all<{ pseudonym: string }>(
        'SELECT pseudonym FROM permit_extract_person WHERE permit_id = $1',
        [permitId],
      )
    ).map((r) => r.pseudonym),
  );
  const memo = new Map<number, string | undefined>();
  const idOf = (personId: number): string | undefined => {
    if (!memo.has(personId)) {
      const p = permitPseudonym(secret.secret, personId);
      memo.set(personId, members.has(p) ? p : undefined);
    }
    return memo.get(personId);
  };
  return { counts: (id) => idOf(id) !== undefined, idOf };
}
