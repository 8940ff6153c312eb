/** One checkbox of a facet group. */
export interface FacetOption {
  value: string;
  count: number;
  checked: boolean;
}

/**
 * The options of a facet group: every value the search returned, plus any selected value that is
 * no longer among them (count 0), so a user can always untick what they ticked.
 */
export function facetOptions(
  counts: readonly { value: string; count: number }[] | undefined,
  selected: readonly string[],
): FacetOption[] {
  const out: FacetOption[] = (counts ?? []).map((c) => ({
    value: c.value,
    count: c.count,
    checked: selected.includes(c.value),
  }));
  for (const s of selected)
    if (!out.some((o) => o.value === s)) out.push({ value: s, count: 0, checked: true });
  return out;
}

/** Star facet counts turned into "at least N stars" counts (the API filters by a minimum). */
export function atLeastStars(
  counts: readonly { value: string; count: number }[] | undefined,
): { stars: number; count: number }[] {
  const byStars = new Map<number, number>();
  for (const c of counts ?? []) {
    const n = Number(c.value);
    if (Number.isInteger(n) && n >= 0 && n <= 5) byStars.set(n, (byStars.get(n) ?? 0) + c.count);
  }
  const out: { stars: number; count: number }[] = [];
  let running = 0;
  for (let s = 5; s >= 1; s--) {
    running += byStars.get(s) ?? 0;
    out.unshift({ stars: s, count: running });
  }
  return out;
}
