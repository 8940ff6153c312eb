export { canonicalJson, toJsonValue } from './canonical';
export type { JsonValue } from './canonical';
export {
  generateFederationKeyPair,
  isPublicKey,
  keyFingerprint,
  privateKeyObject,
  publicKeyObject,
  publicKeyOf,
} from './keys';
export type { FederationKeyPair } from './keys';
export { checkFreshness, nonceHorizon, NONCE_RETENTION_MS, REPLAY_WINDOW_MS } from './freshness';
export type { FreshnessResult } from './freshness';
export {
  ENVELOPE_DOMAIN,
  EnvelopeSchema,
  envelopeSigningInput,
  newNonce,
  parseEnvelope,
  signEnvelope,
  verifyEnvelope,
} from './envelope';
export type { Envelope, EnvelopeShapeResult, MessageTarget } from './envelope';
export { checkTask, signTask, TASK_DOMAIN, taskSigningInput } from './task';
export type { SignedTask, TaskCheck } from './task';
export type { Transport, TransportRequest, TransportResponse } from './transport';
export { FEDERATION_PATHS, REJECTION_REASONS } from './protocol';
export type { RejectionReason, NodeStatus, TaskResultBody, RegisterBody, PullBody } from './protocol';
