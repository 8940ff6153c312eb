import type { Translation } from '../i18n/localise';
import type { vocabularyEn } from './vocabulary-strings';

/** Italian labels of the hub's codes (translation of vocabularyEn). */
export const vocabularyIt: Translation<typeof vocabularyEn> = {
  statuses: {
    DRAFT: 'Bozza',
    SUBMITTED: 'Presentata',
    PRE_SCREENING: 'Verifica preliminare',
    PROCESSING: 'In valutazione',
    AWAITING_ADDITIONAL_INFORMATION: 'Informazioni richieste',
    DECISION_ISSUED: 'Decisione adottata',
    WITHDRAWN: 'Ritirata',
  },
  outcomes: {
    GRANTED: 'Accolta',
    PARTIALLY_GRANTED: 'Parzialmente accolta',
    REFUSED: 'Respinta',
    ANSWERED_AS_REQUEST: 'Evasa con statistiche anonimizzate',
  },
  events: {
    create: 'Bozza avviata',
    submit: 'Presentata',
    'start-pre-screening': 'Verifica preliminare avviata',
    'request-information': 'Informazioni richieste',
    'provide-information': 'Informazioni fornite',
    complete: 'Dichiarata completa; valutazione avviata',
    decide: 'Decisione adottata',
    lapse: 'Decaduta: informazioni non fornite in tempo',
    withdraw: 'Ritirata',
    extend: 'Termine per la decisione prorogato',
  },
  clocks: {
    title: 'Termini',
    names: {
      completeness: 'Verifica della completezza',
      decision: 'Decisione',
      'additional-information': 'Risposta del richiedente alla richiesta di informazioni',
      publication: 'Pubblicazione della decisione',
    },
    clock: 'Termine',
    article: 'Base',
    state: 'Stato',
    due: 'Scadenza',
    remaining: 'Tempo residuo',
    states: {
      'not-started': 'Non avviato',
      running: 'In corso',
      paused: 'Sospeso',
      met: 'Rispettato',
      overdue: 'Scaduto',
      stopped: 'Interrotto',
    },
    atRisk: 'A rischio',
    late: 'Rispettato in ritardo',
    daysLeft: '{n} giorni rimanenti',
    oneDayLeft: '1 giorno rimanente',
    dueToday: 'Scade oggi',
    daysOverdue: 'Scaduto da {n} giorni',
    oneDayOverdue: 'Scaduto da 1 giorno',
    pausedLeft: 'Sospeso con {n} giorni rimanenti',
    ours: 'regola dell’hub',
    oursWhat: 'regola dell’hub: {what}',
    nextDue: '{clock}: {due}',
    extended: 'Il termine per la decisione è stato prorogato il {at}: {reason}',
    noClocks: 'Nessun termine è ancora decorso.',
  },
  purposes: {
    PUBLIC_HEALTH: 'Interesse pubblico nel settore della sanità pubblica o della medicina del lavoro',
    POLICY_REGULATION: 'Definizione delle politiche e attività di regolamentazione',
    OFFICIAL_STATISTICS: 'Statistiche ufficiali',
    EDUCATION: 'Istruzione o insegnamento nel settore sanitario o assistenziale',
    SCIENTIFIC_RESEARCH:
      'Ricerca scientifica nel settore sanitario o assistenziale, compreso lo sviluppo di sistemi di IA',
    CARE_IMPROVEMENT: 'Miglioramento dell’assistenza e delle cure',
  },
  purposeLetter: 'art. 53, paragrafo 1, lettera {letter})',
  publicBodyOnly:
    'Le finalità di cui alle lettere da a) a c) sono riservate agli enti pubblici e alle istituzioni dell’UE (art. 53, paragrafo 2). La Sua organizzazione non risulta verificata come tale, pertanto non sono disponibili.',
  prohibited: {
    DETRIMENTAL_DECISIONS:
      'Non userò i dati per prendere decisioni pregiudizievoli nei confronti di una persona o di un gruppo di persone (art. 54, lettera a)).',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'Non userò i dati per escludere persone da assicurazioni, impieghi, crediti o altri servizi, né per modificarne le condizioni (art. 54, lettera b)).',
    ADVERTISING_MARKETING:
      'Non userò i dati per attività pubblicitarie o di marketing (art. 54, lettera c)).',
    HARMFUL_PRODUCTS:
      'Non userò i dati per sviluppare prodotti o servizi nocivi, quali droghe illecite, alcol, tabacco, armi o prodotti concepiti per creare dipendenza (art. 54, lettera d)).',
    AGAINST_NATIONAL_ETHICS_LAW:
      'Non userò i dati per attività in contrasto con le disposizioni etiche del diritto nazionale (art. 54, lettera e)).',
  },
  personRoles: {
    principal_investigator: 'Responsabile scientifico (PI)',
    researcher: 'Ricercatore',
    data_scientist: 'Data scientist',
    student: 'Studente',
    other: 'Altro',
  },
  legalBases: {
    '6(1)(a)': 'GDPR, art. 6, paragrafo 1, lettera a): consenso',
    '6(1)(b)': 'GDPR, art. 6, paragrafo 1, lettera b): contratto',
    '6(1)(c)': 'GDPR, art. 6, paragrafo 1, lettera c): obbligo legale',
    '6(1)(d)': 'GDPR, art. 6, paragrafo 1, lettera d): interessi vitali',
    '6(1)(e)': 'GDPR, art. 6, paragrafo 1, lettera e): interesse pubblico o pubblici poteri',
    '6(1)(f)': 'GDPR, art. 6, paragrafo 1, lettera f): legittimo interesse',
  },
  ethicsStatuses: {
    approved: 'Approvato da un comitato etico',
    pending: 'Valutazione in corso',
    not_required: 'Non richiesto dal diritto nazionale',
  },
};
