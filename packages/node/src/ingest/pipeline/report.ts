import type { SourceFormat } from '../types';

/** Counts for one record type. `read = loaded + rejected + skipped`. */
export interface TypeCounts {
  read: number;
  loaded: number;
  rejected: number;
  /** Not stored on purpose: already loaded (same key), or a type with no OMOP mapping (e.g. FHIR Claim). */
  skipped: number;
}

/** One rejected record, located by file and line (for Bundles: the entry's position). */
export interface IngestError {
  file: string;
  line: number;
  reason: string;
}

/** One input file and what became of it. */
export interface IngestedFileReport {
  path: string;
  format: SourceFormat;
  sha256: string;
  /** True when the same content was ingested before (by SHA-256): nothing was read. */
  skipped?: boolean;
}

/** The outcome of one ingest run. Reconciles exactly: `read = loaded + rejected + skipped`, overall and per type. */
export interface IngestReport extends TypeCounts {
  batchId: string;
  byType: Record<string, TypeCounts>;
  /** Why records were skipped, with counts (`already loaded`, `Claim has no OMOP mapping` …). */
  skippedReasons: Record<string, number>;
  /** The first `maxErrors` rejections; the quarantine table keeps all of them. */
  errors: IngestError[];
  /** Rejections not listed in `errors`. */
  errorsOmitted: number;
  files: IngestedFileReport[];
  /**
   * Distinct VCF sample names whose genotypes were loaded without a person (`genotype.person_id` NULL,
   * the name in `genotype.sample`) because no person of that identifier was known at the end of the run.
   */
  unlinkedSamples: number;
}

/** A report under construction as plain data (sent from the staging thread to the main one). */
export interface ReportState {
  byType: [string, TypeCounts][];
  skippedReasons: [string, number][];
  errors: IngestError[];
  errorsOmitted: number;
  unlinked: string[];
}

/** Mutable counters the pipeline updates on its hot path. */
export class ReportBuilder {
  readonly byType = new Map<string, TypeCounts>();
  readonly skippedReasons = new Map<string, number>();
  readonly errors: IngestError[] = [];
  errorsOmitted = 0;
  /** Sample names loaded unlinked in this run and still without a person (bounded by the VCF samples). */
  readonly unlinked = new Set<string>();

  constructor(private readonly maxErrors: number) {}

  /** Counters for a record type, created on first use. */
  type(t: string): TypeCounts {
    let c = this.byType.get(t);
    if (!c) this.byType.set(t, (c = { read: 0, loaded: 0, rejected: 0, skipped: 0 }));
    return c;
  }

  /** Records a rejection. */
  reject(t: string, file: string, line: number, reason: string): void {
    this.type(t).rejected++;
    if (this.errors.length < this.maxErrors) this.errors.push({ file, line, reason });
    else this.errorsOmitted++;
  }

  /** Records a skip with its reason. */
  skip(t: string, reason: string): void {
    this.type(t).skipped++;
    this.skippedReasons.set(reason, (this.skippedReasons.get(reason) ?? 0) + 1);
  }

  /** The counters as plain data. */
  snapshot(): ReportState {
    return {
      byType: [...this.byType],
      skippedReasons: [...this.skippedReasons],
      errors: this.errors,
      errorsOmitted: this.errorsOmitted,
      unlinked: [...this.unlinked],
    };
  }

  /**
   * One builder from the reports of stagers that shared a run (each staged some of its batches): counts
   * summed, and the first `maxErrors` rejections in the order of the run's `files` and their lines (each
   * stager listed its own first ones, so these are among them).
   */
  static merge(states: readonly ReportState[], maxErrors: number, files: readonly string[]): ReportBuilder {
    const r = new ReportBuilder(maxErrors);
    const errors: IngestError[] = [];
    let rejections = 0;
    for (const state of states) {
      for (const [t, c] of state.byType) {
        const into = r.type(t);
        into.read += c.read;
        into.loaded += c.loaded;
        into.rejected += c.rejected;
        into.skipped += c.skipped;
      }
      for (const [reason, n] of state.skippedReasons)
        r.skippedReasons.set(reason, (r.skippedReasons.get(reason) ?? 0) + n);
      errors.push(...state.errors);
      rejections += state.errors.length + state.errorsOmitted;
      for (const s of state.unlinked) r.unlinked.add(s);
    }
    if (states.length > 1) {
      const fileOrder = new Map(files.map((f, i) => [f, i]));
      errors.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line);
    }
    r.errors.push(...errors.slice(0, maxErrors));
    r.errorsOmitted = rejections - r.errors.length;
    return r;
  }

  /** Totals over all types. */
  totals(): TypeCounts {
    const t = { read: 0, loaded: 0, rejected: 0, skipped: 0 };
    for (const c of this.byType.values()) {
      t.read += c.read;
      t.loaded += c.loaded;
      t.rejected += c.rejected;
      t.skipped += c.skipped;
    }
    return t;
  }

  /** The final report. */
  build(batchId: string, files: IngestedFileReport[]): IngestReport {
    return {
      batchId,
      ...this.totals(),
      byType: Object.fromEntries([...this.byType].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      skippedReasons: Object.fromEntries(this.skippedReasons),
      errors: this.errors,
      errorsOmitted: this.errorsOmitted,
      files,
      unlinkedSamples: this.unlinked.size,
    };
  }
}
