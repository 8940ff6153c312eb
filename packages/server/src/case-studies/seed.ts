import type { Db } from '@openehds/db';
import type { Principal, Role } from '../auth/roles';
import { createCaseStudy, moveCaseStudy } from './service';
import type { CaseStudyKpis } from './kpis';
import { EMPTY_CONTENT, type CaseStudyContent, type ReleasedOutput } from './template';

/**
 * Three published demo case studies for `npm start` (issue 6 §3). Fictional, and they say so in their
 * titles and first lines; they cite the demo's datasets and invented permit numbers. Written by demo
 * data users, submitted, and published by the demo HDAB (`hdab`), through the service, so their history
 * and audit trail look like real ones.
 */
interface DemoCaseStudy {
  author: string;
  content: Partial<CaseStudyContent> & { title: string };
  outputs: ReleasedOutput[];
  kpis: CaseStudyKpis;
}

const FICTIONAL = 'Fictional demo case study: the project, people and numbers are invented.';

const DEMO: DemoCaseStudy[] = [
  {
    author: 'researcher-thl',
    content: {
      title: 'Federated early-warning model for sepsis across three countries (fictional)',
      problem: `${FICTIONAL}\n\nSepsis kills about one in five patients who develop it in hospital, and early antibiotics save lives. Single-hospital warning scores trained on one population lose accuracy elsewhere. Could a model trained across Finnish, Spanish and German records, without moving them, warn six hours earlier than the scores used today?`,
      datasets: [
        { datasetId: 'fi-helsinki-biobank', title: 'Helsinki Biobank (demo)' },
        { datasetId: 'es-catalan-cancer-registry', title: 'Registro de Cáncer de Cataluña (demo)' },
        { datasetId: 'de-heidelberg-university-hospital', title: 'Universitätsklinikum Heidelberg (demo)' },
      ],
      permits: ['FI-2025-000102'],
      method:
        'Federated logistic regression, then gradient-boosted trees trained by federated averaging, on vital signs, laboratory values and diagnoses (OMOP CDM) in the secure processing environment of each node. Only model parameters that passed disclosure control left the nodes; differential-privacy noise on the aggregated gradients (ε = 3 for the whole project).',
      validation:
        'Leave-one-country-out validation: trained on two countries, tested on the third. AUROC, calibration slope and alert rate per 100 admissions compared with NEWS2.',
      results:
        'AUROC 0.86 (0.84–0.88) against 0.78 for NEWS2, at the same alert rate; calibration held in every held-out country after recalibrating the intercept. Six outputs released through the airlock; none was blocked.',
      pathway:
        'EHDS Art. 53(1)(e) scientific research under a multi-country data permit (Art. 67(3)); GDPR Art. 9(2)(j) with a DPIA for large-scale health data. Not a medical device yet: a later clinical decision-support product would fall under MDR rule 11 (class IIa at least) and be a high-risk AI system (AI Act Art. 6(1)).',
      lessons:
        'Harmonising to OMOP before the permit saved months. Agreeing one disclosure-control policy with three data holders took longer than the modelling. Plan the GPU hours in the application: the first request was too small and the renewal cost four weeks.',
      tags: ['sepsis', 'federated-learning', 'early-warning', 'critical-care'],
      countries: ['FI', 'ES', 'DE'],
    },
    outputs: [
      {
        reference: 'OUT-2025-000311',
        origin: 'job',
        releasedAt: '2025-06-03T09:12:00.000Z',
        files: [
          { name: 'auroc-by-site.csv', mediaType: 'text/csv' },
          { name: 'calibration.png', mediaType: 'image/png' },
        ],
      },
    ],
    kpis: { daysApplicationToPermit: 54, daysPermitToFirstOutput: 38, analyses: 12, jobs: 27 },
  },
  {
    author: 'user',
    content: {
      title: 'Rare-disease variant discovery through the Beacon network (fictional)',
      problem: `${FICTIONAL}\n\nA family with early-onset dilated cardiomyopathy carried a splice variant of unknown significance. Finding a second family is what turns a candidate into a diagnosis, but no single biobank had one.`,
      datasets: [
        { datasetId: 'fi-helsinki-biobank', title: 'Helsinki Biobank (demo)' },
        { datasetId: 'de-heidelberg-university-hospital', title: 'Universitätsklinikum Heidelberg (demo)' },
      ],
      permits: ['DE-2025-000047'],
      method:
        'A Beacon v2 query of the network for the variant (allele level, no permit needed), then a data permit to read the carriers’ phenotypes (HPO terms) and segregation at the two nodes that answered “yes”, in their secure processing environments.',
      validation:
        'Segregation analysis in the second family; RNA evidence of exon skipping reported in the literature; ACMG/AMP criteria applied by two clinical geneticists independently.',
      results:
        'Three carriers in two further families, all with cardiomyopathy before 40; the variant was reclassified from uncertain significance to likely pathogenic. One table of aggregated phenotypes released.',
      pathway:
        'Beacon discovery is anonymous and needs no permit (aggregate yes/no, Art. 69 spirit); the follow-up used an Art. 53(1)(e) scientific research permit. GDPR Art. 9(2)(j); no AI system involved.',
      lessons:
        'Beacon answers turned a two-year search into a two-week one. Ask the data holders early which phenotype vocabularies they hold: one node coded in SNOMED CT, the other in HPO.',
      tags: ['rare-disease', 'genomics', 'beacon', 'cardiomyopathy'],
      countries: ['FI', 'DE'],
    },
    outputs: [
      {
        reference: 'OUT-2025-000402',
        origin: 'analysis',
        releasedAt: '2025-09-18T13:40:00.000Z',
        files: [{ name: 'carrier-phenotypes.csv', mediaType: 'text/csv' }],
      },
    ],
    kpis: { daysApplicationToPermit: 31, daysPermitToFirstOutput: 12, analyses: 5, jobs: 0 },
  },
  {
    author: 'user',
    content: {
      title: 'A diabetic-retinopathy screening AI certified as an MDR class IIa device (fictional)',
      problem: `${FICTIONAL}\n\nRetinal screening of people with diabetes is short of graders. A start-up wanted to train and validate a referable-retinopathy classifier on European data to certify it as a medical device.`,
      datasets: [
        { datasetId: 'de-heidelberg-university-hospital', title: 'Universitätsklinikum Heidelberg (demo)' },
        { datasetId: 'es-catalan-cancer-registry', title: 'Registro de Cáncer de Cataluña (demo)' },
      ],
      permits: ['DE-2025-000088'],
      method:
        'A convolutional network fine-tuned at an AI Factory (Slurm, 400 GPU hours) on pseudonymised fundus images and HbA1c values, in the secure processing environment; the trained weights were released only after a membership-inference test.',
      validation:
        'Prospective-style validation on a held-out site: sensitivity 93 % and specificity 89 % for referable retinopathy against two graders and an adjudicator; performance reported by age, sex and camera model.',
      results:
        'The manufacturer’s technical file used the released validation tables; a notified body certified the software as class IIa.',
      pathway:
        'EHDS Art. 53(1)(e) development and innovation of medical devices; GDPR Art. 9(2)(j) and a DPIA; MDR Annex VIII rule 11: software informing diagnosis, class IIa; AI Act Art. 6(1) high-risk, as a safety component of a product under the MDR, so the notified body assessed both.',
      lessons:
        'Write the intended purpose before the data permit: it decides the device class and what validation the notified body will ask for. Keep model weights out of the first output request; they need their own disclosure-control review.',
      tags: ['diabetic-retinopathy', 'medical-device', 'mdr-class-iia', 'imaging', 'ai-act-high-risk'],
      countries: ['DE', 'ES'],
    },
    outputs: [
      {
        reference: 'OUT-2025-000517',
        origin: 'job',
        releasedAt: '2025-11-20T08:05:00.000Z',
        files: [
          { name: 'validation-by-subgroup.csv', mediaType: 'text/csv' },
          { name: 'model-weights.onnx', mediaType: 'application/octet-stream' },
        ],
      },
    ],
    kpis: { daysApplicationToPermit: 47, daysPermitToFirstOutput: 65, analyses: 3, jobs: 41 },
  },
];

