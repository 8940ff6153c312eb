import type { Translation } from '../i18n/localise';
import type { genomicsEn } from './strings';

/** Italian text of the genomic search (translation of genomicsEn). */
export const genomicsIt: Translation<typeof genomicsEn> = {
  nav: 'Genomica',
  title: 'Ricerca genomica',
  intro:
    'Chieda al nodo di ciascun titolare dei dati se dispone di una variante, eventualmente in persone con determinati fenotipi. I nodi rispondono tramite GA4GH Beacon v2 con il livello di dettaglio che Lei è autorizzato a vedere: sì o no per chiunque, conteggi arrotondati dopo l’accesso, record solo in base a un’autorizzazione ai dati che La indichi (art. 68).',
  form: 'Ricerca genomica',
  variant: {
    label: 'Variante, intervallo o gene',
    placeholder: '17:43057062 T>TG',
    hint: 'Un allele (17:43057062 T>TG, chr17:43057062T>TG o 17-43057062-T-TG), un intervallo (17:43044000-43045000, estremi inclusi) o un simbolo di gene (BRCA1). Le posizioni partono da 1, come nei file VCF e nei genome browser; la ricerca invia al Beacon l’inizio con base 0 (posizione − 1) e la fine esclusa.',
    required:
      'Indichi una variante, un intervallo o un gene per cercare varianti (solo una ricerca di individui può lasciare il campo vuoto).',
    asBeacon: 'Inviato al Beacon come {text}.',
    allele: 'cromosoma {chrom}, posizione {pos} (base 1) {ref}>{alt} → inizio {start0} (base 0)',
    range:
      'cromosoma {chrom}, basi {from}–{to} (base 1, estremi inclusi) → [{start0}, {end0}) (base 0, fine esclusa)',
    gene: 'gene {gene}',
  },
  assembly: { label: 'Assembly', hint: 'Il genoma di riferimento delle posizioni.' },
  entry: {
    legend: 'Cerca',
    variants: 'Varianti',
    individuals: 'Individui',
  },
  phenotypes: {
    label: 'Fenotipi (HPO)',
    hint: 'Digiti il nome o il codice HPO di un termine e lo scelga dall’elenco; le persone devono presentare tutti i termini scelti.',
    none: 'Nessun termine fenotipico scelto.',
    picked: 'Fenotipi scelti',
    remove: 'Rimuovi {term}',
    noMatch: 'Nessun termine presente nei nodi corrisponde a “{text}”.',
    suggestions: '{n} suggerimenti; usi i tasti freccia per scegliere.',
    notLoaded:
      'Non è stato possibile caricare l’elenco dei termini; i codici HPO (HP:0001250) digitati per intero sono comunque accettati.',
    invalidCode: '“{text}” non è un codice HPO (HP: e sette cifre) né un termine presente nei nodi.',
    add: 'Aggiungi',
  },
  sex: { label: 'Sesso', any: 'Qualsiasi', female: 'Femminile', male: 'Maschile' },
  run: 'Cerca in tutti i nodi',
  running: 'Ricerca in corso…',
  granularity: {
    boolean: {
      title: 'Vede sì o no per ogni nodo',
      text: 'Chiunque può chiedere se un nodo contiene una corrispondenza. Acceda per vedere i conteggi, arrotondati dal controllo della divulgazione dell’HDAB.',
      signedInText: 'La politica dell’HDAB concede al Suo account solo sì o no per ogni nodo.',
    },
    count: {
      title: 'Vede i conteggi per ogni nodo',
      text: 'I conteggi sono arrotondati al multiplo di {roundTo} più vicino; sotto {minCount} un nodo indica solo “meno di {minCount}”. Per i record serve un’autorizzazione ai dati che La indichi per il set di dati (art. 68).',
    },
    record: {
      title: 'Vede i record dei set di dati della Sua autorizzazione',
      text: 'I record di {datasets} sono mostrati perché un’autorizzazione ai dati attiva La indica; gli altri set di dati rispondono con conteggi arrotondati.',
    },
    signIn: 'Acceda per i conteggi',
  },
  results: {
    title: 'Risultati per nodo',
    caption: 'Risposte di ciascun nodo',
    node: 'Nodo',
    country: 'Paese',
    dataset: 'Set di dati',
    found: 'Trovato',
    count: 'Conteggio',
    countVariants: 'Varianti',
    countIndividuals: 'Individui',
    alleles: 'Conteggio / numero di alleli',
    frequency: 'Frequenza allelica',
    status: 'Stato',
    yes: 'Sì',
    no: 'No',
    fewerThan: 'meno di {n}',
    about: '≈ {n}',
    roundedNote: '≈: arrotondato dal controllo della divulgazione.',
    notShown: 'non mostrato',
    none: '—',
    noNodes: 'Nessun nodo ha risposto: nessuno è collegato all’hub.',
    summaryYes: '{n} nodi su {total} hanno trovato una corrispondenza.',
    summaryNo: 'Nessun nodo ha trovato una corrispondenza.',
    statuses: {
      ok: 'Risposto',
      refused: 'Rifiutato',
      timeout: 'Nessuna risposta in tempo',
      error: 'Errore',
    },
  },
  records: {
    title: 'Record presso {node}',
    variantsCaption: 'Record di varianti presso {node}',
    individualsCaption: 'Record di individui presso {node}',
    position: 'Posizione (base 1)',
    interval: 'Intervallo (base 0, semiaperto)',
    ref: 'Rif.',
    alt: 'Alt.',
    type: 'Tipo',
    carriers: 'Portatori',
    frequency: 'Frequenza nel set di dati',
    id: 'ID pseudonimo',
    sex: 'Sesso',
    phenotypes: 'Fenotipi',
    diseases: 'Malattie',
    shown: 'Visualizzati {shown} su {total}.',
    permitNote:
      'Gli identificativi sono pseudonimi propri della Sua autorizzazione: non rimandano a nulla al di fuori di essa.',
  },
  errors: {
    budget: 'Ha esaurito il Suo budget di interrogazioni',
    budgetHint:
      'Il Beacon limita il numero di ricerche di ciascuna persona, così che nessuno possa ricostruire chi è portatore di cosa ripetendo le domande.',
    fixFields: 'Il Beacon ha rifiutato la ricerca: {message}',
  },
};
