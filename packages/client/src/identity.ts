/**
 * Identity at the hub (packages/server/src/auth/README.md): the authenticator-code sign-in step, TOTP
 * enrolment, OpenID Connect providers, personal API tokens, organisations and accounts. Shapes mirror
 * the hub's without importing them (DESIGN.md §2).
 */
import { createHttp, joinUrl, type HttpOptions } from './http';
import type { Principal, Role, SignInResult } from './types';

/** An OpenID Connect provider the sign-in page offers. */
export interface AuthProvider {
  id: string;
  label: string;
  /** 'user': researchers and staff; 'citizen': national eID. */
  audience: 'user' | 'citizen';
}

/** A TOTP secret to add to an authenticator app, as text and as an `otpauth://` URI (for a QR code). */
export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/** A problem+json extension: staff without an authenticator get this challenge to enrol one. */
export interface TotpEnrolmentProblem {
  code: 'totp-enrolment-required';
  enrolmentChallenge: string;
}

/** Scopes of an API token: `read` calls GET routes only; `write` may also change things. */
export type ApiTokenScope = 'read' | 'write';

/** A personal API token as listed (never with its secret). */
export interface ApiToken {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Kinds of organisation. */
export const ORGANISATION_KINDS = [
  'biotech_company',
  'research_organisation',
  'public_body',
  'eu_body',
  'healthcare_provider',
  'data_holder',
  'patient_organisation',
  'ai_factory',
  'hdab',
] as const;

/** A kind of organisation. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** An organisation as administrators see it. */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string;
  publicBodyVerified: boolean;
  publicBodyVerifiedAt: string | null;
  memberCount: number;
  createdAt: string;
}

/** Roles held through an organisation (every role but citizen). */
export type MemberRole = Exclude<Role, 'citizen'>;

/** An account's role in an organisation. */
export interface Membership {
  accountId: string;
  username: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  role: MemberRole;
  current: boolean;
}

/** An account as administrators see it. */
export interface AccountSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  hasPassword: boolean;
  totp: 'none' | 'pending' | 'confirmed';
  externalIdentities: number;
  createdAt: string;
}

/** The signed-in person's own account ("My account"): never a secret, never a citizen's pseudonym. */
export interface AccountProfile {
  accountId: string;
  username: string;
  displayName: string;
  /** Null for citizens and when none is known. */
  email: string | null;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: string | null;
  publicBodyVerified: boolean;
  hasPassword: boolean;
  totp: 'none' | 'pending' | 'confirmed';
  externalIdentities: number;
  createdAt: string;
}

/** Identity calls to the hub. */
export interface IdentityClient {
  /** Completes a sign-in with the authenticator code. */
  signInTotp(challenge: string, code: string): Promise<SignInResult>;
  /** Staff without an authenticator: a fresh secret for the enrolment challenge of a refused sign-in. */
  enrolAtSignIn(challenge: string): Promise<TotpEnrolment>;
  /** Confirms that enrolment with a first code, which completes the sign-in. */
  confirmEnrolmentAtSignIn(challenge: string, code: string): Promise<SignInResult>;
  /** The OpenID Connect providers to offer. */
  providers(): Promise<AuthProvider[]>;
  /** The URL that starts an OpenID Connect sign-in (navigate the browser there). */
  providerStartUrl(id: string, returnTo?: string): string;
  /** The signed-in person's own account. */
  account(): Promise<AccountProfile>;
  totpStatus(): Promise<'none' | 'pending' | 'confirmed'>;
  enrolTotp(): Promise<TotpEnrolment>;
  confirmTotp(code: string): Promise<void>;
  listTokens(): Promise<ApiToken[]>;
  /** Creates a token; the secret is in this answer only. */
  createToken(input: {
    name: string;
    scopes: ApiTokenScope[];
    expiresInDays: number;
  }): Promise<ApiToken & { secret: string }>;
  revokeToken(id: string): Promise<ApiToken>;
  memberships(): Promise<Membership[]>;
  actFor(organisationId: string): Promise<Principal>;
  listOrganisations(): Promise<Organisation[]>;
  getOrganisation(id: string): Promise<Organisation>;
  createOrganisation(input: { name: string; kind: OrganisationKind; country: string }): Promise<Organisation>;
  setPublicBodyVerified(id: string, verified: boolean): Promise<Organisation>;
  listMembers(organisationId: string): Promise<Membership[]>;
  addMember(organisationId: string, accountId: string, role: MemberRole): Promise<Membership>;
  removeMember(organisationId: string, accountId: string): Promise<void>;
  listAccounts(): Promise<AccountSummary[]>;
  createAccount(input: {
    username: string;
    displayName: string;
    role: MemberRole;
    organisationId?: string;
    password: string;
  }): Promise<AccountSummary>;
  resetTotp(accountId: string): Promise<boolean>;
}

