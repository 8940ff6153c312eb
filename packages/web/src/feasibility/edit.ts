/**
 * Edits of the cohort builder's draft, as pure functions returning a new draft (React state is never
 * mutated). Group and criterion positions are their indexes, which are also their places in the
 * definition's field paths (`inclusion[1].criteria[0]`), so a hub error lands on the right field.
 */
import {
  emptyCriterion,
  emptyGroup,
  type CohortDraft,
  type CriterionDraft,
  type GroupDraft,
  type Side,
} from './draft';
import { LIMITS, type CriterionType } from './vocab';

function replaceAt<T>(items: readonly T[], at: number, next: T): T[] {
  return items.map((item, i) => (i === at ? next : item));
}

/** Changes one group's name or match (ALL/ANY). */
export function updateGroup(
  d: CohortDraft,
  side: Side,
  gi: number,
  patch: Partial<Pick<GroupDraft, 'name' | 'match'>>,
): CohortDraft {
  const g = d[side][gi];
  if (!g) return d;
  return { ...d, [side]: replaceAt(d[side], gi, { ...g, ...patch }) };
}

/** Adds a group with one criterion at the end of a side (no more than the hub's limit). */
export function addGroup(d: CohortDraft, side: Side, type: CriterionType = 'condition'): CohortDraft {
  if (d[side].length >= LIMITS.groups) return d;
  return { ...d, [side]: [...d[side], emptyGroup(type)] };
}

/** Removes a group. */
export function removeGroup(d: CohortDraft, side: Side, gi: number): CohortDraft {
  return { ...d, [side]: d[side].filter((_, i) => i !== gi) };
}

/** Replaces one criterion (the caller builds the new one, e.g. with `withType`). */
export function setCriterion(
  d: CohortDraft,
  side: Side,
  gi: number,
  ci: number,
  c: CriterionDraft,
): CohortDraft {
  const g = d[side][gi];
  if (!g || !g.criteria[ci]) return d;
  return { ...d, [side]: replaceAt(d[side], gi, { ...g, criteria: replaceAt(g.criteria, ci, c) }) };
}

/** Adds a criterion of a type to a group (no more than the hub's limit). */
export function addCriterion(d: CohortDraft, side: Side, gi: number, type: CriterionType): CohortDraft {
  const g = d[side][gi];
  if (!g || g.criteria.length >= LIMITS.criteriaPerGroup) return d;
  return { ...d, [side]: replaceAt(d[side], gi, { ...g, criteria: [...g.criteria, emptyCriterion(type)] }) };
}

/** Removes a criterion; removing a group's last criterion removes the group (an empty group is invalid). */
export function removeCriterion(d: CohortDraft, side: Side, gi: number, ci: number): CohortDraft {
  const g = d[side][gi];
  if (!g) return d;
  if (g.criteria.length <= 1) return removeGroup(d, side, gi);
  return { ...d, [side]: replaceAt(d[side], gi, { ...g, criteria: g.criteria.filter((_, i) => i !== ci) }) };
}
