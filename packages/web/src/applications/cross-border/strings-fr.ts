import type { Translation } from '../../i18n/localise';
import type { crossBorderEn } from './strings';

/** French text of the cross-border part of a case file (translation of crossBorderEn). */
export const crossBorderFr: Translation<typeof crossBorderEn> = {
  title: 'Organismes d’accès des autres pays (art. 67, paragraphe 3, et art. 68, paragraphe 5)',
  introApplicant:
    'Votre demande porte sur des données détenues dans d’autres États membres. Elle a été transmise à l’organisme responsable de l’accès aux données de santé de chacun de ces pays ; chacun statue sur les données de son pays et communique sa décision ici.',
  introStaff:
    'Le dossier a été transmis à ces organismes d’accès pour les données de leur pays ; chacun statue sur sa partie, et sa décision signée parvient ici.',
  country: '{country}',
  peer: 'Organisme d’accès',
  peerUnknown: 'Non configuré comme organisme partenaire',
  datasets: 'Jeux de données dans ce pays',
  remoteReference: 'Référence de l’organisme',
  remoteStatus: 'Statut auprès de l’organisme',
  notYet: 'Pas encore communiqué',
  forwarded: 'Transmission',
  forwardedAt: 'Remis le {at}',
  forwardPending: 'Pas encore remis (tentatives : {attempts})',
  forwardPendingNone: 'En attente d’envoi',
  lastError: 'Dernière erreur : {error}',
  lastSync: 'Dernières nouvelles',
  reason: 'Remarque de l’organisme',
  information: 'Demande d’informations',
  informationAsked: 'Demande du {at} :',
  informationOpen:
    'Répondez dans un délai de 4 semaines, faute de quoi la demande est refusée pour sa partie (art. 68, paragraphe 4).',
  informationAnswered: 'Vous avez répondu le {at} :',
  answer: 'Votre réponse à {peer}',
  answerMissing: 'Rédigez votre réponse.',
  sendAnswer: 'Envoyer la réponse',
  sending: 'Envoi…',
  delivery: 'Remise à l’organisme le {at}.',
  deliveryPending: 'Pas encore remise à l’organisme.',
  fees: 'Estimation des redevances pour sa partie (art. 62)',
  feesSent: 'Envoyée le {at}.',
  feesAccepted: 'Vous l’avez acceptée le {at}.',
  feesStaffAccepted: 'Acceptée par le demandeur le {at}.',
  feesOpen: 'Pas encore acceptée. L’organisme ne peut accorder l’accès qu’après votre acceptation.',
  acceptFees: 'Accepter son estimation',
  accepting: 'Acceptation…',
  decision: 'Décision de l’organisme',
  outcome: 'Issue',
  signedAt: 'Signée le',
  downloadDecision: 'Télécharger sa décision signée',
  verifyNote:
    'La décision est signée avec la clé de cet organisme d’accès et a été vérifiée à sa réception. Vérifiez le fichier hors ligne avec {command}.',
  verifyCommand: 'ehds verify FILE',
  noDecision: 'Pas encore de décision.',
};
