import { ApiError, type SensitivityCurve, type UseCaseRanking } from '@openehds/client';

/**
 * Pure helpers of the use-case pages: weight drafts to the request, the hub's problem issues to the
 * field they concern, and a sensitivity curve as the rows of its chart and table. No React.
 */

/** The weights as typed: text per criterion. */
export type WeightDraft = Record<string, string>;

/** Weights to send: a number where the text is one, otherwise the text itself, so the hub says why not. */
export function weightsPayload(draft: WeightDraft): Record<string, number> {
  return Object.fromEntries(
    Object.entries(draft).map(([id, text]) => {
      const trimmed = text.trim();
      const n = trimmed === '' ? Number.NaN : Number(trimmed);
      return [id, Number.isNaN(n) ? trimmed : n];
    }),
  ) as Record<string, number>;
}

/** Weights as editable text. */
export function weightDraft(weights: Record<string, number>): WeightDraft {
  return Object.fromEntries(Object.entries(weights).map(([id, w]) => [id, String(w)]));
}

/** The messages of an error's issues by field path (`weights.cost_effort`, `title`, `''` for the whole). */
export function issuesByPath(error: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!(error instanceof ApiError)) return out;
  for (const i of error.issues) (out[i.path ?? ''] ??= []).push(i.message);
  return out;
}

/** A ranked use case's label: its reference and title, by id. */
export function labelsOf(ranking: UseCaseRanking): Record<string, string> {
  return Object.fromEntries(ranking.ranking.map((r) => [r.id, `${r.reference} ${r.title}`]));
}

/** One line per use case: its rank at each step of the curve (null where a step has none). */
export function rankLines(
  curve: SensitivityCurve,
  ids: readonly string[],
): { id: string; ranks: (number | null)[] }[] {
  return ids.map((id) => ({ id, ranks: curve.steps.map((s) => s.ranks[id] ?? null) }));
}

/** Formats a weight or share for reading: up to 3 decimals, no trailing zeros. */
export function shortDecimal(n: number): string {
  return String(Number(n.toFixed(3)));
}

/** A share as a percentage (`33%`). */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
