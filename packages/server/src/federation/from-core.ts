// The federation protocol lives in @openehds/core (packages/core/src/federation). Until core's
// src/index.ts lists these names, they are taken from the folder directly; afterwards this file
// becomes `export { … } from '@openehds/core'` and nothing else changes.
export {
  canonicalJson,
  checkFreshness,
  FEDERATION_PATHS,
  generateFederationKeyPair,
  isPublicKey,
  keyFingerprint,
  nonceHorizon,
  parseEnvelope,
  REPLAY_WINDOW_MS,
  signTask,
  verifyEnvelope,
} from '@openehds/core';
export type {
  Envelope,
  FederationKeyPair,
  JsonValue,
  MessageTarget,
  NodeStatus,
  RejectionReason,
  SignedTask,
} from '@openehds/core';
