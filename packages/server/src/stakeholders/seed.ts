import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { insertOrg } from './org-store';
import { OrganisationInput } from './schemas';
import type { RelationshipKind } from './vocab';

/**
 * A demo stakeholder landscape (issue 6 §1): about fifteen European organisations, a few people and
 * some twenty relationships. Every name ends "(demo)" and every email is at example.eu: invented, no
 * real contact is claimed. The AI Factories are modelled on EuroHPC's (a LUMI-like one in Finland, a
 * Leonardo-like one in Italy) with round, illustrative GPU numbers. Where the demo platform has an
 * organisation of the same name (packages/server/src/demo/seed.ts), the stakeholder is linked to it.
 */

type Raw = Record<string, unknown> & { name: string };

const ORGS: Raw[] = [
  {
    name: 'Rheinbiotix GmbH (demo)',
    type: 'biotech',
    country: 'DE',
    ehdsRoles: ['data_user'],
    interest: 5,
    influence: 2,
    description: 'Oncology biotech training models for tumour-board decision support.',
  },
  {
    name: 'Lumen Genomics SAS (demo)',
    type: 'biotech',
    country: 'FR',
    ehdsRoles: ['data_user'],
    interest: 4,
    influence: 2,
    description: 'Rare-disease variant interpretation with machine learning.',
  },
  {
    name: 'Helsinki Biobank (demo)',
    type: 'data_holder',
    country: 'FI',
    ehdsRoles: ['data_holder', 'trusted_data_holder'],
    interest: 4,
    influence: 4,
    description: 'Hospital biobank with genotyped samples and linked health records.',
  },
  {
    name: 'Registro de Cáncer de Cataluña (demo)',
    type: 'data_holder',
    country: 'ES',
    ehdsRoles: ['data_holder'],
    interest: 3,
    influence: 3,
    description: 'Population cancer registry.',
  },
  {
    name: 'Universitätsklinikum Heidelberg (demo)',
    type: 'healthcare_provider',
    country: 'DE',
    ehdsRoles: ['data_holder'],
    interest: 3,
    influence: 4,
  },
  {
    name: 'Hospital Universitario del Levante (demo)',
    type: 'healthcare_provider',
    country: 'ES',
    ehdsRoles: ['data_holder'],
    interest: 3,
    influence: 3,
    description: 'University hospital contributing EHR and imaging data.',
  },
  {
    name: 'Terveyden ja hyvinvoinnin laitos THL (demo)',
    type: 'research',
    country: 'FI',
    ehdsRoles: ['data_holder', 'data_user'],
    interest: 4,
    influence: 4,
  },
  {
    name: 'Nordic Institute for Molecular Medicine (demo)',
    type: 'research',
    country: 'SE',
    ehdsRoles: ['data_user'],
    interest: 4,
    influence: 3,
  },
  {
    name: 'European Patients for Data Trust (demo)',
    type: 'patient_organisation',
    country: 'BE',
    ehdsRoles: [],
    interest: 5,
    influence: 3,
    description: 'Umbrella of patient organisations advocating trustworthy secondary use.',
  },
  {
    name: 'Finnish Rare Disease Association (demo)',
    type: 'patient_organisation',
    country: 'FI',
    ehdsRoles: [],
    interest: 4,
    influence: 1,
  },
  {
    name: 'European Medicines Evaluation Office (demo)',
    type: 'regulator',
    country: 'EU',
    ehdsRoles: ['data_user'],
    interest: 3,
    influence: 5,
    description: 'EMA-like regulator: scientific advice and qualification of AI methods.',
  },
  {
    name: 'Health Data Access Body (demo)',
    type: 'hdab',
    country: 'FI',
    ehdsRoles: ['hdab', 'national_contact_point'],
    interest: 5,
    influence: 5,
    description: 'Decides data permits and runs the secure processing environment.',
  },
  {
    name: 'Agencia de Datos de Salud (demo)',
    type: 'hdab',
    country: 'ES',
    ehdsRoles: ['hdab', 'national_contact_point'],
    interest: 4,
    influence: 5,
  },
  {
    name: 'EuroHealth Data Intermediary BV (demo)',
    type: 'other',
    country: 'NL',
    ehdsRoles: ['health_data_intermediation_entity'],
    interest: 3,
    influence: 2,
  },
  {
    name: 'European Health Research Programme Office (demo)',
    type: 'other',
    country: 'EU',
    ehdsRoles: [],
    interest: 3,
    influence: 4,
    description: 'Funds cross-border health AI pilots.',
  },
  {
    name: 'Boreal AI Factory (LUMI-like, demo)',
    type: 'ai_factory',
    country: 'FI',
    ehdsRoles: [],
    interest: 4,
    influence: 4,
    aiCapabilities: {
      gpus: [{ model: 'AMD Instinct MI250X', count: 10000 }],
      partitions: ['standard-g', 'small-g', 'dev-g'],
      services: ['Slurm batch', 'Jupyter', 'Container registry', 'AI model training support'],
    },
  },
  {
    name: 'Adriatic AI Factory (Leonardo-like, demo)',
    type: 'ai_factory',
    country: 'IT',
    ehdsRoles: [],
    interest: 4,
    influence: 4,
    aiCapabilities: {
      gpus: [{ model: 'NVIDIA A100 64GB', count: 12000 }],
      partitions: ['boost_usr_prod', 'dcgp_usr_prod'],
      services: ['Slurm batch', 'Secure enclave for sensitive data', 'MLOps platform'],
    },
  },
];

