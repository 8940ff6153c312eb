import { join } from 'node:path';
import { z } from 'zod';
import { parseConfig } from '@openehds/core';
import { ComputeConfigSchema } from './jobs/config';

/** A data holder's node configuration, validated once at start (a bad key fails the start, named). */
export const NodeConfigSchema = z.object({
  /** Human name of the node, shown at the hub. */
  name: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FI'),
  /** The data holder organisation running the node. */
  organisation: z.string().min(1),
  dataDir: z.string().min(1),
  /** The hub to register with and pull tasks from (the node opens no inbound port to the hub). */
  hubUrl: z.url(),
  /** The holder-facing local API (uploads, quality, description), reached from the holder's browser. */
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(0),
  /** Browser origins allowed to call the local API (the hub's web UI). */
  allowedOrigins: z.array(z.string()).default([]),
  /** The dataset this node publishes (one per node for now). */
  datasetId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'lowercase letters, digits and dashes, 3–63 long'),
  /** Identifier system that unifies persons across formats (FHIR Patient.identifier.system, …). */
  personIdentifierSystem: z.string().min(1).default('https://openehds.eu/sid/person'),
  /** Counts below this never leave the node (dataset page statistics). */
  smallCellThreshold: z.number().int().min(1).default(10),
  /** Where code-to-data jobs run: the local sandbox (default), Slurm, TES (jobs/config.ts). */
  compute: ComputeConfigSchema.optional(),
  /** First start only: generate and ingest a synthetic population (the demo). */
  seed: z
    .object({
      patients: z.number().int().min(1),
      seed: z.number().int(),
      profile: z.enum(['biobank', 'cancer-registry', 'hospital']),
    })
    .optional(),
});

/** Validated node configuration. */
export type NodeConfig = z.infer<typeof NodeConfigSchema>;

/** Validates a raw node configuration object. */
export function parseNodeConfig(raw: unknown): NodeConfig {
  return parseConfig(NodeConfigSchema, raw, 'node');
}

/** Where the node keeps its analytical store. */
export function storePath(config: NodeConfig): string {
  return join(config.dataDir, 'node.duckdb');
}
