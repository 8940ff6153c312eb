/**
 * Pure helpers for FHIR Bundles (https://hl7.org/fhir/R4/bundle.html): order the entries Patients-first
 * and resolve references to other entries by fullUrl (§3.3.1.4.1: a `urn:uuid:` reference resolves to the
 * entry whose fullUrl matches).
 */

/** One entry to map: the resource, its fullUrl and its 1-based position in the Bundle. */
export interface BundleItem {
  resource: Record<string, unknown>;
  fullUrl?: string;
  ordinal: number;
}

interface BundleEntry {
  fullUrl?: string;
  resource?: Record<string, unknown>;
  request?: { method?: string };
}

/** True if `value` looks like a Bundle. */
export function isBundle(value: unknown): value is { resourceType: 'Bundle'; entry?: BundleEntry[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === 'Bundle'
  );
}

/**
 * The Bundle's resources in load order (Patients first, then entry order), with references to other
 * entries rewritten from fullUrl to `Type/id`, so they resolve as in any other source. Entries without a
 * resource or with a DELETE request carry nothing to load.
 */
export function bundleItems(bundle: { entry?: BundleEntry[] }): BundleItem[] {
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const byFullUrl = new Map<string, string>();
  const items: BundleItem[] = [];
  entries.forEach((e, i) => {
    const r = e?.resource;
    if (!r || typeof r !== 'object' || e.request?.method === 'DELETE') return;
    const type = r.resourceType;
    if (typeof e.fullUrl === 'string' && typeof type === 'string') {
      // A transaction entry may lack an id; its fullUrl uuid is then its identity.
      if (typeof r.id !== 'string') r.id = e.fullUrl.replace(/^urn:uuid:/, '');
      byFullUrl.set(e.fullUrl, `${type}/${r.id as string}`);
    }
    items.push({ resource: r, fullUrl: e.fullUrl, ordinal: i + 1 });
  });
  for (const item of items) rewriteReferences(item.resource, byFullUrl);
  const patients = items.filter((x) => x.resource.resourceType === 'Patient');
  const others = items.filter((x) => x.resource.resourceType !== 'Patient');
  return [...patients, ...others];
}

function rewriteReferences(node: unknown, byFullUrl: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (const x of node) rewriteReferences(x, byFullUrl);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (k === 'reference' && typeof v === 'string') {
      const target = byFullUrl.get(v);
      if (target) obj[k] = target;
    } else if (typeof v === 'object' && v !== null) {
      rewriteReferences(v, byFullUrl);
    }
  }
}
