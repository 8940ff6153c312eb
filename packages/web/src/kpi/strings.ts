import { localise } from '../i18n/localise';
import { kpiDe } from './strings-de';
import { kpiFr } from './strings-fr';
import { kpiIt } from './strings-it';
/** Every UI text of the KPI dashboard (a later pass translates it; no literal text in components). */
export const kpiEn = {
  nav: 'KPIs',
  title: 'KPI monitoring',
  intro:
    'Key performance indicators of the platform. Live ones are computed from what happens here (applications, permits, extracts, analyses, jobs, the airlock, the opt-out registry, the catalogue); manual ones are recorded by HDAB staff against a target.',
  signInNeeded: 'Sign in to see the KPIs of the platform.',
  window: 'Months shown',
  windowOption: '{n} months',
  downloads: 'Downloads',
  csv: 'Download CSV',
  pdf: 'Download PDF report',
  live: 'Live KPIs',
  manual: 'Manual KPIs',
  noManual: 'No manual KPI has been set up yet.',
  current: 'Current value',
  basis: {
    window: 'over the months shown',
    now: 'now',
    latest: 'latest recorded',
  } as Record<string, string>,
  noValue: 'not measured',
  target: 'Target',
  targetValue: '{op} {value}',
  higherIsBetter: 'higher is better',
  lowerIsBetter: 'lower is better',
  met: 'Target met',
  notMet: 'Target not met',
  noTarget: 'No target',
  noValueYet: 'No value yet',
  trend: '{title}: by month',
  month: 'Month',
  breakdown: 'Breakdown',
  howComputed: 'How it is computed',
  units: { count: 'Count', days: 'Days', '%': 'Percent' } as Record<string, string>,
  unitSuffix: { count: '', days: ' days', '%': ' %' } as Record<string, string>,
  form: {
    createTitle: 'Add a manual KPI',
    key: 'Key',
    keyHint:
      'Lower-case letters and digits, parts joined by a dot, dash or underscore, e.g. stakeholder.satisfaction. It never changes.',
    kpiTitle: 'Title',
    unit: 'Unit',
    unitHint: 'Shown beside the value, e.g. hours, %, score.',
    description: 'How it is measured',
    target: 'Target (optional)',
    direction: 'Which way is better',
    directions: { higher: 'Higher is better', lower: 'Lower is better' } as Record<string, string>,
    create: 'Add KPI',
    created: 'KPI “{title}” added.',
    recordTitle: 'Record a value',
    kpi: 'KPI',
    chooseKpi: 'Choose a KPI',
    date: 'Date',
    value: 'Value',
    note: 'Note (optional)',
    record: 'Record value',
    recorded: 'Value recorded for “{title}” on {date}.',
    needKpi: 'Choose a KPI first.',
    needNumber: 'Give a number.',
    saving: 'Saving…',
  },
};

/** The text above in the page's language. */
export const kpiText = localise(kpiEn, { de: kpiDe, fr: kpiFr, it: kpiIt });
