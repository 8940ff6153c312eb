import { permitKpis, type PermitTimeline } from './kpis';
import { EMPTY_CONTENT, type CaseStudyContent, type PrefillFacts, type ReleasedOutput } from './template';

/**
 * Builds a draft case study from what the platform recorded about a permit (issue 6 §3: "pre-filled
 * from a pilot's permit, released outputs and KPIs"). Pure: permit-facts.ts gathers the facts. The
 * draft says only what the platform knows; the author writes the method, validation and lessons.
 */

/** The facts of one permit chain a pre-fill uses. */
export interface PermitFacts {
  permitId: string;
  purposes: string[];
  datasets: { datasetId: string; title: string | null; country: string | null }[];
  outputs: ReleasedOutput[];
  timeline: PermitTimeline;
}

/** `SCIENTIFIC_RESEARCH` → `scientific research`. */
export const purposeText = (code: string) => code.toLowerCase().replace(/_/g, ' ');

/** One line per released output: its reference, what made it and its files. */
export function outputLines(outputs: readonly ReleasedOutput[]): string[] {
  return outputs.map(
    (o) =>
      `${o.reference} (${o.origin === 'job' ? 'code-to-data job' : 'analysis'}): ${o.files
        .map((f) => `${f.name} [${f.mediaType}]`)
        .join(', ')}`,
  );
}

/** The draft's text and facts for a permit chain. */
export function draftFromPermit(
  facts: PermitFacts,
  useCaseId: string | null = null,
): { content: CaseStudyContent; facts: PrefillFacts } {
  const kpis = permitKpis(facts.timeline);
  const purposes = facts.purposes.map(purposeText);
  const countries = [
    ...new Set(facts.datasets.map((d) => d.country).filter((c): c is string => Boolean(c))),
  ].sort();
  const outputs = outputLines(facts.outputs);
  const content: CaseStudyContent = {
    ...EMPTY_CONTENT,
    title: `Case study of permit ${facts.permitId}`,
    problem: purposes.length
      ? `Carried out under data permit ${facts.permitId} for ${purposes.join(', ')} (Art. 53(1)).`
      : `Carried out under data permit ${facts.permitId}.`,
    datasets: facts.datasets.map((d) => ({ datasetId: d.datasetId, title: d.title })),
    permits: [facts.permitId],
    method:
      `In the secure processing environment (Art. 73): ${kpis.analyses} ` +
      `analys${kpis.analyses === 1 ? 'is' : 'es'} and ${kpis.jobs} code-to-data ` +
      `job${kpis.jobs === 1 ? '' : 's'} were run under the permit.`,
    results: outputs.length
      ? `Outputs released through the airlock (Art. 73(2)):\n${outputs.map((l) => `- ${l}`).join('\n')}`
      : 'No output has been released through the airlock yet.',
    tags: [...new Set(purposes.map((p) => p.replace(/ /g, '-')))],
    countries,
    useCaseId,
  };
  return { content, facts: { sourcePermitId: facts.permitId, outputs: facts.outputs, kpis } };
}
