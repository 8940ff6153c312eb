import type { NodeStore } from '@openehds/analytics';

/** A person of the permitted datasets, with the national identifiers the node holds for them. */
export interface PopulationPerson {
  personId: number;
  /** Values of the identifier system persons are unified by (ingest `person_identifier`); may be empty. */
  nationalIds: string[];
}

/**
 * The persons of the given datasets at this node: those loaded by an ingest batch of one of them
 * (`person.ehds_batch` → `ingest_batch.dataset_id`), each with its identifiers of `identifierSystem`.
 * A person without one cannot be matched against the registry (Art. 71(8): holders need not collect
 * more data to honour opt-outs).
 */
export async function populationOf(
  store: NodeStore,
  datasets: readonly string[],
  identifierSystem: string,
): Promise<PopulationPerson[]> {
  if (!datasets.length) return [];
  const placeholders = datasets.map((_, i) => `$${i + 2}`).join(', ');
  const rows = await store.all<{ person_id: number; value: string | null }>(
    `WITH persons AS (
       SELECT DISTINCT p.person_id FROM person p JOIN ingest_batch b ON b.batch_id = p.ehds_batch
       WHERE b.dataset_id IN (${placeholders}))
     SELECT persons.person_id, i.value FROM persons
     LEFT JOIN person_identifier i ON i.person_id = persons.person_id AND i.system = $1
     ORDER BY persons.person_id`,
    [identifierSystem, ...datasets],
  );
  const out: PopulationPerson[] = [];
  for (const r of rows) {
    const id = Number(r.person_id);
    const last = out[out.length - 1];
    const person = last?.personId === id ? last : (out[out.length] = { personId: id, nationalIds: [] });
    if (r.value) person.nationalIds.push(r.value);
  }
  return out;
}