const enc = encodeURIComponent;

/** Creates the identity client (same options as `createHubClient`). */
export function createIdentityClient(options: HttpOptions): IdentityClient {
  const send = createHttp(options);
  return {
    signInTotp: (challenge, code) =>
      send<SignInResult>({ method: 'POST', path: '/api/auth/sign-in/totp', json: { challenge, code } }),
    enrolAtSignIn: (challenge) =>
      send<TotpEnrolment>({ method: 'POST', path: '/api/auth/sign-in/enrol', json: { challenge } }),
    confirmEnrolmentAtSignIn: (challenge, code) =>
      send<SignInResult>({
        method: 'POST',
        path: '/api/auth/sign-in/enrol/confirm',
        json: { challenge, code },
      }),
    providers: async () =>
      (await send<{ providers: AuthProvider[] }>({ method: 'GET', path: '/api/auth/providers' })).providers,
    providerStartUrl: (id, returnTo) =>
      joinUrl(
        options.baseUrl,
        `/api/auth/oidc/${enc(id)}/start${returnTo ? `?returnTo=${enc(returnTo)}` : ''}`,
      ),
    account: () => send<AccountProfile>({ method: 'GET', path: '/api/auth/account' }),
    totpStatus: async () =>
      (await send<{ status: 'none' | 'pending' | 'confirmed' }>({ method: 'GET', path: '/api/auth/totp' }))
        .status,
    enrolTotp: () => send<TotpEnrolment>({ method: 'POST', path: '/api/auth/totp/enrol', json: {} }),
    confirmTotp: async (code) => {
      await send({ method: 'POST', path: '/api/auth/totp/confirm', json: { code } });
    },
    listTokens: async () =>
      (await send<{ tokens: ApiToken[] }>({ method: 'GET', path: '/api/tokens' })).tokens,
    createToken: (input) =>
      send<ApiToken & { secret: string }>({ method: 'POST', path: '/api/tokens', json: input }),
    revokeToken: (id) => send<ApiToken>({ method: 'DELETE', path: `/api/tokens/${enc(id)}` }),
    memberships: async () =>
      (await send<{ memberships: Membership[] }>({ method: 'GET', path: '/api/auth/memberships' }))
        .memberships,
    actFor: (organisationId) =>
      send<Principal>({ method: 'POST', path: '/api/auth/acting-organisation', json: { organisationId } }),
    listOrganisations: async () =>
      (await send<{ organisations: Organisation[] }>({ method: 'GET', path: '/api/organisations' }))
        .organisations,
    getOrganisation: (id) => send<Organisation>({ method: 'GET', path: `/api/organisations/${enc(id)}` }),
    createOrganisation: (input) =>
      send<Organisation>({ method: 'POST', path: '/api/organisations', json: input }),
    setPublicBodyVerified: (id, verified) =>
      send<Organisation>({
        method: 'POST',
        path: `/api/organisations/${enc(id)}/public-body`,
        json: { verified },
      }),
    listMembers: async (organisationId) =>
      (
        await send<{ members: Membership[] }>({
          method: 'GET',
          path: `/api/organisations/${enc(organisationId)}/members`,
        })
      ).members,
    addMember: (organisationId, accountId, role) =>
      send<Membership>({
        method: 'POST',
        path: `/api/organisations/${enc(organisationId)}/members`,
        json: { accountId, role },
      }),
    removeMember: async (organisationId, accountId) => {
      await send({
        method: 'DELETE',
        path: `/api/organisations/${enc(organisationId)}/members/${enc(accountId)}`,
      });
    },
    listAccounts: async () =>
      (await send<{ accounts: AccountSummary[] }>({ method: 'GET', path: '/api/accounts' })).accounts,
    createAccount: (input) => send<AccountSummary>({ method: 'POST', path: '/api/accounts', json: input }),
    resetTotp: async (accountId) =>
      (
        await send<{ reset: boolean }>({
          method: 'POST',
          path: `/api/accounts/${enc(accountId)}/totp-reset`,
          json: {},
        })
      ).reset,
  };
}

/**
 * The enrolment challenge carried by a refused sign-in (an `ApiError`'s problem extensions), or null
 * when the error is anything else.
 */
export function enrolmentChallengeOf(error: unknown): string | null {
  const p = (error as { extensions?: Partial<TotpEnrolmentProblem> } | null)?.extensions;
  return p?.code === 'totp-enrolment-required' && typeof p.enrolmentChallenge === 'string'
    ? p.enrolmentChallenge
    : null;
}
