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

/** A released count table (cells null where disclosure control suppressed them at any node). */
export interface CountTableJson {
  rows: string[];
  columns: string[];
  statistic: string;
  cells: (number | null)[][];
  rowTotals?: (number | null)[];
  columnTotals?: (number | null)[];
  grandTotal?: number | null;
}

/** A contingency table's result: the pooled counts of `rowVariable` × `columnVariable` (one column `n` when none). */
export interface TableResultJson extends CountTableJson {
  rowVariable: string;
  columnVariable: string | null;
  /** Persons left out for a missing value; null when a node suppressed that count. */
  missing: number | null;
}

/** One numeric variable's pooled statistic, or why it is unknown (the nodes that suppressed their part). */
export type DescribedStatisticJson =
  | { n: number; mean: number; sd: number | null; suppressed: false }
  | { n: null; mean: null; sd: null; suppressed: true; suppressedAt: string[] };

/** One group (level of `by`, or null when not split) of a describe. */
export interface DescribedGroupJson {
  group: string | null;
  numeric: Record<string, DescribedStatisticJson>;
  counts: Record<string, CountTableJson>;
}

/** Descriptive statistics' result. */
export interface DescribeResultJson {
  by: string | null;
  groups: DescribedGroupJson[];
}

/** One step of a Kaplan–Meier curve (survfit's columns); times in days. */
export interface KmPointJson {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  survival: number;
  stdErr: number | null;
  stdErrLog: number | null;
  lower: number | null;
  upper: number | null;
}

/** One group's pooled curve, ended at the earliest time any node stopped releasing (`truncatedAt`). */
export interface KmCurveJson {
  group: string | null;
  n: number;
  events: number;
  truncatedAt: number | null;
  points: KmPointJson[];
}

/** Kaplan–Meier curves' result: times are multiples of `intervalDays`. */
export interface KmResultJson {
  survival: string;
  group: string | null;
  intervalDays: number;
  curves: KmCurveJson[];
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

/** Descriptive statistics: `client.describe({ permit, variables: { age: { kind: 'age' } }, by: 'sex' })`. */
export interface DescribeInput {
  permit: string;
  variables: Record<string, AnalysisVariableSpec>;
  by?: string;
}

/** A one- or two-way contingency table of categorical variables. */
export interface TableInput {
  permit: string;
  rows: string;
  columns?: string;
  variables: Record<string, AnalysisVariableSpec>;
}

/** Kaplan–Meier curves of a survival variable, optionally one per level of `group`. */
export interface KmInput {
  permit: string;
  survival: string;
  group?: string;
  intervalDays?: number;
  variables: Record<string, AnalysisVariableSpec>;
}

/** A finished analysis' result with the analysis itself (its request and every node's SDC records). */
export type WithAnalysis<R> = R & { analysis: Analysis<R> };

export interface WorkspaceClient {
  /** The workspaces the caller may work in now (their active permits). */
  list(signal?: AbortSignal): Promise<WorkspaceSummary[]>;
  get(permitId: string, signal?: AbortSignal): Promise<Workspace>;
  /** Runs an analysis under the permit; resolves when it is DONE, REFUSED or FAILED (never rejects for those). */
  analyse<R = unknown>(permitId: string, request: AnalysisRequestJson): Promise<Analysis<R>>;
  analyses(permitId: string, signal?: AbortSignal): Promise<AnalysisSummary[]>;
  analysis<R = unknown>(permitId: string, id: string, signal?: AbortSignal): Promise<Analysis<R>>;
  /** Fits a federated GLM; rejects with the nodes' reason when it was refused or failed. */
  glm(input: GlmInput): Promise<WithAnalysis<GlmResultJson>>;
  /** Count, mean and SD per variable (counts per level for sex); rejects when refused or failed. */
  describe(input: DescribeInput): Promise<WithAnalysis<DescribeResultJson>>;
  /** A contingency table; rejects with the nodes' reason when refused or failed. */
  table(input: TableInput): Promise<WithAnalysis<TableResultJson>>;
  /** Kaplan–Meier curves; rejects with the nodes' reason when refused or failed. */
  km(input: KmInput): Promise<WithAnalysis<KmResultJson>>;
}

const KIND_NAMES: Record<AnalysisRequestJson['kind'], string> = {
  glm: 'the GLM',
  describe: 'the description',
  table: 'the table',
  km: 'the Kaplan–Meier analysis',
};

/** The result of a finished analysis, or an Error naming its status, id and the nodes' reason. */
function resultOf<R>(a: Analysis<R>): WithAnalysis<R> {
  if (a.status !== 'DONE' || !a.result)
    throw new Error(
      `${KIND_NAMES[a.kind] ?? a.kind} was ${a.status.toLowerCase()} (analysis ${a.id}): ${a.error ?? 'no result'}`,
    );
  return { ...a.result, analysis: a };
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
    glm: async ({ permit, ...model }) =>
      resultOf(await analyse<GlmResultJson>(permit, { kind: 'glm', ...model })),
    describe: async ({ permit, ...r }) =>
      resultOf(await analyse<DescribeResultJson>(permit, { kind: 'describe', ...r })),
    table: async ({ permit, ...r }) =>
      resultOf(await analyse<TableResultJson>(permit, { kind: 'table', ...r })),
    km: async ({ permit, ...r }) => resultOf(await analyse<KmResultJson>(permit, { kind: 'km', ...r })),
  };
}
