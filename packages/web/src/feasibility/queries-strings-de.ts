import type { Translation } from '../i18n/localise';
import type { queriesEn } from './queries-strings';

/** German text of the HDAB's register of feasibility queries (translation of queriesEn). */
export const queriesDe: Translation<typeof queriesEn> = {
  nav: 'Machbarkeitsabfragen',
  title: 'Machbarkeitsabfragen',
  intro:
    'Jede an die Knoten gestellte Machbarkeitszählung, neueste zuerst: wer gefragt hat, die Kohorte und was jeder Knoten mit welchem Ergebnis der Offenlegungskontrolle herausgegeben hat.',
  signInNeeded:
    'Melden Sie sich mit einem Konto der Zugangsstelle an, um das Register der Machbarkeitsabfragen einzusehen.',
  caption: 'Machbarkeitsabfragen, neueste zuerst',
  when: 'Wann',
  audience: 'Zielgruppe',
  cohort: 'Kohorte',
  total: 'Gesamt',
  nodes: 'Je Knoten: herausgegeben · Offenlegungskontrolle',
  anonymous: 'anonyme Person',
  audiences: {
    anonymous: 'Anonym',
    registered: 'Registriert',
    permit_holder: 'Inhaber einer Datengenehmigung',
  },
  atLeast: 'mindestens {n}',
  unknown: 'unbekannt',
  none: 'Es wurde noch keine Machbarkeitsabfrage gestellt.',
  noRecord: 'kein Protokoll',
  outcomes: { released: 'herausgegeben', refused: 'verweigert' },
  showCohort: 'Die Kohortendefinition',
};
