import { z } from 'zod';
import type { HubConfig } from '../config';

/**
 * How decisions reach the public register (Art. 57(1)(j)(iii): within 30 working days of the
 * decision). `on-decision` publishes each decision when it is issued; `manual` waits for HDAB staff
 * to mark it published, and the publication-duties list warns before the 30 working days run out.
 */
export const PUBLICATION_MODES = ['on-decision', 'manual'] as const;

/** The `register` key of the hub configuration. */
export const RegisterConfigSchema = z
  .object({ publishDecisions: z.enum(PUBLICATION_MODES).default('on-decision') })
  .default({ publishDecisions: 'on-decision' });

/** Validated register configuration. */
export type RegisterConfig = z.infer<typeof RegisterConfigSchema>;

/** The register configuration of a hub config; the default when the key is absent. */
export function registerConfigOf(config: HubConfig): RegisterConfig {
  return config.register;
}
