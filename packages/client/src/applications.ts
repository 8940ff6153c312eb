/**
 * The typed client of the hub's application routes (packages/server/src/applications/routes.ts):
 * applicants, HDAB staff and data holders each call their part; the hub checks the role.
 */
import { createHttp, type HttpOptions } from './http';
import type {
  ApplicationContent,
  ApplicationKind,
  ApplicationListItem,
  ApplicationStatus,
  ApplicationView,
  Assessment,
  CostRequest,
  CriterionId,
  Decision,
  DecisionInput,
  HolderCost,
  SentEstimate,
  StaffTransition,
  Verdict,
} from './applications-types';

/** The application routes as typed methods. */
export interface ApplicationsClient {
  /** Starts a draft (data users). */
  create(kind: ApplicationKind, content?: ApplicationContent): Promise<ApplicationView>;
  /** The applicant's own files, or for HDAB staff the work queue, overdue and at-risk first. */
  list(status?: ApplicationStatus, signal?: AbortSignal): Promise<ApplicationListItem[]>;
  get(id: string, signal?: AbortSignal): Promise<ApplicationView>;
  /** Autosave: replaces the content; a stale `version` is refused with 409. */
  saveContent(id: string, content: ApplicationContent, version: number): Promise<ApplicationView>;
  /** Submits; a 400 lists every missing field. */
  submit(id: string): Promise<ApplicationView>;
  withdraw(id: string, reason?: string): Promise<ApplicationView>;
  /** The applicant answers a request for information (Art. 68(4)). */
  provideInformation(id: string, answer: string): Promise<ApplicationView>;
  /** The applicant agrees (or not) to an anonymised answer instead of a permit (Art. 68(3)). */
  setAnonymisedAnswerConsent(id: string, accepts: boolean): Promise<ApplicationView>;
  /** The applicant accepts the fee estimate (Art. 62). */
  acceptFeeEstimate(id: string): Promise<SentEstimate>;
  /** Staff: start pre-screening, ask for information (reason required), declare complete. */
  transition(id: string, event: StaffTransition, reason?: string): Promise<ApplicationView>;
  /** Staff: the one extension of the decision period, with reasons (Art. 68(4)). */
  extendDecisionPeriod(id: string, reason: string): Promise<ApplicationView>;
  /** Staff: records one point of the checklist. */
  assess(id: string, criterion: CriterionId, verdict: Verdict, justification: string): Promise<Assessment>;
  /** Staff: a second assessor confirms a point (four-eyes rule). */
  confirmCriterion(id: string, criterion: CriterionId): Promise<Assessment>;
  /** Staff: asks the holders of the requested datasets for their preparation costs. */
  askHolderCosts(id: string): Promise<HolderCost[]>;
  /** Staff: computes and sends the fee estimate. */
  sendFeeEstimate(id: string): Promise<SentEstimate>;
  /** Staff: issues the signed decision (and the permit for a grant). */
  decide(id: string, input: DecisionInput): Promise<Decision>;
  /** The signed decision file, as text to save. */
  signedDecision(id: string): Promise<string>;
  /** Data holders: the cost requests addressed to their organisation. */
  costRequests(signal?: AbortSignal): Promise<CostRequest[]>;
  /** Data holders: states the preparation cost for one file. */
  answerCostRequest(applicationId: string, amount: number, note?: string): Promise<CostRequest[]>;
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/applications/${enc(id)}`;

/** Address of the signed decision file (`GET`, a download). */
export function decisionFileUrl(id: string): string {
  return `${base(id)}/decision`;
}

/** Address of the file's export in a format the hub renders (e.g. `pdf`). */
export function applicationExportUrl(id: string, format: 'pdf' | 'json'): string {
  return `${base(id)}/export?format=${enc(format)}`;
}

/** Creates the applications client; in the browser pass `baseUrl: ''` and `credentials: 'same-origin'`. */
export function createApplicationsClient(options: HttpOptions): ApplicationsClient {
  const send = createHttp(options);
  return {
    create: (kind, content = {}) =>
      send<ApplicationView>({ method: 'POST', path: '/api/applications', json: { kind, content } }),
    list: async (status, signal) => {
      const query = status ? `?status=${enc(status)}` : '';
      const body = await send<{ items: ApplicationListItem[] }>({
        method: 'GET',
        path: `/api/applications${query}`,
        signal,
      });
      return body.items;
    },
    get: (id, signal) => send<ApplicationView>({ method: 'GET', path: base(id), signal }),
    saveContent: (id, content, version) =>
      send<ApplicationView>({ method: 'PUT', path: `${base(id)}/content`, json: { content, version } }),
    submit: (id) => send<ApplicationView>({ method: 'POST', path: `${base(id)}/submit`, json: {} }),
    withdraw: (id, reason) =>
      send<ApplicationView>({
        method: 'POST',
        path: `${base(id)}/withdraw`,
        json: reason?.trim() ? { reason: reason.trim() } : {},
      }),
    provideInformation: (id, answer) =>
      send<ApplicationView>({ method: 'POST', path: `${base(id)}/information`, json: { answer } }),
    setAnonymisedAnswerConsent: (id, accepts) =>
      send<ApplicationView>({ method: 'POST', path: `${base(id)}/anonymised-answer`, json: { accepts } }),
    acceptFeeEstimate: (id) =>
      send<SentEstimate>({ method: 'POST', path: `${base(id)}/fee-estimate/accept`, json: {} }),
    transition: (id, event, reason) =>
      send<ApplicationView>({
        method: 'POST',
        path: `${base(id)}/transitions`,
        json: reason?.trim() ? { event, reason: reason.trim() } : { event },
      }),
    extendDecisionPeriod: (id, reason) =>
      send<ApplicationView>({ method: 'POST', path: `${base(id)}/extension`, json: { reason } }),
    assess: (id, criterion, verdict, justification) =>
      send<Assessment>({
        method: 'PUT',
        path: `${base(id)}/assessment/${enc(criterion)}`,
        json: { verdict, justification },
      }),
    confirmCriterion: (id, criterion) =>
      send<Assessment>({
        method: 'POST',
        path: `${base(id)}/assessment/${enc(criterion)}/confirm`,
        json: {},
      }),
    askHolderCosts: async (id) =>
      (
        await send<{ holderCosts: HolderCost[] }>({
          method: 'POST',
          path: `${base(id)}/holder-costs`,
          json: {},
        })
      ).holderCosts,
    sendFeeEstimate: (id) =>
      send<SentEstimate>({ method: 'POST', path: `${base(id)}/fee-estimate`, json: {} }),
    decide: (id, input) => send<Decision>({ method: 'POST', path: `${base(id)}/decision`, json: input }),
    signedDecision: (id) => send<string>({ method: 'GET', path: decisionFileUrl(id), responseType: 'text' }),
    costRequests: async (signal) =>
      (await send<{ items: CostRequest[] }>({ method: 'GET', path: '/api/holder/cost-requests', signal }))
        .items,
    answerCostRequest: async (applicationId, amount, note) =>
      (
        await send<{ items: CostRequest[] }>({
          method: 'PUT',
          path: `/api/holder/cost-requests/${enc(applicationId)}`,
          json: note?.trim() ? { amount, note: note.trim() } : { amount },
        })
      ).items,
  };
}
