import { z } from 'zod';

/**
 * When the hub signs audit checkpoints (issue 3 §7): every `every` events, every `intervalMinutes`
 * when new events exist, and at shutdown. For the hub configuration:
 * `auditCheckpoints: AuditCheckpointConfig.prefault({})` in HubConfigSchema.
 */
export const AuditCheckpointConfig = z.object({
  every: z.number().int().min(1).max(1_000_000).default(1000),
  intervalMinutes: z
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(10),
});

/** Validated checkpoint settings. */
export type AuditCheckpointSettings = z.infer<typeof AuditCheckpointConfig>;
