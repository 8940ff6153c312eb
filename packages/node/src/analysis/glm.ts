import {
  localGlmContribution,
  prepareLocalDesign,
  summarizeLocalDesign,
  type DesignSpec,
  type GlmContribution,
  type LocalDesign,
  type LocalDesignSummary,
  type NodeStore,
} from '@openehds/analytics';
import { invalid, type AnalysisTaskBase, type GlmRoundTask, type SdcRecord } from '@openehds/core';
import { checkModel } from '@openehds/privacy';
import { buildAnalysisFrame, type AnalysisFrame } from './frame';
import { releaseContext } from './outcome';

/**
 * The node's half of a federated GLM under a permit (issue 4 §4): the design summary, then one IRLS
 * round's sums per request. The prepared design is cached per analysis (rounds arrive every few
 * milliseconds; rebuilding X each time would dominate), and disclosure control runs before the
 * first contribution leaves: `checkModel` on this node's n, parameters, level and class counts
 * (ACRO residual DoF, DataSHIELD nfilter.glm), refusing with the record when it fails.
 */

interface Prepared {
  design: LocalDesign;
  record: SdcRecord;
  specKey: string;
  expires: number;
}

/** How long a prepared design stays cached after its last use. */
export const DESIGN_TTL_MS = 10 * 60_000;

const frames = new WeakMap<NodeStore, Map<string, { frame: AnalysisFrame; expires: number }>>();
const designs = new WeakMap<NodeStore, Map<string, Prepared>>();

function cacheOf<T>(map: WeakMap<NodeStore, Map<string, T>>, store: NodeStore): Map<string, T> {
  let m = map.get(store);
  if (!m) map.set(store, (m = new Map()));
  return m;
}

function sweep<T extends { expires: number }>(m: Map<string, T>, now: number) {
  for (const [k, v] of m) if (v.expires < now) m.delete(k);
}

async function frameFor(store: NodeStore, task: AnalysisTaskBase): Promise<AnalysisFrame> {
  const cache = cacheOf(frames, store);
  const now = Date.now();
  sweep(cache, now);
  const key = `${task.permitId}\n${task.analysisId}`;
  const hit = cache.get(key);
  if (hit) {
    hit.expires = now + DESIGN_TTL_MS;
    return hit.frame;
  }
  const frame = await buildAnalysisFrame(store, task.permitId, task.request.variables);
  cache.set(key, { frame, expires: now + DESIGN_TTL_MS });
  return frame;
}

function glmRequest(task: AnalysisTaskBase) {
  if (task.request.kind !== 'glm') throw invalid(`a ${task.request.kind} request sent as a GLM task`);
  return task.request;
}

/**
 * `analysis.design`: kinds and levels of the formula's variables here. Level counts are withheld
 * (zeros): the hub needs only which levels exist to line the columns up; the counts are checked here.
 */
export async function glmDesign(
  store: NodeStore,
  task: AnalysisTaskBase,
): Promise<{ summary: LocalDesignSummary; sdc: SdcRecord[] }> {
  const r = glmRequest(task);
  const frame = await frameFor(store, task);
  const summary = summarizeLocalDesign(frame.columns, r.formula, { categorical: r.categorical ?? [] });
  const withhold = (s: LocalDesignSummary['response']): LocalDesignSummary['response'] =>
    s.kind === 'numeric'
      ? s
      : {
          kind: 'categorical',
          levelCounts: Object.fromEntries(Object.keys(s.levelCounts).map((l) => [l, 0])),
        };
  return {
    summary: {
      n: summary.n,
      dropped: summary.dropped,
      response: withhold(summary.response),
      variables: Object.fromEntries(Object.entries(summary.variables).map(([k, v]) => [k, withhold(v)])),
    },
    sdc: [],
  };
}

/** `analysis.glm-round`: this node's sums at the coordinator's coefficients, after the model check. */
export async function glmRound(
  store: NodeStore,
  task: GlmRoundTask,
): Promise<{ contribution: GlmContribution; sdc: SdcRecord[] }> {
  glmRequest(task);
  const spec = task.spec as DesignSpec;
  const cache = cacheOf(designs, store);
  const now = Date.now();
  sweep(cache, now);
  const key = `${task.permitId}\n${task.analysisId}`;
  const specKey = JSON.stringify(spec);
  let prepared = cache.get(key);
  if (!prepared || prepared.specKey !== specKey) {
    const frame = await frameFor(store, task);
    const design = prepareLocalDesign(frame.columns, spec);
    const d = design.disclosure;
    // Throws an SdcRefusal with the record when the model may not leave (answered as 'refused').
    const { record } = checkModel(
      {
        observations: d.n,
        parameters: d.parameters,
        residualDof: d.residualDf,
        levelCounts: d.levelCounts,
        ...(d.outcomeCounts ? { classCounts: d.outcomeCounts } : {}),
      },
      releaseContext(task, undefined, `glm ${spec.formula}`),
    );
    prepared = { design, record, specKey, expires: now + DESIGN_TTL_MS };
    cache.set(key, prepared);
  }
  prepared.expires = now + DESIGN_TTL_MS;
  const c = localGlmContribution(prepared.design, spec, { beta: task.beta, nullMu: task.nullMu });
  // Only what the coordinator needs leaves: the per-level and per-class counts were checked here.
  const disclosure = { ...c.disclosure, levelCounts: {}, outcomeCounts: null };
  return { contribution: { ...c, disclosure }, sdc: [prepared.record] };
}

/** Forgets the cached frames and designs of an analysis (or all, for tests). */
export function dropAnalysisCache(store: NodeStore, analysisId?: string): void {
  for (const m of [frames.get(store), designs.get(store)])
    if (m) for (const k of [...m.keys()]) if (!analysisId || k.endsWith(`\n${analysisId}`)) m.delete(k);
}
