import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { createAccount } from '../auth/service';
import type { Role } from '../auth/roles';

/** The demo's data holders: a Finnish biobank, a Spanish cancer registry and a German university hospital. */
export const DEMO_HOLDERS = [
  { key: 'fi', name: 'Helsinki Biobank (demo)', country: 'FI' },
  { key: 'es', name: 'Registro de Cáncer de Cataluña (demo)', country: 'ES' },
  { key: 'de', name: 'Universitätsklinikum Heidelberg (demo)', country: 'DE' },
] as const;

/** Demo accounts, one or more per role. The password is printed by `npm start`; never use it in production. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; org: string }[] = [
  { username: 'holder-fi', displayName: 'Aino Virtanen', role: 'data_holder', org: 'fi' },
  { username: 'holder-es', displayName: 'Lucía García', role: 'data_holder', org: 'es' },
  { username: 'holder-de', displayName: 'Jonas Becker', role: 'data_holder', org: 'de' },
  { username: 'user', displayName: 'Marie Dubois (BioNova SAS)', role: 'data_user', org: 'biotech' },
  { username: 'hdab', displayName: 'Eva Novak (HDAB)', role: 'hdab_staff', org: 'hdab' },
  { username: 'admin', displayName: 'Platform administrator', role: 'admin', org: 'hdab' },
];

export const DEMO_PASSWORD = 'demo-password';

/** Creates the demo organisations and accounts once; a second start finds them and does nothing. */
export async function seedDemo(db: Db, hdab: { name: string; country: string }): Promise<boolean> {
  const [existing] = await db.query('SELECT 1 FROM account WHERE username = $1', ['admin']);
  if (existing) return false;
  const orgs = new Map<string, string>();
  const addOrg = async (key: string, name: string, kind: string, country: string) => {
    const id = randomUUID();
    await db.query('INSERT INTO organisation (id, name, kind, country) VALUES ($1, $2, $3, $4)', [
      id,
      name,
      kind,
      country,
    ]);
    orgs.set(key, id);
  };
  for (const h of DEMO_HOLDERS) await addOrg(h.key, h.name, 'data_holder', h.country);
  await addOrg('biotech', 'BioNova SAS (demo)', 'biotech_company', 'FR');
  await addOrg('hdab', hdab.name, 'hdab', hdab.country.length === 2 ? hdab.country : 'EU');
  for (const a of DEMO_ACCOUNTS) {
    await createAccount(db, { ...a, organisationId: orgs.get(a.org) ?? null, password: DEMO_PASSWORD });
  }
  return true;
}

/** Finds an organisation by name (nodes name theirs when they register). */
export async function organisationByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [name]);
  return row?.id ?? null;
}
