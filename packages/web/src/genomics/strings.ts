import { localise } from '../i18n/localise';
import { genomicsDe } from './strings-de';
import { genomicsFr } from './strings-fr';
import { genomicsIt } from './strings-it';
/**
 * English strings of the genomic search (issue 5 §5; GA4GH Beacon v2 across the nodes), in one place so
 * a translation is one more file of the same shape. Placeholders in braces are filled by `fmt`.
 */
export const genomicsEn = {
  nav: 'Genomics',
  title: 'Genomic search',
  intro:
    'Ask every data holder’s node whether it holds a variant, optionally in persons with given phenotypes. The nodes answer through GA4GH Beacon v2 at the level of detail you may see: yes or no for everyone, rounded counts when you are signed in, records only under a data permit naming you (Art. 68).',
  form: 'Genomic search',
  variant: {
    label: 'Variant, range or gene',
    placeholder: '17:43057062 T>TG',
    hint: 'An allele (17:43057062 T>TG, chr17:43057062T>TG or 17-43057062-T-TG), a range (17:43044000-43045000, both ends included) or a gene symbol (BRCA1). Positions are 1-based, as in VCF and genome browsers; the search sends Beacon’s 0-based start (position − 1) and half-open end.',
    required:
      'Give a variant, a range or a gene to search variants (only a search of individuals may leave it empty).',
    asBeacon: 'Sent to the Beacon as {text}.',
    allele: 'chromosome {chrom}, position {pos} (1-based) {ref}>{alt} → start {start0} (0-based)',
    range:
      'chromosome {chrom}, bases {from}–{to} (1-based, both included) → [{start0}, {end0}) (0-based, end excluded)',
    gene: 'gene {gene}',
  },
  assembly: { label: 'Assembly', hint: 'The reference genome of the positions.' },
  entry: {
    legend: 'Search for',
    variants: 'Variants',
    individuals: 'Individuals',
  },
  phenotypes: {
    label: 'Phenotypes (HPO)',
    hint: 'Type a term’s name or HPO code and pick it from the list; persons must have every term picked.',
    none: 'No phenotype terms picked.',
    picked: 'Picked phenotypes',
    remove: 'Remove {term}',
    noMatch: 'No term held by the nodes matches “{text}”.',
    suggestions: '{n} suggestions; use the arrow keys to choose.',
    notLoaded:
      'The list of terms could not be loaded; HPO codes (HP:0001250) typed in full are still accepted.',
    invalidCode: '“{text}” is not an HPO code (HP: and seven digits) nor a term the nodes hold.',
    add: 'Add',
  },
  sex: { label: 'Sex', any: 'Any', female: 'Female', male: 'Male' },
  run: 'Search every node',
  running: 'Searching…',
  granularity: {
    boolean: {
      title: 'You see yes or no per node',
      text: 'Anyone may ask whether a node holds a match. Sign in to see counts, rounded by the HDAB’s disclosure control.',
      signedInText: 'The HDAB’s policy gives your account yes or no per node only.',
    },
    count: {
      title: 'You see counts per node',
      text: 'Counts are rounded to the nearest {roundTo}; below {minCount} a node only says “fewer than {minCount}”. Records need a data permit naming you for the dataset (Art. 68).',
    },
    record: {
      title: 'You see records for the datasets of your permit',
      text: 'Records of {datasets} are shown because an active data permit names you; the other datasets answer with rounded counts.',
    },
    signIn: 'Sign in for counts',
  },
  results: {
    title: 'Results per node',
    caption: 'Answers of each node',
    node: 'Node',
    country: 'Country',
    dataset: 'Dataset',
    found: 'Found',
    count: 'Count',
    countVariants: 'Variants',
    countIndividuals: 'Individuals',
    alleles: 'Allele count / number',
    frequency: 'Allele frequency',
    status: 'Status',
    yes: 'Yes',
    no: 'No',
    fewerThan: 'fewer than {n}',
    about: '≈ {n}',
    roundedNote: '≈: rounded by disclosure control.',
    notShown: 'not shown',
    none: '—',
    noNodes: 'No node answered: none is connected to the hub.',
    summaryYes: '{n} of {total} nodes found a match.',
    summaryNo: 'No node found a match.',
    statuses: {
      ok: 'Answered',
      refused: 'Refused',
      timeout: 'No answer in time',
      error: 'Failed',
    } as Record<string, string>,
  },
  records: {
    title: 'Records at {node}',
    variantsCaption: 'Variant records at {node}',
    individualsCaption: 'Individual records at {node}',
    position: 'Position (1-based)',
    interval: 'Interval (0-based, half-open)',
    ref: 'Ref',
    alt: 'Alt',
    type: 'Type',
    carriers: 'Carriers',
    frequency: 'Frequency in dataset',
    id: 'Pseudonymous id',
    sex: 'Sex',
    phenotypes: 'Phenotypes',
    diseases: 'Diseases',
    shown: 'Showing {shown} of {total}.',
    permitNote: 'Identifiers are pseudonyms of your permit: they link to nothing outside it.',
  },
  errors: {
    budget: 'Your query budget is used up',
    budgetHint:
      'The Beacon limits how many searches one person makes, so that nobody can list who carries what by asking again and again.',
    fixFields: 'The Beacon refused the search: {message}',
  },
};

/** The text above in the page's language. */
export const genomicsText = localise(genomicsEn, { de: genomicsDe, fr: genomicsFr, it: genomicsIt });
