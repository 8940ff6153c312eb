import type { ConditionCount } from '@openehds/client';

/**
 * How a frequent condition is named in charts: its label when the node sent one, else the coding
 * system and code (`SNOMED 38341003`), or the bare code when the node could not tell the system.
 */
export function conditionLabel(c: Pick<ConditionCount, 'code' | 'vocabulary' | 'label'>): string {
  if (c.label) return `${c.label} (${c.code})`;
  return c.vocabulary ? `${c.vocabulary} ${c.code}` : c.code;
}
