// The federation protocol lives in @openehds/core (packages/core/src/federation). Until core's
// src/index.ts lists these names, they are taken from the folder directly; afterwards this file
// becomes `export { … } from '@openehds/core'` and nothing else changes.
export {
  checkTask,
  FEDERATION_PATHS,
  generateFederationKeyPair,
  isPublicKey,
  keyFingerprint,
  publicKeyOf,
  signEnvelope,
} from '@openehds/core';
export type {
  JsonValue,
  NodeStatus,
  RegisterBody,
  SignedTask,
  TaskResultBody,
  Transport,
  TransportRequest,
  TransportResponse,
} from '@openehds/core';
