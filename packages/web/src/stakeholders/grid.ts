/**
 * The interest/influence grid (Mendelow's power-interest matrix): each organisation in one of four
 * quadrants by its 1–5 scores, 4 and 5 counting as high. Pure.
 */

/** A quadrant, read as what to do with the stakeholders in it. */
export type Quadrant = 'manage_closely' | 'keep_satisfied' | 'keep_informed' | 'monitor';

/** The quadrants in reading order: top row (high influence) left to right, then the bottom row. */
export const QUADRANTS: readonly Quadrant[] = [
  'keep_satisfied',
  'manage_closely',
  'monitor',
  'keep_informed',
];

/** The lowest score that counts as high. */
export const HIGH_SCORE = 4;

/** The quadrant of an interest and an influence score. */
export function quadrantOf(interest: number, influence: number): Quadrant {
  const interested = interest >= HIGH_SCORE;
  if (influence >= HIGH_SCORE) return interested ? 'manage_closely' : 'keep_satisfied';
  return interested ? 'keep_informed' : 'monitor';
}

/** Organisations grouped by quadrant, the most influential and interested first, then by name. */
export function groupByQuadrant<T extends { name: string; interest: number; influence: number }>(
  orgs: readonly T[],
): Record<Quadrant, T[]> {
  const groups: Record<Quadrant, T[]> = {
    manage_closely: [],
    keep_satisfied: [],
    keep_informed: [],
    monitor: [],
  };
  for (const o of orgs) groups[quadrantOf(o.interest, o.influence)].push(o);
  for (const list of Object.values(groups))
    list.sort((a, b) => b.influence - a.influence || b.interest - a.interest || a.name.localeCompare(b.name));
  return groups;
}
