import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createApplicationsClient,
  createPermitsClient,
  CRITERION_IDS,
  type ExtractReport,
} from '@openehds/client';
import { exampleApplication } from '@openehds/core';
import { demoToken } from '../packages/cli/src/commands/demo/hub-admin';
import { DEMO_NODES } from '../packages/cli/src/commands/demo/plan';
import {
  SLURM_BINARIES,
  SLURM_JWT_PLUGIN,
  startSlurm,
  type SlurmTestCluster,
} from '../packages/node/src/compute/slurm/test-cluster';
import {
  launchChromium,
  signInAsDemo,
  startDemoFederation,
  tempDir,
  waitText,
  type DemoFederation,
} from './harness';
import { Journey } from './journey';

/**
 * The secure-processing journey (issue 4 "Done when"), through the real product: a hub and the
 * demo's three data-holder nodes as separate processes, a real one-node Slurm with slurmrestd as the
 * Finnish node's AI Factory, and the built web UI in Debian's Chromium. An anonymous visitor counts
 * a cohort across the three nodes; a permit is granted (through the HDAB's API, walked in the
 * browser by the HDAB journey); its named data user runs a federated logistic regression in the
 * permit's workspace and a Python job through Slurm; the job's output lands in the airlock, two
 * output checkers review it, one approves, the other releases, and the user downloads it.
 */
const PERSONS = 400;
const FI = DEMO_NODES.find((n) => n.key === 'fi')!;
// The permit covers the Finnish and German datasets, whose FHIR and Phenopacket sources code
// conditions in SNOMED CT (the Catalan registry's CSV uses ICD-10; a node keeps one code per record).
const PERMITTED = DEMO_NODES.filter((n) => n.key !== 'es');
const HOLDERS: Record<string, string> = { fi: 'holder-fi', es: 'holder-es', de: 'holder-de' };

// A script a data user writes: counts of the extract's persons by sex, rounded to 5 as the HDAB's
// policy asks, written to the one folder that leaves (through the airlock).
const JOB_SCRIPT = `import csv, collections
counts = collections.Counter()
with open('/data/person.csv') as f:
    for row in csv.DictReader(f):
        counts[row.get('gender_source_value') or 'unknown'] += 1
with open('/output/persons_by_sex.csv', 'w') as out:
    out.write('sex,n\\n')
    for sex, n in sorted(counts.items()):
        if n >= 10:
            out.write(f"{sex},{5 * round(n / 5)}\\n")
print('wrote', len(counts), 'groups')
`;

const slurmMissing = [...SLURM_BINARIES, SLURM_JWT_PLUGIN, '/usr/bin/bwrap'].filter((p) => !existsSync(p));

