/**
 * The workspace API's shapes, from the client package under the names this folder uses, plus the
 * GLM request the form builds (a variant of the client's `AnalysisRequestJson`).
 */
import type { Analysis, AnalysisSummary, Workspace } from '@openehds/client';
import type { Vocabulary } from '../feasibility/vocab';

export type {
  AirlockRequest as AirlockOutput,
  AuditEvent as ActivityEvent,
  Workspace as WorkspaceView,
  WorkspaceSummary,
} from '@openehds/client';

/** How the caller is in the workspace: a named person who works, or HDAB staff who only looks. */
export type WorkspaceRole = Workspace['role'];

/** A privacy budget's granted and spent parts. */
export type BudgetPart = Workspace['budget']['epsilon'];

/**
 * An analysis run under the permit. Lists carry a summary (no request, result or records); one
 * analysis, or the answer of a run, carries them all.
 */
export type AnalysisRun = AnalysisSummary & Partial<Pick<Analysis, 'request' | 'result' | 'sdc'>>;

/** Codes of one vocabulary (the cohort definition's CodeSet). */
export interface CodeSetInput {
  vocabulary: Vocabulary;
  codes: string[];
  descendants?: boolean;
}

/** A variable of an analysis: how each node derives it from its own rows. */
export type AnalysisVariableInput =
  | { kind: 'age' }
  | { kind: 'sex' }
  | { kind: 'condition' | 'drug' | 'procedure'; codes: CodeSetInput }
  | { kind: 'measurement'; codes: CodeSetInput; pick: 'last' | 'mean' | 'first' };

/** A federated GLM request. */
export interface GlmRequest {
  kind: 'glm';
  formula: string;
  family: 'gaussian' | 'binomial' | 'poisson';
  variables: Record<string, AnalysisVariableInput>;
}

/** Descriptive statistics of the variables, optionally per level of `by`. */
export interface DescribeRequest {
  kind: 'describe';
  variables: Record<string, AnalysisVariableInput>;
  by?: string;
}

/** A one- or two-way contingency table. */
export interface TableRequest {
  kind: 'table';
  rows: string;
  columns?: string;
  variables: Record<string, AnalysisVariableInput>;
}

/** Where a survival variable's event is found: a coded event, or death. */
export interface SurvivalEventInput {
  domain: 'condition' | 'drug' | 'procedure' | 'measurement' | 'death';
  codes?: CodeSetInput;
}

/** Kaplan–Meier curves of a survival variable, optionally one per level of `group`. */
export interface KmRequest {
  kind: 'km';
  survival: string;
  group?: string;
  intervalDays: number;
  variables: Record<string, AnalysisVariableInput | { kind: 'survival'; event: SurvivalEventInput }>;
}
