import { z } from 'zod';
import { parseConfig, SdcPolicyOverride } from '@openehds/core';
import { RegisterConfigSchema } from './transparency/config';
import { AuditCheckpointConfig } from './audit/config';
import { CitizenPseudonymKeySchema, OidcProviderSchema, SignInRateLimitSchema } from './auth/identity-config';
import { PublicRateLimitSchema } from './http/rate-limit';
import { PeersSchema } from './cross-border/peer-config';

const BeaconBudgetRuleSchema = z.strictObject({
  /** Queries in one burst. */
  limit: z.number().int().min(1).max(1_000_000),
  /** Seconds over which a spent budget refills completely. */
  windowSeconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 86_400),
});

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
  /**
   * The HDAB's disclosure-control policy (EHDS.md §11): changes to the platform defaults, the same
   * shape as a dataset's override (`SdcPolicyOverride` in @openehds/core). One policy for every
   * output: feasibility counts, federated results, airlock checks.
   */
  sdcPolicy: SdcPolicyOverride.optional(),
  /**
   * The hub's GA4GH Beacon network (issue 5 §2-3): per-caller query budgets against enumeration
   * (anonymous callers by client address, signed-in ones by account; server/src/beacon/budget.ts),
   * how long the hub waits for the nodes, and how long it keeps the nodes' filtering terms.
   */
  beacon: z
    .object({
      budget: z
        .object({
          anonymous: BeaconBudgetRuleSchema.default({ limit: 60, windowSeconds: 3600 }),
          registered: BeaconBudgetRuleSchema.default({ limit: 500, windowSeconds: 86_400 }),
          /** An account named in an active permit works through its cohort and needs more. */
          permitHolder: BeaconBudgetRuleSchema.default({ limit: 2000, windowSeconds: 86_400 }),
        })
        .prefault({}),
      timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      termsCacheSeconds: z.number().int().min(0).max(86_400).default(600),
    })
    .prefault({}),
  /** Four-eyes rule: every assessment point confirmed by a second member of staff (DAAMS, optional). */
  fourEyes: z.boolean().default(false),
  /** Seconds between permit sweeps (expiry, delivery of permit changes to nodes); 0 turns the timer off. */
  permitSweepSeconds: z.number().int().min(0).max(86_400).default(60),
  /** Lifetime of a GA4GH visa in seconds (never past the permit's end): short, as revocation relies on it. */
  visaLifetimeSeconds: z.number().int().min(60).max(86_400).default(3600),
  /** Public holidays (YYYY-MM-DD) for the working-day deadlines, e.g. Art. 57(1)(j)(iii). */
  holidays: z.array(z.iso.date()).default([]),
  /** How decisions reach the public register (Art. 57(1)(j)(iii)). */
  register: RegisterConfigSchema,
  /** Signed audit checkpoints: every N events and on a timer (audit/README.md). */
  auditCheckpoints: AuditCheckpointConfig.prefault({}),
  /** OpenID Connect issuers users and citizens sign in with (auth/README.md; env EHDS_OIDC_*). */
  oidcProviders: z.array(OidcProviderSchema).default([]),
  /** HMAC key for citizens' national identifier pseudonyms (env EHDS_CITIZEN_PSEUDONYM_KEY). */
  citizenPseudonymKey: CitizenPseudonymKeySchema,
  /** Sign-in attempts per window, per client IP and per username. */
  signInRateLimit: SignInRateLimitSchema,
  /** Requests per window and client IP on the public endpoints (catalogue, register, feeds); perIp 0 = off. */
  publicRateLimit: PublicRateLimitSchema,
  /** Other HDABs/NCPs that cross-border applications are exchanged with (Art. 67(3); env EHDS_PEERS). */
  peers: PeersSchema.default([]),
  /** Seconds between deliveries of the cross-border outbox; 0 turns the timer off (tests deliver by hand). */
  crossBorderDeliverySeconds: z.number().int().min(0).max(3600).default(5),
});

/** Validated hub configuration. */
export type HubConfig = z.infer<typeof HubConfigSchema>;

/** Validates a raw hub configuration object. */
export function parseHubConfig(raw: unknown): HubConfig {
  return parseConfig(HubConfigSchema, raw, 'hub');
}
