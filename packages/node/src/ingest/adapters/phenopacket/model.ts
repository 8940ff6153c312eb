/**
 * The parts of a GA4GH Phenopacket v2 (proto3 JSON, lowerCamelCase field names) that the node maps.
 * Field names follow `phenopackets/schema/v2/**.proto`; everything else is kept opaque.
 */

/** `OntologyClass`: a CURIE and its label. */
export interface OntologyClass {
  id: string;
  label?: string;
}

/** `TimeElement`: exactly one of its members. */
export interface TimeElement {
  age?: { iso8601duration: string };
  ageRange?: { start?: { iso8601duration: string }; end?: { iso8601duration: string } };
  gestationalAge?: { weeks?: number; days?: number };
  ontologyClass?: OntologyClass;
  timestamp?: string;
  interval?: { start?: string; end?: string };
}

/** `Individual`. */
export interface Individual {
  id: string;
  alternateIds?: string[];
  dateOfBirth?: string;
  timeAtLastEncounter?: TimeElement;
  vitalStatus?: {
    status?: string;
    timeOfDeath?: TimeElement;
    causeOfDeath?: OntologyClass;
    survivalTimeInDays?: number;
  };
  sex?: string;
}

/** `Quantity`. */
export interface Quantity {
  unit?: OntologyClass;
  value?: number;
  referenceRange?: { unit?: OntologyClass; low?: number; high?: number };
}

/** `VcfRecord` (vrsatile). `pos` is a uint64, a JSON number or decimal string. */
export interface VcfRecord {
  genomeAssembly?: string;
  chrom?: string;
  pos?: number | string;
  ref?: string;
  alt?: string;
}

/** `Phenopacket`, as far as mapped. */
export interface Phenopacket {
  id?: string;
  subject: Individual;
  phenotypicFeatures?: {
    type: OntologyClass;
    excluded?: boolean;
    onset?: TimeElement;
    description?: string;
  }[];
  measurements?: {
    assay: OntologyClass;
    value?: { quantity?: Quantity; ontologyClass?: OntologyClass };
    complexValue?: { typedQuantities?: { type?: OntologyClass; quantity?: Quantity }[] };
    timeObserved?: TimeElement;
  }[];
  diseases?: { term: OntologyClass; excluded?: boolean; onset?: TimeElement; resolution?: TimeElement }[];
  medicalActions?: {
    procedure?: { code: OntologyClass; performed?: TimeElement };
    treatment?: {
      agent: OntologyClass;
      routeOfAdministration?: OntologyClass;
      doseIntervals?: {
        quantity?: Quantity;
        scheduleFrequency?: OntologyClass;
        interval?: { start?: string; end?: string };
      }[];
    };
  }[];
  interpretations?: {
    id?: string;
    progressStatus?: string;
    diagnosis?: {
      disease?: OntologyClass;
      genomicInterpretations?: {
        subjectOrBiosampleId?: string;
        interpretationStatus?: string;
        variantInterpretation?: {
          acmgPathogenicityClassification?: string;
          variationDescriptor?: {
            id?: string;
            geneContext?: { symbol?: string; valueId?: string };
            expressions?: { syntax?: string; value?: string }[];
            vcfRecord?: VcfRecord;
            allelicState?: OntologyClass;
          };
        };
      }[];
    };
  }[];
  metaData: { created?: string; phenopacketSchemaVersion?: string };
}
