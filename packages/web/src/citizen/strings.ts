import { localise } from '../i18n/localise';
import { citizenDe } from './strings-de';
import { citizenFr } from './strings-fr';
import { citizenIt } from './strings-it';
/** The citizen page's words (English), in plain language (GUIDE M8.1: accessible, understandable). */
export const citizenEn = {
  nav: 'Your data choice',
  title: 'Your choice on the secondary use of your health data',
  intro:
    'Under the European Health Data Space, health data held about you can be used again, with safeguards, for research, innovation, public health, policy and official statistics. This is called secondary use. You may refuse it at any time, without giving a reason, and change your mind later.',
  signInTitle: 'Sign in to see and change your choice',
  signInIntro:
    'Sign in with your national eID, so that only you can see and change your choice. The service keeps no name and no national identification number: only a protected code derived from your number.',
  signInWith: 'Sign in with {label}',
  noProvider:
    'National eID sign-in is not configured at this service. Contact the Health Data Access Body to register your choice.',
  notCitizen:
    'This page is for individuals signed in with a national eID. You are signed in as {name} ({role}); sign out and sign in with your national eID to manage your own choice.',
  statusTitle: 'Your current choice',
  optedOut: 'You have opted out since {date}.',
  optedOutMore:
    'Your data will be left out of data permits and data requests approved from that date on. You can opt back in at any time.',
  notOptedOut: 'You have not opted out.',
  notOptedOutMore:
    'Your data may be used for secondary use under a data permit or data request, under the safeguards of the law. You can opt out at any time.',
  optOutButton: 'Opt out of secondary use',
  optInButton: 'Opt back in',
  confirmOptOutTitle: 'Confirm: opt out of secondary use',
  confirmOptOut:
    'From now on, your data will be left out of data permits and data requests approved after today. Permits approved earlier are not affected, and your care is not affected.',
  confirmOptInTitle: 'Confirm: opt back in',
  confirmOptIn:
    'From now on, your data may be included in data permits and data requests approved after today. Permits approved while you were opted out stay without your data.',
  confirmYesOut: 'Yes, opt out',
  confirmYesIn: 'Yes, opt back in',
  cancel: 'Cancel',
  working: 'Saving your choice…',
  doneOut: 'Your opt-out is registered. Receipt {receipt}, {date}.',
  doneIn: 'You have opted back in. Receipt {receipt}, {date}.',
  unchanged: 'Your choice was already registered; nothing changed.',
  historyTitle: 'History and receipts',
  historyEmpty: 'You have not made a choice yet.',
  historyCaption: 'Every change of your choice, newest first, with its receipt number.',
  colWhat: 'What',
  colWhen: 'When',
  colReceipt: 'Receipt',
  actionOptOut: 'Opted out',
  actionReversal: 'Opted back in',
  failed: 'Your choice could not be saved',
  loadFailed: 'Your choice could not be loaded',
  aboutTitle: 'What your choice means',
  coversTitle: 'What opting out covers',
  covers: [
    'Secondary use of your electronic health data under the European Health Data Space Regulation (EU) 2025/327, Article 71: data permits and data requests approved by the Health Data Access Body after you opt out.',
    'Every data holder connected to this Health Data Access Body leaves your data out when it prepares data for such a permit.',
  ],
  notCoversTitle: 'What it does not change',
  notCovers: [
    'Permits and requests approved before you opted out (Article 71(3)): data already prepared for them stays in use until they end.',
    'Your care: doctors and hospitals treating you still see and use your health data as before.',
    'Other laws that require data to be reported, for example to disease registries.',
    'Choices in other countries: an opt-out here applies to this country only.',
  ],
  exceptionsTitle: 'Exceptions',
  exceptions:
    'National law may allow a public body with a public-health mandate to use data despite opt-outs, only for public health, policy or official statistics, or important research in the public interest, when the data cannot be obtained another way, and only if the exception is justified and written into the permit (Article 71(4)). Each such permit records that the exception was granted.',
  privacyTitle: 'How your choice is kept',
  privacy:
    'The register holds a protected code made from your national identification number with a secret key, the times of your choices and their receipts — no name, no number. Data holders recognise you with the same code; the Health Data Access Body only sees how many people opted out, never who.',
} as const;

/** The text above in the page's language. */
export const citizenText = localise(citizenEn, { de: citizenDe, fr: citizenFr, it: citizenIt });
