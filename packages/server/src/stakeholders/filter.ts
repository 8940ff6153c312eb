import type { StakeholderOrg } from './model';
import type { OrgFilter } from './schemas';

/**
 * Whether an organisation passes the registry's filters (type, country, text). Pure; the list, the
 * statistics and the CSV export apply the same filter, so what is counted is what is listed.
 */
export function matchesFilter(
  org: Pick<StakeholderOrg, 'name' | 'type' | 'country' | 'description'>,
  filter: OrgFilter,
): boolean {
  if (filter.type && org.type !== filter.type) return false;
  if (filter.country && org.country !== filter.country) return false;
  const q = filter.q?.trim().toLowerCase();
  if (q && !`${org.name} ${org.description ?? ''}`.toLowerCase().includes(q)) return false;
  return true;
}
