// Build the web UI apart from the other browser tests that may run beside this one (ensureWebBuilt
// reads it when the federation starts, after this module's top level has run).
process.env.EHDS_WEB_OUT_DIR ??= '/tmp/ehds-web-ms';

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createApplicationsClient,
  createCaseStudiesClient,
  createKpiClient,
  createPathwayClient,
  createRoadmapClient,
  createStakeholdersClient,
  createUseCaseClient,
  CRITERION_IDS,
  USE_CASE_CRITERIA,
  type PathwayAnswersJson,
  type UseCaseRanking,
} from '@openehds/client';
import { exampleApplication } from '@openehds/core';
import { demoToken } from '../packages/cli/src/commands/demo/hub-admin';
import { DEMO_NODES } from '../packages/cli/src/commands/demo/plan';
import { caseStudiesDe } from '../packages/web/src/case-studies/strings-de';
import { uiDe } from '../packages/web/src/i18n/ui-de';
import { stakeholdersDe } from '../packages/web/src/stakeholders/strings-de';
import { launchChromium, signInAsDemo, startDemoFederation, waitText, type DemoFederation } from './harness';
import { Journey } from './journey';

/**
 * The multistakeholder platform (issue 6 "Done when": a browser test for each area), through the real
 * product: the hub (demo seed: stakeholders, use cases, case studies, roadmap, manual KPIs) and the
 * demo's three data-holder nodes, whose datasets make the catalogue the use cases are matched against,
 * with the built web UI in Debian's Chromium. A data user (Marie), HDAB staff (Eva) and an anonymous
 * visitor walk the stakeholder map, the AI use-case pipeline, the case-study library and its review,
 * the regulatory pathway navigator, the roadmap, the KPI dashboard and the language switch.
 */
const PERSONS = 100;
const FI = DEMO_NODES.find((n) => n.key === 'fi')!;
const CRITERIA = USE_CASE_CRITERIA.map((c) => c.id);

// A CSV a member of staff imports: one good row (line 2) and one bad (line 3: unknown type, no country).
const GOOD_ORG = 'E2E Imaging Startup (test)';
const IMPORT_CSV =
  'name,type,country,ehds_roles,interest,influence\n' +
  `${GOOD_ORG},biotech,FR,data_user,4,2\n` +
  'E2E Bad Row Org (test),pharma,XX,,3,3\n';

// Words only the journey's own records carry, so a search finds exactly them.
const UC_TITLE = 'E2E atrial fibrillation detection from wearables (test)';
const CS_WORD = 'photoplethysmography';
const CS_TITLE = 'E2E wearable rhythm screening pilot (test)';

