/**
 * The regulatory pathway navigator (issue 6 §4; hub `packages/server/src/pathway`, rules in
 * `@openehds/core` pathway/): the questionnaire, the evaluation of answers into a pathway report, and
 * saved reports. Questionnaire and evaluation are public; saving needs a sign-in. Shapes mirror core's.
 */
import { createHttp, type HttpOptions } from './http';

/** A citation of an instrument's article, annex or point. */
export interface PathwayCitationJson {
  instrument: 'EHDS' | 'GDPR' | 'AI Act' | 'MDR' | 'IVDR' | 'EDPB WP248';
  ref: string;
}

/** A question of the navigator. */
export interface PathwayQuestionJson {
  id: string;
  group: 'purpose' | 'route' | 'gdpr' | 'device' | 'ai';
  kind: 'single' | 'multi';
  options: string[];
  noneOption?: string;
  showIf?: { question: string; in: string[] }[];
  cites: PathwayCitationJson[];
}

/** Answers keyed by question id: one option, or several for a multi-choice question. */
export type PathwayAnswersJson = Record<string, string | string[]>;

/** One step of the pathway. */
export interface PathwayStepJson {
  id: string;
  authority: string;
  citations: PathwayCitationJson[];
  notes: string[];
  params?: Record<string, string | number>;
}

/** The pathway report. */
export interface PathwayReportJson {
  status: 'incomplete' | 'stopped' | 'complete';
  missing: string[];
  stop: { reason: string; items: string[]; citations: PathwayCitationJson[] } | null;
  classification: {
    route: 'data_permit' | 'data_request' | null;
    multiCountry: boolean;
    dpia: 'required' | 'not_required' | 'not_applicable';
    device: { regulation: 'MDR' | 'IVDR'; class: string } | null;
    aiAct: string;
    aiTransparency: string[];
  } | null;
  steps: PathwayStepJson[];
}

/** The evaluation of answers: the questions that show and the report so far. */
export interface PathwayEvaluation {
  visible: string[];
  report: PathwayReportJson;
}

/** A report a user saved. */
export interface SavedPathwayReport {
  id: string;
  title: string;
  answers: PathwayAnswersJson;
  report: PathwayReportJson;
  createdAt: string;
}

/** Pathway calls to the hub. */
export interface PathwayClient {
  questionnaire(signal?: AbortSignal): Promise<PathwayQuestionJson[]>;
  evaluate(answers: PathwayAnswersJson, signal?: AbortSignal): Promise<PathwayEvaluation>;
  saveReport(title: string, answers: PathwayAnswersJson): Promise<SavedPathwayReport>;
  savedReports(signal?: AbortSignal): Promise<SavedPathwayReport[]>;
  savedReport(id: string): Promise<SavedPathwayReport>;
}

/** Creates the pathway client (same options as `createHubClient`). */
export function createPathwayClient(options: HttpOptions): PathwayClient {
  const send = createHttp(options);
  const sig = (signal?: AbortSignal) => (signal ? { signal } : {});
  return {
    questionnaire: async (signal) =>
      (
        await send<{ questions: PathwayQuestionJson[] }>({
          method: 'GET',
          path: '/api/pathway/questionnaire',
          ...sig(signal),
        })
      ).questions,
    evaluate: (answers, signal) =>
      send<PathwayEvaluation>({
        method: 'POST',
        path: '/api/pathway/evaluate',
        json: { answers },
        ...sig(signal),
      }),
    saveReport: (title, answers) =>
      send<SavedPathwayReport>({ method: 'POST', path: '/api/pathway/reports', json: { title, answers } }),
    savedReports: async (signal) =>
      (
        await send<{ items: SavedPathwayReport[] }>({
          method: 'GET',
          path: '/api/pathway/reports',
          ...sig(signal),
        })
      ).items,
    savedReport: (id) =>
      send<SavedPathwayReport>({ method: 'GET', path: `/api/pathway/reports/${encodeURIComponent(id)}` }),
  };
}
