import type { Translation } from '../i18n/localise';
import type { citizenEn } from './strings';

/** French text of the citizen page, in plain language (translation of citizenEn). */
export const citizenFr: Translation<typeof citizenEn> = {
  nav: 'Votre choix sur vos données',
  title: 'Votre choix sur l’utilisation secondaire de vos données de santé',
  intro:
    'Dans le cadre de l’espace européen des données de santé, les données de santé vous concernant peuvent être réutilisées, avec des garanties, pour la recherche, l’innovation, la santé publique, l’élaboration des politiques et les statistiques officielles. C’est ce qu’on appelle l’utilisation secondaire. Vous pouvez la refuser à tout moment, sans avoir à vous justifier, et changer d’avis plus tard.',
  signInTitle: 'Connectez-vous pour consulter et modifier votre choix',
  signInIntro:
    'Connectez-vous avec votre identité numérique nationale, afin que vous seul puissiez consulter et modifier votre choix. Le service ne conserve ni votre nom ni votre numéro d’identification national : seulement un code protégé, calculé à partir de votre numéro.',
  signInWith: 'Se connecter avec {label}',
  noProvider:
    'La connexion avec une identité numérique nationale n’est pas configurée sur ce service. Contactez l’organisme responsable de l’accès aux données de santé pour enregistrer votre choix.',
  notCitizen:
    'Cette page s’adresse aux particuliers connectés avec une identité numérique nationale. Vous êtes connecté en tant que {name} ({role}) ; déconnectez-vous et reconnectez-vous avec votre identité numérique nationale pour gérer votre propre choix.',
  statusTitle: 'Votre choix actuel',
  optedOut: 'Vous refusez l’utilisation secondaire depuis le {date}.',
  optedOutMore:
    'Vos données seront exclues des autorisations de traitement de données et des demandes de données approuvées à partir de cette date. Vous pouvez revenir sur votre refus à tout moment.',
  notOptedOut: 'Vous n’avez pas refusé l’utilisation secondaire.',
  notOptedOutMore:
    'Vos données peuvent faire l’objet d’une utilisation secondaire au titre d’une autorisation de traitement de données ou d’une demande de données, avec les garanties prévues par la loi. Vous pouvez refuser à tout moment.',
  optOutButton: 'Refuser l’utilisation secondaire',
  optInButton: 'Revenir sur mon refus',
  confirmOptOutTitle: 'Confirmation : refuser l’utilisation secondaire',
  confirmOptOut:
    'À partir de maintenant, vos données seront exclues des autorisations de traitement de données et des demandes de données approuvées après aujourd’hui. Les autorisations approuvées auparavant ne sont pas concernées, et vos soins non plus.',
  confirmOptInTitle: 'Confirmation : revenir sur mon refus',
  confirmOptIn:
    'À partir de maintenant, vos données pourront être incluses dans les autorisations de traitement de données et les demandes de données approuvées après aujourd’hui. Les autorisations approuvées pendant votre refus restent sans vos données.',
  confirmYesOut: 'Oui, je refuse',
  confirmYesIn: 'Oui, je reviens sur mon refus',
  cancel: 'Annuler',
  working: 'Enregistrement de votre choix…',
  doneOut: 'Votre refus est enregistré. Récépissé {receipt}, {date}.',
  doneIn: 'Vous êtes revenu sur votre refus. Récépissé {receipt}, {date}.',
  unchanged: 'Votre choix était déjà enregistré ; rien n’a changé.',
  historyTitle: 'Historique et récépissés',
  historyEmpty: 'Vous n’avez encore fait aucun choix.',
  historyCaption:
    'Chaque changement de votre choix, du plus récent au plus ancien, avec son numéro de récépissé.',
  colWhat: 'Quoi',
  colWhen: 'Quand',
  colReceipt: 'Récépissé',
  actionOptOut: 'Refus',
  actionReversal: 'Retour sur le refus',
  failed: 'Votre choix n’a pas pu être enregistré',
  loadFailed: 'Votre choix n’a pas pu être chargé',
  aboutTitle: 'Ce que signifie votre choix',
  coversTitle: 'Ce que couvre votre refus',
  covers: [
    'L’utilisation secondaire de vos données de santé électroniques au titre du règlement (UE) 2025/327 relatif à l’espace européen des données de santé, article 71 : les autorisations de traitement de données et les demandes de données approuvées par l’organisme responsable de l’accès aux données de santé après votre refus.',
    'Chaque détenteur de données relié à cet organisme responsable de l’accès aux données de santé exclut vos données lorsqu’il prépare des données pour une telle autorisation.',
  ],
  notCoversTitle: 'Ce qu’il ne change pas',
  notCovers: [
    'Les autorisations et demandes approuvées avant votre refus (article 71, paragraphe 3) : les données déjà préparées pour elles restent utilisées jusqu’à leur terme.',
    'Vos soins : les médecins et les hôpitaux qui vous soignent continuent de consulter et d’utiliser vos données de santé comme auparavant.',
    'Les autres lois qui imposent la déclaration de données, par exemple aux registres de maladies.',
    'Les choix faits dans d’autres pays : un refus exprimé ici ne vaut que pour ce pays.',
  ],
  exceptionsTitle: 'Exceptions',
  exceptions:
    'Le droit national peut permettre à un organisme public investi d’une mission de santé publique d’utiliser des données malgré les refus, uniquement pour la santé publique, l’élaboration des politiques ou les statistiques officielles, ou pour une recherche importante d’intérêt public, lorsque les données ne peuvent pas être obtenues autrement, et seulement si cette exception est justifiée et inscrite dans l’autorisation (article 71, paragraphe 4). Chacune de ces autorisations indique que l’exception a été accordée.',
  privacyTitle: 'Comment votre choix est conservé',
  privacy:
    'Le registre contient un code protégé, calculé à partir de votre numéro d’identification national avec une clé secrète, ainsi que les dates et heures de vos choix et leurs récépissés — ni nom, ni numéro. Les détenteurs de données vous reconnaissent grâce au même code ; l’organisme responsable de l’accès aux données de santé voit seulement combien de personnes ont refusé, jamais qui.',
};
