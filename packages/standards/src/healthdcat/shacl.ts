/**
 * Validates HealthDCAT-AP RDF against the official HealthData@EU shapes for one access level, offline,
 * with shacl-engine and its SPARQL validations (needed for `graph-guard.ttl`). Used by the tests and by
 * the hub to refuse a description that would not pass the EU validator (Art. 77: the HDAB publishes it).
 */
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import rdf from 'rdf-ext';
import { Validator, type ShaclPathStep, type ShaclResult } from 'shacl-engine';
import { validations } from 'shacl-engine/sparql.js';
import { defaultConformanceDir } from './conformance-dir';
import { loadShapes } from './shapes';
import type { AccessRights } from './types';

/** One SHACL result, flattened for reports and problem+json. */
export interface ShaclFinding {
  focusNode: string;
  path?: string;
  message: string;
  severity: 'Violation' | 'Warning' | 'Info';
}

/** Outcome of {@link validateHealthDcat}: `conforms` means no Violation (Warnings are advice). */
export interface ShaclOutcome {
  conforms: boolean;
  violations: ShaclFinding[];
  warnings: ShaclFinding[];
}

const validators = new Map<string, Promise<Validator>>();

function validatorFor(conformanceDir: string, level: AccessRights): Promise<Validator> {
  const key = `${conformanceDir}#${level}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = loadShapes(conformanceDir, level).then(
      (shapes) => new Validator(rdf.dataset(shapes), { factory: rdf, validations }),
    );
    validators.set(key, validator);
    validator.catch(() => validators.delete(key));
  }
  return validator;
}

/** Validates `data` against the level's official shape set (shapes loaded once per level and dir). */
export async function validateHealthDcat(
  data: DatasetCore | Iterable<Quad>,
  level: AccessRights,
  conformanceDir: string = defaultConformanceDir(),
): Promise<ShaclOutcome> {
  const validator = await validatorFor(conformanceDir, level);
  const dataset = rdf.dataset(isDatasetCore(data) ? [...(data as Iterable<Quad>)] : data);
  if (dataset.size === 0) {
    // shacl-engine reports nothing for an empty graph; the hosted validator's graph guard refuses it.
    const finding: ShaclFinding = {
      focusNode: '',
      message: 'the graph is empty: it must contain a dcat:Dataset',
      severity: 'Violation',
    };
    return { conforms: false, violations: [finding], warnings: [] };
  }
  const report = await validator.validate({ dataset });
  const findings = report.results.map(toFinding);
  const violations = findings.filter((f) => f.severity === 'Violation');
  return {
    conforms: violations.length === 0,
    violations,
    warnings: findings.filter((f) => f.severity !== 'Violation'),
  };
}

function isDatasetCore(data: DatasetCore | Iterable<Quad>): data is DatasetCore {
  return typeof (data as DatasetCore).match === 'function';
}

function toFinding(result: ShaclResult): ShaclFinding {
  const severity = localName(result.severity.value) as ShaclFinding['severity'];
  const path = result.path ? result.path.map(stepToString).join('/') : undefined;
  const message =
    result.message.map((m) => m.value).join(' ') ||
    `${localName(result.constraintComponent?.value ?? 'constraint')} failed${
      result.value?.term ? ` for ${termToString(result.value.term)}` : ''
    }`;
  return { focusNode: termToString(result.focusNode.term), ...(path ? { path } : {}), message, severity };
}

function stepToString(step: ShaclPathStep): string {
  const names = step.predicates.map((p) => p.value).join('|');
  const inverse = step.start === 'object' ? '^' : '';
  const suffix = { one: '', oneOrMore: '+', zeroOrMore: '*', zeroOrOne: '?' }[step.quantifier ?? 'one'];
  return `${inverse}${names}${suffix}`;
}

function termToString(term: Term | undefined): string {
  if (!term) return '';
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
}
