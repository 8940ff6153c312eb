/**
 * Field tables of the Phenopacket v2 messages the node maps, transcribed from
 * `phenopackets/schema/v2/core/*.proto` and `vrsatile.proto` (lowerCamelCase JSON names, proto3 JSON
 * mapping). Sub-messages we do not map (biosamples, files, evidence, VRS variation...) are `any`: they
 * are passed through unchecked and the protobuf conformance test covers them.
 */

/** How a field's JSON value is checked. */
export type Kind =
  | 'string'
  | 'bool'
  | 'double'
  | 'int'
  | 'uint'
  | 'timestamp'
  | 'any'
  | { enum: readonly string[] }
  | { msg: string }
  | { repeated: Kind };

/** A message: its fields, and its oneof groups (at most one member set). */
export interface MessageSpec {
  fields: Record<string, Kind>;
  oneofs?: readonly (readonly string[])[];
}

const OC: Kind = { msg: 'OntologyClass' };
const TE: Kind = { msg: 'TimeElement' };
const many = (k: Kind): Kind => ({ repeated: k });
const en = (...values: string[]): Kind => ({ enum: values });

/** The message table, keyed by message name. */
export const MESSAGES: Record<string, MessageSpec> = {
  Phenopacket: {
    fields: {
      id: 'string',
      subject: { msg: 'Individual' },
      phenotypicFeatures: many({ msg: 'PhenotypicFeature' }),
      measurements: many({ msg: 'Measurement' }),
      biosamples: many('any'),
      interpretations: many({ msg: 'Interpretation' }),
      diseases: many({ msg: 'Disease' }),
      medicalActions: many({ msg: 'MedicalAction' }),
      files: many('any'),
      metaData: { msg: 'MetaData' },
    },
  },
  Individual: {
    fields: {
      id: 'string',
      alternateIds: many('string'),
      dateOfBirth: 'timestamp',
      timeAtLastEncounter: TE,
      vitalStatus: { msg: 'VitalStatus' },
      sex: en('UNKNOWN_SEX', 'FEMALE', 'MALE', 'OTHER_SEX'),
      karyotypicSex: en(
        'UNKNOWN_KARYOTYPE',
        'XX',
        'XY',
        'XO',
        'XXY',
        'XXX',
        'XXYY',
        'XXXY',
        'XXXX',
        'XYY',
        'OTHER_KARYOTYPE',
      ),
      gender: OC,
      taxonomy: OC,
    },
  },
  VitalStatus: {
    fields: {
      status: en('UNKNOWN_STATUS', 'ALIVE', 'DECEASED'),
      timeOfDeath: TE,
      causeOfDeath: OC,
      survivalTimeInDays: 'uint',
    },
  },
  OntologyClass: { fields: { id: 'string', label: 'string' } },
  TimeElement: {
    fields: {
      gestationalAge: { msg: 'GestationalAge' },
      age: { msg: 'Age' },
      ageRange: { msg: 'AgeRange' },
      ontologyClass: OC,
      timestamp: 'timestamp',
      interval: { msg: 'TimeInterval' },
    },
    oneofs: [['gestationalAge', 'age', 'ageRange', 'ontologyClass', 'timestamp', 'interval']],
  },
  GestationalAge: { fields: { weeks: 'int', days: 'int' } },
  Age: { fields: { iso8601duration: 'string' } },
  AgeRange: { fields: { start: { msg: 'Age' }, end: { msg: 'Age' } } },
  TimeInterval: { fields: { start: 'timestamp', end: 'timestamp' } },
  PhenotypicFeature: {
    fields: {
      description: 'string',
      type: OC,
      excluded: 'bool',
      severity: OC,
      modifiers: many(OC),
      onset: TE,
      resolution: TE,
      evidence: many('any'),
    },
  },
  Measurement: {
    fields: {
      description: 'string',
      assay: OC,
      value: { msg: 'Value' },
      complexValue: { msg: 'ComplexValue' },
      timeObserved: TE,
      procedure: { msg: 'Procedure' },
    },
    oneofs: [['value', 'complexValue']],
  },
  Value: {
    fields: { quantity: { msg: 'Quantity' }, ontologyClass: OC },
    oneofs: [['quantity', 'ontologyClass']],
  },
  ComplexValue: { fields: { typedQuantities: many({ msg: 'TypedQuantity' }) } },
  Quantity: { fields: { unit: OC, value: 'double', referenceRange: { msg: 'ReferenceRange' } } },
  TypedQuantity: { fields: { type: OC, quantity: { msg: 'Quantity' } } },
  ReferenceRange: { fields: { unit: OC, low: 'double', high: 'double' } },
  Procedure: { fields: { code: OC, bodySite: OC, performed: TE } },
  Disease: {
    fields: {
      term: OC,
      excluded: 'bool',
      onset: TE,
      resolution: TE,
      diseaseStage: many(OC),
      clinicalTnmFinding: many(OC),
      primarySite: OC,
      laterality: OC,
    },
  },
  MedicalAction: {
    fields: {
      procedure: { msg: 'Procedure' },
      treatment: { msg: 'Treatment' },
      radiationTherapy: 'any',
      therapeuticRegimen: 'any',
      treatmentTarget: OC,
      treatmentIntent: OC,
      responseToTreatment: OC,
      adverseEvents: many(OC),
      treatmentTerminationReason: OC,
    },
    oneofs: [['procedure', 'treatment', 'radiationTherapy', 'therapeuticRegimen']],
  },
  Treatment: {
    fields: {
      agent: OC,
      routeOfAdministration: OC,
      doseIntervals: many({ msg: 'DoseInterval' }),
      drugType: en(
        'UNKNOWN_DRUG_TYPE',
        'PRESCRIPTION',
        'EHR_MEDICATION_LIST',
        'ADMINISTRATION_RELATED_TO_PROCEDURE',
      ),
      cumulativeDose: { msg: 'Quantity' },
    },
  },
  DoseInterval: {
    fields: { quantity: { msg: 'Quantity' }, scheduleFrequency: OC, interval: { msg: 'TimeInterval' } },
  },
  Interpretation: {
    fields: {
      id: 'string',
      progressStatus: en('UNKNOWN_PROGRESS', 'IN_PROGRESS', 'COMPLETED', 'SOLVED', 'UNSOLVED'),
      diagnosis: { msg: 'Diagnosis' },
      summary: 'string',
    },
  },
  Diagnosis: { fields: { disease: OC, genomicInterpretations: many({ msg: 'GenomicInterpretation' }) } },
  GenomicInterpretation: {
    fields: {
      subjectOrBiosampleId: 'string',
      interpretationStatus: en('UNKNOWN_STATUS', 'REJECTED', 'CANDIDATE', 'CONTRIBUTORY', 'CAUSATIVE'),
      gene: 'any',
      variantInterpretation: { msg: 'VariantInterpretation' },
    },
    oneofs: [['gene', 'variantInterpretation']],
  },
  VariantInterpretation: {
    fields: {
      acmgPathogenicityClassification: en(
        'NOT_PROVIDED',
        'BENIGN',
        'LIKELY_BENIGN',
        'UNCERTAIN_SIGNIFICANCE',
        'LIKELY_PATHOGENIC',
        'PATHOGENIC',
      ),
      therapeuticActionability: en('UNKNOWN_ACTIONABILITY', 'NOT_ACTIONABLE', 'ACTIONABLE'),
      variationDescriptor: { msg: 'VariationDescriptor' },
    },
  },
  VariationDescriptor: {
    fields: {
      id: 'string',
      variation: 'any',
      label: 'string',
      description: 'string',
      geneContext: { msg: 'GeneDescriptor' },
      expressions: many({ msg: 'Expression' }),
      vcfRecord: { msg: 'VcfRecord' },
      xrefs: many('string'),
      alternateLabels: many('string'),
      extensions: many('any'),
      moleculeContext: en('unspecified_molecule_context', 'genomic', 'transcript', 'protein'),
      structuralType: OC,
      vrsRefAlleleSeq: 'string',
      allelicState: OC,
    },
  },
  GeneDescriptor: {
    fields: {
      valueId: 'string',
      symbol: 'string',
      description: 'string',
      alternateIds: many('string'),
      alternateSymbols: many('string'),
      xrefs: many('string'),
    },
  },
  Expression: { fields: { syntax: 'string', value: 'string', version: 'string' } },
  VcfRecord: {
    fields: {
      genomeAssembly: 'string',
      chrom: 'string',
      pos: 'uint',
      id: 'string',
      ref: 'string',
      alt: 'string',
      qual: 'string',
      filter: 'string',
      info: 'string',
    },
  },
  MetaData: {
    fields: {
      created: 'timestamp',
      createdBy: 'string',
      submittedBy: 'string',
      resources: many('any'),
      updates: many('any'),
      phenopacketSchemaVersion: 'string',
      externalReferences: many('any'),
    },
  },
};
