/**
 * Loads the official HealthData@EU validator shape set for one access level (HealthDCAT-AP R8,
 * `validator/config.properties`) from the conformance bundle, offline. The level files `owl:imports`
 * SEMIC's DCAT-AP shapes under their 3.0.0 IRIs; SEMIC publishes the 3.0.x shapes as 3.0.1, so we
 * load `dcat-ap/3.0.1/` for those (conformance/README.md). Parsed shape sets are cached per path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser, type Quad } from 'n3';
import type { AccessRights } from './types';

const LEVEL_KEY: Record<AccessRights, string> = {
  PUBLIC: 'public',
  RESTRICTED: 'restricted',
  NON_PUBLIC: 'non-public',
};

const HEALTHDCAT_DIR = 'healthdcat-ap/r8-cd7841f';
const DCATAP_DIR = 'dcat-ap/3.0.1';

/** The four DCAT-AP files the level files import by their 3.0.0 IRIs. */
const DCATAP_IMPORTS = ['shapes.ttl', 'range.ttl', 'mdr-vocabularies.shape.ttl', 'shapes_recommended.ttl'];

/** Reads the ordered shape-file list for a level from the validator's config.properties. */
export function shapeFilesFromConfig(properties: string, level: AccessRights): string[] {
  const key = `validator.shaclFile.${LEVEL_KEY[level]}`;
  const line = properties
    .split(/\r?\n/)
    .find((l) => l.trim().startsWith(`${key} `) || l.trim().startsWith(`${key}=`));
  if (!line) throw new Error(`${key} not found in validator/config.properties`);
  return line
    .slice(line.indexOf('=') + 1)
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

/** Absolute paths of every shape file used for a level, with the offline substitutions applied. */
export async function shapeFilePaths(conformanceDir: string, level: AccessRights): Promise<string[]> {
  const validatorDir = path.join(conformanceDir, HEALTHDCAT_DIR, 'validator');
  const config = await readFile(path.join(validatorDir, 'config.properties'), 'utf8');
  const files: string[] = [];
  for (const file of shapeFilesFromConfig(config, level)) {
    // imports/*.ttl only name ontology URLs that are unreachable offline.
    if (file.startsWith('imports/')) continue;
    // deprecated/deprecateduris.ttl is not in the R8 snapshot; DCAT-AP ships the same list.
    if (file === 'deprecated/deprecateduris.ttl')
      files.push(path.join(conformanceDir, DCATAP_DIR, 'deprecateduris.ttl'));
    else files.push(path.join(validatorDir, file));
  }
  for (const file of DCATAP_IMPORTS) files.push(path.join(conformanceDir, DCATAP_DIR, file));
  return files;
}

const cache = new Map<string, Promise<Quad[]>>();

/** All shape quads for a level (cached per conformance dir and level). */
export function loadShapes(conformanceDir: string, level: AccessRights): Promise<Quad[]> {
  const key = `${path.resolve(conformanceDir)}#${level}`;
  let shapes = cache.get(key);
  if (!shapes) {
    shapes = readShapes(conformanceDir, level);
    cache.set(key, shapes);
    shapes.catch(() => cache.delete(key));
  }
  return shapes;
}

async function readShapes(conformanceDir: string, level: AccessRights): Promise<Quad[]> {
  const quads: Quad[] = [];
  for (const file of await shapeFilePaths(conformanceDir, level)) {
    const text = await readFile(file, 'utf8');
    // A base IRI per file keeps relative IRIs (graph-guard's <#DatasetPresenceGuard>) distinct.
    quads.push(...new Parser({ baseIRI: `file://${file}` }).parse(text));
  }
  return quads;
}
