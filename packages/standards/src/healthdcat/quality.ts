/**
 * The quality and utility label (Art. 78) in the QUANTUM style (EHDS.md §14): a 0–100 % score from
 * weighted dimensions, shown as 0–5 stars, exported as a `dqv:QualityCertificate` annotation plus DQV
 * measurements. QUANTUM's tool is CC BY-NC: only its published dimensions and cut-offs are used here.
 */
import { DataFactory, type NamedNode } from 'n3';
import type { GraphBuilder } from './graph-builder';
import type { QualityLabel } from './types';
import { QUANTUM_WEIGHTS, type QuantumDimension } from './vocab';

const { namedNode } = DataFactory;

/** Our metric IRIs (the label scheme has no published vocabulary yet). */
export const QUALITY_METRIC_NS = 'https://openehds.eu/ns/quality#';

/** Star cut-offs in % (QUANTUM proposal): ≥ 25 → 1 star … ≥ 90 → 5 stars. */
const CUT_OFFS = [25, 45, 60, 80, 90];

/** Stars (0–5) for a 0–100 % score. */
export function quantumStars(score: number): number {
  return CUT_OFFS.filter((cut) => score >= cut).length;
}

/** Weighted mean (0–100) of the dimension scores given, re-normalised over the weights present. */
export function quantumScore(dimensions: Partial<Record<QuantumDimension, number>>): number {
  let sum = 0;
  let weights = 0;
  for (const [dimension, score] of Object.entries(dimensions) as [QuantumDimension, number][]) {
    sum += QUANTUM_WEIGHTS[dimension] * score;
    weights += QUANTUM_WEIGHTS[dimension];
  }
  return weights === 0 ? 0 : Math.round((sum / weights) * 100) / 100;
}

/** Writes the label as `dqv:hasQualityAnnotation` (certificate) and `dqv:hasQualityMeasurement`s. */
export function qualityLabelToRdf(g: GraphBuilder, dataset: NamedNode, label: QualityLabel): void {
  const certificate = g.blank();
  g.add(dataset, 'dqv:hasQualityAnnotation', certificate);
  g.type(certificate, 'dqv:QualityCertificate');
  g.add(certificate, 'oa:hasTarget', dataset);
  g.add(certificate, 'oa:hasBody', namedNode(label.certificateUrl));
  g.add(certificate, 'oa:motivatedBy', g.iri('dqv:qualityAssessment'));
  g.text(certificate, 'rdfs:label', {
    en: `${label.scheme} ${label.schemeVersion} quality and utility label: ${label.stars}/5 stars (${label.score} %)`,
  });
  g.typed(certificate, 'dct:issued', label.issued, 'xsd:date');
  if (label.issuer) g.add(certificate, 'dct:creator', namedNode(label.issuer));
  measurement(g, dataset, 'stars', label.stars, 'xsd:nonNegativeInteger');
  measurement(g, dataset, 'score', label.score, 'xsd:decimal');
  for (const [dimension, score] of Object.entries(label.dimensions ?? {})) {
    measurement(g, dataset, dimension, score, 'xsd:decimal');
  }
}

function measurement(
  g: GraphBuilder,
  dataset: NamedNode,
  metric: string,
  value: number,
  datatype: string,
): void {
  const node = g.blank();
  g.add(dataset, 'dqv:hasQualityMeasurement', node);
  g.type(node, 'dqv:QualityMeasurement');
  g.add(node, 'dqv:isMeasurementOf', namedNode(QUALITY_METRIC_NS + metric));
  g.typed(node, 'dqv:value', value, datatype);
}
