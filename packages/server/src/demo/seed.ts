import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { createAccount } from '../auth/service';
import { requiresMfa, type Role } from '../auth/roles';
import { enrolTotpSecret } from '../auth/totp-service';
import type { OrganisationKind } from '../organisations/kinds';

/** The demo's data holders: a Finnish biobank, a Spanish cancer registry and a German university hospital. */
export const DEMO_HOLDERS = [
  { key: 'fi', name: 'Helsinki Biobank (demo)', country: 'FI' },
  { key: 'es', name: 'Registro de Cáncer de Cataluña (demo)', country: 'ES' },
  { key: 'de', name: 'Universitätsklinikum Heidelberg (demo)', country: 'DE' },
] as const;

/** A verified public body (Art. 53(2)), so the demo can apply for purposes 53(1)(a)-(c). */
export const DEMO_PUBLIC_BODY = {
  key: 'thl',
  name: 'Terveyden ja hyvinvoinnin laitos THL (demo)',
  kind: 'public_body' as OrganisationKind,
  country: 'FI',
};

/** Demo accounts, one or more per role. The password is printed by `npm start`; never use it in production. */
export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  role: Role;
  org: string;
  email?: string;
}[] = [
  { username: 'holder-fi', displayName: 'Aino Virtanen', role: 'data_holder', org: 'fi' },
  { username: 'holder-es', displayName: 'Lucía García', role: 'data_holder', org: 'es' },
  { username: 'holder-de', displayName: 'Jonas Becker', role: 'data_holder', org: 'de' },
  {
    username: 'user',
    displayName: 'Marie Dubois (BioNova SAS)',
    role: 'data_user',
    org: 'biotech',
    // The principal investigator of the example application, so her permits' visas reach her.
    email: 'marie@bionova.example',
  },
  {
    username: 'researcher-thl',
    displayName: 'Mikko Laine (THL)',
    role: 'data_user',
    org: 'thl',
    email: 'mikko.laine@thl.example',
  },
  { username: 'hdab', displayName: 'Eva Novak (HDAB)', role: 'hdab_staff', org: 'hdab' },
  // A second member of staff, so outputs can be checked by two people (the airlock's four eyes).
  {
    username: 'hdab-checker',
    displayName: 'Olli Virtanen (HDAB output checker)',
    role: 'hdab_staff',
    org: 'hdab',
  },
  { username: 'admin', displayName: 'Platform administrator', role: 'admin', org: 'hdab' },
];

export const DEMO_PASSWORD = 'demo-password';

/**
 * The TOTP secret of the demo's HDAB staff and administrator (base32, RFC 6238 SHA-1, 6 digits,
 * 30 s). Documented so anyone can add it to an authenticator app, and so the demo sign-in buttons
 * can compute the code; a real deployment has each person enrol their own.
 */
export const DEMO_TOTP_SECRET = 'OPENEHDS2DEMO2TOTP2SECRET2ABCDEF';

/**
 * Creates the demo organisations and accounts once; a second start finds them and only adds what
 * later versions of the demo brought (the verified public body, its researcher, the demo TOTP secret),
 * so the data dir of an earlier run keeps working. True when the demo was created now.
 */
export async function seedDemo(db: Db, hdab: { name: string; country: string }): Promise<boolean> {
  const [existing] = await db.query('SELECT 1 FROM account WHERE username = $1', ['admin']);
  const orgs = new Map<string, string>();
  const addOrg = async (
    key: string,
    name: string,
    kind: OrganisationKind,
    country: string,
    verified = false,
  ) => {
    const known = await organisationByName(db, name);
    if (known) return void orgs.set(key, known);
    const id = randomUUID();
    await db.query(
      'INSERT INTO organisation (id, name, kind, country, public_body_verified, public_body_verified_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, name, kind, country, verified, verified ? new Date().toISOString() : null],
    );
    orgs.set(key, id);
  };
  if (!existing) {
    for (const h of DEMO_HOLDERS) await addOrg(h.key, h.name, 'data_holder', h.country);
    await addOrg('biotech', 'BioNova SAS (demo)', 'biotech_company', 'FR');
    await addOrg('hdab', hdab.name, 'hdab', hdab.country.length === 2 ? hdab.country : 'EU');
  }
  await addOrg(
    DEMO_PUBLIC_BODY.key,
    DEMO_PUBLIC_BODY.name,
    DEMO_PUBLIC_BODY.kind,
    DEMO_PUBLIC_BODY.country,
    true,
  );
  for (const a of DEMO_ACCOUNTS) {
    const [known] = await db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [
      a.username,
    ]);
    const id =
      known?.id ??
      (await createAccount(db, { ...a, organisationId: orgs.get(a.org) ?? null, password: DEMO_PASSWORD }));
    if (requiresMfa(a.role)) await enrolTotpSecret(db, id, DEMO_TOTP_SECRET);
  }
  return !existing;
}

/** Finds an organisation by name (nodes name theirs when they register). */
export async function organisationByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [name]);
  return row?.id ?? null;
}
