import type { Translation } from '../i18n/localise';
import type { backofficeEn } from './strings';

/** French text of the HDAB back office (translation of backofficeEn). */
export const backofficeFr: Translation<typeof backofficeEn> = {
  signInNeeded:
    'Connectez-vous en tant que membre du personnel de l’organisme d’accès pour traiter les demandes.',
  queue: {
    title: 'File de travail',
    intro:
      'Toutes les demandes d’accès aux données et demandes de données de santé soumises, les plus urgentes d’abord : dossiers en retard, puis dossiers risquant de manquer une échéance, puis par prochaine échéance.',
    filter: 'Statut',
    allStatuses: 'Tous les statuts',
    apply: 'Afficher',
    empty: 'Aucun dossier ne correspond.',
    caption: 'Dossiers soumis, les plus urgents d’abord',
    reference: 'Référence',
    titleCol: 'Titre',
    kind: 'Type',
    applicant: 'Demandeur',
    status: 'Statut',
    urgency: 'Urgence',
    nextDue: 'Prochaine échéance',
    submitted: 'Soumis le',
    accelerated: 'accélérée',
    count: '{n} dossiers',
    countOne: '1 dossier',
  },
  case: {
    back: 'Retour à la file de travail',
    applicant: 'Demandeur',
    organisation: 'Organisation',
    noOrganisation: 'Aucune organisation',
    actions: 'Actions sur le dossier',
    actionsNone: 'Aucun changement de statut n’est possible pour le moment.',
    startPreScreening: 'Commencer l’examen préalable',
    complete: 'Déclarer le dossier complet',
    completeHint:
      'Le délai de décision court à partir du moment où le dossier est complet (art. 68, paragraphe 4).',
    requestInformation: 'Demander des informations',
    requestInformationHint:
      'Le demandeur dispose de 4 semaines pour répondre (art. 68, paragraphe 4) ; le délai de décision est suspendu entre-temps.',
    informationMessage: 'Informations nécessaires',
    informationMissing: 'Indiquez les informations nécessaires.',
    sendRequest: 'Envoyer la demande',
    extension: 'Prolonger le délai de décision',
    extensionIntro:
      'Une seule fois, avec des motifs communiqués au demandeur : 3 mois supplémentaires, ou 1 mois en procédure accélérée (art. 68, paragraphes 4 et 6).',
    extensionReason: 'Motifs de la prolongation',
    extensionMissing: 'Indiquez les motifs de la prolongation.',
    extend: 'Prolonger',
    extended: 'Prolongé le {at} : {reason}',
    working: 'Traitement…',
    content: '{kind}',
  },
  assessment: {
    title: 'Évaluation (art. 68, paragraphes 1 et 2)',
    intro:
      'Consignez un avis et sa justification pour chaque point. Un octroi exige que chaque point soit satisfait ou sans objet.',
    fourEyes:
      'Principe des quatre yeux : chaque avis doit être confirmé par un second membre du personnel, autre que son évaluateur.',
    verdict: 'Avis',
    verdicts: { met: 'Satisfait', not_met: 'Non satisfait', not_applicable: 'Sans objet' },
    justification: 'Justification',
    justificationMissing: 'Donnez une justification.',
    verdictMissing: 'Choisissez un avis.',
    save: 'Consigner',
    update: 'Consigner à nouveau',
    recorded: 'Consigné par {assessor} : {verdict}.',
    confirmedBy: 'Confirmé par {user}.',
    unconfirmed: 'Pas encore confirmé.',
    confirm: 'Confirmer',
    confirmLabel: 'Confirmer {criterion}',
    ownVerdict: 'Vous avez consigné cet avis ; un autre membre du personnel doit le confirmer.',
    notAssessed: 'Pas encore évalué.',
    summary: '{done} points consignés sur {total}, {unconfirmed} non confirmés, {failed} non satisfaits.',
    allowed: 'Décisions permises par cette évaluation : {outcomes}.',
    allowedNone: 'Aucune décision pour l’instant : complétez d’abord la liste de contrôle.',
    readOnly: 'L’évaluation se consigne pendant l’instruction du dossier (statut PROCESSING).',
    criteria: {
      '68(1)(a)': 'La finalité est l’une de celles visées à l’art. 53, paragraphe 1.',
      '68(1)(b)':
        'Les données demandées sont nécessaires, adéquates et proportionnées au regard de la finalité.',
      '68(1)(c)':
        'Le traitement repose sur une base juridique (RGPD, art. 6, paragraphe 1) ; le recours à des données pseudonymisées est justifié.',
      '68(1)(d)': 'Le demandeur est qualifié pour l’utilisation prévue et dispose de l’expertise appropriée.',
      '68(1)(e)':
        'Le demandeur dispose de mesures techniques et organisationnelles suffisantes contre les usages abusifs.',
      '68(1)(f)': 'Les exigences éthiques prévues par le droit national sont respectées.',
      '68(1)(g)':
        'La dérogation au droit de refus, si elle est demandée, est justifiée (art. 71, paragraphe 4).',
      '68(1)(h)': 'Les autres exigences du chapitre IV sont respectées.',
      '68(2)':
        'Les risques pour la défense nationale, la sécurité, la sécurité publique et les données confidentielles des autorités de régulation sont acceptables.',
    },
  },
  fees: {
    title: 'Coûts et estimation des redevances (art. 62)',
    holders: 'Coûts de préparation des détenteurs de données',
    holdersIntro:
      'Demandez aux détenteurs des jeux de données demandés ce que coûte la préparation de leurs données.',
    ask: 'Demander leurs coûts aux détenteurs de données',
    asked: 'Demandé le {at}',
    waiting: 'En attente de réponse',
    holder: 'Détenteur de données',
    amount: 'Montant',
    note: 'Note',
    answeredAt: 'Réponse reçue le',
    noHolders: 'Aucun détenteur de données n’a encore été sollicité.',
    estimate: 'Estimation des redevances',
    send: 'Envoyer l’estimation des redevances au demandeur',
    resend: 'Envoyer une nouvelle estimation',
    sendHint:
      'Envoyée avant la décision ; le demandeur peut l’accepter ou retirer sa demande (art. 62, paragraphe 5).',
    sentAt: 'Envoyée le {at}.',
    accepted: 'Acceptée par le demandeur le {at}.',
    notAccepted: 'Pas encore acceptée. Un octroi attend l’acceptation du demandeur.',
    none: 'Aucune estimation envoyée pour l’instant.',
  },
  decision: {
    title: 'Décision',
    intro:
      'La décision est signée avec la clé de l’organisme d’accès ; un octroi délivre l’autorisation de traitement de données (art. 68, paragraphe 10).',
    outcome: 'Issue',
    outcomeNone: 'L’évaluation ne permet encore aucune décision.',
    outcomeMissing: 'Choisissez une issue.',
    reasonsMissing: 'Indiquez les motifs de la décision.',
    answeredNeedsConsent:
      'Une réponse anonymisée au lieu d’une autorisation nécessite l’accord du demandeur (art. 68, paragraphe 3) ; il ne l’a pas donné.',
    reasons: 'Motifs',
    reasonsHint:
      'Obligatoires pour toute décision ; un refus ou un octroi partiel en expose les raisons (art. 68, paragraphe 9).',
    validFrom: 'Autorisation valable à partir du',
    validUntil: 'Autorisation valable jusqu’au',
    validityHint: '10 ans au maximum (art. 68, paragraphe 12).',
    grantedDatasets: 'Jeux de données accordés',
    grantedHint: 'Un octroi partiel désigne certains des jeux de données demandés, mais pas tous.',
    conditions: 'Conditions particulières (facultatif)',
    conditionsHint: 'Une condition par ligne (art. 68, paragraphe 10, point h)).',
    optOut: 'Accorder la dérogation demandée au droit de refus (art. 71, paragraphe 4)',
    issue: 'Rendre la décision signée',
    issuing: 'Signature…',
    failed: 'La décision n’a pas été rendue. Corrigez les champs signalés ci-dessous.',
    issued: 'Décision rendue.',
    permitIssued: 'Autorisation {permit} délivrée.',
  },
};