const PEOPLE: { org: string; name: string; title: string; email: string | null }[] = [
  {
    org: 'Rheinbiotix GmbH (demo)',
    name: 'Dr. Katrin Demo',
    title: 'Head of AI',
    email: 'k.demo@rheinbiotix.example.eu',
  },
  {
    org: 'Helsinki Biobank (demo)',
    name: 'Ilkka Esimerkki',
    title: 'Biobank director',
    email: 'ilkka@biobank.example.eu',
  },
  {
    org: 'Health Data Access Body (demo)',
    name: 'Eva Novak',
    title: 'Permit officer',
    email: 'eva.novak@hdab.example.eu',
  },
  {
    org: 'European Patients for Data Trust (demo)',
    name: 'Marie Exemple',
    title: 'Policy lead',
    email: null,
  },
  {
    org: 'Boreal AI Factory (LUMI-like, demo)',
    name: 'Antti Malli',
    title: 'User support manager',
    email: 'support@boreal-ai.example.eu',
  },
  {
    org: 'Adriatic AI Factory (Leonardo-like, demo)',
    name: 'Giulia Esempio',
    title: 'Life-science liaison',
    email: 'giulia@adriatic-ai.example.eu',
  },
];

const RELS: [string, string, RelationshipKind, string?][] = [
  ['Helsinki Biobank (demo)', 'Rheinbiotix GmbH (demo)', 'supplies_data', 'Under data permit, via the HDAB'],
  ['Helsinki Biobank (demo)', 'Nordic Institute for Molecular Medicine (demo)', 'supplies_data'],
  ['Registro de Cáncer de Cataluña (demo)', 'Lumen Genomics SAS (demo)', 'supplies_data'],
  ['Hospital Universitario del Levante (demo)', 'Registro de Cáncer de Cataluña (demo)', 'supplies_data'],
  [
    'Universitätsklinikum Heidelberg (demo)',
    'Rheinbiotix GmbH (demo)',
    'collaborates',
    'Clinical validation',
  ],
  ['Health Data Access Body (demo)', 'Helsinki Biobank (demo)', 'regulates'],
  ['Health Data Access Body (demo)', 'Terveyden ja hyvinvoinnin laitos THL (demo)', 'regulates'],
  ['Agencia de Datos de Salud (demo)', 'Registro de Cáncer de Cataluña (demo)', 'regulates'],
  ['Agencia de Datos de Salud (demo)', 'Hospital Universitario del Levante (demo)', 'regulates'],
  [
    'Health Data Access Body (demo)',
    'Agencia de Datos de Salud (demo)',
    'collaborates',
    'Cross-border via HealthData@EU',
  ],
  [
    'European Medicines Evaluation Office (demo)',
    'Rheinbiotix GmbH (demo)',
    'regulates',
    'Scientific advice',
  ],
  ['European Medicines Evaluation Office (demo)', 'Lumen Genomics SAS (demo)', 'regulates'],
  ['Boreal AI Factory (LUMI-like, demo)', 'Rheinbiotix GmbH (demo)', 'provides_compute'],
  [
    'Boreal AI Factory (LUMI-like, demo)',
    'Health Data Access Body (demo)',
    'provides_compute',
    'GPU partition for the SPE',
  ],
  ['Adriatic AI Factory (Leonardo-like, demo)', 'Lumen Genomics SAS (demo)', 'provides_compute'],
  [
    'Adriatic AI Factory (Leonardo-like, demo)',
    'Nordic Institute for Molecular Medicine (demo)',
    'provides_compute',
  ],
  ['European Health Research Programme Office (demo)', 'Boreal AI Factory (LUMI-like, demo)', 'funds'],
  ['European Health Research Programme Office (demo)', 'Adriatic AI Factory (Leonardo-like, demo)', 'funds'],
  [
    'European Health Research Programme Office (demo)',
    'Nordic Institute for Molecular Medicine (demo)',
    'funds',
  ],
  ['Finnish Rare Disease Association (demo)', 'European Patients for Data Trust (demo)', 'member_of'],
  [
    'EuroHealth Data Intermediary BV (demo)',
    'Hospital Universitario del Levante (demo)',
    'collaborates',
    'Prepares data for the holder',
  ],
  [
    'Terveyden ja hyvinvoinnin laitos THL (demo)',
    'Nordic Institute for Molecular Medicine (demo)',
    'collaborates',
  ],
];

