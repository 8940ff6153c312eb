export {
  AppError,
  conflict,
  forbidden,
  fromHttpStatus,
  invalid,
  notAcceptable,
  notFound,
  toAppError,
  unauthenticated,
} from './errors/app-error';
export type { AppErrorKind, Issue, Problem } from './errors/app-error';
export { parseConfig, zodIssues } from './config/parse-config';
export { signAccessToken, verifyAccessToken } from './tokens/access-token';
export type { AccessTokenClaims } from './tokens/access-token';
export { canonicalJson, toJsonValue } from './federation/canonical';
export type { JsonValue } from './federation/canonical';
export {
  generateFederationKeyPair,
  isPublicKey,
  keyFingerprint,
  privateKeyObject,
  publicKeyObject,
  publicKeyOf,
} from './federation/keys';
export type { FederationKeyPair } from './federation/keys';
export { checkFreshness, nonceHorizon, NONCE_RETENTION_MS, REPLAY_WINDOW_MS } from './federation/freshness';
export type { FreshnessResult } from './federation/freshness';
export {
  ENVELOPE_DOMAIN,
  EnvelopeSchema,
  envelopeSigningInput,
  newNonce,
  parseEnvelope,
  signEnvelope,
  verifyEnvelope,
} from './federation/envelope';
export type { Envelope, EnvelopeShapeResult, MessageTarget } from './federation/envelope';
export { checkTask, signTask, TASK_DOMAIN, taskSigningInput } from './federation/task';
export type { SignedTask, TaskCheck } from './federation/task';
export type { Transport, TransportRequest, TransportResponse } from './federation/transport';
export { FEDERATION_PATHS, REJECTION_REASONS } from './federation/protocol';
export type {
  RejectionReason,
  NodeStatus,
  TaskResultBody,
  RegisterBody,
  PullBody,
} from './federation/protocol';
export { registerProblemHandler } from './http/problem-handler';
