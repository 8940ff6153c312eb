import type { DatasetSummary } from '../catalogue/summary';

/**
 * How much of the data a use case needs the live catalogue holds (issue 6 §2): the published
 * datasets (Art. 57(1)(j)(i), Art. 77) that carry one of the needed Art. 51(1) categories or mention
 * one of its keywords, with their sizes, quality labels (Art. 78) and countries. Pure.
 */

/** What a use case needs from the catalogue. */
export interface DataNeeds {
  categories: readonly string[];
  keywords: readonly string[];
}

/** A matching dataset, as the use case shows it. */
export interface MatchingDataset {
  id: string;
  title: string;
  country: string;
  matchedCategories: string[];
  matchedKeywords: string[];
  individuals: number | null;
  records: number | null;
  stars: number | null;
}

/** The catalogue's answer to a use case's data needs. */
export interface DataAvailability {
  datasets: MatchingDataset[];
  total: number;
  /** Sums over the matching datasets that publish the figure; `withSize` says how many do. */
  individuals: number;
  records: number;
  withSize: number;
  countries: { country: string; datasets: number }[];
  /** Datasets per quality-label star count; `none` for datasets without a label yet. */
  qualityLabels: { stars: string; datasets: number }[];
  categoriesCovered: string[];
  categoriesMissing: string[];
}

const englishFirst = (t: Record<string, string>) => t.en ?? Object.values(t)[0] ?? '';

/** Matches the catalogue against a use case's needs: any needed category, or any keyword in its texts. */
export function dataAvailability(catalogue: readonly DatasetSummary[], needs: DataNeeds): DataAvailability {
  const keywords = needs.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean);
  const datasets: MatchingDataset[] = [];
  for (const d of catalogue) {
    const matchedCategories = d.healthCategories.filter((c) => needs.categories.includes(c));
    const text = [...Object.values(d.title), ...Object.values(d.description), ...d.keywords]
      .join(' ')
      .toLowerCase();
    const matchedKeywords = keywords.filter((k) => text.includes(k));
    if (!matchedCategories.length && !matchedKeywords.length) continue;
    datasets.push({
      id: d.id,
      title: englishFirst(d.title),
      country: d.country,
      matchedCategories,
      matchedKeywords,
      individuals: d.numberOfUniqueIndividuals,
      records: d.numberOfRecords,
      stars: d.quality?.stars ?? null,
    });
  }
  // The best matches first: most needs met, then the largest population.
  datasets.sort(
    (a, b) =>
      b.matchedCategories.length +
        b.matchedKeywords.length -
        (a.matchedCategories.length + a.matchedKeywords.length) ||
      (b.individuals ?? -1) - (a.individuals ?? -1) ||
      a.id.localeCompare(b.id),
  );
  const count = (values: string[]) =>
    [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    );
  const covered = new Set(datasets.flatMap((d) => d.matchedCategories));
  return {
    datasets,
    total: datasets.length,
    individuals: datasets.reduce((s, d) => s + (d.individuals ?? 0), 0),
    records: datasets.reduce((s, d) => s + (d.records ?? 0), 0),
    withSize: datasets.filter((d) => d.individuals !== null || d.records !== null).length,
    countries: count(datasets.map((d) => d.country || 'unknown')).map(([country, n]) => ({
      country,
      datasets: n,
    })),
    qualityLabels: count(datasets.map((d) => (d.stars === null ? 'none' : String(d.stars)))).map(
      ([stars, n]) => ({ stars, datasets: n }),
    ),
    categoriesCovered: needs.categories.filter((c) => covered.has(c)),
    categoriesMissing: needs.categories.filter((c) => !covered.has(c)),
  };
}
