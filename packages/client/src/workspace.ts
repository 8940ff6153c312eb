/**
 * The typed client of a permit's workspace in the secure processing environment
 * (packages/server/src/spe/routes.ts; issue 4 §3–4): the workspaces one may work in, what each
 * holds, and analyses run under the permit — descriptive statistics, tables, federated GLMs and
 * Kaplan–Meier curves, each released through the nodes' disclosure control. Shapes mirror the hub's
 * and `@openehds/core`'s (`AnalysisRequest`) without importing them (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';
import type { AirlockRequest } from './airlock';
import type { SdcRecordJson } from './feasibility';
import type { ExtractReport } from './permits';
import type { AuditEvent } from './types';

/** Codes of one vocabulary (the cohort schema's CodeSet); `descendants` is a prefix match (ICD-10, ATC). */
export interface AnalysisCodeSet {
  vocabulary: string;
  codes: string[];
  descendants?: boolean;
}

/** Where a survival variable's event (or start) is found. */
export interface SurvivalEventSpec {
  domain: 'condition' | 'drug' | 'procedure' | 'measurement' | 'death';
  codes?: AnalysisCodeSet;
}

/** How one person-level variable is derived at every node. */
export type AnalysisVariableSpec =
  | { kind: 'age'; at?: string }
  | { kind: 'sex' }
  | { kind: 'condition' | 'drug' | 'procedure'; codes: AnalysisCodeSet }
  | { kind: 'measurement'; codes: AnalysisCodeSet; pick?: 'last' | 'mean' | 'first' }
  | { kind: 'survival'; event: SurvivalEventSpec; start?: SurvivalEventSpec };

/** An analysis request (core `AnalysisRequest`). */
export type AnalysisRequestJson =
  | {
      kind: 'glm';
      formula: string;
      family: 'gaussian' | 'binomial' | 'poisson';
      variables: Record<string, AnalysisVariableSpec>;
      categorical?: string[];
    }
  | {
      kind: 'km';
      survival: string;
      group?: string;
      intervalDays?: number;
      variables: Record<string, AnalysisVariableSpec>;
    }
  | { kind: 'describe'; variables: Record<string, AnalysisVariableSpec>; by?: string }
  | { kind: 'table'; rows: string; columns?: string; variables: Record<string, AnalysisVariableSpec> };

export type AnalysisStatus = 'RUNNING' | 'DONE' | 'REFUSED' | 'FAILED';

/** What one node contributed, as its disclosure control recorded it. */
export interface AnalysisNodeSdc {
  nodeId: string;
  nodeName: string;
  status: 'ok' | 'refused' | 'error' | 'unavailable';
  message: string | null;
  records: SdcRecordJson[];
}

/** One coefficient of a fitted GLM. */
export interface GlmCoefficientJson {
  name: string;
  estimate: number;
  stdError: number;
  statistic: number;
  pValue: number;
}

/** A federated GLM's result, shaped like R's `summary(glm(...))`. */
export interface GlmResultJson {
  formula: string;
  family: 'gaussian' | 'binomial' | 'poisson';
  link: 'identity' | 'logit' | 'log';
  statistic: 'z' | 't';
  coefficients: GlmCoefficientJson[];
  covariance: number[];
  dispersion: number;
  deviance: number;
  nullDeviance: number;
  dfResidual: number;
  dfNull: number;
  aic: number;
  iterations: number;
  converged: boolean;
  n: number;
  warnings: string[];
  rounds: number;
  nodes: { node: string; n: number }[];
}

