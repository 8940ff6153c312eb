export { createNodeRuntime } from './runtime';
export type { NodeRuntime, NodeRuntimeOptions, RuntimeEvent, TaskContext, TaskHandler } from './runtime';
export { FederationClient, HubRefusal } from './client';
export type { RegistrationStatus } from './client';
export { loadOrCreateIdentity, pinHubKey, IDENTITY_FILE } from './identity';
export type { NodeIdentity } from './identity';
export { createHttpTransport } from './http-transport';