async function principalOf(db: Db, username: string): Promise<Principal> {
  const [a] = await db.query<{
    id: string;
    display_name: string;
    role: Role;
    organisation_id: string | null;
  }>('SELECT id, display_name, role, organisation_id FROM account WHERE username = $1', [username]);
  if (!a) throw new Error(`the demo account ${username} is missing; seed the demo accounts first (seedDemo)`);
  return {
    accountId: a.id,
    username,
    displayName: a.display_name,
    role: a.role,
    organisationId: a.organisation_id,
    organisationName: null,
    organisationKind: null,
    publicBodyVerified: false,
    nodeIds: [],
  };
}

/**
 * Seeds the demo's published case studies once (a case study with the same title is left alone), after
 * the demo accounts (`seedDemo`). Returns how many it created.
 */
export async function seedCaseStudiesDemo(db: Db): Promise<number> {
  const reviewer = await principalOf(db, 'hdab');
  let created = 0;
  for (const demo of DEMO) {
    const [known] = await db.query('SELECT 1 FROM case_study WHERE title = $1', [demo.content.title]);
    if (known) continue;
    const author = await principalOf(db, demo.author);
    const c = await createCaseStudy(
      db,
      author,
      { ...EMPTY_CONTENT, ...demo.content },
      { sourcePermitId: demo.content.permits?.[0] ?? null, outputs: demo.outputs, kpis: demo.kpis },
    );
    await moveCaseStudy(db, author, c.id, 'submit', null);
    await moveCaseStudy(db, reviewer, c.id, 'publish', null);
    created++;
  }
  return created;
}
