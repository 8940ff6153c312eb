import type { StakeholderFilter } from '@openehds/client';

/**
 * The filter as sent: a country only once it looks like a code, so typing does not flash errors. The
 * list, network, grid, statistics and the CSV export all use it, so the export holds what is shown.
 */
export function effectiveFilter(f: StakeholderFilter): StakeholderFilter {
  const country = f.country?.trim() ?? '';
  return { type: f.type ?? '', country: /^[A-Z]{2,3}$/.test(country) ? country : '', q: f.q ?? '' };
}
