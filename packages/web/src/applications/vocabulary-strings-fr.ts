import type { Translation } from '../i18n/localise';
import type { vocabularyEn } from './vocabulary-strings';

/** French labels of the hub's codes (translation of vocabularyEn). */
export const vocabularyFr: Translation<typeof vocabularyEn> = {
  statuses: {
    DRAFT: 'Brouillon',
    SUBMITTED: 'Soumise',
    PRE_SCREENING: 'Examen préalable',
    PROCESSING: 'En cours d’évaluation',
    AWAITING_ADDITIONAL_INFORMATION: 'Informations demandées',
    DECISION_ISSUED: 'Décision rendue',
    WITHDRAWN: 'Retirée',
  },
  outcomes: {
    GRANTED: 'Accordée',
    PARTIALLY_GRANTED: 'Partiellement accordée',
    REFUSED: 'Refusée',
    ANSWERED_AS_REQUEST: 'Réponse sous forme de statistiques anonymisées',
  },
  events: {
    create: 'Brouillon commencé',
    submit: 'Soumise',
    'start-pre-screening': 'Examen préalable commencé',
    'request-information': 'Informations demandées',
    'provide-information': 'Informations fournies',
    complete: 'Déclarée complète ; évaluation commencée',
    decide: 'Décision rendue',
    lapse: 'Caduque : informations non fournies dans le délai',
    withdraw: 'Retirée',
    extend: 'Délai de décision prolongé',
  },
  clocks: {
    title: 'Délais',
    names: {
      completeness: 'Vérification de la complétude',
      decision: 'Décision',
      'additional-information': 'Réponse du demandeur à la demande d’informations',
      publication: 'Publication de la décision',
    },
    clock: 'Délai',
    article: 'Fondement',
    state: 'État',
    due: 'Échéance',
    remaining: 'Temps restant',
    states: {
      'not-started': 'Non commencé',
      running: 'En cours',
      paused: 'Suspendu',
      met: 'Respecté',
      overdue: 'Dépassé',
      stopped: 'Arrêté',
    },
    atRisk: 'Menacé',
    late: 'Respecté en retard',
    daysLeft: '{n} jours restants',
    oneDayLeft: '1 jour restant',
    dueToday: 'Échéance aujourd’hui',
    daysOverdue: '{n} jours de retard',
    oneDayOverdue: '1 jour de retard',
    pausedLeft: 'Suspendu, {n} jours restants',
    ours: 'règle de la plateforme',
    oursWhat: 'règle de la plateforme : {what}',
    nextDue: '{clock} : {due}',
    extended: 'Le délai de décision a été prolongé le {at} : {reason}',
    noClocks: 'Aucun délai n’a encore commencé à courir.',
  },
  purposes: {
    PUBLIC_HEALTH: 'Intérêt public dans le domaine de la santé publique ou de la santé au travail',
    POLICY_REGULATION: 'Élaboration des politiques et activités de réglementation',
    OFFICIAL_STATISTICS: 'Statistiques officielles',
    EDUCATION: 'Éducation ou enseignement dans les secteurs de la santé ou des soins',
    SCIENTIFIC_RESEARCH:
      'Recherche scientifique relative aux secteurs de la santé ou des soins, y compris le développement de l’IA',
    CARE_IMPROVEMENT: 'Amélioration des soins et des traitements',
  },
  purposeLetter: 'art. 53, paragraphe 1, point {letter})',
  publicBodyOnly:
    'Les finalités a) à c) sont réservées aux organismes du secteur public et aux institutions de l’Union (art. 53, paragraphe 2). Votre organisation n’étant pas vérifiée comme telle, elles ne sont pas disponibles.',
  prohibited: {
    DETRIMENTAL_DECISIONS:
      'Je n’utiliserai pas les données pour prendre des décisions préjudiciables à une personne ou à un groupe de personnes (art. 54, point a)).',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'Je n’utiliserai pas les données pour exclure des personnes du bénéfice d’une assurance, d’un emploi, d’un crédit ou d’autres services, ni pour en modifier les conditions (art. 54, point b)).',
    ADVERTISING_MARKETING:
      'Je n’utiliserai pas les données à des fins de publicité ou de marketing (art. 54, point c)).',
    HARMFUL_PRODUCTS:
      'Je n’utiliserai pas les données pour développer des produits ou services nocifs, tels que drogues illicites, alcool, tabac, armes ou conceptions suscitant une dépendance (art. 54, point d)).',
    AGAINST_NATIONAL_ETHICS_LAW:
      'Je n’utiliserai pas les données pour des activités contraires aux dispositions éthiques du droit national (art. 54, point e)).',
  },
  personRoles: {
    principal_investigator: 'Investigateur principal',
    researcher: 'Chercheur',
    data_scientist: 'Data scientist',
    student: 'Étudiant',
    other: 'Autre',
  },
  legalBases: {
    '6(1)(a)': 'RGPD, art. 6, paragraphe 1, point a) : consentement',
    '6(1)(b)': 'RGPD, art. 6, paragraphe 1, point b) : contrat',
    '6(1)(c)': 'RGPD, art. 6, paragraphe 1, point c) : obligation légale',
    '6(1)(d)': 'RGPD, art. 6, paragraphe 1, point d) : intérêts vitaux',
    '6(1)(e)': 'RGPD, art. 6, paragraphe 1, point e) : mission d’intérêt public ou autorité publique',
    '6(1)(f)': 'RGPD, art. 6, paragraphe 1, point f) : intérêts légitimes',
  },
  ethicsStatuses: {
    approved: 'Approuvé par un comité d’éthique',
    pending: 'Examen en cours',
    not_required: 'Non requis par le droit national',
  },
};
