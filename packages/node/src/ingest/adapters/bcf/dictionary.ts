import { parseStructured } from '../vcf/header';

/**
 * The two dictionaries a BCF record refers to by index (BCF 2.2, VCF 4.3 spec §6.2.1): strings (the
 * IDs of FILTER, INFO and FORMAT lines, `PASS` always first, one index per ID shared across the three)
 * and contigs (the `##contig` lines in order). An `IDX=n` attribute, as htslib writes it, fixes an
 * index explicitly. Pure: built from the header's meta lines (without `##`).
 */

/** What the record decoder needs from the header. */
export interface BcfDictionaries {
  strings: string[];
  contigs: string[];
  /** INFO and FORMAT types by ID (`Flag`, `Integer`, `Float`, `String`, `Character`). */
  infoType: Map<string, string>;
  formatType: Map<string, string>;
}

function place(dict: string[], seen: Map<string, number>, id: string, idx: string | undefined): void {
  if (idx !== undefined && /^\d+$/.test(idx)) {
    const i = Number(idx);
    dict[i] = id;
    seen.set(id, i);
  } else if (!seen.has(id)) {
    seen.set(id, dict.length);
    dict.push(id);
  }
}

/** Builds the dictionaries from the header's meta lines. */
export function bcfDictionaries(metaLines: readonly string[]): BcfDictionaries {
  const strings: string[] = ['PASS'];
  const seenStrings = new Map<string, number>([['PASS', 0]]);
  const contigs: string[] = [];
  const seenContigs = new Map<string, number>();
  const infoType = new Map<string, string>();
  const formatType = new Map<string, string>();
  for (const meta of metaLines) {
    const eq = meta.indexOf('=');
    if (eq === -1 || meta[eq + 1] !== '<' || !meta.endsWith('>')) continue;
    const key = meta.slice(0, eq);
    if (key !== 'contig' && key !== 'INFO' && key !== 'FILTER' && key !== 'FORMAT') continue;
    const fields = parseStructured(meta.slice(eq + 2, -1));
    const id = fields.ID;
    if (!id) continue;
    if (key === 'contig') place(contigs, seenContigs, id, fields.IDX);
    else {
      place(strings, seenStrings, id, fields.IDX);
      if (key === 'INFO') infoType.set(id, fields.Type ?? 'String');
      if (key === 'FORMAT') formatType.set(id, fields.Type ?? 'String');
    }
  }
  return { strings, contigs, infoType, formatType };
}
