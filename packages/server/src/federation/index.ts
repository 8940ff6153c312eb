export { federationRoutes } from './routes';
export { registerNodeMessageHandler, onNodeMessage, nodeMessageTypes, BUILT_IN_TYPES } from './handlers';
export type { NodeMessageHandler } from './handlers';
export {
  enqueueTask,
  awaitTaskResult,
  getTask,
  pullTasks,
  completeTask,
  reconcileClaims,
  MAX_ATTEMPTS,
  MAX_PULL_WAIT_MS,
} from './tasks';
export type { TaskRecord } from './tasks';
export { findNode, listNodes, decideNode } from './nodes';
export type { FederatedNode } from './nodes';
export { acceptNodeMessage } from './accept';
export { registerNode } from './register';
export type { RegistrationAnswer } from './register';
export { hubKeyPair } from './hub-key';
export { decideStatus } from './lifecycle';
export type { NodeDecision } from './lifecycle';
