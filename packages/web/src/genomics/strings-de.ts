import type { Translation } from '../i18n/localise';
import type { genomicsEn } from './strings';

/** German text of the genomic search (translation of genomicsEn). */
export const genomicsDe: Translation<typeof genomicsEn> = {
  nav: 'Genomik',
  title: 'Genomische Suche',
  intro:
    'Fragen Sie den Knoten jedes Gesundheitsdateninhabers, ob er eine Variante enthält, wahlweise bei Personen mit bestimmten Phänotypen. Die Knoten antworten über GA4GH Beacon v2 in dem Detailgrad, den Sie sehen dürfen: Ja oder Nein für alle, gerundete Anzahlen nach der Anmeldung, Einzeldatensätze nur im Rahmen einer Datengenehmigung, in der Sie genannt sind (Art. 68).',
  form: 'Genomische Suche',
  variant: {
    label: 'Variante, Bereich oder Gen',
    placeholder: '17:43057062 T>TG',
    hint: 'Ein Allel (17:43057062 T>TG, chr17:43057062T>TG oder 17-43057062-T-TG), ein Bereich (17:43044000-43045000, beide Enden eingeschlossen) oder ein Gensymbol (BRCA1). Positionen sind 1-basiert wie in VCF und Genombrowsern; die Suche sendet den 0-basierten Beacon-Start (Position − 1) und ein halboffenes Ende.',
    required:
      'Geben Sie eine Variante, einen Bereich oder ein Gen an, um nach Varianten zu suchen (nur bei einer Suche nach Personen darf das Feld leer bleiben).',
    asBeacon: 'An den Beacon gesendet als {text}.',
    allele: 'Chromosom {chrom}, Position {pos} (1-basiert) {ref}>{alt} → Start {start0} (0-basiert)',
    range:
      'Chromosom {chrom}, Basen {from}–{to} (1-basiert, beide eingeschlossen) → [{start0}, {end0}) (0-basiert, Ende ausgeschlossen)',
    gene: 'Gen {gene}',
  },
  assembly: { label: 'Assembly', hint: 'Das Referenzgenom der Positionen.' },
  entry: {
    legend: 'Suchen nach',
    variants: 'Varianten',
    individuals: 'Personen',
  },
  phenotypes: {
    label: 'Phänotypen (HPO)',
    hint: 'Geben Sie den Namen eines Begriffs oder einen HPO-Code ein und wählen Sie ihn aus der Liste; Personen müssen jeden gewählten Begriff aufweisen.',
    none: 'Keine Phänotyp-Begriffe gewählt.',
    picked: 'Gewählte Phänotypen',
    remove: '{term} entfernen',
    noMatch: 'Kein Begriff auf den Knoten passt zu „{text}“.',
    suggestions: '{n} Vorschläge; wählen Sie mit den Pfeiltasten.',
    notLoaded:
      'Die Begriffsliste konnte nicht geladen werden; vollständig eingegebene HPO-Codes (HP:0001250) werden weiterhin akzeptiert.',
    invalidCode:
      '„{text}“ ist weder ein HPO-Code (HP: und sieben Ziffern) noch ein Begriff, der auf den Knoten vorkommt.',
    add: 'Hinzufügen',
  },
  sex: { label: 'Geschlecht', any: 'Beliebig', female: 'Weiblich', male: 'Männlich' },
  run: 'Alle Knoten durchsuchen',
  running: 'Suche läuft…',
  granularity: {
    boolean: {
      title: 'Sie sehen Ja oder Nein je Knoten',
      text: 'Jede Person darf fragen, ob ein Knoten einen Treffer enthält. Melden Sie sich an, um Anzahlen zu sehen, gerundet durch die Offenlegungskontrolle der Zugangsstelle.',
      signedInText: 'Nach den Vorgaben der Zugangsstelle sieht Ihr Konto nur Ja oder Nein je Knoten.',
    },
    count: {
      title: 'Sie sehen Anzahlen je Knoten',
      text: 'Anzahlen werden auf das nächste Vielfache von {roundTo} gerundet; unter {minCount} meldet ein Knoten nur „weniger als {minCount}“. Für Einzeldatensätze ist eine Datengenehmigung für den Datensatz erforderlich, in der Sie genannt sind (Art. 68).',
    },
    record: {
      title: 'Sie sehen Einzeldatensätze zu den Datensätzen Ihrer Datengenehmigung',
      text: 'Einzeldatensätze aus {datasets} werden angezeigt, weil eine aktive Datengenehmigung Sie nennt; die übrigen Datensätze antworten mit gerundeten Anzahlen.',
    },
    signIn: 'Für Anzahlen anmelden',
  },
  results: {
    title: 'Ergebnisse je Knoten',
    caption: 'Antworten der einzelnen Knoten',
    node: 'Knoten',
    country: 'Land',
    dataset: 'Datensatz',
    found: 'Gefunden',
    count: 'Anzahl',
    countVariants: 'Varianten',
    countIndividuals: 'Personen',
    alleles: 'Allelanzahl (AC) / Allelgesamtzahl (AN)',
    frequency: 'Allelfrequenz',
    status: 'Status',
    yes: 'Ja',
    no: 'Nein',
    fewerThan: 'weniger als {n}',
    about: '≈ {n}',
    roundedNote: '≈: durch die Offenlegungskontrolle gerundet.',
    notShown: 'nicht angezeigt',
    none: '—',
    noNodes: 'Kein Knoten hat geantwortet: Es ist keiner mit der Plattform verbunden.',
    summaryYes: '{n} von {total} Knoten haben einen Treffer gefunden.',
    summaryNo: 'Kein Knoten hat einen Treffer gefunden.',
    statuses: {
      ok: 'Beantwortet',
      refused: 'Verweigert',
      timeout: 'Keine rechtzeitige Antwort',
      error: 'Fehlgeschlagen',
    },
  },
  records: {
    title: 'Einzeldatensätze bei {node}',
    variantsCaption: 'Variantendatensätze bei {node}',
    individualsCaption: 'Personendatensätze bei {node}',
    position: 'Position (1-basiert)',
    interval: 'Intervall (0-basiert, halboffen)',
    ref: 'Ref',
    alt: 'Alt',
    type: 'Typ',
    carriers: 'Träger',
    frequency: 'Frequenz im Datensatz',
    id: 'Pseudonyme ID',
    sex: 'Geschlecht',
    phenotypes: 'Phänotypen',
    diseases: 'Erkrankungen',
    shown: '{shown} von {total} angezeigt.',
    permitNote:
      'Die Kennungen sind Pseudonyme Ihrer Datengenehmigung: Außerhalb davon verweisen sie auf nichts.',
  },
  errors: {
    budget: 'Ihr Abfragekontingent ist aufgebraucht',
    budgetHint:
      'Der Beacon begrenzt, wie viele Suchen eine Person durchführen kann, damit niemand durch wiederholtes Fragen auflisten kann, wer welche Variante trägt.',
    fixFields: 'Der Beacon hat die Suche abgelehnt: {message}',
  },
};
