import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../../ui/output';

/**
 * Builds the web UI with Vite when its bundle is missing or older than its sources; returns the dist
 * dir. `EHDS_WEB_OUT_DIR` builds elsewhere than packages/web/dist, so a browser test run beside another
 * one (or beside a developer's build) serves a bundle nobody rewrites under it.
 */
export async function ensureWebBuilt(repo: string): Promise<string> {
  const root = join(repo, 'packages/web');
  const dist = process.env.EHDS_WEB_OUT_DIR ?? join(root, 'dist');
  const index = join(dist, 'index.html');
  if (existsSync(index) && newestMtime(join(root, 'src')) <= statSync(index).mtimeMs) return dist;
  say('building the web UI …');
  const { build } = await import('vite');
  // Inside a test runner NODE_ENV is `test`, and Vite would bundle React's development build: tests
  // must see the bundle users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: dist, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return dist;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
