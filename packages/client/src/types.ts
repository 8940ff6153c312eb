/**
 * Shapes of the hub's REST API as the hub sends them (JSON over HTTP). Kept here rather than
 * imported from the server so the client never depends on server internals (DESIGN.md §2).
 */

import type { DataUseCondition } from './data-use';

/** A platform role (EHDS.md §1); citizens sign in with a national eID and manage their opt-out. */
export type Role = 'data_holder' | 'data_user' | 'hdab_staff' | 'admin' | 'citizen';

/** A multilingual text keyed by ISO 639-1 language code (`en`, `de`, `fi`, ...). */
export type LangText = Record<string, string>;

/** The signed-in principal. */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  /** Kind of that organisation (`public_body`, `biotech_company`, …). */
  organisationKind: string | null;
  /** The organisation is a verified public sector or EU body (Art. 53(2)). */
  publicBodyVerified: boolean;
  nodeIds: string[];
  /** Citizens only: the hub's keyed pseudonym of their national identifier. */
  citizenPseudonym?: string;
}

/** The answer to a sign-in: the session token (also set as an HttpOnly cookie) and who signed in. */
export interface SignInResult {
  token: string;
  principal: Principal;
  expiresAt: string;
}

/** A password accepted; the authenticator code (TOTP) is still to come with this challenge. */
export interface MfaChallenge {
  mfaRequired: true;
  challenge: string;
  expiresAt: string;
}

/** What a password sign-in answers: a session, or the second step. */
export type SignInOutcome = SignInResult | MfaChallenge;

/** One demo account offered on the sign-in page (demo mode only). */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** The documented demo TOTP secret of roles that need a second factor, so the page computes the code. */
  totpSecret?: string;
}

/** The demo accounts and their shared password. */
export interface DemoAccounts {
  accounts: DemoAccount[];
  password: string;
}

/** Access rights of a dataset (EU access-right vocabulary). */
export type AccessRights = 'PUBLIC' | 'RESTRICTED' | 'NON_PUBLIC';

/** A time span; the end may be open. */
export interface Temporal {
  start: string | null;
  end?: string | null;
}

/** The quality and utility label in short (Art. 78). */
export interface QualitySummary {
  stars: number;
  score: number;
}

/** One catalogue search hit. */
export interface DatasetSummary {
  id: string;
  title: LangText;
  description: LangText;
  publisher: { name: string };
  country: string;
  healthCategories: string[];
  codingSystems: string[];
  accessRights: AccessRights;
  numberOfUniqueIndividuals: number | null;
  numberOfRecords: number | null;
  temporal: Temporal | null;
  quality: QualitySummary | null;
  keywords?: string[];
  /** DUO shorthands of the dataset's data-use conditions, e.g. `HMB`, `NCU`. */
  dataUse?: string[];
  publishedAt: string;
}

/** One facet value and how many datasets have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** The facets the catalogue search returns. */
export interface DatasetFacets {
  healthCategory: FacetCount[];
  country: FacetCount[];
  codingSystem: FacetCount[];
  stars: FacetCount[];
  accessRights: FacetCount[];
  /** DUO data-use condition shorthands (`GET /api/datasets?dataUse=NCU`). */
  dataUse?: FacetCount[];
}

/** A page of catalogue search results. */
export interface DatasetSearchResult {
  items: DatasetSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: DatasetFacets;
}

/** A HealthDCAT-AP agent (publisher, HDAB): its name is multilingual. */
export interface DcatAgent {
  iri?: string;
  name: LangText;
  type?: string;
  contactPoint?: { email?: string; page?: string; telephone?: string };
}

/** The legal basis of the original collection (dpv:hasLegalBasis). */
export interface DcatLegalBasis {
  description: LangText;
  source?: string;
}

/** The statistics the node derives into the description (HealthDCAT-AP). */
export interface DcatDerived {
  numberOfRecords?: number | null;
  numberOfUniqueIndividuals?: number | null;
  minTypicalAge?: number;
  maxTypicalAge?: number;
  temporalCoverage?: { start: string; end?: string };
  codingSystems?: string[];
}

/** The quality label as embedded in the description (dimension scores 0–100). */
export interface DcatQualityLabel {
  score: number;
  stars: number;
  scheme?: string;
  schemeVersion?: string;
  certificateUrl?: string;
  issued?: string;
  dimensions?: Record<string, number>;
}

/**
 * The HealthDCAT-AP description of a published dataset (Art. 60(3), 77), as the hub stores it:
 * texts are multilingual, keywords are grouped by language.
 */
