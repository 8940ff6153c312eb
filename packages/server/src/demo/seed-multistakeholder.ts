import type { Db } from '@openehds/db';
import { seedCaseStudiesDemo } from '../case-studies';
import { seedKpiDemo } from '../kpi';
import { seedRoadmapDemo } from '../roadmap';
import { seedStakeholdersDemo } from '../stakeholders';
import { seedUseCasesDemo } from '../use-cases/seed';

/**
 * The multistakeholder layer's demo content (issue 6): stakeholders, AI use cases with scores, case
 * studies, recommendations and milestones, manual KPIs. Each seed adds only what is missing, so a
 * second start (or a data dir of an earlier version) is left as it is. Needs the demo accounts.
 */
export async function seedMultistakeholderDemo(db: Db): Promise<void> {
  await seedStakeholdersDemo(db);
  await seedUseCasesDemo(db);
  await seedCaseStudiesDemo(db);
  await seedRoadmapDemo(db);
  await seedKpiDemo(db);
}
