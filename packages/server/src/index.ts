export { createApp } from './app';
export type { HubDeps } from './app';
export { HubConfigSchema, parseHubConfig } from './config';
export type { HubConfig } from './config';
export {
  seedDemo,
  DEMO_ACCOUNTS,
  DEMO_HOLDERS,
  DEMO_PASSWORD,
  DEMO_PUBLIC_BODY,
  DEMO_TOTP_SECRET,
} from './demo/seed';
export { signInDemoAccount } from './demo/demo-sign-in';
export type { PostJson, DemoSession } from './demo/demo-sign-in';
export { startDemoIdentityProvider, NATIONAL_ID_CLAIM } from './demo/identity-provider';
export type { DemoIdentityProvider, DemoIdpAccount, DemoIdpClient } from './demo/identity-provider';
export { identityConfigFromEnv, oidcProvidersFromEnv } from './auth/identity-config';
export type { OidcProviderConfig } from './auth/identity-config';
export { totpCode } from './auth/totp';
export { ROLES } from './auth/roles';
export type { Principal, Role } from './auth/roles';
export {
  recordAudit,
  listAudit,
  verifyAudit,
  verifyHubStore,
  exportHubStore,
  verifyAuditFile,
  readAnchors,
} from './audit/index';
export type { Finding, FileVerifyReport, StoreVerifyReport, VerifyReport } from './audit/index';
export { startHub } from './start-hub';
export { peersFromEnv } from './cross-border/peer-config';
export { deliverOutbox } from './cross-border/outbox';
export type { RunningHub } from './start-hub';
export {
  registerNodeMessageHandler,
  onNodeMessage,
  enqueueTask,
  awaitTaskResult,
  getTask,
  listNodes,
  findNode,
  decideNode,
} from './federation/index';
export type { NodeMessageHandler, FederatedNode, TaskRecord } from './federation/index';
export { completeForCatalogue, hdabAgent, datasetIri } from './catalogue/service';
export {
  runPermitSweep,
  expirePermits,
  deliverPermitUpdates,
  PERMIT_UPDATE_TASK,
  amendPermit,
  renewPermit,
  requestRenewal,
  revokePermit,
  loadPermit,
  permitVersions,
  issuePassport,
  revokedVisas,
  visaJwks,
  grantTestPermit,
} from './permits/index';
export type {
  PermitSweep,
  DeliveryPass,
  PermitUpdatePayload,
  AmendInput,
  RenewalRequest,
  PermitRecord,
  PermitContent,
  Passport,
  RevokedVisa,
  TestGrant,
} from './permits/index';
export {
  optOut,
  reverseOptOut,
  optOutStatus,
  optOutStatistics,
  runOptOutSweep,
  keyIdOf,
  permitExtracts,
  citizenActor,
  createTestCitizen,
  grantOptOutException,
  OPT_OUT_KEY_TASK,
  OPT_OUT_SYNC_TASK,
} from './opt-out/index';
export type {
  OptOutChange,
  OptOutReceipt,
  OptOutStatus,
  OptOutStatistics,
  OptOutSweep,
  OptOutSyncPayload,
  OptOutKeyPayload,
  OptOutPeriod,
  ExtractReport,
} from './opt-out/index';
// The permit-bound workspace and federated analyses under a permit (issue 4 §3–4).
export {
  workspaceRoutes,
  runAnalysis,
  NODE_TASK_TIMEOUT_MS,
  workspaceView,
  workspaceList,
  listAnalyses,
  loadAnalysis,
  privacySpent,
  grantWorkspacePermit,
} from './spe/index';
export type { AnalysisRecord, AnalysisSummary, NodeSdc, WorkspaceRole } from './spe/index';
