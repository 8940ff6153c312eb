import type { Db } from '@openehds/db';
import type { MilestoneStatus, RecommendationStatus } from './rules';

/** Fixed ids, so a second start finds the demo roadmap and adds nothing. */
const rid = (n: number) => `7a0d0000-0000-4000-8000-00000000000${n}`;
const mid = (n: number) => `7a0d0000-0000-4000-9000-00000000000${n}`;

const RECOMMENDATIONS: {
  id: string;
  title: string;
  rationale: string;
  owner: string;
  status: RecommendationStatus;
  targetDate: string;
  kpiKeys: string[];
}[] = [
  {
    id: rid(1),
    title: 'Designate the health data access body and the national contact point',
    rationale:
      'Member states designate HDABs and the NCP for HealthData@EU by 26 March 2027 (Art. 55(6), 75(1)).',
    owner: 'Ministry of Health (demo)',
    status: 'in_progress',
    targetDate: '2027-03-26',
    kpiKeys: [],
  },
  {
    id: rid(2),
    title: 'Publish every dataset description with a quality and utility label',
    rationale:
      'Users choose data by the catalogue (Art. 77) and its labels (Art. 78); unlabelled datasets are rarely requested.',
    owner: 'hdab',
    status: 'agreed',
    targetDate: '2029-03-26',
    kpiKeys: ['datasets.labelled'],
  },
  {
    id: rid(3),
    title: 'Decide data permit applications within the statutory three months',
    rationale:
      'Art. 68(4) sets three months from a complete file; biotech members named delays as their main obstacle.',
    owner: 'hdab',
    status: 'in_progress',
    targetDate: '2029-03-26',
    kpiKeys: ['applications.days-to-decision', 'permits.days-to-access'],
  },
  {
    id: rid(4),
    title: 'Run AI model training at the AI Factory under the permit',
    rationale:
      'Training needs GPUs the SPE lacks; jobs sent to the AI Factory keep data inside the permit’s environment (Art. 73).',
    owner: 'AI Factory consortium (demo)',
    status: 'proposed',
    targetDate: '2028-06-30',
    kpiKeys: ['jobs.run', 'ai-factory.gpu-hours'],
  },
  {
    id: rid(5),
    title: 'Explain the opt-out to citizens in plain language',
    rationale:
      'Patient organisations asked for clear information on the right to opt out (Art. 71) before general application.',
    owner: 'Patient organisations forum (demo)',
    status: 'done',
    targetDate: '2026-06-30',
    kpiKeys: ['opt-out.rate'],
  },
  {
    id: rid(6),
    title: 'Prepare genomic datasets for the categories mandatory from 2031',
    rationale:
      'Genomic and other omics data become mandatory on 26 March 2031 (Art. 51(1)(f)-(g)); Beacon and the federation need them described first.',
    owner: 'Helsinki Biobank',
    status: 'proposed',
    targetDate: '2031-03-26',
    kpiKeys: ['datasets.labelled'],
  },
  {
    id: rid(7),
    title: 'Build a separate secure processing environment at every data holder',
    rationale:
      'Dropped: federated nodes run analyses where the data are, under the hub’s permit, at a fraction of the cost.',
    owner: 'hdab',
    status: 'dropped',
    targetDate: '2027-12-31',
    kpiKeys: [],
  },
];

const MILESTONES: {
  id: string;
  title: string;
  dueDate: string;
  status: MilestoneStatus;
  recommendations: number[];
  kpiTargets: { key: string; target: number }[];
}[] = [
  {
    id: mid(1),
    title: 'EHDS Regulation enters into force',
    dueDate: '2025-03-25',
    status: 'done',
    recommendations: [],
    kpiTargets: [],
  },
  {
    id: mid(2),
    title: 'Opt-out information campaign launched',
    dueDate: '2026-06-30',
    status: 'done',
    recommendations: [5],
    kpiTargets: [{ key: 'opt-out.rate', target: 5 }],
  },
  {
    id: mid(3),
    title: 'Feasibility counts open to the public',
    dueDate: '2026-09-30',
    status: 'done',
    recommendations: [3],
    kpiTargets: [{ key: 'feasibility.queries', target: 100 }],
  },
  {
    id: mid(4),
    title: 'AI Factory connector piloted',
    dueDate: '2026-10-31',
    status: 'in_progress',
    recommendations: [4],
    kpiTargets: [{ key: 'jobs.run', target: 10 }],
  },
  {
    id: mid(5),
    title: 'HDAB and NCP designated; general application',
    dueDate: '2027-03-26',
    status: 'planned',
    recommendations: [1],
    kpiTargets: [],
  },
  {
    id: mid(6),
    title: 'Half of the dataset descriptions labelled',
    dueDate: '2027-12-31',
    status: 'planned',
    recommendations: [2],
    kpiTargets: [{ key: 'datasets.labelled', target: 50 }],
  },
  {
    id: mid(7),
    title: 'Median permit decision within three months',
    dueDate: '2028-09-30',
    status: 'planned',
    recommendations: [3],
    kpiTargets: [{ key: 'applications.days-to-decision', target: 90 }],
  },
  {
    id: mid(8),
    title: 'Chapter IV applies: secondary use through the HDAB',
    dueDate: '2029-03-26',
    status: 'planned',
    recommendations: [2, 3],
    kpiTargets: [{ key: 'permits.granted', target: 50 }],
  },
];

/**
 * Seeds the demo roadmap (issue 6 §5): seven recommendations and eight milestones from 2025 to 2029
 * on the EHDS dates of application (EHDS.md §17), one of them overdue. Idempotent (fixed ids).
 */
export async function seedRoadmapDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of RECOMMENDATIONS)
      await tx.query(
        `INSERT INTO roadmap_recommendation (id, title, rationale, owner, status, target_date, kpi_keys)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        [r.id, r.title, r.rationale, r.owner, r.status, r.targetDate, JSON.stringify(r.kpiKeys)],
      );
    for (const m of MILESTONES) {
      await tx.query(
        `INSERT INTO roadmap_milestone (id, title, due_date, status, kpi_targets) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [m.id, m.title, m.dueDate, m.status, JSON.stringify(m.kpiTargets)],
      );
      for (const n of m.recommendations)
        await tx.query(
          `INSERT INTO roadmap_milestone_recommendation (milestone_id, recommendation_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING`,
          [m.id, rid(n)],
        );
    }
  });
}
