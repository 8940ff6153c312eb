import { invalid } from '@openehds/core';
import type { Finding, VerifyReport } from '@openehds/server';

/**
 * `ehds audit verify`: checks the hub's audit log offline (issue 3 §7): the hash chain and the
 * signed checkpoints, from the hub's data dir (PGlite; stop the hub first), a PostgreSQL URL, or an
 * export file. Prints "intact: …" or each finding with its seq; exits 1 on any finding.
 */

/** Options as parsed from the command line. */
export interface AuditVerifyOptions {
  dataDir?: string;
  databaseUrl?: string;
  file?: string;
  /** The hub public key (43 base64url characters) or its fingerprint (`xxxx:xxxx:xxxx:xxxx`). */
  key?: string;
  anchor?: string[];
  /** With `file`: walk every event even where a signed segment covers it. */
  everyEvent?: boolean;
  json?: boolean;
}

const FINGERPRINT = /^[0-9a-f]{4}(:[0-9a-f]{4}){3}$/;

/** Runs the verification; writes the verdict with `out`; returns the exit code. */
export async function auditVerifyCommand(
  options: AuditVerifyOptions,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const { verifyAuditFile, verifyHubStore, readAnchors } = await import('@openehds/server');
  const key = options.key?.trim();
  if (key && !FINGERPRINT.test(key) && !/^[A-Za-z0-9_-]{43}$/.test(key)) {
    throw invalid(
      '--key takes the hub public key (43 base64url characters) or its fingerprint (xxxx:xxxx:xxxx:xxxx)',
    );
  }
  const publicKey = key && !FINGERPRINT.test(key) ? key : undefined;
  const anchors = (options.anchor ?? []).flatMap((path) => readAnchors(path));
  const report: VerifyReport & { keySource: string } = options.file
    ? await verifyAuditFile(options.file, { publicKey, anchors, everyEvent: options.everyEvent })
    : await verifyHubStore(
        { dataDir: options.dataDir, databaseUrl: options.databaseUrl },
        { publicKey, anchors },
      );
  if (key && FINGERPRINT.test(key) && report.keyFingerprint === key) report.keySource = 'pinned';
  else if (key && FINGERPRINT.test(key)) {
    const finding: Finding = {
      kind: 'bad-checkpoint-signature',
      seq: report.lastCheckpoint?.seq ?? 0,
      detail: `the checkpoints were checked against key ${report.keyFingerprint ?? '(none)'} (${report.keySource}), not the trusted key ${key}`,
    };
    report.findings = [finding, ...report.findings];
    report.intact = false;
  }
  if (options.json) out(JSON.stringify(report, null, 2));
  else for (const line of verdictLines(report)) out(line);
  return report.intact ? 0 : 1;
}

/** The verdict for people. */
export function verdictLines(report: VerifyReport & { keySource: string }): string[] {
  const lines: string[] = [];
  const key = report.keyFingerprint
    ? `hub key ${report.keyFingerprint} (${report.keySource === 'pinned' ? 'pinned' : `from the ${report.keySource}; pin it with --key`})`
    : 'no hub key';
  if (report.intact) {
    const signed = report.lastCheckpoint
      ? `last signed at ${report.lastCheckpoint.at} (seq ${report.lastCheckpoint.seq})`
      : 'never signed';
    lines.push(`intact: ${report.events} events, ${report.checkpoints} checkpoints, ${signed}`);
    if (report.unsignedTail > 0)
      lines.push(`  ${report.unsignedTail} events after the last checkpoint are covered by the chain only`);
    lines.push(`  checkpoints checked against ${key}`);
    return lines;
  }
  lines.push(
    `NOT intact: ${report.findings.length} findings in ${report.events} events, ${report.checkpoints} checkpoints`,
  );
  for (const f of report.findings)
    lines.push(`  seq ${String(f.seq).padStart(8)}  ${f.kind.padEnd(24)} ${f.detail}`);
  lines.push(`  checkpoints checked against ${key}`);
  return lines;
}
