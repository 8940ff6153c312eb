import { localise } from '../i18n/localise';
import { backofficeDe } from './strings-de';
import { backofficeFr } from './strings-fr';
import { backofficeIt } from './strings-it';
/**
 * English strings of the HDAB back office, in one place so a translation is one more file of the
 * same shape (see i18n/en.ts). Status, clock and outcome labels are shared with the applicant's
 * side in ../applications/strings.ts.
 */
export const backofficeEn = {
  signInNeeded: 'Sign in as HDAB staff to handle applications.',
  queue: {
    title: 'Work queue',
    intro:
      'Every submitted application and health data request, most urgent first: overdue files, then files at risk of missing a deadline, then by next due date.',
    filter: 'Status',
    allStatuses: 'All statuses',
    apply: 'Show',
    empty: 'No files match.',
    caption: 'Submitted files, most urgent first',
    reference: 'Reference',
    titleCol: 'Title',
    kind: 'Kind',
    applicant: 'Applicant',
    status: 'Status',
    urgency: 'Urgency',
    nextDue: 'Next deadline',
    submitted: 'Submitted',
    accelerated: 'accelerated',
    count: '{n} files',
    countOne: '1 file',
  },
  case: {
    back: 'Back to the work queue',
    applicant: 'Applicant',
    organisation: 'Organisation',
    noOrganisation: 'No organisation',
    actions: 'Case actions',
    actionsNone: 'No status change is possible now.',
    startPreScreening: 'Start pre-screening',
    complete: 'Declare the file complete',
    completeHint: 'The decision clock starts when the file is complete (Art. 68(4)).',
    requestInformation: 'Request information',
    requestInformationHint:
      'The applicant has 4 weeks to answer (Art. 68(4)); the decision clock is paused meanwhile.',
    informationMessage: 'What information is needed',
    informationMissing: 'Say what information is needed.',
    sendRequest: 'Send the request',
    extension: 'Extend the decision period',
    extensionIntro:
      'Once only, with reasons the applicant is told: 3 more months, or 1 in the accelerated procedure (Art. 68(4), 68(6)).',
    extensionReason: 'Reasons for the extension',
    extensionMissing: 'Give the reasons for the extension.',
    extend: 'Extend',
    extended: 'Extended on {at}: {reason}',
    working: 'Working…',
    content: 'The {kind}',
  },
  assessment: {
    title: 'Assessment (Art. 68(1), 68(2))',
    intro:
      'Record a verdict and its justification for every point. A grant needs every point met or not applicable.',
    fourEyes: 'Four-eyes rule: each verdict must be confirmed by a second member of staff, not its assessor.',
    verdict: 'Verdict',
    verdicts: { met: 'Met', not_met: 'Not met', not_applicable: 'Not applicable' },
    justification: 'Justification',
    justificationMissing: 'Give a justification.',
    verdictMissing: 'Choose a verdict.',
    save: 'Record',
    update: 'Record again',
    recorded: 'Recorded by {assessor}: {verdict}.',
    confirmedBy: 'Confirmed by {user}.',
    unconfirmed: 'Not yet confirmed.',
    confirm: 'Confirm',
    confirmLabel: 'Confirm {criterion}',
    ownVerdict: 'You recorded this verdict; another member of staff must confirm it.',
    notAssessed: 'Not assessed yet.',
    summary: '{done} of {total} points recorded, {unconfirmed} unconfirmed, {failed} not met.',
    allowed: 'Decisions this assessment allows: {outcomes}.',
    allowedNone: 'No decision yet: complete the checklist first.',
    readOnly: 'The assessment is recorded while the file is being assessed (status PROCESSING).',
    criteria: {
      '68(1)(a)': 'The purpose is one of those of Art. 53(1).',
      '68(1)(b)': 'The data requested is necessary, adequate and proportionate to the purpose.',
      '68(1)(c)': 'The processing has a lawful basis (GDPR Art. 6(1)); pseudonymised data is justified.',
      '68(1)(d)': 'The applicant is qualified for the intended use, with appropriate expertise.',
      '68(1)(e)': 'The applicant has adequate technical and organisational measures against misuse.',
      '68(1)(f)': 'Ethics requirements under national law are met.',
      '68(1)(g)': 'An exception to the opt-out, where requested, is justified (Art. 71(4)).',
      '68(1)(h)': 'The other requirements of Chapter IV are met.',
      '68(2)':
        'Risks to national defence, security, public security and regulators’ confidential data are acceptable.',
    },
  },
  fees: {
    title: 'Costs and fee estimate (Art. 62)',
    holders: 'Data holders’ preparation costs',
    holdersIntro: 'Ask the holders of the requested datasets what preparing their data costs.',
    ask: 'Ask the data holders for their costs',
    asked: 'Asked {at}',
    waiting: 'Waiting for an answer',
    holder: 'Data holder',
    amount: 'Amount',
    note: 'Note',
    answeredAt: 'Answered',
    noHolders: 'No data holder has been asked yet.',
    estimate: 'Fee estimate',
    send: 'Send the fee estimate to the applicant',
    resend: 'Send a new estimate',
    sendHint: 'Sent before the decision; the applicant may accept it or withdraw (Art. 62(5)).',
    sentAt: 'Sent {at}.',
    accepted: 'Accepted by the applicant on {at}.',
    notAccepted: 'Not accepted yet. A grant waits for the applicant’s acceptance.',
    none: 'No estimate sent yet.',
  },
  decision: {
    title: 'Decision',
    intro: 'The decision is signed with the HDAB’s key; a grant issues the data permit (Art. 68(10)).',
    outcome: 'Outcome',
    outcomeNone: 'The assessment allows no decision yet.',
    outcomeMissing: 'Choose an outcome.',
    reasonsMissing: 'Give the reasons for the decision.',
    answeredNeedsConsent:
      'An anonymised answer instead of a permit needs the applicant’s agreement (Art. 68(3)); they have not agreed.',
    reasons: 'Reasons',
    reasonsHint: 'Required for every decision; a refusal or partial grant states why (Art. 68(9)).',
    validFrom: 'Permit valid from',
    validUntil: 'Permit valid until',
    validityHint: 'At most 10 years (Art. 68(12)).',
    grantedDatasets: 'Datasets granted',
    grantedHint: 'A partial grant names some, not all, of the requested datasets.',
    conditions: 'Specific conditions (optional)',
    conditionsHint: 'One condition per line (Art. 68(10)(h)).',
    optOut: 'Grant the requested exception to the opt-out (Art. 71(4))',
    issue: 'Issue the signed decision',
    issuing: 'Signing…',
    failed: 'The decision was not issued. Fix the fields marked below.',
    issued: 'Decision issued.',
    permitIssued: 'Permit {permit} issued.',
  },
} as const;

/** The shape of the back office's string table. */
export type BackofficeStrings = typeof backofficeEn;

/** The text above in the page's language. */
export const backofficeText = localise(backofficeEn, {
  de: backofficeDe,
  fr: backofficeFr,
  it: backofficeIt,
});
