/**
 * Small-cell suppression for statistics that leave the node (dataset description, dataset page).
 * A count of 1 to threshold − 1 individuals or records is withheld; where the total of a group is
 * published and exactly one cell is withheld, the next smallest cell is withheld too, so the hidden
 * one cannot be recovered by subtraction (complementary suppression).
 */

/** A count as published: the value, or null when suppressed. */
export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
}

/** Publishes one count: null and flagged when it is a small cell (0 is not a small cell). */
export function publish(n: number, threshold: number): PublishedCount {
  return n > 0 && n < threshold ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/** Publishes a group of counts whose total is public, with complementary suppression. */
export function publishGroup(counts: readonly number[], threshold: number): PublishedCount[] {
  const out = counts.map((n) => publish(n, threshold));
  const hidden = out.filter((c) => c.suppressed).length;
  if (hidden === 1) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (!out[i]!.suppressed && n > 0 && (smallest < 0 || n < counts[smallest]!)) smallest = i;
    });
    if (smallest >= 0) out[smallest] = { value: null, suppressed: true };
  }
  return out;
}
