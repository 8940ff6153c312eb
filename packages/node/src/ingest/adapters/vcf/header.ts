import { stableId } from '@openehds/analytics';

/**
 * The VCF header (VCF 4.x §1.4–1.5): meta-information lines `##key=value` or `##key=<ID=...,...>`,
 * then the `#CHROM` column line naming the samples. Pure: the adapter feeds the lines.
 */

/** An INFO field definition (VCF 4.3 §1.4.2). */
export interface InfoDefinition {
  number: string;
  type: string;
  description: string;
}

/** What the data lines need from the header. */
export interface VcfHeader {
  fileformat: string;
  samples: string[];
  contigs: Map<string, Record<string, string>>;
  info: Map<string, InfoDefinition>;
  /** Genome assembly, e.g. `GRCh38`; from `##contig=<assembly=...>`, else `##reference`, else GRCh38. */
  assembly: string;
  /** Sub-fields of a VEP `CSQ` annotation, from its description `Format: Allele|Consequence|...`. */
  csqFields?: string[];
  /** Short stable key of the sample set, so one variant seen in two cohorts keys as two records. */
  samplesKey: string;
}

/** Parses the `<ID=x,Description="a, b">` body of a structured meta line. */
export function parseStructured(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const eq = body.indexOf('=', i);
    if (eq === -1) break;
    const key = body.slice(i, eq).trim();
    let j = eq + 1;
    let value = '';
    if (body[j] === '"') {
      j++;
      while (j < body.length && body[j] !== '"') {
        if (body[j] === '\\' && j + 1 < body.length) j++;
        value += body[j];
        j++;
      }
      j++; // closing quote
    } else {
      const comma = body.indexOf(',', j);
      const end = comma === -1 ? body.length : comma;
      value = body.slice(j, end);
      j = end;
    }
    out[key] = value;
    i = body[j] === ',' ? j + 1 : j;
  }
  return out;
}

/** Canonical assembly name for the common spellings (hg38, GRCh38.p13, b37, hg19...). */
export function canonicalAssembly(text: string): string | undefined {
  if (/GRCh38|hg38|GCA_000001405\.(1[5-9]|2\d)/i.test(text)) return 'GRCh38';
  if (/GRCh37|hg19|\bb37\b|hs37|human_g1k_v37/i.test(text)) return 'GRCh37';
  if (/NCBI36|hg18|GRCh36/i.test(text)) return 'NCBI36';
  return undefined;
}

/** Builds the header from its meta lines (without `##`) and the `#CHROM` line. */
export function parseVcfHeader(metaLines: string[], columnLine: string): VcfHeader {
  const contigs = new Map<string, Record<string, string>>();
  const info = new Map<string, InfoDefinition>();
  let fileformat = '';
  let reference: string | undefined;
  let contigAssembly: string | undefined;
  for (const meta of metaLines) {
    const eq = meta.indexOf('=');
    if (eq === -1) continue;
    const key = meta.slice(0, eq);
    const value = meta.slice(eq + 1);
    if (key === 'fileformat') fileformat = value;
    else if (key === 'reference') reference = value;
    else if (value.startsWith('<') && value.endsWith('>')) {
      const fields = parseStructured(value.slice(1, -1));
      if (key === 'contig' && fields.ID) {
        contigs.set(fields.ID, fields);
        if (fields.assembly) contigAssembly ??= fields.assembly;
      } else if (key === 'INFO' && fields.ID) {
        info.set(fields.ID, {
          number: fields.Number ?? '.',
          type: fields.Type ?? 'String',
          description: fields.Description ?? '',
        });
      }
    }
  }
  const samples = columnLine.split('\t').slice(9);
  const csqFormat = /Format: ?([^"]+)$/.exec(info.get('CSQ')?.description ?? '')?.[1];
  return {
    fileformat,
    samples,
    contigs,
    info,
    assembly:
      (contigAssembly && (canonicalAssembly(contigAssembly) ?? contigAssembly)) ??
      (reference && canonicalAssembly(reference)) ??
      'GRCh38',
    ...(csqFormat ? { csqFields: csqFormat.trim().split('|') } : {}),
    samplesKey: stableId('vcf-samples', ...samples).toString(36),
  };
}
