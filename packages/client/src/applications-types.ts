/**
 * Shapes of data access applications (Art. 67), health data requests (Art. 69) and the HDAB's case
 * handling, as the hub's `/api/applications` and `/api/holder/cost-requests` routes send them. The shapes
 * mirror the hub's (packages/server/src/applications, packages/core/src/applications) without
 * importing them, so the client keeps depending on nothing but fetch (DESIGN.md §2). Timestamps
 * arrive as ISO strings.
 */
import type { CrossBorderCopy } from './cross-border';
import type { DatasetDataUse } from './data-use';
import type {
  ApplicationEvent,
  ApplicationKind,
  ApplicationStatus,
  CriterionId,
  EthicsStatus,
  LegalBasis,
  Outcome,
  PersonRole,
  ProhibitedUse,
  Purpose,
  Verdict,
} from './applications-vocabulary';

// ——— Content of a file (Art. 67(2), (4), (5); Art. 69(2)) ———

/** A person who will access the data (Art. 67(2)(a)). */
export interface NamedPerson {
  name: string;
  email: string;
  role: PersonRole;
  affiliation?: string;
  /** ORCID iD, `0000-0002-1825-0097`. */
  orcid?: string;
}

/** A dataset from the catalogue, where it lives, and the variables wanted from it (Art. 67(2)(d)). */
export interface RequestedDataset {
  datasetId: string;
  title?: string;
  /** Two-letter country code. */
  country: string;
  nodeId?: string;
  holder?: string;
  variables?: string[];
}

/** One table of a health data request's statistical content: a measure by dimensions (Art. 69(2)(d)). */
export interface StatisticalTable {
  measure: string;
  dimensions: string[];
  population?: string;
}

/** The content of an application or request; every field optional while it is a draft. */
export interface ApplicationContent {
  title?: string;
  applicantActivities?: string;
  persons?: NamedPerson[];
  purposes?: Purpose[];
  useAndBenefit?: string;
  datasets?: RequestedDataset[];
  variables?: string[];
  period?: { from?: string; to?: string };
  geography?: string[];
  format?: string;
  dataForm?: 'anonymised' | 'pseudonymised';
  dataFormJustification?: string;
  legalBasis?: { article?: LegalBasis; explanation?: string };
  ownDatasets?: string;
  safeguards?: string;
  speMonths?: number;
  speJustification?: string;
  publicBodyAccess?: { period?: string; frequency?: string };
  tools?: { software?: string[]; cpuHours?: number; gpuHours?: number; aiFactory?: string };
  ethics?: { status?: EthicsStatus; committee?: string; reference?: string };
  optOutException?: { requested?: boolean; justification?: string };
  declarations?: ProhibitedUse[];
  commercial?: boolean;
  diseaseCodes?: string[];
  statisticalContent?: { description?: string; tables?: StatisticalTable[] };
}

/** Something a file lacks or gets wrong, located by its field path (`persons`, `period.to`, …). */
export interface ContentIssue {
  path: string;
  message: string;
}

// ——— Clocks (packages/core/src/deadlines/types.ts, serialised) ———

export type ClockName = 'completeness' | 'decision' | 'additional-information' | 'publication';
export type ClockState = 'not-started' | 'running' | 'paused' | 'met' | 'overdue' | 'stopped';

/** One statutory clock at the time the hub answered. */
export interface Clock {
  name: ClockName;
  dueAt: string | null;
  state: ClockState;
  /** Whole days to the due date, negative when overdue; null unless the clock is live. */
  remainingDays: number | null;
  atRisk: boolean;
  /** The clause the period comes from, e.g. `Art. 68(4)`; `[OURS]` marks the hub's own rule. */
  article: string;
  startedAt: string | null;
  endedAt: string | null;
  late: boolean;
  pausedMs: number;
}

/** All clocks of a file and what needs attention first. */
export interface Clocks {
  clocks: Clock[];
  nextDue: Clock | null;
  overdue: boolean;
  atRisk: boolean;
}

// ——— The case file ———

