import type { Translation } from '../i18n/localise';
import type { pathwayEn } from './strings';

/** French text of the regulatory pathway navigator (translation of pathwayEn). */
export const pathwayFr: Translation<typeof pathwayEn> = {
  nav: 'Parcours réglementaire',
  title: 'Navigateur de parcours réglementaire',
  intro:
    'Répondez à quelques questions sur votre projet pour voir les étapes réglementaires qu’il doit franchir : la voie prévue par l’EHDS, la protection des données, les règles relatives aux dispositifs médicaux et au règlement sur l’IA, qui décide à chaque étape, et les articles correspondants. Il s’agit d’une orientation, non d’un conseil juridique.',
  stepOf: 'Étape {n} sur {total} : {group}',
  progress: 'Progression du questionnaire',
  groups: {
    purpose: 'Finalité',
    route: 'Données et voie d’accès',
    gdpr: 'Protection des données',
    device: 'Dispositif médical',
    ai: 'Intelligence artificielle',
    report: 'Rapport de parcours',
  },
  back: 'Retour',
  next: 'Suivant',
  showReport: 'Voir le rapport de parcours',
  restart: 'Recommencer',
  editAnswers: 'Modifier les réponses',
  answerAll: 'Répondez à toutes les questions de cette étape pour continuer :',
  cites: 'Voir {refs}',
  loading: 'Chargement du questionnaire…',
  questions: {
    purpose: 'Quelle est la finalité de l’utilisation des données de santé ?',
    publicBody:
      'Le demandeur est-il un organisme du secteur public ou un organe de l’Union, ou agit-il pour le compte de l’un d’eux ?',
    prohibitedUses: 'Les données ou les résultats serviront-ils à l’un des usages suivants ?',
    ethicsReview: 'Le droit national exige-t-il l’examen de cette recherche par un comité d’éthique ?',
    dataForm: 'De quoi avez-vous besoin à partir des données ?',
    identifiability:
      'Des enregistrements anonymisés suffiront-ils, ou avez-vous besoin de données pseudonymisées ?',
    countries: 'Où les données sont-elles détenues ?',
    lawfulBasis: 'Quelle base juridique de l’art. 6, paragraphe 1, du RGPD s’applique à votre traitement ?',
    article9:
      'Quelle condition de l’art. 9, paragraphe 2, du RGPD permet le traitement des données de santé ?',
    dpiaCriteria:
      'Lesquels de ces critères décrivent le traitement ? (les données de santé comptent déjà comme données sensibles)',
    deviceSoftware: 'Le produit que vous développez est-il un logiciel ayant une destination médicale ?',
    softwareFunction: 'Que fait le logiciel dispositif médical ?',
    decisionImpact:
      'Quelle serait, au pire, la conséquence d’une décision fondée sur les informations fournies par le logiciel ?',
    vitalParameters:
      'Surveille-t-il des paramètres vitaux dont les variations pourraient signifier un danger immédiat pour le patient ?',
    ivdRisk: 'Que détecte ou détermine le logiciel de diagnostic in vitro ?',
    buildsAi: 'Allez-vous développer, entraîner ou évaluer un système d’IA avec les données ?',
    aiPractices: 'Le système d’IA fera-t-il l’une des choses suivantes ?',
    aiAnnexIII: 'Le système d’IA sera-t-il utilisé dans l’un de ces domaines ?',
    aiTransparency: 'Le système d’IA fera-t-il l’une de ces choses ?',
  },
  hints: {
    prohibitedUses: 'Choisissez « Aucun de ces usages » si aucun ne s’applique.',
    aiPractices:
      'La reconnaissance des émotions pour des raisons médicales ou de sécurité n’est pas interdite.',
    deviceSoftware:
      'Destination médicale : diagnostic, prévention, contrôle, prédiction, pronostic, traitement ou atténuation d’une maladie.',
  },
  options: {
    PUBLIC_HEALTH: 'Santé publique ou santé au travail (art. 53, paragraphe 1, point a))',
    POLICY_REGULATION: 'Élaboration des politiques et réglementation (art. 53, paragraphe 1, point b))',
    OFFICIAL_STATISTICS: 'Statistiques officielles (art. 53, paragraphe 1, point c))',
    EDUCATION: 'Éducation ou enseignement (art. 53, paragraphe 1, point d))',
    SCIENTIFIC_RESEARCH:
      'Recherche scientifique, y compris le développement de produits et l’entraînement de l’IA (art. 53, paragraphe 1, point e))',
    CARE_IMPROVEMENT: 'Amélioration des soins et des traitements (art. 53, paragraphe 1, point f))',
    OTHER: 'Autre chose',
    DETRIMENTAL_DECISIONS: 'Décisions préjudiciables à une personne ou à un groupe (art. 54, point a))',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'Décisions en matière d’emploi, d’assurance, de crédit ou autre discrimination (art. 54, point b))',
    ADVERTISING_MARKETING: 'Publicité ou marketing (art. 54, point c))',
    HARMFUL_PRODUCTS:
      'Produits nocifs : drogues, alcool, tabac, armes, conceptions suscitant une dépendance (art. 54, point d))',
    AGAINST_NATIONAL_ETHICS_LAW:
      'Activités contraires aux dispositions éthiques du droit national (art. 54, point e))',
    none: 'Aucun de ces usages',
    yes: 'Oui',
    no: 'Non',
    required: 'Oui',
    not_required: 'Non',
    unknown: 'Je ne sais pas',
    statistics: 'Statistiques anonymisées uniquement (un tableau, un effectif, le résumé d’un modèle)',
    record_level: 'Accès à des données individuelles dans un environnement de traitement sécurisé',
    anonymised: 'Des enregistrements anonymisés suffiront',
    pseudonymised: 'Des enregistrements pseudonymisés sont nécessaires',
    one: 'Dans un seul État membre',
    several: 'Dans plusieurs États membres',
    public_task:
      'Mission d’intérêt public ou exercice de l’autorité publique (art. 6, paragraphe 1, point e))',
    legitimate_interest: 'Intérêts légitimes (art. 6, paragraphe 1, point f))',
    legal_obligation: 'Obligation légale (art. 6, paragraphe 1, point c))',
    consent: 'Consentement (art. 6, paragraphe 1, point a))',
    research_statistics: 'Recherche scientifique ou fins statistiques (art. 9, paragraphe 2, point j))',
    public_health: 'Intérêt public dans le domaine de la santé publique (art. 9, paragraphe 2, point i))',
    health_care: 'Soins de santé ou protection sociale (art. 9, paragraphe 2, point h))',
    substantial_public_interest:
      'Intérêt public important sur la base du droit (art. 9, paragraphe 2, point g))',
    explicit_consent: 'Consentement explicite (art. 9, paragraphe 2, point a))',
    evaluation_scoring: 'Évaluation ou notation de personnes, y compris profilage et prédiction',
    automated_decision: 'Décisions automatisées produisant des effets juridiques ou similaires significatifs',
    systematic_monitoring: 'Surveillance systématique',
    large_scale: 'Grande échelle (nombreuses personnes, volume de données, longues périodes ou vaste zone)',
    matching_combining: 'Croisement ou combinaison de jeux de données',
    vulnerable_subjects: 'Personnes vulnérables (patients, enfants, salariés)',
    innovative_technology: 'Technologie nouvelle, telle que l’IA ou la génomique',
    prevents_rights: 'Le traitement empêche des personnes d’exercer un droit ou de bénéficier d’un service',
    medical_device: 'Oui, un dispositif médical (MDR)',
    ivd: 'Oui, un dispositif de diagnostic in vitro qui examine des échantillons provenant du corps humain (IVDR)',
    decision_support: 'Fournit des informations utilisées pour des décisions diagnostiques ou thérapeutiques',
    monitoring: 'Contrôle des processus physiologiques',
    other: 'Autre chose',
    death_or_irreversible: 'Le décès ou une détérioration irréversible de l’état de santé',
    serious_or_surgery: 'Une détérioration grave de l’état de santé ou une intervention chirurgicale',
    rule_1:
      'Agents transmissibles dans le sang, les tissus ou les organes destinés à la transfusion ou à la transplantation, ou agents transmissibles potentiellement mortels',
    rule_3: 'Cancer, test génétique humain, diagnostic compagnon ou autre marqueur à haut risque',
    subliminal_manipulation: 'Manipulation du comportement par des techniques subliminales ou trompeuses',
    exploiting_vulnerabilities:
      'Exploitation de vulnérabilités liées à l’âge, au handicap ou à la situation sociale',
    social_scoring: 'Notation sociale entraînant un traitement injustifié',
    emotion_recognition_work_education:
      'Reconnaissance des émotions sur le lieu de travail ou dans l’enseignement, hors raisons médicales ou de sécurité',
    biometric_categorisation_sensitive:
      'Déduction de la race, des opinions politiques, des convictions ou de la vie sexuelle à partir de données biométriques',
    healthcare_eligibility:
      'Décision sur l’éligibilité aux services ou prestations de soins publics (annexe III, point 5 a))',
    emergency_triage:
      'Évaluation des appels d’urgence, répartition des secours ou triage des patients (annexe III, point 5 d))',
    insurance_pricing:
      'Évaluation des risques et tarification en assurance vie ou maladie (annexe III, point 5 c))',
    biometric_identification: 'Identification biométrique à distance (annexe III, point 1 a))',
    interacts_with_people: 'Interagit directement avec des personnes (p. ex. un agent conversationnel)',
    generates_content: 'Génère du texte, des images, de l’audio ou de la vidéo de synthèse',
    emotion_or_biometric:
      'Reconnaît les émotions ou catégorise les personnes à partir de données biométriques',
  },
  report: {
    title: 'Votre parcours réglementaire',
    incomplete: 'Certaines questions restent sans réponse : {list}.',
    stoppedTitle: 'Cette utilisation ne peut pas avoir lieu',
    stops: {
      prohibited_use:
        'L’EHDS interdit cette utilisation des données de santé, quelles que soient la voie d’accès ou les garanties.',
      not_a_purpose:
        'La finalité ne figure pas sur la liste fermée de l’art. 53, paragraphe 1 : l’utilisation secondaire au titre de l’EHDS n’est pas possible pour celle-ci.',
      public_body_only:
        'Cette finalité est réservée aux organismes du secteur public et aux organes de l’Union, ou à ceux qui agissent pour leur compte.',
      prohibited_ai_practice:
        'Le règlement sur l’IA interdit cette pratique : le système ne peut être ni mis sur le marché ni utilisé.',
    },
    summary: 'Synthèse',
    route: 'Voie d’accès au titre de l’EHDS',
    routes: {
      data_permit: 'Autorisation de traitement de données (art. 68)',
      data_request: 'Demande de données de santé (art. 69)',
    },
    multiCountry: 'Données dans plusieurs États membres : une seule demande via HealthData@EU',
    dpia: 'Analyse d’impact relative à la protection des données (AIPD)',
    dpias: {
      required: 'Requise',
      not_required: 'Non requise (consigner l’analyse préalable)',
      not_applicable: 'Sans objet (données anonymes)',
    },
    device: 'Classe du dispositif',
    noDevice: 'Pas un dispositif médical',
    deviceClass: 'Classe {class} ({regulation})',
    aiAct: 'Règlement sur l’IA',
    aiClasses: {
      not_applicable: 'Pas de système d’IA',
      high_risk_annex_i: 'Haut risque : dispositif relevant de l’annexe I (art. 6, paragraphe 1)',
      high_risk_annex_iii: 'Haut risque : domaine de l’annexe III (art. 6, paragraphe 2)',
      transparency: 'Obligations de transparence (art. 50)',
      minimal: 'Risque minimal',
    },
    steps: 'Étapes, dans l’ordre',
    stepAuthority: 'Auprès de',
    stepCitations: 'Articles',
    print: 'Imprimer',
    download: 'Télécharger en JSON',
    save: 'Enregistrer dans mon compte',
    saveTitle: 'Titre du rapport enregistré',
    saved: 'Enregistré sous « {title} ».',
    signInToSave: 'Connectez-vous pour enregistrer ce rapport dans votre compte.',
    disclaimer:
      'Orientation uniquement : ce sont l’organisme d’accès, l’autorité de protection des données, les organismes notifiés et les autorités de surveillance du marché qui décident.',
  },
  authorities: {
    applicant: 'Vous (le responsable du traitement ou le fournisseur)',
    hdab: 'L’organisme responsable de l’accès aux données de santé de l’État membre',
    hdabs_healthdata_eu:
      'Les organismes responsables de l’accès aux données de santé de chaque État membre, via HealthData@EU',
    data_protection_authority: 'L’autorité de protection des données',
    ethics_committee: 'Un comité d’éthique prévu par le droit national',
    notified_body_mdr: 'Un organisme notifié au titre du MDR',
    notified_body_ivdr: 'Un organisme notifié au titre de l’IVDR',
    ai_notified_body: 'Un organisme notifié au titre du règlement sur l’IA',
    ai_market_surveillance: 'L’autorité de surveillance du marché au titre du règlement sur l’IA',
  },
  stepTitles: {
    ehds_purpose:
      'Déclarer la finalité (art. 53, paragraphe 1, point {letter})) et qu’aucune utilisation interdite ne s’applique',
    ethics_review: 'Obtenir l’avis favorable du comité d’éthique et le joindre à la demande',
    gdpr_anonymous: 'Données anonymes : le RGPD ne s’applique pas à ce que vous recevez',
    gdpr_legal_basis:
      'Documenter la base juridique (art. 6, paragraphe 1, point {basis})) et la condition de l’art. 9, paragraphe 2, point {condition})',
    dpia: 'Réaliser une analyse d’impact relative à la protection des données ({criteria} critères WP248 remplis)',
    dpa_prior_consultation:
      'Consulter l’autorité de protection des données avant le traitement, si un risque élevé subsiste',
    dpia_screening: 'Consigner pourquoi aucune AIPD n’est nécessaire ({criteria} critère WP248 rempli)',
    apply_data_permit:
      'Demander une autorisation de traitement de données ; décision sous {months} mois (prolongeable de {extension})',
    apply_data_request: 'Soumettre une demande de données de santé ; évaluation sous {months} mois',
    access_in_spe:
      'Travailler sur les données dans l’environnement de traitement sécurisé de l’organisme d’accès (données disponibles sous {months} mois après réception)',
    mdr_conformity:
      'MDR, classe {class} : évaluation de la conformité avec un organisme notifié, avec évaluation clinique',
    mdr_self_declaration:
      'MDR, classe {class} : documentation technique et déclaration de conformité UE, avec évaluation clinique',
    ivdr_conformity:
      'IVDR, classe {class} : évaluation de la conformité avec un organisme notifié, avec évaluation des performances',
    ai_high_risk_requirements:
      'Satisfaire aux exigences applicables aux systèmes à haut risque : gestion des risques, gouvernance des données, documentation, journalisation, contrôle humain, exactitude ; système de gestion de la qualité (à partir du {appliesFrom})',
    ai_conformity_with_device:
      'Exigences du règlement sur l’IA évaluées dans le cadre de l’évaluation de la conformité au titre du {regulation}',
    ai_conformity_internal: 'Évaluation de la conformité fondée sur le contrôle interne',
    ai_conformity_notified_body:
      'Évaluation de la conformité avec un organisme notifié au titre du règlement sur l’IA',
    ai_registration: 'Enregistrer le système dans la base de données de l’UE avant sa mise sur le marché',
    ai_post_market: 'Surveillance après commercialisation et signalement des incidents graves',
    ai_transparency:
      'Informer les personnes qu’elles interagissent avec une IA, ou marquer le contenu généré',
    ai_minimal: 'Assurer la maîtrise de l’IA par le personnel ; codes de conduite volontaires',
    publish_results: 'Publier les résultats dans les {months} mois suivant la fin du traitement',
  },
  notes: {
    ai_training_is_research:
      'L’entraînement, la mise à l’essai et l’évaluation de l’IA relèvent de la recherche scientifique au sens de l’art. 53, paragraphe 1, point e) ; vérifiez la finalité choisie.',
    check_national_law:
      'Vérifiez auprès de l’organisme d’accès si le droit national exige un examen éthique.',
    may_answer_as_request:
      'Si des statistiques anonymisées suffisent, l’organisme d’accès peut répondre comme à une demande de données, avec votre accord (art. 68, paragraphe 3).',
    justify_pseudonymised:
      'Expliquez pourquoi des données anonymisées ne suffiraient pas (art. 67, paragraphe 2, point e)).',
    legitimate_interest_public_body:
      'Les autorités publiques ne peuvent pas invoquer l’intérêt légitime pour l’exécution de leurs missions (RGPD, art. 6, paragraphe 1, deuxième alinéa).',
    consent_withdrawable:
      'Le consentement peut être retiré à tout moment (RGPD, art. 7, paragraphe 3) ; la voie de l’EHDS ne repose pas sur le consentement.',
    article9_purpose_mismatch:
      'La condition de l’art. 9, paragraphe 2, choisie ne correspond généralement pas à cette finalité ; vérifiez-la.',
    only_if_high_residual_risk:
      'Nécessaire uniquement si l’AIPD révèle un risque élevé que vous ne pouvez pas atténuer (RGPD, art. 36, paragraphe 1).',
    also_annex_iii: 'Le système est également utilisé dans un domaine de l’annexe III.',
    article_6_3_derogation:
      'Pas à haut risque s’il ne présente pas de risque important et n’effectue pas de profilage : documentez-le (art. 6, paragraphe 3).',
    fundamental_rights_impact:
      'Les déployeurs qui sont des autorités publiques évaluent d’abord l’incidence sur les droits fondamentaux (art. 27).',
    device_without_notified_body:
      'Un dispositif de classe I ne nécessite pas d’organisme notifié : l’art. 6, paragraphe 1, ne rend donc pas l’IA à haut risque.',
  },
  instruments: {
    EHDS: 'Règlement EHDS (UE) 2025/327',
    GDPR: 'RGPD (UE) 2016/679',
    'AI Act': 'Règlement sur l’IA (UE) 2024/1689',
    MDR: 'MDR (UE) 2017/745',
    IVDR: 'IVDR (UE) 2017/746',
    'EDPB WP248': 'Lignes directrices sur l’AIPD WP248 rév.01 (CEPD)',
  },
};
