import { localise } from '../../i18n/localise';
import { crossBorderDe } from './strings-de';
import { crossBorderFr } from './strings-fr';
import { crossBorderIt } from './strings-it';
/**
 * English strings of the cross-border part of a case file (Art. 67(3), 68(5)), in one place so a
 * translation is one more file of the same shape. Placeholders in braces are filled by `fmt`.
 */
export const crossBorderEn = {
  title: 'Other countries’ HDABs (Art. 67(3), 68(5))',
  introApplicant:
    'Your application names data held in other Member States. It was forwarded to each country’s Health Data Access Body; each decides for the data in its country and shares its decision here.',
  introStaff:
    'The file was forwarded to these HDABs for their countries’ data; each decides for its part and its signed decision arrives here.',
  country: '{country}',
  peer: 'HDAB',
  peerUnknown: 'Not configured as a peer',
  datasets: 'Datasets in this country',
  remoteReference: 'Their reference',
  remoteStatus: 'Status there',
  notYet: 'Not reported yet',
  forwarded: 'Forwarded',
  forwardedAt: 'Delivered {at}',
  forwardPending: 'Not delivered yet ({attempts} attempts)',
  forwardPendingNone: 'Waiting to be sent',
  lastError: 'Last error: {error}',
  lastSync: 'Last news',
  reason: 'Their note',
  information: 'Request for information',
  informationAsked: 'Asked {at}:',
  informationOpen: 'Answer within 4 weeks, or their part is refused (Art. 68(4)).',
  informationAnswered: 'You answered {at}:',
  answer: 'Your answer to {peer}',
  answerMissing: 'Write your answer.',
  sendAnswer: 'Send the answer',
  sending: 'Sending…',
  delivery: 'Sent to them {at}.',
  deliveryPending: 'Not delivered to them yet.',
  fees: 'Fee estimate for their part (Art. 62)',
  feesSent: 'Sent {at}.',
  feesAccepted: 'You accepted it {at}.',
  feesStaffAccepted: 'Accepted by the applicant {at}.',
  feesOpen: 'Not accepted yet. They can grant access only once you accept it.',
  acceptFees: 'Accept their estimate',
  accepting: 'Accepting…',
  decision: 'Their decision',
  outcome: 'Outcome',
  signedAt: 'Signed',
  downloadDecision: 'Download their signed decision',
  verifyNote:
    'The decision is signed with that HDAB’s key and was checked against it when it arrived. Check the file offline with {command}.',
  verifyCommand: 'ehds verify FILE',
  noDecision: 'No decision yet.',
} as const;

/** The text above in the page's language. */
export const crossBorderText = localise(crossBorderEn, {
  de: crossBorderDe,
  fr: crossBorderFr,
  it: crossBorderIt,
});
