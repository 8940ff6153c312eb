export { createTestWorld } from './world';
export type { TestNode, TestWorld, TestWorldOptions } from './world';
export { createInMemoryTransport, createTamperingTransport } from './in-memory-transport';
