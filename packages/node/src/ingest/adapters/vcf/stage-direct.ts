import type { DirectBatch, DirectStager, MapContext, SourceRecord } from '../../types';
import { quotedBytes } from '../../pipeline/csv-sink';
import type { VcfHeader } from './header';
import type { VcfLine } from './map-record';
import { CALLS, callIndex, fastAllele, fastKey, readFastLine, type FastAllele } from './read-fast';

/**
 * The VCF fast lane of staging (`FormatAdapter.directStager`): a line `readFastLine` takes is written
 * straight into the batch's `variant` and `genotype` CSV, the constant fields pre-encoded, instead of
 * being mapped to row objects that the pipeline's row writers then read back field by field. The bytes
 * are those `mapVcfLineFast` and the pipeline stage (a test holds them equal on every fixture); a line
 * with samples the fast path does not take, a sites-only line, or INFO whose JSON needs the object
 * route, is left to `map`.
 */

/** The staged columns this stager writes, in order; with other columns (a changed DDL) it is not used. */
const VARIANT_COLUMNS = [
  'variant_id',
  'assembly',
  'chrom',
  'start0',
  'ref',
  'alt',
  'variant_type',
  'gene',
  'info',
  'ehds_file',
  'ehds_line',
  'ehds_batch',
  'end0',
  'ac',
  'an',
  'carriers',
  'an_exceptions',
  '_r',
];
const GENOTYPE_COLUMNS = ['variant_id', 'person_id', 'sample', 'gt', 'zygosity', 'ehds_batch', '_r'];

function sameColumns(actual: readonly string[] | undefined, expected: readonly string[]): boolean {
  return (
    actual !== undefined && actual.length === expected.length && actual.every((c, i) => c === expected[i])
  );
}

const COMMA = 44;
const NEWLINE = 10;

/** `"type",` per variant type. */
const TYPE_FIELDS = new Map(
  ['SNP', 'MNP', 'INS', 'DEL', 'INDEL'].map((t) => [t, Buffer.from(`"${t}",`, 'utf8')]),
);

/** Per CALLS entry: its `"gt","zygosity",` fields and the empty `ehds_batch` after them. */
const CALL_FIELDS = CALLS.map((c) =>
  c ? Buffer.from(`"${c.gt}",${c.zygosity === null ? '' : `"${c.zygosity}"`},,`, 'utf8') : undefined,
);

/** What every line of one header writes alike. */
interface HeaderFields {
  /** `"assembly",` */
  assembly: Uint8Array;
  /** Per sample: `,"sample",` (after `person_id`). */
  samples: Uint8Array[];
  /** Per sample: its person id, as of `personsSize` registrations. */
  personIds: (number | undefined)[];
  personsSize: number;
}

/** A direct stager for VCF lines, or undefined when the store's columns are not the ones it writes. */
export function vcfDirectStager(ctx: MapContext, batch: DirectBatch): DirectStager | undefined {
  if (
    !sameColumns(batch.columns('variant'), VARIANT_COLUMNS) ||
    !sameColumns(batch.columns('genotype'), GENOTYPE_COLUMNS)
  )
    return undefined;
  const variants = batch.sink('variant');
  const genotypes = batch.sink('genotype');
  const system = ctx.personIdentifierSystem;
  const byHeader = new WeakMap<VcfHeader, HeaderFields>();
  let chromText = '';
  let chromField = quotedBytes('');
  const alleles: FastAllele[] = [];

  const fieldsOf = (header: VcfHeader): HeaderFields => {
    let h = byHeader.get(header);
    if (!h) {
      h = {
        assembly: Buffer.from(`${quotedBytes(header.assembly).toString()},`),
        samples: header.samples.map((s) => Buffer.from(`,${quotedBytes(s).toString()},`)),
        personIds: [],
        personsSize: -1,
      };
      byHeader.set(header, h);
    }
    // Persons registered since (by an earlier file of the run) may now be some samples.
    if (h.personsSize !== batch.persons.size) {
      h.personIds = header.samples.map((s) => batch.persons.get(system, s));
      h.personsSize = batch.persons.size;
    }
    return h;
  };

  return (rec: SourceRecord) => {
    const f = rec.value === undefined ? undefined : readFastLine(rec.value as VcfLine);
    if (!f || f.nSamples === 0) return undefined;
    // Every allele is worked out before anything is written: the line is staged whole or left to `map`.
    alleles.length = 0;
    for (let k = 0; k < f.alts.length; k++) {
      const a = fastAllele(f, k);
      if (a.infoJson === undefined) return undefined;
      alleles.push(a);
    }
    const key = fastKey(f);
    if (batch.hasKey(key)) return 'repeated';
    const h = fieldsOf(f.header);
    const file = batch.file(rec.file);
    const record = batch.record();
    if (f.chrom !== chromText) {
      chromText = f.chrom;
      chromField = quotedBytes(chromText);
    }
    for (let k = 0; k < alleles.length; k++) {
      const a = alleles[k]!;
      const altNumber = k + 1;
      let ac = 0;
      let carriers = 0;
      for (let s = 0; s < f.nSamples; s++) {
        const i = callIndex(f, s, altNumber);
        const call = CALLS[i];
        if (call === undefined) continue;
        ac += call.copies;
        carriers++;
        const g = genotypes;
        g.num(a.id);
        g.byte(COMMA);
        const pid = h.personIds[s];
        if (pid === undefined) batch.unlinked(f.header.samples[s]!);
        else g.num(pid);
        g.raw(h.samples[s]!);
        g.raw(CALL_FIELDS[i]!);
        g.num(record);
        g.byte(NEWLINE);
      }
      const v = variants;
      v.num(a.id);
      v.byte(COMMA);
      v.raw(h.assembly);
      v.raw(chromField);
      v.byte(COMMA);
      v.num(a.start0);
      v.byte(COMMA);
      v.quoted(a.ref);
      v.byte(COMMA);
      v.quoted(a.alt);
      v.byte(COMMA);
      v.raw(TYPE_FIELDS.get(a.variantType)!);
      if (a.gene !== null) v.quoted(a.gene);
      v.byte(COMMA);
      v.quoted(a.infoJson!);
      v.byte(COMMA);
      v.raw(file);
      v.byte(COMMA);
      v.num(rec.line);
      v.byte(COMMA);
      v.byte(COMMA); // ehds_batch: put in at commit
      v.num(a.start0 + a.ref.length);
      v.byte(COMMA);
      v.num(ac);
      v.byte(COMMA);
      v.num(f.an);
      v.byte(COMMA);
      v.num(carriers);
      v.byte(COMMA);
      if (f.anExceptions !== null) v.quoted(f.anExceptions);
      v.byte(COMMA);
      v.num(record);
      v.byte(NEWLINE);
    }
    batch.addKey(key, rec.recordType);
    return 'staged';
  };
}
