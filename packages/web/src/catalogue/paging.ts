/** Number of pages for a result count (at least 1, so "page 1 of 1" reads right for no results). */
export function pageCount(total: number, pageSize: number): number {
  if (pageSize <= 0) return 1;
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The page links to show: first, last, and a window around the current page, with 'gap' where
 * pages are skipped (1 … 4 5 6 … 20).
 */
export function pageWindow(page: number, pages: number, radius = 1): (number | 'gap')[] {
  const wanted = new Set<number>([1, pages]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pages) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push('gap');
    out.push(p);
  });
  return out;
}
