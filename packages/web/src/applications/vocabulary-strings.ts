import { localise } from '../i18n/localise';
import { vocabularyDe } from './vocabulary-strings-de';
import { vocabularyFr } from './vocabulary-strings-fr';
import { vocabularyIt } from './vocabulary-strings-it';
/**
 * English labels of the hub's codes (statuses, outcomes, events, clocks, purposes, prohibited uses,
 * person roles, legal bases, ethics statuses), kept apart from the page texts in strings.ts.
 */
export const vocabularyEn = {
  statuses: {
    DRAFT: 'Draft',
    SUBMITTED: 'Submitted',
    PRE_SCREENING: 'Pre-screening',
    PROCESSING: 'Being assessed',
    AWAITING_ADDITIONAL_INFORMATION: 'Information requested',
    DECISION_ISSUED: 'Decision issued',
    WITHDRAWN: 'Withdrawn',
  },
  outcomes: {
    GRANTED: 'Granted',
    PARTIALLY_GRANTED: 'Partially granted',
    REFUSED: 'Refused',
    ANSWERED_AS_REQUEST: 'Answered with anonymised statistics',
  },
  events: {
    create: 'Draft started',
    submit: 'Submitted',
    'start-pre-screening': 'Pre-screening started',
    'request-information': 'Information requested',
    'provide-information': 'Information provided',
    complete: 'Declared complete; assessment started',
    decide: 'Decision issued',
    lapse: 'Lapsed: information not provided in time',
    withdraw: 'Withdrawn',
    extend: 'Decision period extended',
  } as Record<string, string>,
  clocks: {
    title: 'Deadlines',
    names: {
      completeness: 'Completeness check',
      decision: 'Decision',
      'additional-information': 'Applicant’s answer to the request for information',
      publication: 'Publication of the decision',
    },
    clock: 'Deadline',
    article: 'Basis',
    state: 'State',
    due: 'Due',
    remaining: 'Time left',
    states: {
      'not-started': 'Not started',
      running: 'Running',
      paused: 'Paused',
      met: 'Met',
      overdue: 'Overdue',
      stopped: 'Stopped',
    },
    atRisk: 'At risk',
    late: 'Met late',
    daysLeft: '{n} days left',
    oneDayLeft: '1 day left',
    dueToday: 'Due today',
    daysOverdue: '{n} days overdue',
    oneDayOverdue: '1 day overdue',
    pausedLeft: 'Paused with {n} days left',
    ours: 'hub rule',
    oursWhat: 'hub rule: {what}',
    nextDue: '{clock}: {due}',
    extended: 'The decision period was extended on {at}: {reason}',
    noClocks: 'No deadline has started yet.',
  },
  purposes: {
    PUBLIC_HEALTH: 'Public interest in public or occupational health',
    POLICY_REGULATION: 'Policy making and regulatory activities',
    OFFICIAL_STATISTICS: 'Official statistics',
    EDUCATION: 'Education or teaching in health or care',
    SCIENTIFIC_RESEARCH: 'Scientific research related to health or care, including AI development',
    CARE_IMPROVEMENT: 'Improvement of care and treatment',
  },
  purposeLetter: 'Art. 53(1)({letter})',
  publicBodyOnly:
    'Purposes (a)–(c) are reserved to public sector bodies and EU institutions (Art. 53(2)). Your organisation is not verified as one, so they are not available.',
  prohibited: {
    DETRIMENTAL_DECISIONS:
      'I will not use the data to take decisions detrimental to a person or group of persons (Art. 54(a)).',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'I will not use the data to exclude people from insurance, employment, credit or other services, or change their terms (Art. 54(b)).',
    ADVERTISING_MARKETING: 'I will not use the data for advertising or marketing (Art. 54(c)).',
    HARMFUL_PRODUCTS:
      'I will not use the data to develop harmful products or services, such as illicit drugs, alcohol, tobacco, weapons or addictive designs (Art. 54(d)).',
    AGAINST_NATIONAL_ETHICS_LAW:
      'I will not use the data for activities that conflict with ethical provisions of national law (Art. 54(e)).',
  },
  personRoles: {
    principal_investigator: 'Principal investigator',
    researcher: 'Researcher',
    data_scientist: 'Data scientist',
    student: 'Student',
    other: 'Other',
  },
  legalBases: {
    '6(1)(a)': 'GDPR Art. 6(1)(a): consent',
    '6(1)(b)': 'GDPR Art. 6(1)(b): contract',
    '6(1)(c)': 'GDPR Art. 6(1)(c): legal obligation',
    '6(1)(d)': 'GDPR Art. 6(1)(d): vital interests',
    '6(1)(e)': 'GDPR Art. 6(1)(e): public interest or official authority',
    '6(1)(f)': 'GDPR Art. 6(1)(f): legitimate interests',
  },
  ethicsStatuses: {
    approved: 'Approved by an ethics committee',
    pending: 'Review pending',
    not_required: 'Not required by national law',
  },
};

/** The text above in the page's language. */
export const vocabularyText = localise(vocabularyEn, {
  de: vocabularyDe,
  fr: vocabularyFr,
  it: vocabularyIt,
});
