import { z } from 'zod';
import { invalid, zodIssues, type Issue } from '@openehds/core';
import { parseDatasetDescription } from '@openehds/standards';
import type { DatasetSubmission } from './service';

const Envelope = z.object({
  description: z.record(z.string(), z.unknown()),
  statistics: z.record(z.string(), z.unknown()),
  quality: z.record(z.string(), z.unknown()).nullable(),
});

/**
 * Validates a node's publication: a complete HealthDCAT-AP description (every field at fault is
 * listed, prefixed `description.`), plus statistics and quality drill-down as plain objects.
 */
export function parseSubmission(body: unknown): DatasetSubmission {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) throw invalid('the dataset publication is malformed', zodIssues(envelope.error));
  try {
    return { ...envelope.data, description: parseDatasetDescription(envelope.data.description) };
  } catch (err) {
    const issues = ((err as { issues?: Issue[] }).issues ?? []).map((i) => ({
      ...i,
      path: `description.${i.path ?? ''}`,
    }));
    throw invalid('the dataset description is not valid HealthDCAT-AP', issues);
  }
}