describe('secure processing: feasibility, federated GLM, a job through Slurm, the airlock', () => {
  const journey = new Journey('no Chromium or no Slurm (the setup said why; in CI it throws)');
  const step = journey.step.bind(journey);
  const on = journey.on.bind(journey);
  const personPage = journey.personPage.bind(journey);
  let federation: DemoFederation | undefined;
  let cluster: SlurmTestCluster | null = null;
  let hubUrl = '';
  let data = '';
  let permitId = '';
  let user: Page;
  let airlockUrl = '';

  beforeAll(async () => {
    if (slurmMissing.length) {
      if (process.env.CI === 'true') throw new Error(`CI must install ${slurmMissing.join(', ')}`);
      console.warn(`e2e: skipping the secure-processing journey: missing ${slurmMissing.join(', ')}`);
      return;
    }
    data = tempDir('ehds-e2e-spe-');
    cluster = await startSlurm();
    const tokenFile = join(data, 'slurm.jwt');
    writeFileSync(tokenFile, await cluster.token(), { mode: 0o600 });
    const compute = join(data, 'compute.json');
    writeFileSync(
      compute,
      JSON.stringify({
        defaultBackend: 'local',
        slurm: { restUrl: cluster.url, user: cluster.user, tokenFile, partition: cluster.partitions.cpu },
      }),
    );
    federation = await startDemoFederation({
      prefix: 'ehds-e2e-spe-fed-',
      persons: PERSONS,
      // The Finnish node's AI Factory is the Slurm cluster.
      nodeArgs: (n) => (n.key === 'fi' ? ['--compute', compute] : []),
    });
    hubUrl = federation.hubUrl;
    journey.browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await journey.close();
    await federation?.stop();
    await cluster?.stop();
    if (data) rmSync(data, { recursive: true, force: true });
  });

  step('1. an anonymous visitor counts a cohort across the three nodes, disclosure-controlled', async () => {
    const visitor = await personPage('visitor');
    await on(visitor, 'cohort builder', async () => {
      await visitor.goto(`${hubUrl}/feasibility`);
      // Essential hypertension, in SNOMED CT.
      await visitor.getByTestId('inc-0-0-vocabulary').selectOption('SNOMED');
      await visitor.getByTestId('inc-0-0-codes').fill('38341003');
      await visitor.getByTestId('cohort-run').click();
      await visitor.getByTestId('feasibility-results').waitFor();
    });
    const rows = visitor.locator('[data-testid^="feasibility-node-"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-status')).toBe('ok');
      // Anonymous visitors see counts rounded to 10 above the threshold, or "fewer than 10".
      expect(await row.getByTestId('feasibility-count').innerText()).toMatch(/^(\d*0|fewer than 10)$/);
    }
    expect(await visitor.getByTestId('feasibility-total').innerText()).toMatch(/\d/);
    expect(await visitor.getByTestId('feasibility-audience').innerText()).toMatch(/sign in/i);
  });

  step('2. the HDAB grants a permit on two datasets; each of their nodes prepares its extract', async () => {
    const client = async (username: string) => {
      const token = await demoToken(hubUrl, username);
      return {
        applications: createApplicationsClient({ baseUrl: hubUrl, token }),
        permits: createPermitsClient({ baseUrl: hubUrl, token }),
      };
    };
    const marie = await client('user');
    const hdab = await client('hdab');
    const variables = [
      'person',
      'condition_occurrence',
      'measurement',
      'drug_exposure',
      'observation_period',
    ];
    const draft = await marie.applications.create('application');
    const saved = await marie.applications.saveContent(
      draft.id,
      {
        ...exampleApplication(),
        datasets: PERMITTED.map((n) => ({ datasetId: n.datasetId, country: n.country, variables })),
        variables,
        tools: { software: ['Python 3.11', 'R 4.2'], gpuHours: 0, cpuHours: 10, aiFactory: 'demo Slurm' },
      },
      draft.version,
    );
    await marie.applications.submit(saved.id);
    await hdab.applications.transition(saved.id, 'start-pre-screening');
    await hdab.applications.transition(saved.id, 'complete');
    for (const criterion of CRITERION_IDS)
      await hdab.applications.assess(saved.id, criterion, 'met', `Checked ${criterion}.`);
    await hdab.applications.askHolderCosts(saved.id);
    for (const n of PERMITTED)
      await (await client(HOLDERS[n.key]!)).applications.answerCostRequest(saved.id, 100);
    await hdab.applications.sendFeeEstimate(saved.id);
    await marie.applications.acceptFeeEstimate(saved.id);
    const decision = await hdab.applications.decide(saved.id, {
      outcome: 'GRANTED',
      reasons: 'All criteria of Art. 68(1) are met.',
      validFrom: new Date().toISOString().slice(0, 10),
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    permitId = decision.permitId!;
    expect(permitId).toMatch(/^FI-\d{4}-\d{6}$/);
    let reports: ExtractReport[] = [];
    await expect
      .poll(
        async () => {
          reports = (await hdab.permits.extracts(permitId))?.nodes ?? [];
          return reports.filter((r) => r.status === 'prepared').length;
        },
        { timeout: 240_000, interval: 1_000 },
      )
      .toBe(PERMITTED.length);
    for (const r of reports) expect(r.persons).toBeGreaterThan(100);
  });

  step('3. the named data user runs a federated logistic regression in the workspace', async () => {
    user = await personPage('user');
    await signInAsDemo(user, hubUrl, 'user');
    await on(user, 'workspace', async () => {
      await user.goto(`${hubUrl}/workspaces/${encodeURIComponent(permitId)}`);
      expect(await user.getByTestId('workspace').getAttribute('data-role')).toBe('member');
    });
    await on(user, 'federated GLM', async () => {
      // Hypertension is common enough at every node for the model to pass each node's disclosure
      // checks (outcome classes of at least 10); a rarer outcome is refused there, as it should be.
      await user.getByTestId('glm-formula').fill('hypertension ~ age + sex');
      await user.getByTestId('glm-var-0-name').fill('hypertension');
      await user.getByTestId('glm-var-0').getByLabel('Vocabulary').selectOption('SNOMED');
      await user.getByTestId('glm-var-0-codes').fill('38341003');
      await user.getByRole('button', { name: 'Remove variable 4' }).click();
      await user.getByTestId('glm-run').click();
      const result = user.getByTestId('glm-result');
      await result.waitFor({ timeout: 120_000 });
      expect(await result.getAttribute('data-status')).toBe('DONE');
      expect(await user.getByTestId('glm-sdc-summary').innerText()).toMatch(/2 of 2 nodes passed/);
      expect(Number((await user.getByTestId('glm-n').innerText()).replace(/\D/g, ''))).toBeGreaterThan(500);
      await user.getByTestId('glm-coef-age').waitFor();
      expect(await user.getByTestId('glm-coef-age').getByTestId('glm-se').innerText()).toMatch(/\d/);
    });
  });

  step('4. the data user runs a Python job at the Finnish node through Slurm', async () => {
    await on(user, 'job form', async () => {
      await user.goto(`${hubUrl}/workspaces/${encodeURIComponent(permitId)}`);
      const form = user.getByTestId('job-form');
      await form.getByTestId('job-language').selectOption('python');
      await form
        .locator('textarea[data-testid="job-script"], [data-testid="job-script"] textarea')
        .fill(JOB_SCRIPT);
      await form.getByTestId('job-node').selectOption({ label: FI.name });
      await form.getByTestId('job-backend').selectOption('slurm');
      await form.getByTestId('job-submit').click();
      await user.getByTestId('job-submitted').waitFor();
    });
    await on(user, 'job page', async () => {
      await user.getByTestId('job-submitted').getByRole('link').first().click();
      await waitText(user.getByTestId('job-status'), /Succeeded/i, 180_000);
      await waitText(user.getByTestId('job-log'), /wrote \d+ groups/);
      expect(await user.getByTestId('job-facts').innerText()).toMatch(/\bslurm\b/);
      const link = user.getByTestId('job-airlock-link');
      await link.waitFor({ timeout: 60_000 });
      await link.click();
      await user.waitForURL(/\/airlock\//);
      airlockUrl = user.url().split('?')[0]!;
      expect(await user.getByTestId('airlock-check-persons_by_sex.csv').getAttribute('data-outcome')).toBe(
        'pass',
      );
    });
  });

  step('5. two output checkers review, one approves, the other releases; the user downloads', async () => {
    await on(user, 'author submits', async () => {
      await user.getByTestId('airlock-note').fill('Persons by sex, rounded to 5, groups under 10 left out.');
      await user.getByTestId('airlock-submit').click();
      await waitText(user.getByTestId('airlock-status'), /^Submitted/);
    });
    for (const checker of ['hdab', 'hdab-checker']) {
      const page = await personPage(checker);
      await signInAsDemo(page, hubUrl, checker);
      await on(page, `${checker} reviews`, async () => {
        await page.goto(airlockUrl);
        await page.getByTestId('review-vote-persons_by_sex.csv-approve').check();
        await page.getByTestId('review-submit').click();
        await page.getByTestId(`airlock-review-${checker}`).waitFor();
      });
      if (checker === 'hdab') await waitText(page.getByTestId('airlock-status'), /One review of two/);
      else {
        await waitText(page.getByTestId('airlock-status'), /^Reviewed, awaiting decision/);
        await on(page, 'approve and release', async () => {
          await page.getByTestId('decision-approve').click();
          await waitText(page.getByTestId('airlock-status'), /^Approved/);
          await page.getByTestId('airlock-release').click();
          await waitText(page.getByTestId('airlock-status'), /^Released/);
        });
      }
    }
    await on(user, 'author downloads', async () => {
      await user.reload();
      await waitText(user.getByTestId('airlock-status'), /^Released/);
      const href = await user.getByTestId('airlock-download-persons_by_sex.csv').getAttribute('href');
      const res = await user.request.get(new URL(href!, hubUrl).toString());
      expect(res.status()).toBe(200);
      expect(await res.text()).toMatch(/^sex,n\n/);
    });
    expect(journey.errorsSoFar()).toEqual([]);
  });
});
