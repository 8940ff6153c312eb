import type { Translation } from '../i18n/localise';
import type { pathwayEn } from './strings';

/** German text of the regulatory pathway navigator (translation of pathwayEn). */
export const pathwayDe: Translation<typeof pathwayEn> = {
  nav: 'Regulatorischer Weg',
  title: 'Wegweiser für den regulatorischen Weg',
  intro:
    'Beantworten Sie einige Fragen zu Ihrem Projekt, um die regulatorischen Schritte zu sehen, die es durchläuft: den EHDS-Weg, Datenschutz, die Vorschriften für Medizinprodukte und die KI-Verordnung, wer über jeden Schritt entscheidet und welche Artikel dahinterstehen. Dies ist eine Orientierungshilfe, keine Rechtsberatung.',
  stepOf: 'Schritt {n} von {total}: {group}',
  progress: 'Fortschritt im Fragebogen',
  groups: {
    purpose: 'Zweck',
    route: 'Daten und Weg',
    gdpr: 'Datenschutz',
    device: 'Medizinprodukt',
    ai: 'Künstliche Intelligenz',
    report: 'Bericht zum Weg',
  },
  back: 'Zurück',
  next: 'Weiter',
  showReport: 'Bericht zum Weg anzeigen',
  restart: 'Von vorn beginnen',
  editAnswers: 'Antworten ändern',
  answerAll: 'Beantworten Sie alle Fragen dieses Schritts, um fortzufahren:',
  cites: 'Siehe {refs}',
  loading: 'Fragebogen wird geladen…',
  questions: {
    purpose: 'Zu welchem Zweck sollen die Gesundheitsdaten genutzt werden?',
    publicBody:
      'Ist der Antragsteller eine öffentliche Stelle oder eine Stelle der EU, oder handelt er in deren Auftrag?',
    prohibitedUses: 'Werden die Daten oder Ergebnisse für einen der folgenden Zwecke verwendet?',
    ethicsReview: 'Verlangt das nationale Recht, dass eine Ethikkommission diese Forschung prüft?',
    dataForm: 'Was benötigen Sie aus den Daten?',
    identifiability: 'Genügen anonymisierte Einzeldaten, oder benötigen Sie pseudonymisierte Daten?',
    countries: 'Wo werden die Daten vorgehalten?',
    lawfulBasis: 'Welche Rechtsgrundlage nach DSGVO Art. 6 Abs. 1 gilt für Ihre Verarbeitung?',
    article9: 'Welche Bedingung nach DSGVO Art. 9 Abs. 2 erlaubt die Verarbeitung der Gesundheitsdaten?',
    dpiaCriteria:
      'Welche dieser Merkmale treffen auf die Verarbeitung zu? (Gesundheitsdaten zählen bereits als sensible Daten)',
    deviceSoftware: 'Ist das Produkt, das Sie entwickeln, Software mit medizinischer Zweckbestimmung?',
    softwareFunction: 'Was leistet die Medizinprodukte-Software?',
    decisionImpact:
      'Was könnte eine Entscheidung, die auf den Informationen der Software beruht, im schlimmsten Fall verursachen?',
    vitalParameters:
      'Überwacht sie Vitalparameter, deren Schwankungen eine unmittelbare Gefahr für die Patientin oder den Patienten bedeuten könnten?',
    ivdRisk: 'Was erkennt oder bestimmt die In-vitro-Diagnostik-Software?',
    buildsAi: 'Werden Sie mit den Daten ein KI-System entwickeln, trainieren oder evaluieren?',
    aiPractices: 'Wird das KI-System eines der folgenden Dinge tun?',
    aiAnnexIII: 'Wird das KI-System in einem dieser Bereiche eingesetzt?',
    aiTransparency: 'Wird das KI-System eines der folgenden Dinge tun?',
  },
  hints: {
    prohibitedUses: 'Wählen Sie „Nichts davon“, wenn nichts zutrifft.',
    aiPractices: 'Emotionserkennung aus medizinischen Gründen oder Sicherheitsgründen ist nicht verboten.',
    deviceSoftware:
      'Medizinische Zweckbestimmung: Diagnose, Verhütung, Überwachung, Vorhersage, Prognose, Behandlung oder Linderung von Krankheiten.',
  },
  options: {
    PUBLIC_HEALTH: 'Öffentliche Gesundheit oder Arbeitsschutz (Art. 53 Abs. 1 Buchst. a)',
    POLICY_REGULATION: 'Politikgestaltung und Regulierung (Art. 53 Abs. 1 Buchst. b)',
    OFFICIAL_STATISTICS: 'Amtliche Statistik (Art. 53 Abs. 1 Buchst. c)',
    EDUCATION: 'Bildung oder Lehre (Art. 53 Abs. 1 Buchst. d)',
    SCIENTIFIC_RESEARCH:
      'Wissenschaftliche Forschung, einschl. Produktentwicklung und KI-Training (Art. 53 Abs. 1 Buchst. e)',
    CARE_IMPROVEMENT: 'Verbesserung von Versorgung und Behandlung (Art. 53 Abs. 1 Buchst. f)',
    OTHER: 'Etwas anderes',
    DETRIMENTAL_DECISIONS: 'Entscheidungen zum Nachteil einer Person oder Gruppe (Art. 54 Buchst. a)',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'Entscheidungen über Beschäftigung, Versicherung, Kredite oder sonstige Diskriminierung (Art. 54 Buchst. b)',
    ADVERTISING_MARKETING: 'Werbung oder Marketing (Art. 54 Buchst. c)',
    HARMFUL_PRODUCTS:
      'Schädliche Produkte: Drogen, Alkohol, Tabak, Waffen, suchterzeugende Gestaltung (Art. 54 Buchst. d)',
    AGAINST_NATIONAL_ETHICS_LAW:
      'Tätigkeiten entgegen ethischen Bestimmungen des nationalen Rechts (Art. 54 Buchst. e)',
    none: 'Nichts davon',
    yes: 'Ja',
    no: 'Nein',
    required: 'Ja',
    not_required: 'Nein',
    unknown: 'Ich weiß es nicht',
    statistics:
      'Nur anonymisierte Statistiken (eine Tabelle, eine Anzahl, die Zusammenfassung eines Modells)',
    record_level: 'Zugang zu Einzeldaten in einer sicheren Verarbeitungsumgebung',
    anonymised: 'Anonymisierte Einzeldaten genügen',
    pseudonymised: 'Pseudonymisierte Einzeldaten sind erforderlich',
    one: 'In einem Mitgliedstaat',
    several: 'In mehreren Mitgliedstaaten',
    public_task: 'Öffentliche Aufgabe oder Ausübung öffentlicher Gewalt (Art. 6 Abs. 1 Buchst. e)',
    legitimate_interest: 'Berechtigte Interessen (Art. 6 Abs. 1 Buchst. f)',
    legal_obligation: 'Rechtliche Verpflichtung (Art. 6 Abs. 1 Buchst. c)',
    consent: 'Einwilligung (Art. 6 Abs. 1 Buchst. a)',
    research_statistics: 'Wissenschaftliche Forschung oder Statistik (Art. 9 Abs. 2 Buchst. j)',
    public_health: 'Öffentliches Interesse im Bereich der öffentlichen Gesundheit (Art. 9 Abs. 2 Buchst. i)',
    health_care: 'Gesundheits- oder Sozialversorgung (Art. 9 Abs. 2 Buchst. h)',
    substantial_public_interest:
      'Erhebliches öffentliches Interesse auf gesetzlicher Grundlage (Art. 9 Abs. 2 Buchst. g)',
    explicit_consent: 'Ausdrückliche Einwilligung (Art. 9 Abs. 2 Buchst. a)',
    evaluation_scoring: 'Bewertung oder Scoring von Personen, einschl. Profiling und Vorhersage',
    automated_decision: 'Automatisierte Entscheidungen mit rechtlicher oder ähnlich erheblicher Wirkung',
    systematic_monitoring: 'Systematische Überwachung',
    large_scale:
      'Umfangreiche Verarbeitung (viele Personen, viele Daten, lange Zeiträume oder großes Gebiet)',
    matching_combining: 'Abgleich oder Zusammenführung von Datensätzen',
    vulnerable_subjects: 'Schutzbedürftige Personen (Patientinnen und Patienten, Kinder, Beschäftigte)',
    innovative_technology: 'Neue Technologie, etwa KI oder Genomik',
    prevents_rights: 'Sie hindert Personen an der Ausübung eines Rechts oder der Nutzung eines Dienstes',
    medical_device: 'Ja, ein Medizinprodukt (MDR)',
    ivd: 'Ja, ein In-vitro-Diagnostikum, das aus dem Körper stammende Proben untersucht (IVDR)',
    decision_support: 'Liefert Informationen für diagnostische oder therapeutische Entscheidungen',
    monitoring: 'Überwacht physiologische Prozesse',
    other: 'Etwas anderes',
    death_or_irreversible: 'Tod oder eine irreversible Verschlechterung des Gesundheitszustands',
    serious_or_surgery:
      'Eine schwerwiegende Verschlechterung des Gesundheitszustands oder einen chirurgischen Eingriff',
    rule_1:
      'Übertragbare Erreger in Blut, Geweben oder Organen zur Transfusion oder Transplantation oder lebensbedrohliche übertragbare Erreger',
    rule_3:
      'Krebs, genetische Untersuchungen beim Menschen, therapiebegleitende Diagnostika oder ein anderer Hochrisikomarker',
    subliminal_manipulation: 'Verhaltensmanipulation durch unterschwellige oder täuschende Techniken',
    exploiting_vulnerabilities: 'Ausnutzung von Schwächen aufgrund von Alter, Behinderung oder sozialer Lage',
    social_scoring: 'Social Scoring, das zu ungerechtfertigter Behandlung führt',
    emotion_recognition_work_education:
      'Emotionserkennung am Arbeitsplatz oder in Bildungseinrichtungen, nicht aus medizinischen Gründen oder Sicherheitsgründen',
    biometric_categorisation_sensitive:
      'Ableitung von Rasse, politischen Meinungen, Überzeugungen oder Sexualleben aus biometrischen Daten',
    healthcare_eligibility:
      'Entscheidung über den Anspruch auf öffentliche Gesundheitsdienste oder -leistungen (Anhang III Nr. 5 Buchst. a)',
    emergency_triage:
      'Bewertung von Notrufen, Einsatzdisposition oder Triage von Patienten (Anhang III Nr. 5 Buchst. d)',
    insurance_pricing:
      'Risikobewertung und Preisbildung in der Lebens- oder Krankenversicherung (Anhang III Nr. 5 Buchst. c)',
    biometric_identification: 'Biometrische Fernidentifizierung (Anhang III Nr. 1 Buchst. a)',
    interacts_with_people: 'Interagiert direkt mit Menschen (z. B. ein Chatbot)',
    generates_content: 'Erzeugt synthetische Texte, Bilder, Audio- oder Videoinhalte',
    emotion_or_biometric: 'Erkennt Emotionen oder kategorisiert Personen biometrisch',
  },
  report: {
    title: 'Ihr regulatorischer Weg',
    incomplete: 'Einige Fragen sind noch unbeantwortet: {list}.',
    stoppedTitle: 'Diese Nutzung ist nicht zulässig',
    stops: {
      prohibited_use:
        'Der EHDS verbietet diese Nutzung von Gesundheitsdaten, unabhängig von Weg und Schutzvorkehrungen.',
      not_a_purpose:
        'Der Zweck gehört nicht zur abschließenden Liste des Art. 53 Abs. 1: Eine Sekundärnutzung nach dem EHDS steht dafür nicht zur Verfügung.',
      public_body_only:
        'Dieser Zweck ist öffentlichen Stellen und Stellen der EU oder in deren Auftrag Handelnden vorbehalten.',
      prohibited_ai_practice:
        'Die KI-Verordnung verbietet diese KI-Praktik: Das System darf weder in Verkehr gebracht noch verwendet werden.',
    },
    summary: 'Zusammenfassung',
    route: 'EHDS-Weg',
    routes: {
      data_permit: 'Datengenehmigung (Art. 68)',
      data_request: 'Gesundheitsdatenanfrage (Art. 69)',
    },
    multiCountry: 'Daten in mehreren Mitgliedstaaten: ein einziger Antrag über HealthData@EU',
    dpia: 'Datenschutz-Folgenabschätzung',
    dpias: {
      required: 'Erforderlich',
      not_required: 'Nicht erforderlich (Vorprüfung dokumentieren)',
      not_applicable: 'Nicht anwendbar (anonyme Daten)',
    },
    device: 'Produktklasse',
    noDevice: 'Kein Medizinprodukt',
    deviceClass: '{regulation}, Klasse {class}',
    aiAct: 'KI-Verordnung',
    aiClasses: {
      not_applicable: 'Kein KI-System',
      high_risk_annex_i: 'Hochrisiko: Produkt nach Anhang I (Art. 6 Abs. 1)',
      high_risk_annex_iii: 'Hochrisiko: Bereich nach Anhang III (Art. 6 Abs. 2)',
      transparency: 'Transparenzpflichten (Art. 50)',
      minimal: 'Minimales Risiko',
    },
    steps: 'Schritte in Reihenfolge',
    stepAuthority: 'Bei',
    stepCitations: 'Artikel',
    print: 'Drucken',
    download: 'Als JSON herunterladen',
    save: 'In meinem Konto speichern',
    saveTitle: 'Titel des gespeicherten Berichts',
    saved: 'Gespeichert als „{title}“.',
    signInToSave: 'Melden Sie sich an, um diesen Bericht in Ihrem Konto zu speichern.',
    disclaimer:
      'Nur eine Orientierungshilfe: Es entscheiden die Zugangsstelle für Gesundheitsdaten, die Datenschutzaufsichtsbehörde, die benannten Stellen und die Marktüberwachungsbehörden.',
  },
  authorities: {
    applicant: 'Sie (Verantwortlicher oder Anbieter)',
    hdab: 'Die Zugangsstelle für Gesundheitsdaten des Mitgliedstaats',
    hdabs_healthdata_eu:
      'Die Zugangsstellen für Gesundheitsdaten der einzelnen Mitgliedstaaten, über HealthData@EU',
    data_protection_authority: 'Die Datenschutzaufsichtsbehörde',
    ethics_committee: 'Eine Ethikkommission nach nationalem Recht',
    notified_body_mdr: 'Eine benannte Stelle nach der MDR',
    notified_body_ivdr: 'Eine benannte Stelle nach der IVDR',
    ai_notified_body: 'Eine notifizierte Stelle nach der KI-Verordnung',
    ai_market_surveillance: 'Die Marktüberwachungsbehörde nach der KI-Verordnung',
  },
  stepTitles: {
    ehds_purpose:
      'Den Zweck angeben (Art. 53 Abs. 1 Buchst. {letter}) und erklären, dass keine verbotene Nutzung vorliegt',
    ethics_review: 'Das Votum der Ethikkommission einholen und dem Antrag beifügen',
    gdpr_anonymous: 'Anonyme Daten: Die DSGVO gilt nicht für das, was Sie erhalten',
    gdpr_legal_basis:
      'Die Rechtsgrundlage (Art. 6 Abs. 1 Buchst. {basis}) und die Bedingung nach Art. 9 Abs. 2 Buchst. {condition} dokumentieren',
    dpia: 'Eine Datenschutz-Folgenabschätzung durchführen ({criteria} WP248-Kriterien erfüllt)',
    dpa_prior_consultation:
      'Vor der Verarbeitung die Datenschutzaufsichtsbehörde konsultieren, falls ein hohes Risiko verbleibt',
    dpia_screening: 'Dokumentieren, warum keine DSFA erforderlich ist ({criteria} WP248-Kriterium erfüllt)',
    apply_data_permit:
      'Eine Datengenehmigung beantragen; Entscheidung innerhalb von {months} Monaten (verlängerbar um {extension})',
    apply_data_request: 'Eine Gesundheitsdatenanfrage stellen; Prüfung innerhalb von {months} Monaten',
    access_in_spe:
      'Mit den Daten in der sicheren Verarbeitungsumgebung der Zugangsstelle arbeiten (Daten innerhalb von {months} Monaten nach Eingang)',
    mdr_conformity:
      'MDR-Klasse {class}: Konformitätsbewertung mit einer benannten Stelle, mit klinischer Bewertung',
    mdr_self_declaration:
      'MDR-Klasse {class}: technische Dokumentation und EU-Konformitätserklärung, mit klinischer Bewertung',
    ivdr_conformity:
      'IVDR-Klasse {class}: Konformitätsbewertung mit einer benannten Stelle, mit Leistungsbewertung',
    ai_high_risk_requirements:
      'Die Hochrisiko-Anforderungen erfüllen: Risikomanagement, Daten-Governance, Dokumentation, Protokollierung, menschliche Aufsicht, Genauigkeit; Qualitätsmanagement (ab {appliesFrom})',
    ai_conformity_with_device:
      'Anforderungen der KI-Verordnung werden in der Konformitätsbewertung nach {regulation} geprüft',
    ai_conformity_internal: 'Konformitätsbewertung auf Grundlage einer internen Kontrolle',
    ai_conformity_notified_body:
      'Konformitätsbewertung mit einer notifizierten Stelle nach der KI-Verordnung',
    ai_registration: 'Das System vor dem Inverkehrbringen in der EU-Datenbank registrieren',
    ai_post_market: 'Beobachtung nach dem Inverkehrbringen und Meldung schwerwiegender Vorfälle',
    ai_transparency:
      'Menschen darauf hinweisen, dass sie mit KI interagieren, oder erzeugte Inhalte kennzeichnen',
    ai_minimal: 'KI-Kompetenz des Personals sicherstellen; freiwillige Verhaltenskodizes',
    publish_results:
      'Die Ergebnisse innerhalb von {months} Monaten nach Ende der Verarbeitung veröffentlichen',
  },
  notes: {
    ai_training_is_research:
      'Training, Test und Evaluierung von KI gelten als wissenschaftliche Forschung nach Art. 53 Abs. 1 Buchst. e; prüfen Sie den gewählten Zweck.',
    check_national_law:
      'Klären Sie mit der Zugangsstelle, ob das nationale Recht eine ethische Prüfung verlangt.',
    may_answer_as_request:
      'Wenn anonymisierte Statistiken genügen, kann die Zugangsstelle mit Ihrer Zustimmung wie auf eine Gesundheitsdatenanfrage antworten (Art. 68 Abs. 3).',
    justify_pseudonymised:
      'Begründen Sie, warum anonymisierte Daten nicht genügen (Art. 67 Abs. 2 Buchst. e).',
    legitimate_interest_public_body:
      'Behörden können sich bei der Erfüllung ihrer Aufgaben nicht auf berechtigte Interessen stützen (DSGVO Art. 6 Abs. 1 Unterabs. 2).',
    consent_withdrawable:
      'Eine Einwilligung kann jederzeit widerrufen werden (DSGVO Art. 7 Abs. 3); der EHDS-Weg beruht nicht auf Einwilligung.',
    article9_purpose_mismatch:
      'Die gewählte Bedingung nach Art. 9 Abs. 2 passt in der Regel nicht zu diesem Zweck; prüfen Sie sie.',
    only_if_high_residual_risk:
      'Nur erforderlich, wenn die DSFA ein hohes Risiko zeigt, das Sie nicht eindämmen können (DSGVO Art. 36 Abs. 1).',
    also_annex_iii: 'Das System wird auch in einem Bereich nach Anhang III eingesetzt.',
    article_6_3_derogation:
      'Kein Hochrisiko, wenn es kein erhebliches Risiko birgt und kein Profiling vornimmt: Dokumentieren Sie dies (Art. 6 Abs. 3).',
    fundamental_rights_impact:
      'Betreiber, die Behörden sind, führen zuvor eine Grundrechte-Folgenabschätzung durch (Art. 27).',
    device_without_notified_body:
      'Ein Produkt der Klasse I benötigt keine benannte Stelle; Art. 6 Abs. 1 macht die KI daher nicht zu einem Hochrisiko-System.',
  },
  instruments: {
    EHDS: 'EHDS-Verordnung (EU) 2025/327',
    GDPR: 'DSGVO (EU) 2016/679',
    'AI Act': 'KI-Verordnung (EU) 2024/1689',
    MDR: 'MDR (EU) 2017/745',
    IVDR: 'IVDR (EU) 2017/746',
    'EDPB WP248': 'DSFA-Leitlinien WP248 rev.01 (EDSA)',
  },
};
