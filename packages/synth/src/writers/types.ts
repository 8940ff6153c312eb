/** The contract every output format implements: patients in, files out. */
import type { SynthPatient } from '../patient';

/** Streams patients into one output format under a directory. */
export interface FormatWriter {
  /** Writes one patient; await the result to respect backpressure. */
  write(p: SynthPatient): Promise<void> | void;
  /** Flushes everything and returns the paths of the files written. */
  finish(): Promise<string[]>;
}