/** An analysis as stored: the request, the merged result when DONE, every node's SDC records. */
export interface Analysis<R = unknown> {
  id: string;
  permitId: string;
  kind: AnalysisRequestJson['kind'];
  status: AnalysisStatus;
  request: AnalysisRequestJson;
  result: R | null;
  sdc: AnalysisNodeSdc[];
  nodes: string[];
  error: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

/** An analysis in lists. */
export type AnalysisSummary = Pick<
  Analysis,
  'id' | 'kind' | 'status' | 'createdBy' | 'createdAt' | 'finishedAt' | 'error'
>;

/** A workspace in the list: an active permit of the caller. */
export interface WorkspaceSummary {
  id: string;
  status: string;
  validFrom: string;
  validUntil: string;
  datasets: string[];
}

/** Everything a workspace page shows. */
export interface Workspace {
  permit: Omit<WorkspaceSummary, 'datasets'> & {
    datasets: { datasetId: string; title?: string; country: string; holder?: string; variables?: string[] }[];
    variables: string[];
    period: { from?: string; to?: string };
    persons: { name: string; email: string; role: string; orcid?: string }[];
    spe: { tools: string[]; gpuHours: number; cpuHours: number; aiFactory: string | null };
  };
  role: 'member' | 'staff';
  extracts: ExtractReport[];
  budget: {
    dpEnabled: boolean;
    epsilon: { granted: number; spent: number };
    delta: { granted: number; spent: number };
  };
  analyses: AnalysisSummary[];
  outputs: AirlockRequest[];
  activity: AuditEvent[];
}

/** The notebook form of a GLM: `client.glm({ permit, formula: 'diabetes ~ age + sex + bmi', family, variables })`. */
export interface GlmInput {
  permit: string;
  formula: string;
  family: 'gaussian' | 'binomial' | 'poisson';
  variables: Record<string, AnalysisVariableSpec>;
  categorical?: string[];
}

export interface WorkspaceClient {
  /** The workspaces the caller may work in now (their active permits). */
  list(signal?: AbortSignal): Promise<WorkspaceSummary[]>;
  get(permitId: string, signal?: AbortSignal): Promise<Workspace>;
  /** Runs an analysis under the permit; resolves when it is DONE, REFUSED or FAILED (never rejects for those). */
  analyse<R = unknown>(permitId: string, request: AnalysisRequestJson): Promise<Analysis<R>>;
  analyses(permitId: string, signal?: AbortSignal): Promise<AnalysisSummary[]>;
  analysis<R = unknown>(permitId: string, id: string, signal?: AbortSignal): Promise<Analysis<R>>;
  /** Fits a federated GLM; rejects with the nodes' reason when it was refused or failed. */
  glm(input: GlmInput): Promise<GlmResultJson & { analysis: Analysis<GlmResultJson> }>;
}

const enc = encodeURIComponent;

/** Creates the workspace client. */
export function createWorkspaceClient(options: HttpOptions): WorkspaceClient {
  const send = createHttp(options);
  const base = (id: string) => `/api/workspaces/${enc(id)}`;
  const analyse = <R>(permitId: string, request: AnalysisRequestJson) =>
    send<Analysis<R>>({ method: 'POST', path: `${base(permitId)}/analyses`, json: request });
  return {
    list: async (signal) =>
      (await send<{ items: WorkspaceSummary[] }>({ method: 'GET', path: '/api/workspaces', signal })).items,
    get: (permitId, signal) => send<Workspace>({ method: 'GET', path: base(permitId), signal }),
    analyse,
    analyses: async (permitId, signal) =>
      (
        await send<{ items: AnalysisSummary[] }>({
          method: 'GET',
          path: `${base(permitId)}/analyses`,
          signal,
        })
      ).items,
    analysis: (permitId, id, signal) =>
      send({ method: 'GET', path: `${base(permitId)}/analyses/${enc(id)}`, signal }),
    async glm({ permit, ...model }) {
      const a = await analyse<GlmResultJson>(permit, { kind: 'glm', ...model });
      if (a.status !== 'DONE' || !a.result)
        throw new Error(
          `the GLM was ${a.status.toLowerCase()} (analysis ${a.id}): ${a.error ?? 'no result'}`,
        );
      return { ...a.result, analysis: a };
    },
  };
}
