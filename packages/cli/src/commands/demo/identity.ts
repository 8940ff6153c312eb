import { randomBytes } from 'node:crypto';
import type { DemoIdentityProvider, DemoIdpAccount } from '@openehds/server';
import { personIdentifier } from '@openehds/synth';
import { DEMO_NODES } from './plan';

const FI_NODE = DEMO_NODES.find((n) => n.key === 'fi')!;

/**
 * The demo citizen who is also a person of the Finnish node's synthetic population (person 7 of its
 * seed): her eID carries that person's identifier, the one the node unifies persons by, so her opt-out
 * really leaves her out of later permits' extracts at that node (Art. 71). In the demo this identifier
 * plays the national identification number; the others below are numbers no one holds.
 */
export const DEMO_OPT_OUT_PERSON = personIdentifier(FI_NODE.country, FI_NODE.seed, 7);

/**
 * The demo's identity providers: a "national eID" for citizens and a "Life Science Login" for
 * researchers, both real OpenID Connect providers (oidc-provider) running inside the demo process.
 * Every person here is fictitious; national identifiers use the 9xx individual numbers that Finnish
 * personal identity codes reserve for non-persons, so they cannot be anyone's, except Liisa's, which is
 * a synthetic person's identifier at the Finnish demo node ({@link DEMO_OPT_OUT_PERSON}).
 */
export const DEMO_CITIZENS: DemoIdpAccount[] = [
  {
    sub: 'eid-0001',
    username: 'liisa',
    password: 'demo-password',
    name: 'Liisa Mäkinen',
    givenName: 'Liisa',
    familyName: 'Mäkinen',
    nationalId: DEMO_OPT_OUT_PERSON,
  },
  {
    sub: 'eid-0002',
    username: 'pekka',
    password: 'demo-password',
    name: 'Pekka Nieminen',
    givenName: 'Pekka',
    familyName: 'Nieminen',
    nationalId: '030771-9038',
  },
  {
    sub: 'eid-0003',
    username: 'sofia',
    password: 'demo-password',
    name: 'Sofia Lindqvist',
    givenName: 'Sofia',
    familyName: 'Lindqvist',
    nationalId: '221199-905K',
  },
];

/** Researchers who sign in through the demo Life Science Login. */
export const DEMO_LS_RESEARCHERS: DemoIdpAccount[] = [
  {
    sub: 'ls-0001',
    username: 'lena',
    password: 'demo-password',
    name: 'Lena Schmidt (demo university)',
    givenName: 'Lena',
    familyName: 'Schmidt',
    email: 'lena.schmidt@university.example',
  },
];

/** The running demo providers and the hub configuration that registers them. */
export interface DemoIdentity {
  providers: DemoIdentityProvider[];
  /** The value of EHDS_OIDC_PROVIDERS for the hub. */
  hubProvidersJson: string;
}

/** Starts the demo national eID (citizens) on `ports.eid` and the Life Science Login (users) on `ports.ls`. */
export async function startDemoIdentity(
  hubUrl: string,
  ports: { eid: number; ls: number },
): Promise<DemoIdentity> {
  // Loaded on use, so `ehds --help` stays instant.
  const { startDemoIdentityProvider } = await import('@openehds/server');
  const callback = (id: string) => `${hubUrl}/api/auth/oidc/${id}/callback`;
  const eidSecret = randomBytes(24).toString('base64url');
  const eid = await startDemoIdentityProvider({
    port: ports.eid,
    title: 'Demo national eID',
    clients: [
      {
        clientId: 'openehds-hub',
        clientSecret: eidSecret,
        redirectUris: [callback('demo-eid')],
        name: 'Demo HDAB',
      },
    ],
    accounts: DEMO_CITIZENS,
  });
  const ls = await startDemoIdentityProvider({
    port: ports.ls,
    title: 'Demo Life Science Login',
    // A public client: PKCE is its proof.
    clients: [{ clientId: 'openehds-hub', redirectUris: [callback('demo-ls')], name: 'Demo HDAB' }],
    accounts: DEMO_LS_RESEARCHERS,
  });
  return {
    providers: [eid, ls],
    hubProvidersJson: JSON.stringify([
      {
        id: 'demo-eid',
        label: 'Demo national eID',
        issuer: eid.issuer,
        clientId: 'openehds-hub',
        clientSecret: eidSecret,
        audience: 'citizen',
      },
      {
        id: 'demo-ls',
        label: 'Demo Life Science Login',
        issuer: ls.issuer,
        clientId: 'openehds-hub',
        audience: 'user',
      },
    ]),
  };
}
