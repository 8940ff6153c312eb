import { localise } from '../../i18n/localise';
import { organisationsDe } from './strings-de';
import { organisationsFr } from './strings-fr';
import { organisationsIt } from './strings-it';
/**
 * English strings of organisation administration (organisations, the verified public-body flag of
 * Art. 53(2), memberships), in one place so a translation is one more file of the same shape (see
 * i18n/en.ts). Placeholders in braces are filled by `fmt`.
 */
export const organisationsEn = {
  link: 'Organisations and members',
  linkIntro: 'Organisations, their kind and public-body status (Art. 53(2)), and who acts for them.',
  forbidden: 'Sign in as HDAB staff or administrator to see organisations.',
  kinds: {
    biotech_company: 'Biotech or pharmaceutical company',
    research_organisation: 'Research organisation',
    public_body: 'Public sector body',
    eu_body: 'EU institution, body, office or agency',
    healthcare_provider: 'Healthcare provider',
    data_holder: 'Health data holder',
    patient_organisation: 'Patient organisation',
    ai_factory: 'AI Factory',
    hdab: 'Health data access body',
  } as Record<string, string>,
  list: {
    title: 'Organisations',
    intro:
      'Everyone who is not a citizen acts for an organisation. Its kind and whether it is a verified public sector body decide which purposes its members may apply for (Art. 53(2)).',
    caption: 'Organisations, by name',
    name: 'Name',
    kind: 'Kind',
    country: 'Country',
    publicBody: 'Verified public body',
    members: 'Members',
    yes: 'Verified',
    no: 'No',
    empty: 'No organisations yet.',
    staffNote: 'HDAB staff may read organisations; only administrators change them.',
    back: 'Administration',
  },
  create: {
    title: 'Create an organisation',
    name: 'Name',
    nameHint: 'As it is registered, e.g. “Terveyden ja hyvinvoinnin laitos THL”. Names are unique.',
    kind: 'Kind',
    kindChoose: 'Choose a kind',
    country: 'Country code',
    countryHint: 'Two letters (ISO 3166-1 alpha-2), e.g. FI; EU for Union bodies.',
    submit: 'Create organisation',
    working: 'Creating…',
    nameMissing: 'Give the name (2 to 200 characters).',
    kindMissing: 'Choose the kind of organisation.',
    countryInvalid: 'Two letters such as FI, or EU.',
    created: 'Organisation “{name}” created.',
    open: 'Open it',
  },
  detail: {
    back: 'All organisations',
    notFound: 'This organisation does not exist.',
    facts: 'Organisation',
    kind: 'Kind',
    country: 'Country',
    created: 'Created',
    publicBody: 'Verified public body (Art. 53(2))',
    verifiedAt: 'Verified on {date}',
    notVerified: 'Not verified',
    verifyTitle: 'Public-body status (Art. 53(2))',
    verifyIntro:
      'Purposes 53(1)(a) to (c) are open only to public sector bodies and EU institutions, bodies, offices and agencies, or those acting for them. Record your finding after checking the organisation’s legal status; it is audited.',
    verifyKindNote: 'Its kind is “{kind}”: check that it really is a public sector body before verifying.',
    verify: 'Record as a verified public body',
    unverify: 'Withdraw the verification',
    unverifyWarning:
      'Withdraw the verification of {name}? Its members can no longer apply for purposes 53(1)(a) to (c).',
    unverifyConfirm: 'Withdraw',
    cancel: 'Cancel',
    working: 'Saving…',
    verified: '{name} is recorded as a verified public body.',
    unverified: 'The verification of {name} was withdrawn.',
  },
  members: {
    title: 'Members',
    caption: 'Members and their roles',
    name: 'Name',
    username: 'Username',
    roleHere: 'Role here',
    acting: 'Acts for it now',
    actions: 'Actions',
    yes: 'Yes',
    no: 'No',
    empty: 'This organisation has no members.',
    remove: 'Remove',
    self: 'You (another administrator can remove you)',
    removeLabel: 'Remove {name}',
    removeWarning:
      'Remove {name} from {organisation}? If they act for it now, they move to another of their organisations, or to none.',
    removeConfirm: 'Remove the member',
    removeCancel: 'Keep',
    removing: 'Removing…',
    removed: '{name} was removed from the organisation.',
    addTitle: 'Add a member, or change a member’s role',
    addIntro:
      'An account that acts for no organisation starts acting for this one. Adding an existing member again changes their role here.',
    account: 'Account',
    accountChoose: 'Choose an account',
    accountOption: '{name} ({username})',
    role: 'Role in this organisation',
    roleHint: 'HDAB staff and administrators must sign in with an authenticator code.',
    add: 'Add member',
    adding: 'Adding…',
    accountMissing: 'Choose the account to add.',
    roleMissing: 'Choose the role.',
    added: '{name} is a member as {role}.',
    noAccounts: 'There are no accounts to add.',
  },
} as const;

/** The shape of the organisations string table. */
export type OrganisationsStrings = typeof organisationsEn;

/** The text above in the page's language. */
export const organisationsText = localise(organisationsEn, {
  de: organisationsDe,
  fr: organisationsFr,
  it: organisationsIt,
});