/**
 * Seeds the demo landscape; idempotent (a name already registered is left as it is, a relationship
 * already recorded is not added twice). Returns how many organisations it added.
 */
export async function seedStakeholdersDemo(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    let added = 0;
    const [hdab] = await tx.query<{ id: string }>(
      `SELECT id FROM organisation WHERE kind = 'hdab' ORDER BY name LIMIT 1`,
    );
    for (const raw of ORGS) {
      const [existing] = await tx.query<{ id: string }>(
        'SELECT id FROM stakeholder_org WHERE lower(name) = lower($1)',
        [raw.name],
      );
      if (existing) {
        ids.set(raw.name, existing.id);
        continue;
      }
      const [platform] = await tx.query<{ id: string }>('SELECT id FROM organisation WHERE name = $1', [
        raw.name,
      ]);
      const organisationId =
        platform?.id ?? (raw.type === 'hdab' && raw.country === 'FI' ? (hdab?.id ?? null) : null);
      ids.set(raw.name, await insertOrg(tx, OrganisationInput.parse({ ...raw, organisationId })));
      added++;
    }
    for (const p of PEOPLE) {
      await tx.query(
        `INSERT INTO stakeholder_person (id, org_id, name, title, email)
         SELECT $5::uuid, $1::uuid, $2::text, $3::text, $4::text
         WHERE NOT EXISTS (SELECT 1 FROM stakeholder_person WHERE org_id = $1 AND name = $2)`,
        [ids.get(p.org), p.name, p.title, p.email, randomUUID()],
      );
    }
    for (const [from, to, kind, note] of RELS) {
      await tx.query(
        `INSERT INTO stakeholder_relationship (id, from_org, to_org, kind, note)
         VALUES ($5, $1, $2, $3, $4) ON CONFLICT (from_org, to_org, kind) DO NOTHING`,
        [ids.get(from), ids.get(to), kind, note ?? null, randomUUID()],
      );
    }
    return added;
  });
}
