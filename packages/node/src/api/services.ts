/**
 * What the local API needs from the node; `start-node.ts` provides it from the ingest pipeline, the
 * quality suite and the dataset description. Routes stay thin and testable with fakes of this.
 */
export interface NodeServices {
  /** Ingests uploaded files into the node store, then re-runs the quality checks. */
  ingestFiles(paths: string[], actor: string): Promise<unknown>;
  listBatches(): Promise<unknown[]>;
  /** The latest quality label with its checks and the trend across runs. */
  quality(): Promise<unknown>;
  runQuality(): Promise<unknown>;
  /** The derived facts and the holder's draft description. */
  dataset(): Promise<unknown>;
  /** Validates and saves the holder's draft; invalid → every field at fault. */
  saveDraft(draft: unknown): Promise<unknown>;
  /** Sends the description, statistics and label to the hub's catalogue. */
  publish(actor: string): Promise<unknown>;
}
