import type { Translation } from '../i18n/localise';
import type { queriesEn } from './queries-strings';

/** Italian text of the HDAB's register of feasibility queries (translation of queriesEn). */
export const queriesIt: Translation<typeof queriesEn> = {
  nav: 'Interrogazioni di fattibilità',
  title: 'Interrogazioni di fattibilità',
  intro:
    'Ogni conteggio di fattibilità richiesto ai nodi, dal più recente: chi lo ha richiesto, la coorte e che cosa ha rilasciato ciascun nodo, con l’esito del controllo della divulgazione.',
  signInNeeded: 'Acceda come personale HDAB per consultare il registro delle interrogazioni di fattibilità.',
  caption: 'Interrogazioni di fattibilità, dalla più recente',
  when: 'Quando',
  audience: 'Profilo',
  cohort: 'Coorte',
  total: 'Totale',
  nodes: 'Per nodo: rilasciato · controllo della divulgazione',
  anonymous: 'visitatore anonimo',
  audiences: {
    anonymous: 'Anonimo',
    registered: 'Registrato',
    permit_holder: 'Titolare di autorizzazione',
  },
  atLeast: 'almeno {n}',
  unknown: 'sconosciuto',
  none: 'Non è stata ancora richiesta alcuna interrogazione di fattibilità.',
  noRecord: 'nessuna registrazione',
  outcomes: { released: 'rilasciato', refused: 'rifiutato' },
  showCohort: 'La definizione della coorte',
};