/** One entry of the status history: who did what, when, and why. */
export interface ApplicationHistoryEvent {
  seq: number;
  /** A status event, or `create` / `extend`. */
  event: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  /** `account:<username>` or `system`. */
  actor: string;
  at: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** One point of the assessment checklist as recorded. */
export interface CriterionAssessment {
  criterion: CriterionId;
  verdict: Verdict;
  justification: string;
  /** Username of the assessor. */
  assessor: string;
  /** Four-eyes rule: username of the second member of staff who confirmed it. */
  confirmedBy: string | null;
}

/** Where the assessment stands and which decisions it allows. */
export interface AssessmentState {
  missing: CriterionId[];
  unconfirmed: CriterionId[];
  failed: CriterionId[];
  complete: boolean;
  allowedOutcomes: Outcome[];
}

/** The assessment checklist and its state. */
export interface Assessment {
  items: CriterionAssessment[];
  state: AssessmentState;
}

/** A data holder's stated preparation cost (Art. 62(2)); amount null until it answered. */
export interface HolderCost {
  organisationId: string;
  holder: string;
  askedAt: string;
  amount: number | null;
  note: string | null;
  answeredAt: string | null;
}

/** One line of a fee estimate. */
export interface FeeLine {
  phase: 'assessment' | 'preparation' | 'spe' | 'compute' | 'holder';
  description: string;
  payee: string;
  /** Euro (decimal). */
  amount: number;
}

/** The itemised fee estimate of Art. 62. */
export interface FeeEstimate {
  lines: FeeLine[];
  reduction: { kind: string; fraction: number; amount: number } | null;
  total: number;
  currency: 'EUR';
}

/** An estimate as sent to the applicant, and whether they accepted it. */
export interface SentEstimate {
  id: string;
  estimate: FeeEstimate;
  sentAt: string;
  acknowledgedAt: string | null;
}

/** A document signed with the hub's Ed25519 key; `ehds verify FILE` checks it offline. */
export interface SignedDocument<T = unknown> {
  type: string;
  document: T;
  signature: {
    algorithm: 'Ed25519';
    publicKey: string;
    keyFingerprint: string;
    signedAt: string;
    value: string;
  };
}

/** The permit content of Art. 68(10) as the signed decision carries it. */
export interface PermitContent {
  permitNumber: string;
  applicationReference: string;
  datasets: RequestedDataset[];
  variables: string[];
  period: { from?: string; to?: string };
  dataForm: 'anonymised' | 'pseudonymised' | null;
  purposes: string[];
  optOutException: { granted: boolean; justification: string | null };
  persons: { name: string; email: string; role: string; orcid?: string }[];
  validFrom: string;
  validUntil: string;
  spe: { tools: string[]; gpuHours: number; cpuHours: number; aiFactory: string | null };
  fees: { total: number; currency: 'EUR' } | null;
  conditions: string[];
  issuedBy: { name: string; country: string; url: string };
  redress: string;
  [key: string]: unknown;
}

/** What the signed decision document says. */
export interface DecisionDocument {
  decisionId: string;
  application: { reference: string; kind: ApplicationKind; submittedAt: string | null };
  applicant: { name: string; organisation: string | null };
  outcome: Outcome;
  reasons: string;
  assessment: { criterion: CriterionId; verdict: Verdict; justification: string }[];
  permit: PermitContent | null;
  decidedBy: string;
}

/** The HDAB's decision on a file. */
export interface Decision {
  id: string;
  outcome: Outcome;
  signed: SignedDocument<DecisionDocument>;
  decidedAt: string;
  /** The permit number of a grant, null otherwise. */
  permitId: string | null;
}

/** The whole case file as its reader may see it (applicant, or HDAB staff once submitted). */
export interface ApplicationView {
  id: string;
  reference: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  resumeStatus: ApplicationStatus | null;
  outcome: Outcome | null;
  applicantId: string;
  applicant: { username: string; displayName: string };
  organisation: { id: string; name: string; kind: string; country: string } | null;
  content: ApplicationContent;
  /** Optimistic-locking version; every save sends the one it loaded. */
  version: number;
  /** Art. 68(6): the accelerated procedure applies. */
  accelerated: boolean;
  extension: { at: string; reason: string } | null;
  acceptsAnonymisedAnswer: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  publishedAt: string | null;
  history: ApplicationHistoryEvent[];
  clocks: Clocks;
  /** The status events possible now (for buttons). */
  allowedEvents: ApplicationEvent[];
  /** What the file still lacks before it can be submitted; empty when complete. */
  completeness: ContentIssue[];
  /** Staff see it always; the applicant once decided. */
  assessment: Assessment | null;
  /** Staff only. */
  holderCosts?: HolderCost[];
  feeEstimate: SentEstimate | null;
  decision: Decision | null;
  /** The HDAB applies the four-eyes rule to the assessment. */
  fourEyes: boolean;
  /** Each requested dataset's DUO conditions matched against the stated use (EHDS.md §16). */
  dataUse?: DatasetDataUse[];
  /** The copies forwarded to other countries' HDABs (Art. 67(3), 68(5)); empty when not forwarded. */
  crossBorder?: CrossBorderCopy[];
}

/** One row of "my applications" (applicant) or the work queue (HDAB staff). */
export interface ApplicationListItem {
  id: string;
  reference: string;
  kind: ApplicationKind;
  title: string;
  status: ApplicationStatus;
  outcome: Outcome | null;
  applicant: string;
  organisation: string | null;
  accelerated: boolean;
  submittedAt: string | null;
  updatedAt: string;
  clocks: Clocks;
}

/** The HDAB's decision as staff enter it. */
export interface DecisionInput {
  outcome: Outcome;
  reasons: string;
  grantedDatasets?: string[];
  /** ISO date `YYYY-MM-DD`. */
  validFrom?: string;
  validUntil?: string;
  conditions?: string[];
  optOutExceptionGranted?: boolean;
}

/** A cost request addressed to the signed-in data holder's organisation. */
export interface CostRequest {
  applicationId: string;
  reference: string;
  title: string;
  /** The dataset ids the file names. */
  datasets: string[];
  askedAt: string;
  amount: number | null;
  note: string | null;
  answeredAt: string | null;
}

export type {
  ApplicationEvent,
  ApplicationKind,
  ApplicationStatus,
  CriterionId,
  EthicsStatus,
  LegalBasis,
  Outcome,
  PersonRole,
  ProhibitedUse,
  Purpose,
  StaffTransition,
  Verdict,
} from './applications-vocabulary';
