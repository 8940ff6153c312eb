export { createApp } from './app';
export type { HubDeps } from './app';
export { HubConfigSchema, parseHubConfig } from './config';
export type { HubConfig } from './config';
export { seedDemo, DEMO_ACCOUNTS, DEMO_HOLDERS, DEMO_PASSWORD } from './demo/seed';
export { recordAudit, listAudit, verifyAudit } from './audit/service';
export { startHub } from './start-hub';
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
