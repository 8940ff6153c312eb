/**
 * Types of the regulatory pathway navigator (issue 6 §4): a questionnaire kept as data and the
 * report a pure function derives from its answers. Texts are the UI's (codes here, so the report
 * translates); citations are language-neutral.
 */

/** The legal instruments the navigator cites. */
export const INSTRUMENTS = ['EHDS', 'GDPR', 'AI Act', 'MDR', 'IVDR', 'EDPB WP248'] as const;

/** One instrument: EHDS = Reg. (EU) 2025/327, GDPR = Reg. (EU) 2016/679, AI Act = Reg. (EU) 2024/1689,
 * MDR = Reg. (EU) 2017/745, IVDR = Reg. (EU) 2017/746, WP248 = Art. 29 WP DPIA guidelines rev.01
 * (endorsed by the EDPB). */
export type Instrument = (typeof INSTRUMENTS)[number];

/** A citation: the instrument and its article, annex or point, as the text numbers it. */
export interface Citation {
  instrument: Instrument;
  ref: string;
}

/** The bodies a step is taken with. */
export const AUTHORITIES = [
  'applicant',
  'hdab',
  'hdabs_healthdata_eu',
  'data_protection_authority',
  'ethics_committee',
  'notified_body_mdr',
  'notified_body_ivdr',
  'ai_notified_body',
  'ai_market_surveillance',
] as const;

/** Who a step is taken with (`applicant` = the controller's own obligation, no authority involved). */
export type Authority = (typeof AUTHORITIES)[number];

/** The answer to one question: an option code, or several for a multi-choice question. */
export type Answer = string | readonly string[];

/** Answers keyed by question id. */
export type PathwayAnswers = Readonly<Record<string, Answer>>;

/** Shows a question only when an earlier question's answer is (or, for multi, includes) one of `in`. */
export interface ShowCondition {
  question: string;
  in: readonly string[];
}

/** One question of the questionnaire. */
export interface PathwayQuestion {
  id: string;
  /** The step of the guided questionnaire it belongs to. */
  group: PathwayGroup;
  kind: 'single' | 'multi';
  options: readonly string[];
  /** For a multi question: the option meaning "none of these", exclusive of the others. */
  noneOption?: string;
  /** All must hold for the question to show; a condition on a hidden question never holds. */
  showIf?: readonly ShowCondition[];
  /** What the question is about, for the UI to show beside it. */
  cites: readonly Citation[];
}

/** The steps of the guided questionnaire, in order. */
export const PATHWAY_GROUPS = ['purpose', 'route', 'gdpr', 'device', 'ai'] as const;

/** One step of the guided questionnaire. */
export type PathwayGroup = (typeof PATHWAY_GROUPS)[number];

/** One step of the pathway the report lays out. */
export interface PathwayStep {
  /** A stable code the UI names and explains (strings.ts). */
  id: string;
  authority: Authority;
  citations: readonly Citation[];
  /** Codes of notes on this step (e.g. a mismatch to check), named by the UI. */
  notes: readonly string[];
  /** Values the UI fills into its text (class, deadline, number of criteria…). */
  params?: Readonly<Record<string, string | number>>;
}

/** Why the pathway ends before any step: the use cannot go ahead under the EHDS or the AI Act. */
export interface PathwayStop {
  /** `prohibited_use`, `not_a_purpose`, `public_body_only` or `prohibited_ai_practice`. */
  reason: string;
  /** The prohibitions or rules that apply (e.g. the Art. 54 letters answered). */
  items: readonly string[];
  citations: readonly Citation[];
}

/** The classifications the answers lead to. */
export interface PathwayClassification {
  route: 'data_permit' | 'data_request' | null;
  multiCountry: boolean;
  dpia: 'required' | 'not_required' | 'not_applicable';
  device:
    | { regulation: 'MDR'; class: 'I' | 'IIa' | 'IIb' | 'III' }
    | { regulation: 'IVDR'; class: 'B' | 'C' | 'D' }
    | null;
  aiAct:
    | 'not_applicable'
    | 'prohibited'
    | 'high_risk_annex_i'
    | 'high_risk_annex_iii'
    | 'transparency'
    | 'minimal';
  /** Art. 50 duties, which add to any risk class. */
  aiTransparency: readonly string[];
}

/** The pathway report: complete (steps) or stopped (the reason); `missing` lists unanswered questions. */
export interface PathwayReport {
  status: 'incomplete' | 'stopped' | 'complete';
  missing: readonly string[];
  stop: PathwayStop | null;
  classification: PathwayClassification | null;
  steps: readonly PathwayStep[];
}
