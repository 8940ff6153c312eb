import type { Translation } from '../i18n/localise';
import type { queriesEn } from './queries-strings';

/** French text of the HDAB's register of feasibility queries (translation of queriesEn). */
export const queriesFr: Translation<typeof queriesEn> = {
  nav: 'Requêtes de faisabilité',
  title: 'Requêtes de faisabilité',
  intro:
    'Chaque dénombrement de faisabilité demandé aux nœuds, du plus récent au plus ancien : qui l’a demandé, la cohorte, et ce que chaque nœud a communiqué, avec le résultat du contrôle du secret statistique.',
  signInNeeded:
    'Connectez-vous en tant que membre du personnel de l’organisme d’accès pour consulter le registre des requêtes de faisabilité.',
  caption: 'Requêtes de faisabilité, de la plus récente à la plus ancienne',
  when: 'Quand',
  audience: 'Public',
  cohort: 'Cohorte',
  total: 'Total',
  nodes: 'Par nœud : communiqué · contrôle du secret statistique',
  anonymous: 'visiteur anonyme',
  audiences: {
    anonymous: 'Anonyme',
    registered: 'Inscrit',
    permit_holder: 'Titulaire d’une autorisation',
  },
  atLeast: 'au moins {n}',
  unknown: 'inconnu',
  none: 'Aucune requête de faisabilité n’a encore été faite.',
  noRecord: 'aucun rapport',
  outcomes: { released: 'communiqué', refused: 'refusé' },
  showCohort: 'La définition de la cohorte',
};
