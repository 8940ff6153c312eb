import { resolve } from 'node:path';
import { invalid } from '@openehds/core';

/**
 * `ehds audit export --out FILE [--format chain|fhir]`: writes the hub's audit log from its data dir
 * or a PostgreSQL URL: `chain` is NDJSON of the hub key, the signed checkpoints and the events, for
 * `ehds audit verify --file` anywhere; `fhir` is NDJSON of FHIR R4 AuditEvent resources.
 */

/** Options as parsed from the command line. */
export interface AuditExportOptions {
  out: string;
  format?: string;
  dataDir?: string;
  databaseUrl?: string;
}

/** Writes the export; returns the path written. */
export async function auditExportCommand(options: AuditExportOptions): Promise<string> {
  const format = options.format ?? 'chain';
  if (format !== 'chain' && format !== 'fhir') throw invalid(`--format is chain or fhir, not ${format}`);
  if (!options.out) throw invalid('--out FILE is required');
  const { exportHubStore } = await import('@openehds/server');
  const out = resolve(options.out);
  await exportHubStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl }, out, format);
  return out;
}
