import type { Translation } from '../i18n/localise';
import type { vocabularyEn } from './vocabulary-strings';

/** German labels of the hub's codes (translation of vocabularyEn). */
export const vocabularyDe: Translation<typeof vocabularyEn> = {
  statuses: {
    DRAFT: 'Entwurf',
    SUBMITTED: 'Eingereicht',
    PRE_SCREENING: 'Vorprüfung',
    PROCESSING: 'In Prüfung',
    AWAITING_ADDITIONAL_INFORMATION: 'Informationen angefordert',
    DECISION_ISSUED: 'Entscheidung ergangen',
    WITHDRAWN: 'Zurückgezogen',
  },
  outcomes: {
    GRANTED: 'Erteilt',
    PARTIALLY_GRANTED: 'Teilweise erteilt',
    REFUSED: 'Abgelehnt',
    ANSWERED_AS_REQUEST: 'Mit anonymisierten Statistiken beantwortet',
  },
  events: {
    create: 'Entwurf begonnen',
    submit: 'Eingereicht',
    'start-pre-screening': 'Vorprüfung begonnen',
    'request-information': 'Informationen angefordert',
    'provide-information': 'Informationen übermittelt',
    complete: 'Für vollständig erklärt; Prüfung begonnen',
    decide: 'Entscheidung ergangen',
    lapse: 'Verfallen: Informationen nicht rechtzeitig übermittelt',
    withdraw: 'Zurückgezogen',
    extend: 'Entscheidungsfrist verlängert',
  },
  clocks: {
    title: 'Fristen',
    names: {
      completeness: 'Vollständigkeitsprüfung',
      decision: 'Entscheidung',
      'additional-information': 'Antwort der antragstellenden Person auf das Informationsersuchen',
      publication: 'Veröffentlichung der Entscheidung',
    },
    clock: 'Frist',
    article: 'Grundlage',
    state: 'Stand',
    due: 'Fällig',
    remaining: 'Verbleibende Zeit',
    states: {
      'not-started': 'Nicht begonnen',
      running: 'Läuft',
      paused: 'Angehalten',
      met: 'Eingehalten',
      overdue: 'Überschritten',
      stopped: 'Beendet',
    },
    atRisk: 'Gefährdet',
    late: 'Verspätet erfüllt',
    daysLeft: 'Noch {n} Tage',
    oneDayLeft: 'Noch 1 Tag',
    dueToday: 'Heute fällig',
    daysOverdue: '{n} Tage überfällig',
    oneDayOverdue: '1 Tag überfällig',
    pausedLeft: 'Angehalten, noch {n} Tage',
    ours: 'Plattformregel',
    oursWhat: 'Plattformregel: {what}',
    nextDue: '{clock}: {due}',
    extended: 'Die Entscheidungsfrist wurde am {at} verlängert: {reason}',
    noClocks: 'Es hat noch keine Frist begonnen.',
  },
  purposes: {
    PUBLIC_HEALTH: 'Öffentliches Interesse im Bereich der öffentlichen Gesundheit oder des Arbeitsschutzes',
    POLICY_REGULATION: 'Politikgestaltung und Regulierungstätigkeiten',
    OFFICIAL_STATISTICS: 'Amtliche Statistiken',
    EDUCATION: 'Bildung oder Lehre im Gesundheits- oder Pflegebereich',
    SCIENTIFIC_RESEARCH:
      'Wissenschaftliche Forschung im Gesundheits- oder Pflegebereich, einschließlich der Entwicklung von KI',
    CARE_IMPROVEMENT: 'Verbesserung der Versorgung und Behandlung',
  },
  purposeLetter: 'Art. 53 Abs. 1 Buchst. {letter}',
  publicBodyOnly:
    'Die Zwecke a bis c sind öffentlichen Stellen und Organen der EU vorbehalten (Art. 53 Abs. 2). Ihre Organisation ist nicht als solche verifiziert; daher stehen sie nicht zur Verfügung.',
  prohibited: {
    DETRIMENTAL_DECISIONS:
      'Ich werde die Daten nicht verwenden, um Entscheidungen zum Nachteil einer Person oder einer Personengruppe zu treffen (Art. 54 Buchst. a).',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'Ich werde die Daten nicht verwenden, um Personen von Versicherungen, Beschäftigung, Krediten oder anderen Leistungen auszuschließen oder deren Bedingungen zu ändern (Art. 54 Buchst. b).',
    ADVERTISING_MARKETING:
      'Ich werde die Daten nicht für Werbe- oder Marketingzwecke verwenden (Art. 54 Buchst. c).',
    HARMFUL_PRODUCTS:
      'Ich werde die Daten nicht verwenden, um schädliche Produkte oder Dienstleistungen zu entwickeln, etwa illegale Drogen, Alkohol, Tabak, Waffen oder suchterzeugende Gestaltungen (Art. 54 Buchst. d).',
    AGAINST_NATIONAL_ETHICS_LAW:
      'Ich werde die Daten nicht für Tätigkeiten verwenden, die im Widerspruch zu ethischen Bestimmungen des nationalen Rechts stehen (Art. 54 Buchst. e).',
  },
  personRoles: {
    principal_investigator: 'Projektleitung',
    researcher: 'Forscher/-in',
    data_scientist: 'Data Scientist',
    student: 'Studierende/-r',
    other: 'Sonstige',
  },
  legalBases: {
    '6(1)(a)': 'DSGVO Art. 6 Abs. 1 Buchst. a: Einwilligung',
    '6(1)(b)': 'DSGVO Art. 6 Abs. 1 Buchst. b: Vertrag',
    '6(1)(c)': 'DSGVO Art. 6 Abs. 1 Buchst. c: rechtliche Verpflichtung',
    '6(1)(d)': 'DSGVO Art. 6 Abs. 1 Buchst. d: lebenswichtige Interessen',
    '6(1)(e)': 'DSGVO Art. 6 Abs. 1 Buchst. e: öffentliches Interesse oder Ausübung öffentlicher Gewalt',
    '6(1)(f)': 'DSGVO Art. 6 Abs. 1 Buchst. f: berechtigte Interessen',
  },
  ethicsStatuses: {
    approved: 'Von einer Ethikkommission genehmigt',
    pending: 'Prüfung ausstehend',
    not_required: 'Nach nationalem Recht nicht erforderlich',
  },
};