export interface DatasetDescription {
  iri?: string;
  identifier?: string;
  title: LangText;
  description: LangText;
  keywords?: Record<string, string[]>;
  publisher?: DcatAgent;
  hdab?: DcatAgent;
  contactPoint?: { name?: LangText; email?: string; url?: string };
  accessRights?: AccessRights;
  healthCategories?: string[];
  themes?: string[];
  type?: string;
  provenance?: LangText;
  purposes?: LangText[];
  legalBases?: DcatLegalBasis[];
  retentionPeriod?: { start: string; end?: string };
  applicableLegislation?: string[];
  conformsTo?: string[];
  spatial?: string[];
  personalData?: string[];
  landingPage?: string;
  issued?: string;
  modified?: string;
  derived?: DcatDerived;
  qualityLabel?: DcatQualityLabel;
  /** GA4GH DUO data-use conditions the data holder states (EHDS.md §16). */
  dataUse?: DataUseCondition[];
  [key: string]: unknown;
}

/** A statistics cell that disclosure control may have suppressed (count null, suppressed true). */
export interface SuppressibleCount {
  count: number | null;
  suppressed: boolean;
}

/** One age band × sex cell of the population pyramid (`other` covers other and unknown sex). */
export interface PyramidCell extends SuppressibleCount {
  band: string;
  sex: 'female' | 'male' | 'other';
}

/** Records in one calendar year. */
export interface YearCount extends SuppressibleCount {
  year: number;
}

/** One frequent condition code (its coding system is null when the node could not tell). */
export interface ConditionCount extends SuppressibleCount {
  code: string;
  vocabulary: string | null;
  label?: string;
}

/** Aggregate statistics of a dataset, after small-cell suppression at the node. */
export interface DatasetStatistics {
  numberOfRecords: number | null;
  numberOfUniqueIndividuals: number | null;
  minTypicalAge: number | null;
  maxTypicalAge: number | null;
  temporal: Temporal | null;
  codingSystems: string[];
  /** Records per OMOP table; null where the count was suppressed. */
  recordsByTable: Record<string, number | null>;
  pyramid: PyramidCell[];
  recordsPerYear: YearCount[];
  topConditions: ConditionCount[];
  smallCellThreshold: number;
}

/** Where a label dimension's score comes from. */
export type DimensionSource = 'measured' | 'declared' | 'not-assessed';

/** One dimension of the quality label as the catalogue shows it (score 0–100, null = not assessed). */
export interface QualityDimension {
  id: string;
  name: string;
  group: string;
  weight: number;
  score: number | null;
  source: DimensionSource;
}

/** A failed data quality check as the catalogue shows it. */
export interface FailedCheck {
  id: string;
  category: string;
  table: string;
  field: string | null;
  rowsFailed: number;
  rowsChecked: number;
  pctFailed: number;
  threshold: number;
  description: string;
}

/** The full quality label of a published dataset. */
export interface DatasetQuality {
  stars: number;
  score: number;
  scheme?: string;
  dimensions: QualityDimension[];
  checks: { total: number; passed: number; failed: number };
  failedChecks: FailedCheck[];
  ranAt: string;
  /** The label along the elements of Art. 78(3); shape owned by the node's label scheme. */
  art78?: Record<string, unknown>;
}

/** One dataset as the catalogue's dataset page shows it. */
export interface DatasetDetail {
  id: string;
  description: DatasetDescription;
  statistics: DatasetStatistics | null;
  quality: DatasetQuality | null;
  /** The node the dataset lives at; null when that node is no longer registered. */
  node: { id: string; name: string; country: string } | null;
  publishedAt: string;
  summary?: DatasetSummary;
}

/** Registration status of a node at the hub. */
export type NodeStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED';

/** A node registered with the hub. */
export interface HubNode {
  id: string;
  name: string;
  country: string;
  organisationId: string | null;
  organisationName: string | null;
  publicKey: string;
  /** SHA-256 fingerprint of the public key, for comparing with the node operator's. */
  fingerprint: string;
  status: NodeStatus;
  registeredAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  lastSeenAt: string | null;
}

/** One entry of the hash-chained audit log. */
export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object: string | null;
  outcome: string;
  details: Record<string, unknown>;
  prevHash?: string;
  hash?: string;
}

/** The result of verifying the audit chain: `brokenAt` is the first bad sequence number, or null. */
export interface AuditVerification {
  events: number;
  brokenAt: number | null;
}

/** One of the signed-in holder's nodes, with a short-lived token for calling it directly. */
export interface HolderNode {
  id: string;
  name: string;
  country: string;
  /** The node's local API; null until the node has told the hub where it listens. */
  url: string | null;
  token: string;
  tokenExpiresAt: string;
}