describe('multistakeholder platform: stakeholders, use cases, case studies, pathway, roadmap, KPIs, languages', () => {
  const journey = new Journey();
  const step = journey.step.bind(journey);
  const on = journey.on.bind(journey);
  const personPage = journey.personPage.bind(journey);
  let federation: DemoFederation | null = null;
  let hubUrl = '';
  let permitId = '';
  let userToken = '';
  let hdabToken = '';
  let marie: Page;
  let eva: Page;
  let visitor: Page;
  let useCaseId = '';
  let useCaseRef = '';
  let caseStudyId = '';
  let caseStudyRef = '';

  const stakeholdersApi = () => createStakeholdersClient({ baseUrl: hubUrl, token: hdabToken });
  const useCasesApi = () => createUseCaseClient({ baseUrl: hubUrl, token: hdabToken });

  beforeAll(async () => {
    federation = await startDemoFederation({ prefix: 'ehds-e2e-ms-', persons: PERSONS });
    hubUrl = federation.hubUrl;
    userToken = await demoToken(hubUrl, 'user');
    hdabToken = await demoToken(hubUrl, 'hdab');
    // A permit naming Marie on the biobank's dataset (granted through the HDAB's API, walked in the
    // browser by the HDAB journey): her case study is pre-filled from it, and the KPIs count it.
    const marieApps = createApplicationsClient({ baseUrl: hubUrl, token: userToken });
    const hdabApps = createApplicationsClient({ baseUrl: hubUrl, token: hdabToken });
    const holderApps = createApplicationsClient({
      baseUrl: hubUrl,
      token: await demoToken(hubUrl, 'holder-fi'),
    });
    const variables = ['person', 'condition_occurrence', 'observation_period'];
    const draft = await marieApps.create('application');
    const saved = await marieApps.saveContent(
      draft.id,
      {
        ...exampleApplication(),
        datasets: [{ datasetId: FI.datasetId, country: FI.country, variables }],
        variables,
      },
      draft.version,
    );
    await marieApps.submit(saved.id);
    await hdabApps.transition(saved.id, 'start-pre-screening');
    await hdabApps.transition(saved.id, 'complete');
    for (const criterion of CRITERION_IDS)
      await hdabApps.assess(saved.id, criterion, 'met', `Checked ${criterion}.`);
    await hdabApps.askHolderCosts(saved.id);
    await holderApps.answerCostRequest(saved.id, 100);
    await hdabApps.sendFeeEstimate(saved.id);
    await marieApps.acceptFeeEstimate(saved.id);
    const decision = await hdabApps.decide(saved.id, {
      outcome: 'GRANTED',
      reasons: 'All criteria of Art. 68(1) are met.',
      validFrom: new Date().toISOString().slice(0, 10),
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    permitId = decision.permitId!;
    journey.browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await journey.close();
    await federation?.stop();
  });

  /** The data-testid suffixes of the elements whose testid starts with `prefix`. */
  async function idsOf(page: Page, selector: string, prefix: string): Promise<string[]> {
    const ids = await page
      .locator(selector)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.slice(prefix.length)).sort();
  }

  /** The organisations the list, the network and the grid show (each sorted). */
  async function shownOrgs(page: Page) {
    return {
      list: await idsOf(page, '[data-testid^="stakeholder-row-"]', 'stakeholder-row-'),
      graph: await idsOf(page, '[data-testid^="stakeholder-node-"]', 'stakeholder-node-'),
      grid: await idsOf(page, 'button[data-testid^="stakeholder-grid-"]', 'stakeholder-grid-'),
    };
  }

  /** Waits until the list, the network and the grid each show exactly `ids`. */
  async function expectShown(page: Page, ids: string[]): Promise<void> {
    const want = [...ids].sort();
    await expect
      .poll(() => shownOrgs(page), { timeout: 30_000, interval: 250 })
      .toEqual({ list: want, graph: want, grid: want });
  }

  step(
    '1. stakeholders: filters by type and country drive the list, network and grid; a node by keyboard',
    async () => {
      marie = await personPage('marie');
      await signInAsDemo(marie, hubUrl, 'user');
      const api = createStakeholdersClient({ baseUrl: hubUrl, token: userToken });
      const all = await api.organisations({});
      const hdabs = await api.organisations({ type: 'hdab' });
      const finnishHdabs = await api.organisations({ type: 'hdab', country: 'FI' });
      // The demo's registry: 17 organisations, two HDABs (FI, ES), one of them Finnish.
      expect(all.length).toBeGreaterThanOrEqual(17);
      expect(hdabs.length).toBe(2);
      expect(finnishHdabs.map((o) => o.name)).toEqual(['Health Data Access Body (demo)']);

      await on(marie, 'the whole map', async () => {
        await marie.goto(`${hubUrl}/stakeholders`);
        await expectShown(
          marie,
          all.map((o) => o.id),
        );
        await waitText(marie.getByTestId('stakeholder-shown'), new RegExp(`\\b${all.length}\\b`));
      });
      await on(marie, 'filter by type', async () => {
        await marie.getByTestId('stakeholder-filter-type').selectOption('hdab');
        await expectShown(
          marie,
          hdabs.map((o) => o.id),
        );
        await waitText(marie.getByTestId('stakeholder-shown'), /\b2\b/);
      });
      await on(marie, 'and by country', async () => {
        await marie.getByTestId('stakeholder-filter-country').fill('fi');
        await expectShown(
          marie,
          finnishHdabs.map((o) => o.id),
        );
        await waitText(marie.getByTestId('stakeholder-shown'), /\b1\b/);
      });

      const factory = all.find((o) => o.type === 'ai_factory' && o.country === 'FI')!;
      const detail = await api.organisation(factory.id);
      await on(marie, 'select a node of the network with the keyboard', async () => {
        await marie.getByTestId('stakeholder-filter-clear').click();
        await expectShown(
          marie,
          all.map((o) => o.id),
        );
        const node = marie.getByTestId(`stakeholder-node-${factory.id}`);
        await node.focus();
        await expect.poll(() => node.evaluate((el) => el === document.activeElement)).toBe(true);
        await marie.keyboard.press('Enter');
        const details = marie.getByTestId('stakeholder-details');
        await waitText(details.locator('h3').first(), new RegExp(`^${escape(factory.name)}$`));
        expect(await node.getAttribute('aria-pressed')).toBe('true');
        // Its AI Factory capabilities and relationships, as the registry holds them.
        const gpus = await details.getByTestId('stakeholder-details-ai').innerText();
        for (const g of detail.aiCapabilities!.gpus) expect(gpus).toContain(g.model);
        expect(gpus).toContain('10,000');
        const rels = await details.getByTestId('stakeholder-details-relationships').locator('li').count();
        expect(rels).toBe(detail.relationships.length);
        expect(rels).toBeGreaterThan(0);
      });
    },
  );

  step(
    '2. stakeholders: staff import a CSV with a bad row (atomic: nothing; then the rest), and export',
    async () => {
      eva = await personPage('eva');
      await signInAsDemo(eva, hubUrl, 'hdab');
      const api = stakeholdersApi();
      const before = (await api.organisations({})).length;
      const form = eva.getByTestId('stakeholder-import-form');
      await on(eva, 'atomic import refuses the whole file', async () => {
        await eva.goto(`${hubUrl}/stakeholders`);
        await form.waitFor();
        await form.getByTestId('stakeholder-import-file').setInputFiles({
          name: 'organisations.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(IMPORT_CSV),
        });
        await expect.poll(() => form.getByTestId('stakeholder-import-text').inputValue()).toContain(GOOD_ORG);
        await form.getByTestId('stakeholder-import-atomic').check();
        await form.getByTestId('stakeholder-import-submit').click();
        const report = form.getByTestId('stakeholder-import-report');
        await waitText(report, /Nothing was imported/);
        const line3 = await report.getByTestId('stakeholder-import-line-3').innerText();
        expect(line3).toMatch(/type: .*pharma/);
        expect(line3).toMatch(/country: .*XX/);
        // The good row is not refused, only not imported.
        expect(await report.getByTestId('stakeholder-import-line-2').count()).toBe(0);
        expect(await api.organisations({ q: GOOD_ORG })).toEqual([]);
        expect((await api.organisations({})).length).toBe(before);
      });
      await on(eva, 'the same file, not atomic: the good row goes in', async () => {
        await form.getByTestId('stakeholder-import-atomic').uncheck();
        await form.getByTestId('stakeholder-import-submit').click();
        const report = form.getByTestId('stakeholder-import-report');
        await waitText(report, /1 organisations imported/);
        expect(await report.innerText()).toMatch(/1 rows were not imported/);
        expect(await report.getByTestId('stakeholder-import-line-3').innerText()).toMatch(/pharma/);
        const [imported] = await api.organisations({ q: GOOD_ORG });
        expect(imported).toMatchObject({ name: GOOD_ORG, type: 'biotech', country: 'FR', interest: 4 });
        expect((await api.organisations({})).length).toBe(before + 1);
        // The page reloaded its data: the new organisation is in the list.
        await eva.getByTestId(`stakeholder-row-${imported!.id}`).waitFor();
      });
      /** Clicks the organisations export and returns the downloaded CSV. */
      const exportCsv = async () => {
        const [download] = await Promise.all([
          eva.waitForEvent('download'),
          eva.getByTestId('stakeholder-export-orgs').click(),
        ]);
        return readFileSync((await download.path())!, 'utf8');
      };
      await on(
        eva,
        'export what the filters show, a half-typed country ignored as the list does',
        async () => {
          await eva.getByTestId('stakeholder-filter-type').selectOption('hdab');
          await eva.getByTestId('stakeholder-filter-country').fill('F');
          const hdabs = await api.organisations({ type: 'hdab' });
          await expectShown(
            eva,
            hdabs.map((o) => o.id),
          );
          const csv = await exportCsv();
          const names = csv.trim().split(/\r?\n/).slice(1);
          expect(names.length).toBe(hdabs.length);
          for (const o of hdabs) expect(csv).toContain(o.name);
        },
      );
      await on(eva, 'export every organisation as CSV', async () => {
        await eva.getByTestId('stakeholder-filter-clear').click();
        const all = await api.organisations({});
        await expectShown(
          eva,
          all.map((o) => o.id),
        );
        const csv = await exportCsv();
        expect(csv.split(/\r?\n/)[0]).toMatch(/^\uFEFF?name,type,country,/);
        for (const o of all) expect(csv).toContain(o.name);
        expect(csv).toContain(`${GOOD_ORG},biotech,FR`);
      });
    },
  );

  step(
    '3. use cases: a data user proposes one, sees its data availability from the catalogue, scores it',
    async () => {
      // The categories the demo datasets carry, from the catalogue itself.
      const categories = new Map<string, string[]>();
      for (const n of DEMO_NODES) {
        const res = await fetch(`${hubUrl}/api/datasets/${n.datasetId}`);
        const d = (await res.json()) as { summary: { healthCategories: string[] } };
        categories.set(n.datasetId, d.summary.healthCategories);
      }
      const needed = categories.get(FI.datasetId)![0]!;
      const expected = [...categories].filter(([, c]) => c.includes(needed)).map(([id]) => id);
      let uncovered: string | undefined;

      await on(marie, 'propose', async () => {
        await marie.goto(`${hubUrl}/use-cases`);
        await marie.getByTestId('uc-propose').click();
        const form = marie.getByTestId('uc-proposal-form');
        await form.getByTestId('uc-title').fill(UC_TITLE);
        await form
          .getByTestId('uc-problem')
          .fill('Atrial fibrillation goes undetected until a stroke; wearables record the pulse daily.');
        await form.getByTestId('uc-benefit').fill('Earlier anticoagulation, fewer strokes.');
        await form.getByTestId('uc-aiMethod').fill('1D convolutional network on pulse waveforms');
        await form.getByTestId(`uc-cat-${needed}`).check();
        // And a category of the form no demo dataset carries: the page names it as missing.
        const offered = await idsOf(marie, '[data-testid^="uc-cat-"]', 'uc-cat-');
        uncovered = offered.find((c) => ![...categories.values()].some((cs) => cs.includes(c)));
        if (uncovered) await form.getByTestId(`uc-cat-${uncovered}`).check();
        await form.getByTestId('uc-aiActClass').selectOption('high');
        await form.getByTestId('uc-deviceClass').selectOption('mdr_iia');
        await form.getByTestId('uc-submit-proposal').click();
        await marie.waitForURL(/\/use-cases\/[^/]+$/);
        await waitText(marie.locator('h1'), new RegExp(escape(UC_TITLE)));
        useCaseId = decodeURIComponent(new URL(marie.url()).pathname.split('/').pop()!);
      });
      await on(marie, 'data availability from the catalogue', async () => {
        const availability = marie.getByTestId('uc-availability');
        await availability.getByTestId('uc-datasets').waitFor();
        const links = await availability
          .locator('[data-testid="uc-datasets"] tbody a')
          .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.split('/').pop()!)));
        expect(links.sort()).toEqual(expected.sort());
        expect(await availability.innerText()).toMatch(new RegExp(`\\b${expected.length} matching dataset`));
        if (uncovered)
          expect(await availability.getByTestId('uc-availability-missing').innerText()).toMatch(/\w/);
        // What the hub computes from the catalogue is what the page shows.
        const detail = await useCasesApi().get(useCaseId);
        useCaseRef = detail.reference;
        expect(detail.availability.total).toBe(expected.length);
        expect(detail.availability.categoriesMissing).toEqual(uncovered ? [uncovered] : []);
      });
      await on(marie, 'score the criteria', async () => {
        const scores = [5, 4, 4, 2, 2, 5, 5];
        for (const [i, id] of CRITERIA.entries())
          await marie.getByTestId(`uc-score-${id}`).selectOption(String(scores[i]));
        await marie.getByTestId('uc-save-scores').click();
        await waitText(marie.getByTestId('uc-mean-scores'), /Clinical benefit: 5/i);
        const detail = await useCasesApi().get(useCaseId);
        expect(detail.scoreCount).toBe(1);
        expect(CRITERIA.map((id) => detail.meanScores![id])).toEqual(scores);
      });
    },
  );

  step(
    '4. use cases: staff rank with other weights, bad weights are refused, sensitivity, a stage move',
    async () => {
      const api = useCasesApi();
      const order = (r: UseCaseRanking) => r.ranking.map((x) => x.reference);
      const defaults = await api.rank({ method: 'weighted_sum' });
      expect(order(defaults)).toContain(useCaseRef);
      // Weights under which the hub ranks differently from the defaults (found, not assumed).
      const candidates: Record<string, number>[] = CRITERIA.map((only) =>
        Object.fromEntries(CRITERIA.map((id) => [id, id === only ? 1 : 0])),
      );
      let weights: Record<string, number> | null = null;
      let expected: UseCaseRanking | null = null;
      for (const w of candidates) {
        const r = await api.rank({ method: 'weighted_sum', weights: w });
        if (order(r).join() !== order(defaults).join()) {
          weights = w;
          expected = r;
          break;
        }
      }
      expect(weights, 'some single-criterion weights change the ranking').not.toBeNull();
      // The references in the order the ranking table shows them.
      const uiOrder = () =>
        eva
          .locator('[data-testid="uc-ranking"] tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('uc-rank-'.length)));

      await on(eva, 'the default ranking', async () => {
        await eva.goto(`${hubUrl}/use-cases`);
        await eva.getByTestId('uc-ranking').waitFor();
        await expect.poll(uiOrder, { timeout: 30_000 }).toEqual(order(defaults));
      });
      await on(eva, 'rank with changed weights', async () => {
        for (const id of CRITERIA) await eva.getByTestId(`uc-w-${id}`).fill(String(weights![id]));
        await eva.getByTestId('uc-rank').click();
        await expect.poll(uiOrder, { timeout: 30_000 }).toEqual(order(expected!));
        expect(order(expected!)).not.toEqual(order(defaults));
      });
      await on(eva, 'a negative weight is refused beside its input', async () => {
        await eva.getByTestId('uc-w-cost_effort').fill('-1');
        await eva.getByTestId('uc-rank').click();
        await waitText(eva.getByTestId('uc-w-cost_effort-err'), /negative/);
        expect(await eva.getByTestId('uc-w-cost_effort').getAttribute('aria-invalid')).toBe('true');
        expect(await eva.getByTestId('uc-ranking-status').innerText()).toMatch(/\w/);
        // The ranking shown is still the last good one.
        expect(await uiOrder()).toEqual(order(expected!));
      });
      await on(eva, 'all-zero weights are refused with the reason', async () => {
        for (const id of CRITERIA) await eva.getByTestId(`uc-w-${id}`).fill('0');
        await eva.getByTestId('uc-rank').click();
        await waitText(eva.getByTestId('uc-weights-error'), /every weight is 0/);
        expect(await eva.getByTestId('uc-w-cost_effort-err').count()).toBe(0);
      });
      await on(eva, 'reset: the defaults rank again', async () => {
        await eva.getByTestId('uc-reset-weights').click();
        await expect.poll(uiOrder, { timeout: 30_000 }).toEqual(order(defaults));
        expect(await eva.getByTestId('uc-weights-error').count()).toBe(0);
      });
      await on(eva, 'the sensitivity view', async () => {
        const view = eva.getByTestId('uc-sensitivity');
        await view.waitFor();
        await view.getByTestId('uc-sens-criterion').selectOption('data_availability');
        expect(await view.getByTestId('uc-sens-criterion').inputValue()).toBe('data_availability');
        expect((await view.getByTestId('uc-sens-switch').innerText()).trim()).not.toBe('');
        expect(await view.locator('svg').count()).toBeGreaterThan(0);
        // Every ranked use case has a line in the chart's data (its label appears in the view).
        const text = (await view.textContent()) ?? '';
        for (const ref of order(defaults)) expect(text).toContain(ref);
      });
      await on(eva, 'move the new use case to review', async () => {
        await eva.goto(`${hubUrl}/use-cases/${encodeURIComponent(useCaseId)}`);
        await waitText(eva.getByTestId('uc-stage'), /^Proposed$/i);
        await eva.getByTestId('uc-move-stage').selectOption('under_review');
        await eva.getByTestId('uc-move-reason').fill('Data available in two countries; worth a review.');
        await eva.getByTestId('uc-move').click();
        await waitText(eva.getByTestId('uc-stage'), /^Under review$/i);
        await waitText(eva.getByTestId('uc-stage-history'), /worth a review/);
        expect((await api.get(useCaseId)).stage).toBe('under_review');
      });
    },
  );

  step('5. case studies: the library finds a seeded one by a word of its text', async () => {
    visitor = await personPage('visitor');
    const word = 'antibiotics';
    const found = await createCaseStudiesClient({ baseUrl: hubUrl }).search({ q: word });
    expect(found.total).toBeGreaterThan(0);
    const sepsis = found.items.find((c) => /sepsis/i.test(c.title))!;
    expect(sepsis, 'the seeded sepsis case study mentions antibiotics').toBeDefined();
    expect(sepsis.title.toLowerCase()).not.toContain(word);
    await on(visitor, 'search the library', async () => {
      await visitor.goto(`${hubUrl}/case-studies`);
      await visitor.getByTestId('case-studies-results').waitFor();
      await visitor.getByTestId('case-studies-search').fill(word);
      await visitor.getByTestId('case-studies-search-submit').click();
      await visitor.waitForURL(/q=antibiotics/);
      await expect
        .poll(() =>
          visitor
            .locator('[data-testid="case-studies-results"] > li')
            .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid'))),
        )
        .toEqual(found.items.map((c) => `case-study-${c.reference}`));
      await waitText(visitor.getByTestId(`case-study-${sepsis.reference}`), /sepsis/i);
    });
  });

  step(
    '6. case studies: drafted from a permit, submitted, four eyes, published, found by a visitor',
    async () => {
      await on(marie, 'pre-fill a draft from her permit', async () => {
        await marie.goto(`${hubUrl}/case-studies`);
        await marie.getByTestId('case-study-new').click();
        await marie.getByTestId('case-study-prefill-permit').selectOption(permitId);
        await marie.getByTestId('case-study-prefill-submit').click();
        await marie.waitForURL(/\/case-studies\/[^/]+\/edit$/);
        caseStudyId = decodeURIComponent(new URL(marie.url()).pathname.split('/')[2]!);
        // Datasets and permit come from the permit.
        await expect
          .poll(() => marie.getByTestId('case-study-field-permits').inputValue(), { timeout: 30_000 })
          .toContain(permitId);
        expect(await marie.getByTestId('case-study-field-datasets').inputValue()).toContain(FI.datasetId);
        expect(await marie.getByTestId('case-study-field-title').inputValue()).toContain(permitId);
      });
      await on(marie, 'write and save', async () => {
        await marie.getByTestId('case-study-field-title').fill(CS_TITLE);
        await marie
          .getByTestId('case-study-field-problem')
          .fill(`Screening for atrial fibrillation with wrist ${CS_WORD} in people over 65.`);
        await marie
          .getByTestId('case-study-field-results')
          .fill('Sensitivity 0.91 against ECG in the biobank cohort.');
        await marie.getByTestId('case-study-field-tags').fill('cardiology, wearables');
        await marie.getByTestId('case-study-field-countries').fill('FI');
        await marie.getByTestId('case-study-save').click();
        await marie.getByTestId('case-study-saved').waitFor();
      });
      await on(marie, 'submit for review', async () => {
        await marie.getByTestId('case-study-cancel').click();
        await marie.getByTestId('case-study-submit').click();
        await expect
          .poll(() => marie.getByTestId('case-study').getAttribute('data-status'), { timeout: 30_000 })
          .toBe('IN_REVIEW');
        expect(await marie.getByTestId('case-study-review').count()).toBe(0);
        caseStudyRef = (await createCaseStudiesClient({ baseUrl: hubUrl, token: userToken }).get(caseStudyId))
          .reference;
      });

      // Four eyes: a member of staff who wrote a case study cannot publish it; another one can.
      const evaApi = createCaseStudiesClient({ baseUrl: hubUrl, token: hdabToken });
      const own = await evaApi.create({
        title: 'E2E staff-written case study (test)',
        problem: 'Written by a member of HDAB staff.',
      });
      await evaApi.move(own.id, 'submit');
      await on(eva, 'the author, though staff, has no publish control on her own', async () => {
        await eva.goto(`${hubUrl}/case-studies/${encodeURIComponent(own.id)}`);
        await expect.poll(() => eva.getByTestId('case-study').getAttribute('data-status')).toBe('IN_REVIEW');
        expect(await eva.getByTestId('case-study-publish').count()).toBe(0);
        const refused = await evaApi.move(own.id, 'publish').then(
          () => null,
          (err: Error & { status?: number }) => err,
        );
        expect(refused?.status).toBe(403);
        expect(refused?.message).toMatch(/four eyes/);
        const checker = createCaseStudiesClient({
          baseUrl: hubUrl,
          token: await demoToken(hubUrl, 'hdab-checker'),
        });
        await checker.move(own.id, 'publish');
        expect((await evaApi.get(own.id)).status).toBe('PUBLISHED');
      });
      await on(eva, 'another member of staff publishes Marie’s from the review queue', async () => {
        await eva.goto(`${hubUrl}/case-studies/mine`);
        const row = eva.getByTestId(`case-studies-queue-${caseStudyRef}`);
        await row.getByRole('link').click();
        await eva.getByTestId('case-study-publish').click();
        await expect
          .poll(() => eva.getByTestId('case-study').getAttribute('data-status'), { timeout: 30_000 })
          .toBe('PUBLISHED');
      });
      await on(visitor, 'an anonymous visitor finds it by a word of its text', async () => {
        await visitor.goto(`${hubUrl}/case-studies`);
        await visitor.getByTestId('case-studies-search').fill(CS_WORD);
        await visitor.getByTestId('case-studies-search-submit').click();
        const card = visitor.getByTestId(`case-study-${caseStudyRef}`);
        await waitText(card, new RegExp(escape(CS_TITLE)));
        await waitText(visitor.getByTestId('case-studies-count'), /^1 /);
        await card.getByRole('link', { name: CS_TITLE }).click();
        expect(await visitor.getByTestId('case-study').getAttribute('data-status')).toBe('PUBLISHED');
        expect(await visitor.getByTestId('case-study').innerText()).toContain(CS_WORD);
      });
    },
  );

  /** Answers one question with the keyboard: into the group, arrows to the option (radio) or Space (checkbox). */
  async function answer(page: Page, question: string, option: string, options: readonly string[]) {
    const target = page.getByTestId(`pathway-${question}-${option}`);
    const type = await target.getAttribute('type');
    if (type === 'checkbox') {
      await target.focus();
      await page.keyboard.press('Space');
    } else {
      const first = page.getByTestId(`pathway-${question}-${options[0]}`);
      await first.focus();
      const steps = options.indexOf(option);
      if (steps === 0) await page.keyboard.press('Space');
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    }
    await expect.poll(() => target.isChecked(), { timeout: 10_000 }).toBe(true);
  }

  /** Goes on to the next step with the keyboard (Enter on the Next button). */
  async function next(page: Page) {
    const progress = await page.getByTestId('pathway-progress').innerText();
    await page.getByTestId('pathway-next').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('pathway-progress').innerText(), { timeout: 15_000 })
      .not.toBe(progress);
  }

  step(
    '7. pathway: an AI medical device under a data permit gets its steps and articles; a prohibited use stops',
    async () => {
      const api = createPathwayClient({ baseUrl: hubUrl });
      const questions = await api.questionnaire();
      const optionsOf = (id: string) => questions.find((q) => q.id === id)!.options;
      // A high-risk AI decision-support device (MDR rule 11, class IIa) trained under a data permit.
      const plan: [string, string[]][][] = [
        [
          ['purpose', ['SCIENTIFIC_RESEARCH']],
          ['prohibitedUses', ['none']],
          ['ethicsReview', ['required']],
        ],
        [
          ['dataForm', ['record_level']],
          ['identifiability', ['pseudonymised']],
          ['countries', ['several']],
        ],
        [
          ['lawfulBasis', ['legitimate_interest']],
          ['article9', ['research_statistics']],
          ['dpiaCriteria', ['large_scale', 'innovative_technology']],
        ],
        [
          ['deviceSoftware', ['medical_device']],
          ['softwareFunction', ['decision_support']],
          ['decisionImpact', ['other']],
        ],
        [
          ['buildsAi', ['yes']],
          ['aiPractices', ['none']],
          ['aiAnnexIII', ['none']],
          ['aiTransparency', ['none']],
        ],
      ];
      const answers: PathwayAnswersJson = {};
      for (const [id, chosen] of plan.flat())
        answers[id] = questions.find((q) => q.id === id)!.kind === 'single' ? chosen[0]! : chosen;
      const { report } = await api.evaluate(answers);
      expect(report.status).toBe('complete');
      expect(report.classification).toMatchObject({ device: { regulation: 'MDR', class: 'IIa' } });
      const stepIds = report.steps.map((s) => s.id);
      expect(stepIds).toEqual(expect.arrayContaining(['apply_data_permit', 'mdr_conformity']));

      await on(visitor, 'the questionnaire, step by step, with the keyboard', async () => {
        await visitor.goto(`${hubUrl}/pathway`);
        for (const group of plan) {
          await visitor.getByTestId(`pathway-q-${group[0]![0]}`).waitFor();
          for (const [id, chosen] of group)
            for (const option of chosen) await answer(visitor, id, option, optionsOf(id));
          await next(visitor);
        }
      });
      await on(visitor, 'the report', async () => {
        const shown = visitor.getByTestId('pathway-report');
        await shown.waitFor();
        expect(await shown.getAttribute('data-status')).toBe('complete');
        expect(await idsOf(visitor, '[data-testid^="pathway-step-"]', 'pathway-step-')).toEqual(
          [...stepIds].sort(),
        );
        expect(await visitor.getByTestId('pathway-summary').innerText()).toMatch(/MDR class IIa/);
        const permit = await visitor.getByTestId('pathway-step-apply_data_permit').innerText();
        expect(permit).toMatch(/data permit/i);
        expect(permit).toMatch(/Art\. 68/);
        expect(await visitor.getByTestId('pathway-step-mdr_conformity').innerText()).toMatch(
          /Annex VIII, rule 11/,
        );
        // The AI Act: high-risk through the device (Art. 6(1)).
        expect(await shown.innerText()).toMatch(/Art\. 6\(1\)/);
      });
      await on(visitor, 'a prohibited use ends the pathway with the reason', async () => {
        await visitor.getByTestId('pathway-restart').click();
        await visitor.getByTestId('pathway-q-purpose').waitFor();
        await answer(visitor, 'purpose', 'SCIENTIFIC_RESEARCH', optionsOf('purpose'));
        await answer(visitor, 'prohibitedUses', 'ADVERTISING_MARKETING', optionsOf('prohibitedUses'));
        await next(visitor);
        const shown = visitor.getByTestId('pathway-report');
        await expect.poll(() => shown.getAttribute('data-status')).toBe('stopped');
        const stop = await visitor.getByTestId('pathway-stop').innerText();
        expect(stop).toMatch(/prohibits this use of health data/);
        expect(stop).toMatch(/Advertising or marketing/);
        expect(stop).toMatch(/Art\. 54/);
        expect(await visitor.locator('[data-testid^="pathway-step-"]').count()).toBe(0);
      });
    },
  );

  step(
    '8. roadmap: staff add a recommendation and a milestone carrying it; the timeline shows it',
    async () => {
      const recTitle = 'E2E: publish a guideline for validating federated AI (test)';
      const msTitle = 'E2E: federated AI validation guideline adopted (test)';
      let recId = '';
      await on(eva, 'add a recommendation', async () => {
        await eva.goto(`${hubUrl}/roadmap`);
        await eva.getByTestId('recommendation-add').click();
        const form = eva.getByTestId('recommendation-form');
        await form.getByTestId('rec-title').fill(recTitle);
        await form
          .getByTestId('rec-rationale')
          .fill('Data users ask how to validate models trained across nodes.');
        await form.getByTestId('rec-owner').fill('Demo Health Data Access Body');
        await form.getByTestId('rec-target').fill('2027-06-30');
        await form.getByTestId('rec-kpis').fill('ai-products.reported');
        await form.getByTestId('rec-save').click();
        const row = eva.locator('[data-testid^="recommendation-"]', { hasText: recTitle }).first();
        await row.waitFor();
        recId = (await row.getAttribute('data-testid'))!.slice('recommendation-'.length);
        expect(await row.innerText()).toContain('Demo Health Data Access Body');
      });
      await on(eva, 'add a milestone linked to it', async () => {
        await eva.getByTestId('milestone-add').click();
        const form = eva.getByTestId('milestone-form');
        await form.getByTestId('ms-title').fill(msTitle);
        await form.getByTestId('ms-due').fill('2027-09-30');
        await form.getByTestId(`ms-link-${recId}`).check();
        await form.getByTestId('ms-targets').fill('ai-products.reported = 5');
        await form.getByTestId('ms-save').click();
        await form.waitFor({ state: 'detached' });
      });
      await on(eva, 'the timeline', async () => {
        const item = eva.locator('g[data-testid^="milestone-"]', { hasText: msTitle });
        await item.waitFor();
        // Its row in the timeline's data table: due date, the recommendation it carries, its KPI target.
        const row = eva.locator('figure.chart tr', { hasText: msTitle });
        const cells = (await row.textContent()) ?? '';
        expect(cells).toContain('2027-09-30');
        expect(cells).toContain(recTitle);
        expect(cells).toContain('ai-products.reported = 5');
        // As the hub stored it.
        const milestones = await createRoadmapClient({ baseUrl: hubUrl, token: hdabToken }).milestones();
        expect(milestones.find((m) => m.title === msTitle)).toMatchObject({
          dueDate: '2027-09-30',
          recommendationIds: [recId],
          kpiTargets: [{ key: 'ai-products.reported', target: 5 }],
        });
      });
    },
  );

  step(
    '9. KPIs: live values as the hub computes them, CSV and PDF, a manual KPI with its verdict',
    async () => {
      const api = createKpiClient({ baseUrl: hubUrl, token: hdabToken });
      /** The number a card shows (en-GB), null for "not measured". */
      const shownNumber = (text: string) =>
        /not measured/.test(text) ? null : Number(text.replace(/,/g, '').match(/-?\d+(\.\d+)?/)![0]);
      await on(eva, 'the dashboard agrees with the hub', async () => {
        // The figures move while nodes report (e.g. the extract of the permit): compare a fresh pair.
        await expect
          .poll(
            async () => {
              await eva.goto(`${hubUrl}/kpi`);
              await eva.getByTestId('kpi-live').waitFor();
              const { kpis } = await api.dashboard({ months: 12 });
              const live = kpis.filter((k) => k.source === 'live');
              const mismatches: string[] = [];
              for (const k of live) {
                const id = `kpi-${k.key.replace(/[^a-z0-9]+/gi, '-')}-value`;
                const text = await eva.getByTestId(id).innerText();
                const want = k.current === null ? null : Math.round(k.current * 10) / 10;
                if (shownNumber(text) !== want) mismatches.push(`${k.key}: shown ${text}, hub ${k.current}`);
              }
              return live.length >= 8 ? mismatches : [`only ${live.length} live KPIs`];
            },
            { timeout: 60_000, interval: 2_000 },
          )
          .toEqual([]);
        const { kpis } = await api.dashboard({ months: 12 });
        // Our permit (and the demo's) counted live.
        expect(kpis.find((k) => k.key === 'permits.granted')!.current).toBeGreaterThanOrEqual(1);
        expect(kpis.find((k) => k.key === 'datasets.labelled')).toBeDefined();
      });
      await on(eva, 'CSV and PDF', async () => {
        const [download] = await Promise.all([
          eva.waitForEvent('download'),
          eva.getByTestId('kpi-csv').click(),
        ]);
        const csv = readFileSync((await download.path())!, 'utf8');
        expect(csv).toContain('permits.granted');
        const csvRes = await eva.request.get(
          new URL((await eva.getByTestId('kpi-csv').getAttribute('href'))!, hubUrl).toString(),
        );
        expect(csvRes.status()).toBe(200);
        expect(csvRes.headers()['content-type']).toMatch(/^text\/csv/);
        const pdfRes = await eva.request.get(
          new URL((await eva.getByTestId('kpi-pdf').getAttribute('href'))!, hubUrl).toString(),
        );
        expect(pdfRes.status()).toBe(200);
        expect(pdfRes.headers()['content-type']).toMatch(/^application\/pdf/);
        expect((await pdfRes.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const [pdf] = await Promise.all([eva.waitForEvent('download'), eva.getByTestId('kpi-pdf').click()]);
        expect(
          readFileSync((await pdf.path())!)
            .subarray(0, 4)
            .toString('latin1'),
        ).toBe('%PDF');
      });
      await on(eva, 'a manual KPI with a target, then a value: the verdict', async () => {
        const create = eva.getByTestId('kpi-create-form');
        await create.getByTestId('kpi-create-key').fill('e2e.pilots-started');
        await create.getByTestId('kpi-create-title').fill('E2E pilots started');
        await create.getByTestId('kpi-create-unit').fill('pilots');
        await create.getByTestId('kpi-create-target').fill('3');
        await create.getByTestId('kpi-create-direction').selectOption('higher');
        await create.getByTestId('kpi-create-submit').click();
        await create.getByTestId('kpi-create-done').waitFor();
        const card = eva.getByTestId('kpi-e2e-pilots-started');
        await card.waitFor();
        expect(await card.getByTestId('kpi-e2e-pilots-started-verdict').getAttribute('data-verdict')).toBe(
          'no-value',
        );
        const record = eva.getByTestId('kpi-record-form');
        await record.getByTestId('kpi-record-kpi').selectOption({ label: 'E2E pilots started' });
        await record.getByTestId('kpi-record-value').fill('5');
        await record.getByTestId('kpi-record-submit').click();
        await record.getByTestId('kpi-record-done').waitFor();
        const verdict = card.getByTestId('kpi-e2e-pilots-started-verdict');
        await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('met');
        expect(await verdict.innerText()).toBe('Target met');
        expect(await card.getByTestId('kpi-e2e-pilots-started-value').innerText()).toBe('5 pilots');
        const manual = (await api.dashboard({ months: 12 })).kpis.find(
          (k) => k.key === 'e2e.pilots-started',
        )!;
        expect(manual).toMatchObject({ current: 5, target: 3, met: true });
      });
    },
  );

  step(
    '10. languages: Deutsch throughout (nav, headings, lang, dates, numbers), then back to English',
    async () => {
      const published = await createCaseStudiesClient({ baseUrl: hubUrl }).get(caseStudyId);
      const day = published.publishedAt!.slice(0, 10);
      const [y, m, d] = day.split('-');
      await on(marie, 'switch to Deutsch', async () => {
        await marie.goto(`${hubUrl}/case-studies/${encodeURIComponent(caseStudyId)}`);
        await marie.getByTestId('case-study').waitFor();
        expect(await marie.locator('html').getAttribute('lang')).toBe('en');
        expect(await marie.getByTestId('case-study').innerText()).toContain(day);
        await Promise.all([
          marie.waitForEvent('load'),
          marie.getByTestId('language-switch').selectOption('de'),
        ]);
        await marie.getByTestId('case-study').waitFor();
        expect(await marie.locator('html').getAttribute('lang')).toBe('de');
        expect(await marie.getByTestId('language-switch').inputValue()).toBe('de');
        expect(await marie.evaluate(() => localStorage.getItem('openehds.locale'))).toBe('de');
      });
      await on(marie, 'a page in German: navigation, heading, date', async () => {
        const nav = marie.getByRole('navigation', { name: uiDe.nav.label });
        await nav.waitFor();
        expect(await nav.innerText()).toContain(uiDe.nav.home);
        expect(await marie.getByTestId('nav-case-studies').innerText()).toBe(caseStudiesDe.nav);
        // The date as German readers write it (TT.MM.JJJJ), no ISO date left.
        const text = await marie.getByTestId('case-study').innerText();
        expect(text).toContain(`${d}.${m}.${y}`);
        expect(text).not.toContain(day);
        await marie.goto(`${hubUrl}/case-studies`);
        await waitText(marie.locator('h1'), new RegExp(`^${escape(caseStudiesDe.library.title)}$`));
      });
      await on(marie, 'numbers in German: the AI Factory’s GPUs', async () => {
        await marie.goto(`${hubUrl}/stakeholders`);
        await waitText(marie.locator('h1'), new RegExp(`^${escape(stakeholdersDe.title)}$`));
        const all = await createStakeholdersClient({ baseUrl: hubUrl, token: userToken }).organisations({
          type: 'ai_factory',
          country: 'FI',
        });
        const node = marie.getByTestId(`stakeholder-node-${all[0]!.id}`);
        await node.focus();
        await marie.keyboard.press('Enter');
        await waitText(marie.getByTestId('stakeholder-details-ai'), /10\.000/);
      });
      await on(marie, 'back to English', async () => {
        await Promise.all([
          marie.waitForEvent('load'),
          marie.getByTestId('language-switch').selectOption('en'),
        ]);
        await waitText(marie.locator('h1'), /^Stakeholder/);
        expect(await marie.locator('html').getAttribute('lang')).toBe('en');
        expect(await marie.getByTestId('nav-case-studies').innerText()).toBe('Case studies');
      });
      // The refusals staff asked for (the atomic import, the negative and the all-zero weights) are
      // the only failed loads: Chromium logs each 400 as a console error.
      const unexpected = journey
        .errorsSoFar()
        .filter(
          (e) => !/^\[eva\] Failed to load resource: the server responded with a status of 400\b/.test(e),
        );
      expect(unexpected).toEqual([]);
    },
  );
});

/** `s` as a literal inside a regular expression. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
