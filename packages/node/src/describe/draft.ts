import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HEALTH_CATEGORIES, dataUseSchema, type DataUseCondition } from '@openehds/standards';
import type { NodeConfig } from '../config';

/**
 * What the data holder completes by hand in the dataset description (Art. 60(3), 77): everything the
 * node cannot derive from the data. Kept as JSON in the node's data dir; written atomically.
 */
const lang = z
  .object({ en: z.string().trim().min(1, 'an English text is required') })
  .catchall(z.string().trim().min(1, 'empty text; remove the language instead'));

const categoryCodes = Object.keys(HEALTH_CATEGORIES) as [string, ...string[]];

export const DatasetDraftSchema = z.object({
  title: lang,
  description: lang,
  keywords: z.array(z.string().trim().min(1)).default([]),
  accessRights: z.enum(['PUBLIC', 'RESTRICTED', 'NON_PUBLIC']),
  healthCategories: z
    .array(z.enum(categoryCodes))
    .min(1, 'choose at least one health data category (Art. 51)'),
  contactPoint: z.object({ name: z.string().trim().min(1), email: z.email() }),
  /** Publisher type code of the HealthData@EU list, e.g. `research-institute-org`. */
  publisherType: z.string().min(1).default('research-institute-org'),
  /** Legal basis of the original collection (dpv:hasLegalBasis). */
  legalBasis: z.string().trim().min(1, 'state the legal basis of the original collection'),
  /** Purpose of the original collection (dpv:hasPurpose). */
  purpose: z.string().trim().min(1, 'state the purpose of the original collection'),
  /** How the data came to be (mandatory for non-public data). */
  provenance: z.string().trim().min(1, 'describe how the data came to be'),
  retentionPeriod: z.object({ start: z.iso.date(), end: z.iso.date().optional() }).optional(),
  theme: z.array(z.string()).default(['HEAL']),
  /**
   * GA4GH DUO data-use conditions (EHDS.md §16): one primary permission plus modifiers, matched
   * against each application's stated use and shown to the applicant and the HDAB. Absent: none stated.
   */
  dataUse: dataUseSchema.optional(),
});

/** The holder-completed part of a dataset description. */
export type DatasetDraft = z.infer<typeof DatasetDraftSchema>;

const FILE = 'dataset-draft.json';

/**
 * Demo data-use conditions per synthetic profile, as such holders typically state them (our choice,
 * not from any real holder): a research biobank under consent for health research, ethics approval
 * and non-commercial use; a public cancer registry for health purposes within the EU, results to be
 * published; a university hospital for health research with ethics approval, within the EEA (its
 * GDPR transfer limits). A node without a seed profile states none until its holder does.
 */
function demoDataUse(
  profile: 'biobank' | 'cancer-registry' | 'hospital' | undefined,
): DataUseCondition[] | undefined {
  switch (profile) {
    case 'biobank':
      return [{ code: 'DUO:0000006' }, { code: 'DUO:0000021' }, { code: 'DUO:0000046' }];
    case 'cancer-registry':
      return [{ code: 'DUO:0000006' }, { code: 'DUO:0000022', countries: ['EU'] }, { code: 'DUO:0000019' }];
    case 'hospital':
      return [{ code: 'DUO:0000006' }, { code: 'DUO:0000021' }, { code: 'DUO:0000022', countries: ['EEA'] }];
    default:
      return undefined;
  }
}

/** A sensible first draft from the node's configuration, so a new node can publish at once. */
export function defaultDraft(config: NodeConfig): DatasetDraft {
  const genomic = config.seed?.profile === 'biobank';
  const registry = config.seed?.profile === 'cancer-registry';
  const dataUse = demoDataUse(config.seed?.profile);
  return {
    title: {
      en: `${config.organisation}: ${registry ? 'cancer registry' : genomic ? 'biobank cohort' : 'patient records'}`,
    },
    description: {
      en: `Health data held by ${config.organisation} (${config.country}), harmonised to the OMOP Common Data Model at the data holder's node. The data stays at the node; access through the Health Data Access Body.`,
    },
    keywords: registry
      ? ['cancer', 'registry']
      : genomic
        ? ['biobank', 'genomics', 'cohort']
        : ['hospital', 'EHR'],
    accessRights: 'NON_PUBLIC',
    healthCategories: registry ? ['MRMR'] : genomic ? ['EINS', 'EHRS', 'HGPD'] : ['EHRS'],
    contactPoint: { name: `${config.organisation} data office`, email: 'data-office@example.org' },
    publisherType: registry ? 'public-health-registry' : 'research-institute-org',
    legalBasis: 'Collected for the provision of care or under a registry or biobank law of the Member State.',
    purpose: registry ? 'Cancer registration and surveillance.' : 'Provision of health care and research.',
    provenance:
      'Extracted from the data holder’s source systems and harmonised to OMOP CDM 5.4 by the OpenEHDS node.',
    theme: ['HEAL'],
    ...(dataUse ? { dataUse } : {}),
  };
}

/** Loads the saved draft, or the default one. */
export function loadDraft(config: NodeConfig): DatasetDraft {
  const path = join(config.dataDir, FILE);
  if (!existsSync(path)) return defaultDraft(config);
  return DatasetDraftSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Saves a validated draft atomically (write to a temporary file, then rename). */
export async function saveDraft(config: NodeConfig, draft: DatasetDraft): Promise<void> {
  const path = join(config.dataDir, FILE);
  await writeFile(`${path}.tmp`, JSON.stringify(draft, null, 2), { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}

const PUBLISHED_FILE = 'dataset-published.json';

/** The hub's answer to the last publication of this node's dataset. */
export interface Publication {
  id: string;
  publishedAt: string;
  url: string;
}

/** The last publication, or null when the dataset was never published from this node. */
export function loadPublication(config: NodeConfig): Publication | null {
  const path = join(config.dataDir, PUBLISHED_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Publication) : null;
}

/** Remembers the hub's answer, so the holder sees when the catalogue last received the dataset. */
export async function savePublication(config: NodeConfig, publication: Publication): Promise<void> {
  const path = join(config.dataDir, PUBLISHED_FILE);
  await writeFile(`${path}.tmp`, JSON.stringify(publication, null, 2), { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}
