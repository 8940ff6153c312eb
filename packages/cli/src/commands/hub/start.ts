import { resolve } from 'node:path';
import type { Command } from 'commander';
import { fail, say } from '../../ui/output';
import { onShutdown } from '../../ui/shutdown';

/** `ehds hub`: runs the Health Data Access Body's hub. */
export function hubCommand(program: Command): void {
  program
    .command('hub')
    .description('run the hub of a Health Data Access Body (catalogue, permits, federation coordinator)')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8080')
    .option(
      '--data-dir <dir>',
      'where the embedded store (PGlite) lives; ignored when DATABASE_URL is set',
      './data/hub',
    )
    .option('--public-url <url>', 'URL users and nodes reach the hub at (default http://HOST:PORT)')
    .option('--web-dir <dir>', 'serve the built web UI from this folder')
    .option('--seed-demo', 'create the demo organisations and accounts on first start')
    .option('--hdab-name <name>', 'name of the Health Data Access Body')
    .option('--hdab-country <cc>', 'country of the Health Data Access Body (ISO 3166-1 alpha-2)')
    .action(async (opts) => {
      try {
        // Loaded on use, so `ehds --help` stays instant.
        const { identityConfigFromEnv, parseHubConfig, peersFromEnv, startHub } =
          await import('@openehds/server');
        const port = Number(opts.port);
        const config = parseHubConfig({
          host: opts.host,
          port: Number.isNaN(port) ? opts.port : port,
          dataDir: resolve(opts.dataDir),
          databaseUrl: process.env.DATABASE_URL || undefined,
          publicUrl: opts.publicUrl ?? `http://${opts.host}:${opts.port}`,
          webDir: opts.webDir ? resolve(opts.webDir) : undefined,
          seedDemo: Boolean(opts.seedDemo),
          // OpenID Connect providers and the citizen pseudonym key (EHDS_OIDC_*, EHDS_CITIZEN_PSEUDONYM_KEY).
          ...identityConfigFromEnv(process.env),
          // Other HDABs for cross-border applications (EHDS_PEERS, a JSON list; Art. 67(3)).
          peers: peersFromEnv(process.env),
          // How often permit changes and the opt-out registry go to the nodes (default 60 s).
          permitSweepSeconds: process.env.EHDS_PERMIT_SWEEP_SECONDS
            ? Number(process.env.EHDS_PERMIT_SWEEP_SECONDS)
            : undefined,
          ...(opts.hdabName
            ? {
                hdab: {
                  name: opts.hdabName,
                  country: opts.hdabCountry ?? 'EU',
                  email: 'hdab@example.org',
                  url: opts.publicUrl ?? `http://${opts.host}:${opts.port}`,
                },
              }
            : {}),
        });
        const hub = await startHub(config);
        say(`hub listening on ${hub.url} (store: ${hub.db.driver})`);
        onShutdown(async () => {
          await hub.stop();
          say('hub stopped');
        });
      } catch (err) {
        process.exitCode = fail(err, false);
      }
    });
}
