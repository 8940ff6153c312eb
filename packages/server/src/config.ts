import { z } from 'zod';
import { parseConfig } from '@openehds/core';

/** The hub's configuration, validated once at start (a bad key fails the start, named). */
export const HubConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** Where PGlite keeps the hub store when no database URL is given. */
  dataDir: z.string().min(1).default('./data/hub'),
  /** `postgres://…` switches the store to PostgreSQL (same migrations). */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The URL users and nodes reach the hub at; used in catalogue IRIs. */
  publicUrl: z.url().default('http://127.0.0.1:8080'),
  hdab: z
    .object({
      name: z.string().min(1),
      country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FI'),
      email: z.email(),
      url: z.url(),
    })
    .default({
      name: 'Demo Health Data Access Body',
      country: 'EU',
      email: 'hdab@example.org',
      url: 'https://hdab.example.org',
    }),
  /** Built web UI to serve at `/`, if any. */
  webDir: z.string().optional(),
  /** Create the demo organisations and accounts on first start (never in production). */
  seedDemo: z.boolean().default(false),
  /** Idle sessions end after this many minutes (TEHDAS2 TIR-24). */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Counts below this are suppressed wherever the hub shows statistics. */
  smallCellThreshold: z.number().int().min(1).default(10),
});

/** Validated hub configuration. */
export type HubConfig = z.infer<typeof HubConfigSchema>;

/** Validates a raw hub configuration object. */
export function parseHubConfig(raw: unknown): HubConfig {
  return parseConfig(HubConfigSchema, raw, 'hub');
}
