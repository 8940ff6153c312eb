/**
 * Test helpers: where the conformance bundle is (skip outside CI when missing, fail in CI — DESIGN.md
 * §5), and triple-set comparison that ignores blank-node labels (canonical N-Quads via rdf-ext).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import rdf from 'rdf-ext';
import { defaultConformanceDir } from './conformance-dir';

/** The conformance dir if present; throws in CI when missing; else undefined (caller skips). */
export function conformanceDirOrSkip(): string | undefined {
  const dir = defaultConformanceDir();
  if (existsSync(path.join(dir, 'healthdcat-ap'))) return dir;
  const reason = `HealthDCAT-AP conformance bundle not found at ${dir} (set EHDS_CONFORMANCE_DIR)`;
  if (process.env.CI === 'true') throw new Error(reason);
  console.warn(`skipping HealthDCAT-AP conformance tests: ${reason}`);
  return undefined;
}

/** Canonical N-Quads (RDFC-1.0) of a set of quads, equal for isomorphic graphs. */
export function canonical(quads: Iterable<Quad>): string {
  return rdf.dataset([...quads]).toCanonical();
}

/** Parses text of a media type with rdf-ext's parsers (n3, jsonld-streaming-parser, rdfxml-streaming-parser). */
export async function parseWith(mediaType: string, text: string): Promise<Quad[]> {
  return [...(await rdf.io.dataset.fromText(mediaType, text))];
}
