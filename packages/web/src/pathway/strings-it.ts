import type { Translation } from '../i18n/localise';
import type { pathwayEn } from './strings';

/** Italian text of the regulatory pathway navigator (translation of pathwayEn). */
export const pathwayIt: Translation<typeof pathwayEn> = {
  nav: 'Percorso regolatorio',
  title: 'Navigatore del percorso regolatorio',
  intro:
    'Risponda ad alcune domande sul Suo progetto per vedere le tappe regolatorie che comporta: il percorso EHDS, la protezione dei dati, le norme sui dispositivi medici e il regolamento sull’IA, chi decide ogni tappa e gli articoli di riferimento. Si tratta di un orientamento, non di una consulenza legale.',
  stepOf: 'Passaggio {n} di {total}: {group}',
  progress: 'Avanzamento del questionario',
  groups: {
    purpose: 'Finalità',
    route: 'Dati e percorso',
    gdpr: 'Protezione dei dati',
    device: 'Dispositivo medico',
    ai: 'Intelligenza artificiale',
    report: 'Rapporto sul percorso',
  },
  back: 'Indietro',
  next: 'Avanti',
  showReport: 'Vedi il rapporto sul percorso',
  restart: 'Ricomincia',
  editAnswers: 'Modifica le risposte',
  answerAll: 'Risponda a tutte le domande di questo passaggio per proseguire:',
  cites: 'Vedi {refs}',
  loading: 'Caricamento del questionario…',
  questions: {
    purpose: 'Qual è la finalità dell’uso dei dati sanitari?',
    publicBody:
      'Il richiedente è un ente pubblico o un organismo dell’UE, oppure agisce per conto di uno di essi?',
    prohibitedUses: 'I dati o i risultati saranno usati per uno dei seguenti scopi?',
    ethicsReview: 'Il diritto nazionale richiede che un comitato etico valuti questa ricerca?',
    dataForm: 'Che cosa Le serve dai dati?',
    identifiability: 'Sono sufficienti record anonimizzati o servono dati pseudonimizzati?',
    countries: 'Dove sono detenuti i dati?',
    lawfulBasis:
      'Quale base giuridica ai sensi dell’art. 6, paragrafo 1, del GDPR si applica al trattamento?',
    article9:
      'Quale condizione dell’art. 9, paragrafo 2, del GDPR consente il trattamento dei dati sanitari?',
    dpiaCriteria:
      'Quali di queste caratteristiche descrivono il trattamento? (i dati sanitari contano già come dati sensibili)',
    deviceSoftware: 'Il prodotto che sviluppa è un software con una destinazione d’uso medica?',
    softwareFunction: 'Che cosa fa il software dispositivo medico?',
    decisionImpact:
      'Nel caso peggiore, che cosa potrebbe causare una decisione basata sulle informazioni del software?',
    vitalParameters:
      'Monitora parametri vitali le cui variazioni potrebbero indicare un pericolo immediato per il paziente?',
    ivdRisk: 'Che cosa rileva o determina il software diagnostico in vitro?',
    buildsAi: 'Svilupperà, addestrerà o valuterà un sistema di IA con i dati?',
    aiPractices: 'Il sistema di IA farà una delle cose seguenti?',
    aiAnnexIII: 'Il sistema di IA sarà usato in uno di questi ambiti?',
    aiTransparency: 'Il sistema di IA farà una di queste cose?',
  },
  hints: {
    prohibitedUses: 'Scelga “Nessuna di queste” se nessuna si applica.',
    aiPractices: 'Il riconoscimento delle emozioni per motivi medici o di sicurezza non è vietato.',
    deviceSoftware:
      'Destinazione medica: diagnosi, prevenzione, monitoraggio, previsione, prognosi, trattamento o attenuazione di malattie.',
  },
  options: {
    PUBLIC_HEALTH: 'Sanità pubblica o medicina del lavoro (art. 53, paragrafo 1, lettera a))',
    POLICY_REGULATION: 'Definizione delle politiche e regolamentazione (art. 53, paragrafo 1, lettera b))',
    OFFICIAL_STATISTICS: 'Statistiche ufficiali (art. 53, paragrafo 1, lettera c))',
    EDUCATION: 'Istruzione o insegnamento (art. 53, paragrafo 1, lettera d))',
    SCIENTIFIC_RESEARCH:
      'Ricerca scientifica, compresi lo sviluppo di prodotti e l’addestramento di IA (art. 53, paragrafo 1, lettera e))',
    CARE_IMPROVEMENT: 'Miglioramento dell’assistenza e delle cure (art. 53, paragrafo 1, lettera f))',
    OTHER: 'Altro',
    DETRIMENTAL_DECISIONS: 'Decisioni pregiudizievoli per una persona o un gruppo (art. 54, lettera a))',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'Decisioni su lavoro, assicurazioni, credito o altre forme di discriminazione (art. 54, lettera b))',
    ADVERTISING_MARKETING: 'Pubblicità o marketing (art. 54, lettera c))',
    HARMFUL_PRODUCTS:
      'Prodotti nocivi: droghe, alcol, tabacco, armi, design che crea dipendenza (art. 54, lettera d))',
    AGAINST_NATIONAL_ETHICS_LAW:
      'Attività contrarie alle disposizioni etiche del diritto nazionale (art. 54, lettera e))',
    none: 'Nessuna di queste',
    yes: 'Sì',
    no: 'No',
    required: 'Sì',
    not_required: 'No',
    unknown: 'Non lo so',
    statistics: 'Solo statistiche anonimizzate (una tabella, un conteggio, la sintesi di un modello)',
    record_level: 'Accesso a dati a livello individuale in un ambiente di trattamento sicuro',
    anonymised: 'Sono sufficienti record anonimizzati',
    pseudonymised: 'Servono record pseudonimizzati',
    one: 'In un solo Stato membro',
    several: 'In più Stati membri',
    public_task:
      'Esecuzione di un compito di interesse pubblico o esercizio di pubblici poteri (art. 6, paragrafo 1, lettera e))',
    legitimate_interest: 'Legittimo interesse (art. 6, paragrafo 1, lettera f))',
    legal_obligation: 'Obbligo legale (art. 6, paragrafo 1, lettera c))',
    consent: 'Consenso (art. 6, paragrafo 1, lettera a))',
    research_statistics: 'Ricerca scientifica o fini statistici (art. 9, paragrafo 2, lettera j))',
    public_health: 'Interesse pubblico nel settore della sanità pubblica (art. 9, paragrafo 2, lettera i))',
    health_care: 'Assistenza sanitaria o sociale (art. 9, paragrafo 2, lettera h))',
    substantial_public_interest:
      'Interesse pubblico rilevante sulla base del diritto (art. 9, paragrafo 2, lettera g))',
    explicit_consent: 'Consenso esplicito (art. 9, paragrafo 2, lettera a))',
    evaluation_scoring:
      'Valutazione o assegnazione di punteggi a persone, compresi profilazione e previsione',
    automated_decision: 'Decisioni automatizzate con effetti giuridici o analogamente significativi',
    systematic_monitoring: 'Monitoraggio sistematico',
    large_scale: 'Larga scala (molte persone, molti dati, lunghi periodi o ampia area geografica)',
    matching_combining: 'Corrispondenza o combinazione di set di dati',
    vulnerable_subjects: 'Persone vulnerabili (pazienti, minori, dipendenti)',
    innovative_technology: 'Nuove tecnologie, come l’IA o la genomica',
    prevents_rights: 'Impedisce alle persone di esercitare un diritto o di usufruire di un servizio',
    medical_device: 'Sì, un dispositivo medico (MDR)',
    ivd: 'Sì, un dispositivo diagnostico in vitro che esamina campioni provenienti dal corpo umano (IVDR)',
    decision_support: 'Fornisce informazioni usate per decisioni diagnostiche o terapeutiche',
    monitoring: 'Monitora processi fisiologici',
    other: 'Altro',
    death_or_irreversible: 'Il decesso o un deterioramento irreversibile dello stato di salute',
    serious_or_surgery: 'Un grave deterioramento dello stato di salute o un intervento chirurgico',
    rule_1:
      'Agenti trasmissibili nel sangue, nei tessuti o negli organi destinati a trasfusione o trapianto, oppure agenti trasmissibili potenzialmente letali',
    rule_3:
      'Cancro, test genetici umani, test diagnostici di accompagnamento o un altro marcatore ad alto rischio',
    subliminal_manipulation: 'Manipolare il comportamento con tecniche subliminali o ingannevoli',
    exploiting_vulnerabilities:
      'Sfruttare vulnerabilità dovute all’età, alla disabilità o alla situazione sociale',
    social_scoring: 'Punteggio sociale che porta a un trattamento ingiustificato',
    emotion_recognition_work_education:
      'Riconoscere le emozioni sul luogo di lavoro o nell’istruzione, non per motivi medici o di sicurezza',
    biometric_categorisation_sensitive:
      'Dedurre razza, opinioni politiche, convinzioni o vita sessuale da dati biometrici',
    healthcare_eligibility:
      'Decidere l’ammissibilità a servizi o prestazioni di assistenza sanitaria pubblica (allegato III, punto 5, lettera a))',
    emergency_triage:
      'Valutazione delle chiamate di emergenza, invio dei soccorsi o triage dei pazienti (allegato III, punto 5, lettera d))',
    insurance_pricing:
      'Valutazione dei rischi e determinazione dei prezzi nelle assicurazioni sulla vita o sanitarie (allegato III, punto 5, lettera c))',
    biometric_identification: 'Identificazione biometrica remota (allegato III, punto 1, lettera a))',
    interacts_with_people: 'Interagisce direttamente con le persone (ad es. un chatbot)',
    generates_content: 'Genera testo, immagini, audio o video sintetici',
    emotion_or_biometric: 'Riconosce emozioni o classifica le persone su base biometrica',
  },
  report: {
    title: 'Il Suo percorso regolatorio',
    incomplete: 'Alcune domande sono ancora senza risposta: {list}.',
    stoppedTitle: 'Questo uso non può essere consentito',
    stops: {
      prohibited_use:
        'L’EHDS vieta questo uso dei dati sanitari, indipendentemente dal percorso o dalle garanzie.',
      not_a_purpose:
        'La finalità non rientra nell’elenco tassativo dell’art. 53, paragrafo 1: l’uso secondario ai sensi dell’EHDS non è disponibile.',
      public_body_only:
        'Questa finalità è riservata agli enti pubblici e agli organismi dell’UE, o a chi agisce per loro conto.',
      prohibited_ai_practice:
        'Il regolamento sull’IA vieta questa pratica di IA: il sistema non può essere immesso sul mercato né utilizzato.',
    },
    summary: 'Sintesi',
    route: 'Percorso EHDS',
    routes: {
      data_permit: 'Autorizzazione ai dati (art. 68)',
      data_request: 'Richiesta di dati sanitari (art. 69)',
    },
    multiCountry: 'Dati in più Stati membri: un’unica domanda tramite HealthData@EU',
    dpia: 'Valutazione d’impatto sulla protezione dei dati',
    dpias: {
      required: 'Necessaria',
      not_required: 'Non necessaria (documenti la verifica preliminare)',
      not_applicable: 'Non applicabile (dati anonimi)',
    },
    device: 'Classe del dispositivo',
    noDevice: 'Non è un dispositivo medico',
    deviceClass: '{regulation}, classe {class}',
    aiAct: 'Regolamento sull’IA',
    aiClasses: {
      not_applicable: 'Nessun sistema di IA',
      high_risk_annex_i: 'Alto rischio: dispositivo di cui all’allegato I (art. 6, paragrafo 1)',
      high_risk_annex_iii: 'Alto rischio: ambito dell’allegato III (art. 6, paragrafo 2)',
      transparency: 'Obblighi di trasparenza (art. 50)',
      minimal: 'Rischio minimo',
    },
    steps: 'Tappe, in ordine',
    stepAuthority: 'Presso',
    stepCitations: 'Articoli',
    print: 'Stampa',
    download: 'Scarica in formato JSON',
    save: 'Salva nel mio account',
    saveTitle: 'Titolo del rapporto salvato',
    saved: 'Salvato come “{title}”.',
    signInToSave: 'Acceda per salvare questo rapporto nel Suo account.',
    disclaimer:
      'Solo a titolo orientativo: decidono l’HDAB, l’autorità di protezione dei dati, gli organismi notificati e le autorità di vigilanza del mercato.',
  },
  authorities: {
    applicant: 'Lei (titolare del trattamento o fornitore)',
    hdab: 'L’organismo responsabile dell’accesso ai dati sanitari dello Stato membro',
    hdabs_healthdata_eu: 'Gli HDAB di ciascuno Stato membro, tramite HealthData@EU',
    data_protection_authority: 'L’autorità di protezione dei dati',
    ethics_committee: 'Un comitato etico ai sensi del diritto nazionale',
    notified_body_mdr: 'Un organismo notificato ai sensi del MDR',
    notified_body_ivdr: 'Un organismo notificato ai sensi dell’IVDR',
    ai_notified_body: 'Un organismo notificato ai sensi del regolamento sull’IA',
    ai_market_surveillance: 'L’autorità di vigilanza del mercato ai sensi del regolamento sull’IA',
  },
  stepTitles: {
    ehds_purpose:
      'Dichiari la finalità (art. 53, paragrafo 1, lettera {letter})) e che non ricorre alcun uso vietato',
    ethics_review: 'Ottenga l’approvazione del comitato etico e la alleghi alla domanda',
    gdpr_anonymous: 'Dati anonimi: il GDPR non si applica a ciò che riceve',
    gdpr_legal_basis:
      'Documenti la base giuridica (art. 6, paragrafo 1, lettera {basis})) e la condizione dell’art. 9, paragrafo 2, lettera {condition})',
    dpia: 'Effettui una valutazione d’impatto sulla protezione dei dati (criteri WP248 soddisfatti: {criteria})',
    dpa_prior_consultation:
      'Consulti l’autorità di protezione dei dati prima del trattamento, se permane un rischio elevato',
    dpia_screening: 'Documenti perché non è necessaria una DPIA (criteri WP248 soddisfatti: {criteria})',
    apply_data_permit:
      'Presenti domanda di autorizzazione ai dati; decisione entro {months} mesi (prorogabile di {extension})',
    apply_data_request: 'Presenti una richiesta di dati sanitari; valutazione entro {months} mesi',
    access_in_spe:
      'Lavori con i dati nell’ambiente di trattamento sicuro dell’HDAB (dati entro {months} mesi dal ricevimento)',
    mdr_conformity:
      'MDR, classe {class}: valutazione della conformità con un organismo notificato, con valutazione clinica',
    mdr_self_declaration:
      'MDR, classe {class}: documentazione tecnica e dichiarazione di conformità UE, con valutazione clinica',
    ivdr_conformity:
      'IVDR, classe {class}: valutazione della conformità con un organismo notificato, con valutazione delle prestazioni',
    ai_high_risk_requirements:
      'Soddisfi i requisiti per l’alto rischio: gestione dei rischi, governance dei dati, documentazione, registrazione degli eventi, sorveglianza umana, accuratezza; sistema di gestione della qualità (dal {appliesFrom})',
    ai_conformity_with_device:
      'Requisiti del regolamento sull’IA valutati nell’ambito della valutazione della conformità {regulation}',
    ai_conformity_internal: 'Valutazione della conformità basata sul controllo interno',
    ai_conformity_notified_body:
      'Valutazione della conformità con un organismo notificato ai sensi del regolamento sull’IA',
    ai_registration: 'Registri il sistema nella banca dati dell’UE prima di immetterlo sul mercato',
    ai_post_market: 'Monitoraggio successivo all’immissione sul mercato e segnalazione degli incidenti gravi',
    ai_transparency: 'Informi le persone che interagiscono con un’IA, o marchi i contenuti generati',
    ai_minimal: 'Garantisca l’alfabetizzazione in materia di IA del personale; codici di condotta volontari',
    publish_results: 'Pubblichi i risultati entro {months} mesi dalla fine del trattamento',
  },
  notes: {
    ai_training_is_research:
      'L’addestramento, la prova e la valutazione di sistemi di IA rientrano nella ricerca scientifica ai sensi dell’art. 53, paragrafo 1, lettera e); verifichi la finalità scelta.',
    check_national_law: 'Verifichi con l’HDAB se il diritto nazionale richiede una valutazione etica.',
    may_answer_as_request:
      'Se bastano statistiche anonimizzate, l’HDAB può trattare il caso come richiesta di dati, con il Suo consenso (art. 68, paragrafo 3).',
    justify_pseudonymised:
      'Spieghi perché i dati anonimizzati non sono sufficienti (art. 67, paragrafo 2, lettera e)).',
    legitimate_interest_public_body:
      'Le autorità pubbliche non possono invocare il legittimo interesse per lo svolgimento dei loro compiti (art. 6, paragrafo 1, secondo comma, del GDPR).',
    consent_withdrawable:
      'Il consenso può essere revocato in qualsiasi momento (art. 7, paragrafo 3, del GDPR); il percorso EHDS non si basa sul consenso.',
    article9_purpose_mismatch:
      'La condizione dell’art. 9, paragrafo 2, scelta di norma non si adatta a questa finalità; la verifichi.',
    only_if_high_residual_risk:
      'Necessaria solo se la DPIA evidenzia un rischio elevato che non può essere attenuato (art. 36, paragrafo 1, del GDPR).',
    also_annex_iii: 'Il sistema è usato anche in un ambito dell’allegato III.',
    article_6_3_derogation:
      'Non è ad alto rischio se non presenta un rischio significativo e non effettua profilazione: lo documenti (art. 6, paragrafo 3).',
    fundamental_rights_impact:
      'I deployer che sono autorità pubbliche effettuano prima una valutazione d’impatto sui diritti fondamentali (art. 27).',
    device_without_notified_body:
      'Un dispositivo di classe I non richiede un organismo notificato, quindi l’art. 6, paragrafo 1, non rende l’IA ad alto rischio.',
  },
  instruments: {
    EHDS: 'Regolamento EHDS (UE) 2025/327',
    GDPR: 'GDPR (UE) 2016/679',
    'AI Act': 'Regolamento sull’IA (UE) 2024/1689',
    MDR: 'MDR (UE) 2017/745',
    IVDR: 'IVDR (UE) 2017/746',
    'EDPB WP248': 'Linee guida sulla DPIA WP248 rev.01 (EDPB)',
  },
};
