// Starts a TypeScript worker thread: Node 20 does not pass tsx's loader on to workers by itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsFile);
