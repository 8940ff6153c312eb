// Entry of the staging thread. The platform runs TypeScript through tsx without a build step, and a
// worker thread does not inherit a loader registered in-process (the `ehds` launcher, vitest), so the
// thread registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./stage-worker.ts');
