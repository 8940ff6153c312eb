import { localise } from '../i18n/localise';
import { analysisDe } from './analysis-strings-de';
import { analysisFr } from './analysis-strings-fr';
import { analysisIt } from './analysis-strings-it';
/**
 * English strings of the descriptive-statistics, contingency-table and Kaplan–Meier forms and their
 * results (issue 4 §4), beside `strings.ts` (the GLM's). Placeholders in braces are filled by `fmt`.
 */
export const analysisEn = {
  chooser: {
    legend: 'What to run',
    kinds: {
      glm: 'Regression model (GLM)',
      describe: 'Descriptive statistics',
      table: 'Contingency table',
      km: 'Kaplan–Meier curve',
    } as Record<string, string>,
  },
  common: {
    run: 'Run at the nodes',
    running: 'Running at the nodes…',
    problems: 'The analysis has {n} problems; see the fields marked.',
    problemsOne: 'The analysis has 1 problem; see the field marked.',
    none: '(none)',
  },
  describe: {
    title: 'Descriptive statistics',
    intro:
      'Count, mean and standard deviation of each numeric variable, and counts per sex, pooled over the nodes. A mean is released only where enough persons stand behind it.',
    by: 'Split by',
    byHint: 'One description per level of a sex, condition, drug or procedure variable; or none.',
  },
  table: {
    title: 'Contingency table',
    intro:
      'Counts of persons by one or two categorical variables, pooled over the nodes. Each node suppresses and rounds small cells before anything leaves.',
    variablesIntro: 'Sex, or 0/1 conditions, drugs and procedures, as each node derives them.',
    rows: 'Rows',
    columns: 'Columns',
    columnsHint: 'Leave at none for a one-way table.',
  },
  km: {
    title: 'Kaplan–Meier curve',
    intro:
      'Survival from the start of each person’s first observation period to an event, pooled over the nodes. Times are coarsened before they leave a node, and the tail where few remain at risk is cut.',
    survival: 'Survival variable',
    name: 'Name',
    domain: 'Event',
    domains: {
      death: 'Death',
      condition: 'A condition',
      drug: 'A drug',
      procedure: 'A procedure',
      measurement: 'A measurement',
    } as Record<string, string>,
    group: 'Curves by group',
    groupNone: 'One curve for everyone',
    groupAdd: 'Draw one curve per group',
    groupRemove: 'One curve for everyone',
    intervalDays: 'Time interval (days)',
    intervalHint: 'Event times are rounded up to multiples of this (7 = weeks).',
  },
  result: {
    title: 'Result',
    pooled: 'Pooled over the nodes',
    all: 'All persons',
    groupOf: '{name} = {level}',
    variable: 'Variable',
    n: 'n',
    mean: 'Mean',
    sd: 'SD',
    suppressed: 'suppressed',
    suppressedAt: 'suppressed at {nodes}',
    suppressedLegend:
      '“suppressed”: withheld by disclosure control at one node or more, so the pooled value is unknown.',
    countsOf: 'Counts of {name}',
    level: 'Level',
    count: 'Count',
    total: 'Total',
    missing: 'Left out for a missing value: {n}',
    tableCaption: 'Counts of {rows} by {columns}',
    tableCaptionOne: 'Counts of {rows}',
    noResult: 'This analysis has no result to show.',
  },
  kmResult: {
    chartTitle: 'Survival of {name}',
    chartSummary:
      'Step chart of {n} survival curves over {days} days; survival on the vertical axis from 0 to 1.',
    time: 'Day',
    atRisk: 'At risk',
    events: 'Events',
    censored: 'Censored',
    survival: 'Survival',
    lower: 'Lower 95 %',
    upper: 'Upper 95 %',
    curveFacts: '{group}: {n} persons, {events} events',
    cut: 'Cut after day {day}: beyond it fewer than the threshold remained at risk at a node.',
    days: 'Days',
    axisSurvival: 'Survival',
    tableOf: 'Curve of {group}',
  },
  sdc: {
    title: 'Disclosure control at each node',
    intro: 'What each node released and every check its disclosure control applied.',
    summary: '{passed} of {total} nodes passed disclosure control.',
    node: 'Node',
    status: 'Status',
    statuses: {
      ok: 'Released',
      refused: 'Refused',
      error: 'Could not run',
      unavailable: 'Did not answer',
    } as Record<string, string>,
    records: '{released} of {total} outputs released',
    checks: 'Checks',
    output: 'Output',
    outcome: 'Outcome',
    marked: 'Suppressed, rounded or refused',
    rule: 'Check',
    target: 'Where',
    note: 'Note',
    noneMarked: 'Nothing suppressed or refused.',
    noRecords: 'No disclosure-control record came from this node.',
  },
};

/** The text above in the page's language. */
export const analysisText = localise(analysisEn, { de: analysisDe, fr: analysisFr, it: analysisIt });
