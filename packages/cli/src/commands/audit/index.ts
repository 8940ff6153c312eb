import type { Command } from 'commander';
import { fail, say } from '../../ui/output';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The PostgreSQL URL to use: --database-url, else $DATABASE_URL unless --data-dir was given. */
function databaseUrl(opts: { databaseUrl?: string }, cmd: Command): string | undefined {
  if (opts.databaseUrl) return opts.databaseUrl;
  return cmd.getOptionValueSource('dataDir') === 'cli' ? undefined : process.env.DATABASE_URL || undefined;
}

/** `ehds audit verify | export`: the hub's tamper-evident audit log, offline. */
export function auditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('the hub audit log: verify its hash chain and signed checkpoints, export it (also as FHIR)');
  const store = (c: Command) =>
    c
      .option(
        '--data-dir <dir>',
        'the hub data dir (PGlite; stop the hub first, PGlite is single-process)',
        './data/hub',
      )
      .option('--database-url <url>', 'the hub PostgreSQL store instead (default: $DATABASE_URL)');

  store(
    audit
      .command('verify')
      .description('find any edit, deletion, reordering or truncation of the audit log, and say where'),
  )
    .option('--file <file>', 'verify an export file (ehds audit export, GET /api/audit/export) instead')
    .option('--key <key>', 'trust this hub public key or fingerprint (see GET /api/federation/hub-key)')
    .option('--anchor <file>', 'checkpoints kept elsewhere (an earlier export); repeatable', collect)
    .option(
      '--every-event',
      "with --file: re-hash every event, not trusting the hub's check of the signed segments",
    )
    .option('--json', 'machine-readable report')
    .action(async (opts, cmd: Command) => {
      try {
        const { auditVerifyCommand } = await import('./verify');
        process.exitCode = await auditVerifyCommand({ ...opts, databaseUrl: databaseUrl(opts, cmd) });
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    });

  store(
    audit.command('export').description('write the audit log as NDJSON (chain with checkpoints, or FHIR)'),
  )
    .requiredOption('--out <file>', 'the file to write')
    .option('--format <format>', 'chain (events, checkpoints, hub key) or fhir (AuditEvent NDJSON)', 'chain')
    .action(async (opts, cmd: Command) => {
      try {
        const { auditExportCommand } = await import('./export');
        const path = await auditExportCommand({ ...opts, databaseUrl: databaseUrl(opts, cmd) });
        say(`wrote ${path}`);
      } catch (err) {
        process.exitCode = fail(err, false);
      }
    });
}
