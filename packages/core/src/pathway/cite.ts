import type { Citation, Instrument } from './types';

/** A citation of `ref` in `instrument`. */
export const cite = (instrument: Instrument, ref: string): Citation => ({ instrument, ref });

/** Citations of several refs of one instrument. */
export const cites = (instrument: Instrument, ...refs: string[]): Citation[] =>
  refs.map((ref) => cite(instrument, ref));
