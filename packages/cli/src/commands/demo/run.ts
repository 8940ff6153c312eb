import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEMO_TOTP_SECRET } from '@openehds/server';
import { fail, say } from '../../ui/output';
import { onShutdown } from '../../ui/shutdown';
import { DEMO_NODES, demoPorts } from './plan';
import { ensureWebBuilt } from './web-build';
import { approveDemoNodes, waitForHealth } from './hub-admin';
import {
  DEMO_CITIZENS,
  DEMO_LS_RESEARCHERS,
  DEMO_OPT_OUT_PERSON,
  startDemoIdentity,
  type DemoIdentity,
} from './identity';

const REPO = resolve(import.meta.dirname, '../../../../..');
const EHDS = join(REPO, 'packages/cli/bin/ehds.js');

/**
 * `ehds demo` (what `npm start` runs): one hub, three nodes, the web UI and two demo identity
 * providers (a national eID for citizens, a Life Science Login for researchers), on loopback.
 */
export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'run a demo federation: one hub and three data-holder nodes with synthetic data, and the web UI',
    )
    .option('--data-dir <dir>', 'where the demo keeps its data (reused on the next start)', './data')
    .option('--port <port>', 'hub port; nodes use port+11..13', '8080')
    .action(async (opts) => {
      const children: ChildProcess[] = [];
      let identity: DemoIdentity | null = null;
      const stopIdentity = async () => {
        await Promise.all(identity?.providers.map((p) => p.stop()) ?? []);
      };
      try {
        const dataDir = resolve(opts.dataDir);
        const ports = demoPorts(Number(opts.port));
        const hubUrl = `http://127.0.0.1:${ports.hub}`;
        const started = Date.now();
        const webDir = await ensureWebBuilt(REPO);
        onShutdown(async () => {
          say('stopping the demo …');
          await Promise.all(children.map(stopChild));
          await stopIdentity();
        });
        // The identity providers run in this process; the hub learns of them through its environment.
        identity = await startDemoIdentity(hubUrl, ports.identity);
        children.push(
          launch(
            'hub',
            [
              'hub',
              '--port',
              String(ports.hub),
              '--data-dir',
              join(dataDir, 'hub'),
              '--seed-demo',
              '--web-dir',
              webDir,
              '--hdab-name',
              'Demo Health Data Access Body',
              '--hdab-country',
              'EU',
            ],
            { EHDS_OIDC_PROVIDERS: identity.hubProvidersJson },
          ),
        );
        await waitForHealth(`${hubUrl}/health`, 60_000);
        for (const n of DEMO_NODES) {
          children.push(
            launch(n.key, [
              'node',
              '--name',
              n.name,
              '--organisation',
              n.organisation,
              '--country',
              n.country,
              '--dataset-id',
              n.datasetId,
              '--data-dir',
              join(dataDir, `node-${n.key}`),
              '--hub',
              hubUrl,
              '--port',
              String(ports.nodes[n.key]),
              '--allowed-origin',
              hubUrl,
              `http://localhost:${ports.hub}`,
              '--seed-patients',
              String(n.patients),
              '--seed',
              String(n.seed),
              '--profile',
              n.profile,
              '--auto-publish',
            ]),
          );
        }
        // Up means usable: every node's local API answers before the URL is printed.
        await Promise.all(
          DEMO_NODES.map((n) =>
            waitForHealth(`http://127.0.0.1:${ports.nodes[n.key]}/health`, 180_000, true),
          ),
        );
        const approved = await approveDemoNodes(
          hubUrl,
          DEMO_NODES.map((n) => n.name),
          120_000,
        );
        say(
          [
            '',
            `OpenEHDS demo is up in ${Math.round((Date.now() - started) / 1000)} s: open ${hubUrl}`,
            `  nodes approved: ${approved.join(', ')}`,
            '  demo accounts (password: demo-password):',
            '    holder-fi, holder-es, holder-de   data holders (Finland, Spain, Germany)',
            '    user                              data user (biotech company)',
            '    researcher-thl                    data user (THL, a verified public body)',
            '    hdab                              HDAB staff      } second factor: TOTP secret',
            `    admin                             administrator   } ${DEMO_TOTP_SECRET}`,
            '                                      (the demo sign-in buttons enter the code for you)',
            `  "Demo national eID" (citizens, ${identity.providers[0]!.issuer}), password demo-password:`,
            ...DEMO_CITIZENS.map(
              (c) => `    ${c.username.padEnd(34)}${c.name} (fictitious national id ${c.nationalId})`,
            ),
            `    opt-out journey: sign in as ${DEMO_CITIZENS.find((c) => c.nationalId === DEMO_OPT_OUT_PERSON)!.username} at ${hubUrl}/citizen; she is person ${DEMO_OPT_OUT_PERSON} of the Finnish node,`,
            "    so permits approved after her opt-out leave her out of that node's extract",
            `  "Demo Life Science Login" (researchers, ${identity.providers[1]!.issuer}), password demo-password:`,
            ...DEMO_LS_RESEARCHERS.map((r) => `    ${r.username.padEnd(34)}${r.name}`),
            `  data: ${dataDir} (reused on the next start; delete it to start afresh)`,
            '  Ctrl-C stops everything.',
            '',
          ].join('\n'),
        );
      } catch (err) {
        await Promise.all(children.map(stopChild));
        await stopIdentity();
        process.exitCode = fail(err, false);
      }
    });
}

function launch(label: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [EHDS, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => process.stderr.write(`[${label}] ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) say(`[${label}] exited with code ${code}`);
  });
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}
