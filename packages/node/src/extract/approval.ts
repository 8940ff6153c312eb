/**
 * As of when the opt-out registry applies to a permit version (Art. 71(3): opt-outs affect permits
 * approved after them; EHDS.md §12: "as of the permit version's approval time"). Pure.
 *
 * Our reading for the versions of a chain (TEHDAS2 D6.4: an amendment or a renewal is a new permit id):
 * - version 1: its grant (activeFrom of the first version);
 * - an amendment (D6.3: administrative, e.g. a person added; new data needs a new application) keeps
 *   the approval of the version it amends, so an opt-out made after the grant does not take data from
 *   a study already approved;
 * - a renewal (Art. 68(12): a new decision allowing up to 10 more years) is a new approval: opt-outs
 *   made before it apply from then on.
 */

/** What the rule needs of one version. */
export interface ChainVersion {
  permitId: string;
  previousId: string | null;
  /** GRANTED for version 1, else AMENDED or RENEWED (from the signed document's lineage). */
  kind: 'GRANTED' | 'AMENDED' | 'RENEWED';
  activeFrom: string;
}

/** The approval a version's extract is filtered as of, or the version still missing to know it. */
export type Approval = { at: string; basis: 'grant' | 'renewal'; approvedIn: string } | { missing: string };

/** Walks back from `permitId` to the grant or renewal that approved what it permits. */
export function approvalOf(versions: readonly ChainVersion[], permitId: string): Approval {
  const byId = new Map(versions.map((v) => [v.permitId, v]));
  let id: string | null = permitId;
  for (let guard = 0; id !== null && guard <= versions.length; guard++) {
    const v = byId.get(id);
    if (!v) return { missing: id };
    if (v.kind === 'RENEWED') return { at: v.activeFrom, basis: 'renewal', approvedIn: v.permitId };
    if (v.kind === 'GRANTED' || v.previousId === null)
      return { at: v.activeFrom, basis: 'grant', approvedIn: v.permitId };
    id = v.previousId;
  }
  return { missing: id ?? permitId };
}
