// Minimal typings for the untyped RDF/JS libraries we call (shacl-engine 1.1.2, rdf-ext 2): only the
// members shacl.ts uses, so a wrong call still fails the typecheck.
declare module 'shacl-engine' {
  import type { DatasetCore, Term, Literal, NamedNode } from '@rdfjs/types';

  export interface ShaclPathStep {
    predicates: NamedNode[];
    start?: 'subject' | 'object';
    quantifier?: 'one' | 'oneOrMore' | 'zeroOrMore' | 'zeroOrOne';
  }

  export interface ShaclResult {
    focusNode: { term: Term | undefined };
    path?: ShaclPathStep[] | null;
    severity: NamedNode;
    constraintComponent?: NamedNode;
    message: Literal[];
    value?: { term: Term | undefined };
  }

  export interface ShaclReport {
    conforms: boolean;
    results: ShaclResult[];
  }

  export class Validator {
    constructor(
      shapes: DatasetCore,
      options: { factory: unknown; validations?: unknown; targetResolvers?: unknown },
    );
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<ShaclReport>;
  }
}

declare module 'shacl-engine/sparql.js' {
  export const validations: Map<unknown, unknown>;
  export const targetResolvers: Map<unknown, unknown>;
}

declare module 'rdf-ext' {
  import type { DatasetCore, Quad } from '@rdfjs/types';

  interface DatasetExt extends DatasetCore {
    toCanonical(): string;
    [Symbol.iterator](): Iterator<Quad>;
  }

  const rdf: {
    dataset(quads?: Iterable<Quad>): DatasetExt;
    io: { dataset: { fromText(mediaType: string, text: string): Promise<DatasetExt> } };
  };
  export default rdf;
}
