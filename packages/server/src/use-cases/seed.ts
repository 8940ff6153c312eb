import type { Db } from '@openehds/db';
import type { UseCaseStage } from '@openehds/core';
import type { Principal, Role } from '../auth/roles';
import {
  commentOnUseCase,
  moveUseCaseStage,
  proposeUseCase,
  scoreUseCase,
  toggleVote,
  type UseCaseProposal,
} from './service';

type Scores = [number, number, number, number, number, number, number];

/** A demo use case: its proposal, who proposes it, scores by account (criteria order), stage path. */
interface DemoUseCase {
  proposer: string;
  proposal: UseCaseProposal;
  scores: Record<string, Scores>;
  voters: string[];
  stages: UseCaseStage[];
  comment?: [string, string];
}

// Criteria order: clinical benefit, data availability, technical feasibility, regulatory complexity
// (cost), cost/effort (cost), patient impact, EU strategic value.
const DEMO: DemoUseCase[] = [
  {
    proposer: 'user',
    proposal: {
      title: 'Sepsis early warning in hospital wards',
      problem:
        'Sepsis is recognised late on general wards; a score from vital signs and laboratory trends could alert staff hours earlier.',
      benefit:
        'Earlier antibiotics and fewer ICU transfers and deaths; a CE-marked decision support product.',
      dataCategories: ['EHRS', 'EMRD', 'MRMR'],
      keywords: ['sepsis', 'hospital', 'laboratory'],
      aiMethod: 'Gradient-boosted survival model on time series, validated across hospitals',
      aiActClass: 'high',
      deviceClass: 'mdr_iib',
    },
    scores: { user: [5, 4, 4, 4, 3, 5, 4], hdab: [4, 4, 3, 4, 3, 5, 4], 'holder-de': [5, 3, 4, 5, 4, 5, 3] },
    voters: ['user', 'holder-de', 'researcher-thl'],
    stages: ['under_review', 'prioritised', 'pilot'],
    comment: [
      'holder-de',
      'Our inpatient records have hourly vital signs since 2015; happy to run the node side.',
    ],
  },
  {
    proposer: 'researcher-thl',
    proposal: {
      title: 'Diabetic retinopathy screening from fundus images',
      problem: 'Screening programmes lack graders; people with diabetes wait months for a reading.',
      benefit: 'Same-day triage of fundus photographs, graders focus on the referable cases.',
      dataCategories: ['EHRS', 'PHDR', 'EINS'],
      keywords: ['diabetes', 'retinopathy'],
      aiMethod: 'Convolutional neural network, federated fine-tuning',
      aiActClass: 'high',
      deviceClass: 'mdr_iia',
    },
    scores: {
      'researcher-thl': [4, 4, 5, 3, 2, 4, 4],
      user: [4, 3, 5, 3, 2, 4, 3],
      hdab: [4, 4, 4, 3, 2, 4, 4],
    },
    voters: ['researcher-thl', 'holder-fi'],
    stages: ['under_review'],
  },
  {
    proposer: 'user',
    proposal: {
      title: 'Rare-disease variant prioritisation',
      problem: 'Exome analyses return hundreds of candidate variants; clinicians rank them by hand.',
      benefit: 'Shorter diagnostic odyssey for patients with rare diseases.',
      dataCategories: ['HGPD', 'EHRS', 'EINS'],
      keywords: ['genome', 'variant', 'rare disease'],
      aiMethod: 'Phenotype-aware ranking model (HPO terms + variant annotations)',
      aiActClass: 'high',
      deviceClass: 'ivdr_c',
    },
    scores: {
      user: [5, 2, 3, 5, 4, 5, 5],
      'researcher-thl': [4, 2, 3, 4, 4, 5, 5],
      'holder-fi': [4, 3, 3, 5, 4, 4, 5],
    },
    voters: ['user', 'holder-fi'],
    stages: ['under_review', 'prioritised'],
  },
  {
    proposer: 'holder-es',
    proposal: {
      title: 'Oncology clinical-trial matching',
      problem: 'Few eligible patients learn of open trials; eligibility criteria are checked by hand.',
      benefit: 'More patients enrolled in trials, faster recruitment for sponsors.',
      dataCategories: ['MRMR', 'EHCT', 'EHRS'],
      keywords: ['cancer', 'tumour', 'trial'],
      aiMethod: 'Language model extracting eligibility criteria, matched against registry records',
      aiActClass: 'limited',
      deviceClass: 'none',
    },
    scores: { 'holder-es': [4, 4, 4, 2, 3, 4, 4], user: [3, 4, 4, 2, 3, 3, 4], hdab: [3, 3, 4, 2, 2, 4, 3] },
    voters: ['holder-es'],
    stages: [],
  },
  {
    proposer: 'researcher-thl',
    proposal: {
      title: 'Hospital readmission risk after heart failure',
      problem: 'One in four heart-failure patients is readmitted within 30 days.',
      benefit: 'Targeted follow-up for patients at high risk.',
      dataCategories: ['EHRS', 'HRAD'],
      keywords: ['heart failure', 'readmission'],
      aiMethod: 'Logistic regression and gradient boosting, federated',
      aiActClass: 'high',
      deviceClass: 'mdr_iia',
    },
    scores: { 'researcher-thl': [3, 4, 5, 3, 2, 3, 2] },
    voters: [],
    stages: [],
  },
  {
    proposer: 'user',
    proposal: {
      title: 'Antimicrobial resistance forecasting',
      problem: 'Resistance patterns shift faster than national reports are published.',
      benefit: 'Better empirical antibiotic choice; input to EU surveillance.',
      dataCategories: ['RPDG', 'EHRS'],
      keywords: ['pathogen', 'resistance'],
      aiMethod: 'Hierarchical time-series forecasting',
      aiActClass: 'minimal',
      deviceClass: 'none',
    },
    scores: {},
    voters: ['researcher-thl'],
    stages: [],
  },
];

