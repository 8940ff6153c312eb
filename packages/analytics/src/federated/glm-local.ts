/**
 * The whole federated GLM protocol run in one process: each dataset plays a node (summary →
 * spec → prepared design → rounds of sums). Tests and the benchmark use it; a real federation
 * replaces each in-process contributor by a call to a node, with the node running the same
 * `summarizeLocalDesign` / `prepareLocalDesign` / `localGlmContribution` on its own extract.
 */
import type { DataColumns } from './data';
import { buildDesignSpec, summarizeLocalDesign, type DesignOptions, type DesignSpec } from './design';
import {
  fitFederatedGlm,
  type FederatedGlmResult,
  type GlmContributor,
  type GlmControl,
} from './glm-coordinator';
import type { GlmFamilyName } from './glm-family';
import { localGlmContribution, prepareLocalDesign } from './glm-node';

/** A contributor computing one node's sums in-process from data it prepares once. */
export function inProcessContributor(data: DataColumns, spec: DesignSpec): GlmContributor {
  const design = prepareLocalDesign(data, spec);
  return async (request) => localGlmContribution(design, spec, request);
}

/** Fits a GLM with each dataset as one node, all in this process. */
export async function fitGlmInProcess(
  datasets: readonly DataColumns[],
  formula: string,
  family: GlmFamilyName,
  options: DesignOptions & GlmControl = {},
): Promise<FederatedGlmResult & { spec: DesignSpec }> {
  const spec = buildDesignSpec(
    formula,
    family,
    datasets.map((d) => summarizeLocalDesign(d, formula, options)),
    options,
  );
  const result = await fitFederatedGlm(
    datasets.map((d) => inProcessContributor(d, spec)),
    spec,
    options,
  );
  return { ...result, spec };
}
