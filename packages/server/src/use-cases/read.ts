import type { Db } from '@openehds/db';
import {
  checkWeights,
  invalid,
  rankWith,
  sensitivityAnalysis,
  USE_CASE_CRITERIA,
  USE_CASE_CRITERION_IDS,
  type RankingMethod,
  type Sensitivity,
} from '@openehds/core';
import type { Principal } from '../auth/roles';
import { searchDatasets } from '../catalogue/service';
import { dataAvailability, type DataAvailability } from './availability';
import { findUseCase } from './service';
import {
  loadComments,
  loadDefaultWeights,
  loadLinks,
  loadScores,
  loadStageHistory,
  loadUseCases,
  votedBy,
  type ScoreRecord,
  type UseCaseRecord,
} from './store';

/** A use case in the list: its record, the caller's vote, how many scored it and the mean scores. */
export type UseCaseSummary = UseCaseRecord & {
  voted: boolean;
  scoreCount: number;
  meanScores: Record<string, number> | null;
};

/** The mean score of each criterion over the score sets given; null when there are none. */
export function meanScores(sets: readonly ScoreRecord[]): Record<string, number> | null {
  if (!sets.length) return null;
  return Object.fromEntries(
    USE_CASE_CRITERION_IDS.map((id) => [id, sets.reduce((s, r) => s + (r.scores[id] ?? 0), 0) / sets.length]),
  );
}

async function summaries(db: Db, principal: Principal, id?: string): Promise<UseCaseSummary[]> {
  const [records, scores, voted] = await Promise.all([
    id ? findUseCase(db, id).then((r) => [r]) : loadUseCases(db),
    loadScores(db, id),
    votedBy(db, principal.accountId),
  ]);
  return records.map((r) => {
    const sets = scores.filter((s) => s.useCaseId === r.id);
    return { ...r, voted: voted.has(r.id), scoreCount: sets.length, meanScores: meanScores(sets) };
  });
}

/** Every use case, newest first. */
export function listUseCases(db: Db, principal: Principal): Promise<UseCaseSummary[]> {
  return summaries(db, principal);
}

/** The live catalogue's datasets for a use case's needs (every published dataset is considered). */
export async function availabilityOf(
  db: Db,
  needs: { categories: string[]; keywords: string[] },
): Promise<DataAvailability> {
  const all = await searchDatasets(db, { page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  return dataAvailability(all.items, needs);
}

/** One use case with everything its page shows. */
export async function useCaseDetail(db: Db, principal: Principal, id: string) {
  const [summary] = await summaries(db, principal, id);
  const mine = (await loadScores(db, id)).find((s) => s.accountId === principal.accountId);
  return {
    ...summary!,
    myScores: mine?.scores ?? null,
    comments: await loadComments(db, id),
    stageHistory: await loadStageHistory(db, id),
    links: await loadLinks(db, id),
    availability: await availabilityOf(db, {
      categories: summary!.dataCategories,
      keywords: summary!.keywords,
    }),
  };
}

/** A ranked use case. */
export interface RankedUseCase {
  id: string;
  reference: string;
  title: string;
  stage: string;
  score: number;
  rank: number;
  scoreCount: number;
  meanScores: Record<string, number>;
}

/** The ranking answer: weights used, the ranked use cases, the unscored ones and the sensitivity. */
export interface UseCaseRanking {
  method: RankingMethod;
  weights: { raw: Record<string, number>; normalised: Record<string, number> };
  ranking: RankedUseCase[];
  unscored: { id: string; reference: string; title: string }[];
  sensitivity: Sensitivity;
}

/**
 * Ranks the open use cases (every stage but rejected) that at least one stakeholder scored, on the
 * mean score of each criterion, with the given weights (default: the HDAB's stored ones) and method;
 * weights that do not make sense are refused with the reason for each.
 */
export async function rankUseCases(
  db: Db,
  principal: Principal,
  input: { method: RankingMethod; weights?: unknown },
): Promise<UseCaseRanking> {
  const check = checkWeights(input.weights ?? (await loadDefaultWeights(db)), USE_CASE_CRITERIA);
  if (!check.ok) throw invalid('these weights do not make sense', check.issues);
  const open = (await summaries(db, principal)).filter((u) => u.stage !== 'rejected');
  const scored = open.filter((u) => u.meanScores !== null);
  const alternatives = scored.map((u) => ({ id: u.id, values: u.meanScores! }));
  const ranked = rankWith(input.method, alternatives, USE_CASE_CRITERIA, check.weights.raw);
  const byId = new Map(scored.map((u) => [u.id, u]));
  return {
    method: input.method,
    weights: check.weights,
    ranking: ranked.map((r) => {
      const u = byId.get(r.id)!;
      return {
        id: u.id,
        reference: u.reference,
        title: u.title,
        stage: u.stage,
        score: r.score,
        rank: r.rank,
        scoreCount: u.scoreCount,
        meanScores: u.meanScores!,
      };
    }),
    unscored: open
      .filter((u) => u.meanScores === null)
      .map((u) => ({ id: u.id, reference: u.reference, title: u.title })),
    sensitivity: sensitivityAnalysis(input.method, alternatives, USE_CASE_CRITERIA, check.weights.raw),
  };
}