const CRITERIA_ORDER = [
  'clinical_benefit',
  'data_availability',
  'technical_feasibility',
  'regulatory_complexity',
  'cost_effort',
  'patient_impact',
  'eu_strategic_value',
];

async function principals(db: Db): Promise<Map<string, Principal>> {
  const rows = await db.query<{ id: string; username: string; display_name: string; role: Role }>(
    'SELECT id, username, display_name, role FROM account',
  );
  return new Map(
    rows.map((r) => [
      r.username,
      {
        accountId: r.id,
        username: r.username,
        displayName: r.display_name,
        role: r.role,
        organisationId: null,
        organisationName: null,
        organisationKind: null,
        publicBodyVerified: false,
        nodeIds: [],
      },
    ]),
  );
}

/**
 * Seeds six realistic AI use cases with scores from demo accounts (so the ranking is not trivial),
 * votes, a comment, and one at stage pilot. Idempotent: a use case whose title exists is skipped.
 * Needs the demo accounts (`seedDemo`). Returns how many were created.
 */
export async function seedUseCasesDemo(db: Db): Promise<number> {
  const people = await principals(db);
  const staff = people.get('hdab');
  if (!staff) return 0;
  let created = 0;
  for (const demo of DEMO) {
    const [exists] = await db.query('SELECT 1 FROM use_case WHERE title = $1', [demo.proposal.title]);
    const proposer = people.get(demo.proposer);
    if (exists || !proposer) continue;
    const { id } = await proposeUseCase(db, proposer, demo.proposal);
    for (const [username, values] of Object.entries(demo.scores)) {
      const who = people.get(username);
      if (who)
        await scoreUseCase(db, who, id, Object.fromEntries(CRITERIA_ORDER.map((c, i) => [c, values[i]!])));
    }
    for (const username of demo.voters) {
      const who = people.get(username);
      if (who) await toggleVote(db, who, id);
    }
    if (demo.comment) {
      const who = people.get(demo.comment[0]);
      if (who) await commentOnUseCase(db, who, id, demo.comment[1]);
    }
    for (const stage of demo.stages) await moveUseCaseStage(db, staff, id, stage, null);
    created++;
  }
  return created;
}
