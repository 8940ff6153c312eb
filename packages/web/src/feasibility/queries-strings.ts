import { localise } from '../i18n/localise';
import { queriesDe } from './queries-strings-de';
import { queriesFr } from './queries-strings-fr';
import { queriesIt } from './queries-strings-it';
/** English strings of the HDAB's register of feasibility queries (issue 4 §2). */
export const queriesEn = {
  nav: 'Feasibility queries',
  title: 'Feasibility queries',
  intro:
    'Every feasibility count asked of the nodes, newest first: who asked, the cohort, and what each node released with its disclosure-control outcome.',
  signInNeeded: 'Sign in as HDAB staff to read the register of feasibility queries.',
  caption: 'Feasibility queries, newest first',
  when: 'When',
  audience: 'Audience',
  cohort: 'Cohort',
  total: 'Total',
  nodes: 'Per node: released · disclosure control',
  anonymous: 'anonymous visitor',
  audiences: {
    anonymous: 'Anonymous',
    registered: 'Registered',
    permit_holder: 'Permit holder',
  } as Record<string, string>,
  atLeast: 'at least {n}',
  unknown: 'unknown',
  none: 'No feasibility query has been asked yet.',
  noRecord: 'no record',
  outcomes: { released: 'released', refused: 'refused' } as Record<string, string>,
  showCohort: 'The cohort definition',
};

/** The text above in the page's language. */
export const queriesText = localise(queriesEn, { de: queriesDe, fr: queriesFr, it: queriesIt });
