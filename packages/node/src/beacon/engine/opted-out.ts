import type { NodeStore } from '@openehds/analytics';
import { nationalIdPseudonym } from '../../opt-out/pseudonym';
import { optedOutAt, optOutKey } from '../../opt-out/store';

/**
 * The node's persons opted out now (Art. 71(1)-(3)): a person whose identifier of the unifying system,
 * pseudonymised with the hub's key, is in the node's copy of the registry at `now`. The Beacon counts
 * and returns no such person, whatever the granularity: a boolean answer is already a use of their
 * data. (Under a permit the extract decides instead — opt-outs as of the approval, extract/README.md.)
 * Persons without an identifier cannot be matched and stay (Art. 71(8)). Without a key the node has no
 * registry yet and nobody can be matched. RAW: node person ids; never leaves the node.
 */
export async function optedOutPersons(
  store: NodeStore,
  identifierSystem: string,
  now: Date,
): Promise<Set<number>> {
  const key = await optOutKey(store);
  if (!key) return new Set();
  const registry = await optedOutAt(store, now.toISOString());
  if (!registry.size) return new Set();
  const rows = await store.all<{ person_id: number; value: string }>(
    'SELECT person_id, value FROM person_identifier WHERE system = $1',
    [identifierSystem],
  );
  const out = new Set<number>();
  for (const r of rows) if (registry.has(nationalIdPseudonym(key.key, r.value))) out.add(Number(r.person_id));
  return out;
}

/**
 * Puts a set of person ids into a temporary table of the store's connection, so SQL can exclude them
 * (`NOT EXISTS (SELECT 1 FROM <name> x WHERE x.person_id = …)`). Replaced on every call.
 */
export async function personTempTable(store: NodeStore, name: string, ids: Iterable<number>): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${name} (person_id BIGINT NOT NULL)`);
  const all = [...ids];
  for (let i = 0; i < all.length; i += 1000) {
    const chunk = all.slice(i, i + 1000);
    await store.run(`INSERT INTO ${name} VALUES ${chunk.map((_, j) => `($${j + 1})`).join(', ')}`, chunk);
  }
}
