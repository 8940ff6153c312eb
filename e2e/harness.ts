import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { approveDemoNodes } from '../packages/cli/src/commands/demo/hub-admin';
import { DEMO_NODES, type DemoNode } from '../packages/cli/src/commands/demo/plan';
import { ensureWebBuilt } from '../packages/cli/src/commands/demo/web-build';

export const REPO = resolve(import.meta.dirname, '..');
const EHDS = join(REPO, 'packages/cli/bin/ehds.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `ehds ARGS` as a real process (`env` added to ours); its output is kept for failure messages. */
export function ehds(
  args: string[],
  env: Record<string, string> = {},
): {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
} {
  const child = spawn(process.execPath, [EHDS, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Waits until `url` answers 200. */
export async function waitFor(url: string, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not up in ${timeoutMs} ms:\n${describe()}`);
}

/** Launches Debian's Chromium headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true')
      throw new Error(`Chromium not found at ${CHROMIUM}: CI must install the chromium package`);
    console.warn(`e2e: ${CHROMIUM} not found; skipping browser journeys (apt-get install chromium)`);
    return null;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Waits until the hub hands the demo holder `holder-fi` a node with a local API URL. */
export async function waitForLocalApi(
  hubUrl: string,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const signIn = await fetch(`${hubUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'holder-fi', password: 'demo-password' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${hubUrl}/api/holder/nodes`, { headers: { authorization: `Bearer ${token}` } });
    const { nodes } = (await res.json()) as { nodes: { url: string | null }[] };
    if (nodes.some((n) => n.url)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the node did not report its local API in ${timeoutMs} ms:\n${describe()}`);
}

/** Collects the page's console errors and uncaught exceptions (a journey fails on any). */
export function consoleErrors(page: Page, label: string): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`[${label}] ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`[${label}] uncaught: ${e.message}`));
  return errors;
}

/** The visible text of the page (trimmed), for failure messages. */
export async function pageText(page: Page, max = 3000): Promise<string> {
  try {
    return `${page.url()}\n${(await page.innerText('body')).slice(0, max)}`;
  } catch (err) {
    return `${page.url()} (no text: ${(err as Error).message})`;
  }
}

/**
 * Signs a demo account in through the sign-in page's demo list (password, and for HDAB staff and
 * administrators the TOTP code the page computes from the demo secret), and waits until it has left.
 */
export async function signInAsDemo(page: Page, hubUrl: string, username: string): Promise<void> {
  await page.goto(`${hubUrl}/sign-in`);
  await page.getByTestId(`demo-account-${username}`).click({ timeout: 30_000 });
  await page
    .waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 })
    .catch(async (err: Error) => {
      throw new Error(`${username} could not sign in: ${err.message}\n${await pageText(page)}`);
    });
}

/** Waits until the element's (trimmed) text matches; fails with the last text seen. */
export async function waitText(locator: Locator, pattern: RegExp, timeout = 30_000): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        last = (await locator.innerText({ timeout: 2_000 }).catch(() => '')).trim();
        return pattern.test(last);
      },
      { timeout, interval: 250 },
    )
    .toBe(true)
    .catch((err: Error) => {
      throw new Error(
        `text ${pattern} not seen (last: ${JSON.stringify(last.slice(0, 500))}): ${err.message}`,
      );
    });
  return last;
}

/** A running demo federation: the hub (demo seed) and the demo's three nodes, datasets published. */
export interface DemoFederation {
  hubUrl: string;
  /** The federation's data folder: the hub's under `hub/`, each node's under its key (`fi`, …). */
  data: string;
  /** Each node's local API port, by node key. */
  nodePorts: Map<string, number>;
  procs: ReturnType<typeof ehds>[];
  /** Stops every process and removes the data folder. */
  stop: () => Promise<void>;
}

/**
 * Starts `ehds hub --seed-demo` and the demo's three nodes (DEMO_NODES: their seeds and profiles,
 * `persons` each) as separate processes, approves the nodes and waits until each dataset is in the
 * catalogue. `hubEnv(hubUrl)` is added to the hub's environment (e.g. EHDS_OIDC_PROVIDERS of the demo
 * eID, whose providers need the hub's address before it starts).
 */
export async function startDemoFederation(options: {
  prefix: string;
  persons: number;
  hubEnv?: (hubUrl: string) => Promise<Record<string, string>>;
  nodeArgs?: (node: DemoNode) => string[];
}): Promise<DemoFederation> {
  const webDir = await ensureWebBuilt(REPO);
  const data = tempDir(options.prefix);
  const procs: ReturnType<typeof ehds>[] = [];
  const nodePorts = new Map<string, number>();
  const stop = async () => {
    await Promise.all(procs.map((p) => p.stop()));
    rmSync(data, { recursive: true, force: true });
  };
  const hubPort = await freePort();
  const hubUrl = `http://127.0.0.1:${hubPort}`;
  const hub = ehds(
    [
      ...['hub', '--port', String(hubPort), '--data-dir', join(data, 'hub'), '--seed-demo'],
      ...['--web-dir', webDir, '--hdab-name', 'Demo Health Data Access Body', '--hdab-country', 'FI'],
    ],
    // Permits reach the nodes within seconds, not the minute default.
    { EHDS_PERMIT_SWEEP_SECONDS: '5', ...(await options.hubEnv?.(hubUrl)) },
  );
  procs.push(hub);
  try {
    await waitFor(`${hubUrl}/health`, 90_000, hub.output);
    for (const n of DEMO_NODES) {
      nodePorts.set(n.key, await freePort());
      procs.push(
        ehds([
          ...['node', '--name', n.name, '--organisation', n.organisation, '--country', n.country],
          ...['--dataset-id', n.datasetId, '--data-dir', join(data, n.key), '--hub', hubUrl],
          ...['--port', String(nodePorts.get(n.key)), '--seed-patients', String(options.persons)],
          ...['--seed', String(n.seed), '--profile', n.profile, '--auto-publish'],
          ...(options.nodeArgs?.(n) ?? []),
        ]),
      );
    }
    await approveDemoNodes(
      hubUrl,
      DEMO_NODES.map((n) => n.name),
      180_000,
    );
    for (const n of DEMO_NODES) await waitFor(`${hubUrl}/api/datasets/${n.datasetId}`, 180_000, () => '');
  } catch (err) {
    const outputs = procs.map((p) => p.output().slice(-3000)).join('\n---\n');
    await stop();
    throw new Error(`${(err as Error).message}\nprocess output (hub, then nodes):\n${outputs}`);
  }
  return { hubUrl, data, nodePorts, procs, stop };
}
