import { relative, sep } from 'node:path';

/**
 * Rewrites the file paths of an ingest report from the node's temporary upload directory to the names
 * the holder uploaded (`errors[].file`, `files[].path`), so the report reads "patients.ndjson line 2"
 * and does not disclose the node's directory layout. Anything else passes through unchanged. Pure.
 */
export function reportUploadAs(report: unknown, uploadDir: string): unknown {
  if (!report || typeof report !== 'object') return report;
  const local = (p: unknown) =>
    typeof p === 'string' && p.startsWith(uploadDir + sep) ? relative(uploadDir, p) : p;
  const r = report as { errors?: unknown; files?: unknown };
  return {
    ...report,
    ...(Array.isArray(r.errors)
      ? { errors: r.errors.map((e: { file?: unknown }) => ({ ...e, file: local(e.file) })) }
      : {}),
    ...(Array.isArray(r.files)
      ? { files: r.files.map((f: { path?: unknown }) => ({ ...f, path: local(f.path) })) }
      : {}),
  };
}
