import { localise } from '../i18n/localise';
import { accountDe } from './strings-de';
import { accountFr } from './strings-fr';
import { accountIt } from './strings-it';
/**
 * English strings of "My account" (profile, acting organisation, authenticator, API tokens), in one
 * place so a translation is one more file of the same shape (see i18n/en.ts). Placeholders in braces
 * are filled by `fmt`.
 */
export const accountEn = {
  nav: 'My account',
  signInNeeded: 'Sign in to see your account.',
  title: 'My account',
  profile: {
    title: 'Profile',
    username: 'Username',
    displayName: 'Name',
    email: 'E-mail',
    emailNone: 'None recorded',
    emailHint: 'Permits name their authorised persons by e-mail address; yours gives you their visas.',
    role: 'Role',
    organisation: 'Acting for',
    organisationNone: 'No organisation',
    kind: 'Kind of organisation',
    publicBody: 'Verified public body (Art. 53(2))',
    yes: 'Yes',
    no: 'No',
    signIn: 'Signs in with',
    password: 'a password',
    provider: 'an identity service',
    passwordAndProvider: 'a password or an identity service',
    since: 'Account created',
    citizenNote:
      'You signed in with your national eID. The hub keeps only a keyed pseudonym of your national identifier, never the identifier itself (Art. 71).',
  },
  acting: {
    title: 'Organisation you act for',
    intro:
      'You act for one organisation at a time; your role is the one you hold there. Switching changes what you see and may do.',
    select: 'Organisation',
    option: '{organisation} — {role}',
    current: '(current)',
    submit: 'Switch',
    working: 'Switching…',
    switched: 'You now act for {organisation} as {role}.',
    only: 'You are a member of {organisation} only.',
    none: 'You are not a member of any organisation. An administrator can add you to one.',
    mfaNote:
      'Acting as HDAB staff or administrator needs a sign-in with an authenticator code; set one up below and sign in again first.',
  },
  totp: {
    title: 'Second factor (authenticator app)',
    confirmed: 'An authenticator app is set up. Each password sign-in asks for its 6-digit code.',
    confirmedLost: 'Lost the device? An administrator can reset it; you then set up a new one.',
    pending:
      'An authenticator set-up was started but not confirmed. Start again to get a fresh secret; the earlier one no longer counts.',
    none: 'No authenticator app is set up.',
    required: 'Your role needs one: HDAB staff and administrators sign in with a code (Art. 73(1)(b)).',
    optional: 'Adding one protects your account: after that, each password sign-in also asks for a code.',
    providerOnly:
      'You sign in through an identity service, which handles the second factor; there is nothing to set up here.',
    start: 'Set up an authenticator app',
    restart: 'Start again',
    starting: 'Preparing…',
    stepsTitle: 'Add this account to your authenticator app',
    step1:
      'In your authenticator app, choose to add an account by entering a key (or, on the phone that has the app, open the link).',
    secret: 'Secret key',
    secretHint: 'Type it with or without the spaces.',
    manual:
      'If the app asks: account name {account}, issuer {issuer}, time-based, {digits} digits every {period} seconds ({algorithm}).',
    uri: 'Set-up address (otpauth URI)',
    uriHint: 'Some apps accept this whole address pasted in.',
    openLink: 'Open in an authenticator app',
    step2: 'Then enter the code the app shows now.',
    code: 'Code from the app',
    codeHint: '6 digits.',
    codeMissing: 'Enter the 6 digits your app shows.',
    confirm: 'Confirm',
    confirming: 'Checking…',
    done: 'Your authenticator app is set up. From your next sign-in, the hub asks for its code.',
    cancel: 'Cancel',
  },
  tokens: {
    title: 'API tokens',
    intro:
      'Personal tokens let the ehds command line tool and your scripts call the hub as you, with your role. Keep them secret like a password.',
    citizen: 'Citizens have no API tokens.',
    caption: 'Your API tokens, newest first',
    name: 'Name',
    scope: 'Scope',
    created: 'Created',
    lastUsed: 'Last used',
    expires: 'Expires',
    status: 'Status',
    actions: 'Actions',
    never: 'Never',
    empty: 'You have no API tokens.',
    scopes: { read: 'Read', write: 'Read and write' } as Record<string, string>,
    states: { active: 'Active', revoked: 'Revoked {at}', expired: 'Expired' } as Record<string, string>,
    newTitle: 'Create a token',
    newName: 'Name',
    newNameHint: 'What it is for, e.g. “laptop CLI” or “nightly export”.',
    newScope: 'Scope',
    newScopeRead: 'Read only: the token may only read (GET requests)',
    newScopeWrite: 'Read and write: the token may also change things as you',
    newExpiry: 'Expires after',
    newExpiryHint: 'At most one year; create a new token when it runs out.',
    days: '{n} days',
    oneYear: '1 year (365 days)',
    create: 'Create token',
    creating: 'Creating…',
    nameMissing: 'Give the token a name.',
    nameTooLong: 'At most 100 characters.',
    createdTitle: 'Copy your new token now',
    createdWarning:
      'This is the only time the hub shows “{name}”. It keeps only a hash, so nobody can show it to you again. If you lose it, revoke it and create another.',
    secret: 'Token',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy; select the token and copy it yourself.',
    copiedDone: 'I have copied it',
    revoke: 'Revoke',
    revokeLabel: 'Revoke {name}',
    revokeWarning: 'Revoke “{name}”? Programs using it stop working at once. This cannot be undone.',
    revokeConfirm: 'Revoke the token',
    revokeCancel: 'Keep it',
    revoking: 'Revoking…',
    revoked: 'The token “{name}” was revoked.',
  },
} as const;

/** The shape of the account string table. */
export type AccountStrings = typeof accountEn;

/** The text above in the page's language. */
export const accountText = localise(accountEn, { de: accountDe, fr: accountFr, it: accountIt });
