import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createApplicationsClient,
  createPermitsClient,
  CRITERION_IDS,
  type ApplicationsClient,
  type ExtractReport,
  type PermitsClient,
} from '@openehds/client';
import { exampleApplication } from '@openehds/core';
import { approveDemoNodes, demoToken } from '../packages/cli/src/commands/demo/hub-admin';
import { startDemoIdentity, type DemoIdentity } from '../packages/cli/src/commands/demo/identity';
import { DEMO_NODES } from '../packages/cli/src/commands/demo/plan';
import { ensureWebBuilt } from '../packages/cli/src/commands/demo/web-build';
import { ehds, freePort, launchChromium, REPO, signInAsDemo, tempDir, waitFor, waitText } from './harness';
import { Journey } from './journey';

/**
 * The HDAB journey the issue asks for, through the real product: a hub (demo accounts, the demo
 * national eID as a real OpenID Connect provider) and a Finnish node holding a synthetic dataset, as
 * separate processes over HTTP, and the built web UI in Debian's Chromium. A data user applies; the
 * HDAB pre-screens and asks for information; the user answers; the HDAB assesses, asks the holder's
 * cost, sends the fee estimate and grants; the permit appears in the public register; it is renewed,
 * then revoked. A citizen opts out, and the extract the node prepares for a later permit leaves her out.
 */
const DATASET = 'fi-e2e-journey';
const NODE_NAME = 'E2E journey node';
const HOLDER_ORG = 'Helsinki Biobank (demo)';
// The node generates the Finnish demo node's population (same country and seed), so the demo citizen
// Liisa, whose eID carries the identifier of one of its persons (DEMO_OPT_OUT_PERSON), is among them.
const FI_SEED = DEMO_NODES.find((n) => n.key === 'fi')!.seed;
const PERSONS = 60;
// Steps that wait for a node's extract: the hub hands permits and the opt-out registry to the nodes in
// sweeps every 60 s (permitSweepSeconds), so such a step may wait a few sweeps.
const SWEEP_STEP_MS = 420_000;

const day = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('HDAB journey: apply, pre-screen, information, assess, fees, grant, register, renew, revoke', () => {
  const journey = new Journey();
  const step = journey.step.bind(journey);
  const on = journey.on.bind(journey);
  const personPage = journey.personPage.bind(journey);
  const errorsSoFar = journey.errorsSoFar.bind(journey);
  const procs: ReturnType<typeof ehds>[] = [];
  let hubUrl = '';
  let data = '';

  // What the steps hand to each other.
  let user: Page;
  let hdab: Page;
  let applicationUrl = '';
  let reference = '';
  let caseUrl = '';
  let permitId = '';
  let renewedId = '';
  let identity: DemoIdentity | null = null;
  /** The node's extract report for the first permit, prepared before the citizen opted out. */
  let firstExtract: ExtractReport | null = null;

  /** The hub's API as a demo account (password, and the TOTP code for staff). */
  async function api(
    username: string,
  ): Promise<{ applications: ApplicationsClient; permits: PermitsClient }> {
    const token = await demoToken(hubUrl, username);
    return {
      applications: createApplicationsClient({ baseUrl: hubUrl, token }),
      permits: createPermitsClient({ baseUrl: hubUrl, token }),
    };
  }

  /** Waits until the node has reported its extract for a permit version, as HDAB staff see it. */
  async function extractOf(permits: PermitsClient, id: string, timeout = 300_000): Promise<ExtractReport> {
    let report: ExtractReport | undefined;
    await expect
      .poll(
        async () => {
          report = (await permits.extracts(id))?.nodes.find((n) => n.nodeName === NODE_NAME);
          return report !== undefined;
        },
        { timeout, interval: 1_000 },
      )
      .toBe(true)
      .catch((err: Error) => {
        throw new Error(`the node reported no extract for ${id} (the hub sweeps every 60 s): ${err.message}`);
      });
    return report!;
  }

  beforeAll(async () => {
    // Prepare: the built UI, a hub with the demo accounts, one Finnish node with a synthetic population
    // that publishes its dataset as soon as the hub approves it.
    const webDir = await ensureWebBuilt(REPO);
    data = tempDir('ehds-e2e-hdab-');
    const hubPort = await freePort();
    hubUrl = `http://127.0.0.1:${hubPort}`;
    // The demo national eID (citizens) and Life Science Login, real OIDC providers in this process, as
    // `ehds demo` runs them; the hub learns of them through EHDS_OIDC_PROVIDERS.
    identity = await startDemoIdentity(hubUrl, { eid: await freePort(), ls: await freePort() });
    const hub = ehds(
      [
        'hub',
        '--port',
        String(hubPort),
        '--data-dir',
        join(data, 'hub'),
        '--seed-demo',
        '--web-dir',
        webDir,
        '--hdab-name',
        'Demo Health Data Access Body',
        '--hdab-country',
        'FI',
      ],
      // Permit changes and the opt-out registry reach the node within seconds, not the minute default.
      { EHDS_OIDC_PROVIDERS: identity.hubProvidersJson, EHDS_PERMIT_SWEEP_SECONDS: '5' },
    );
    procs.push(hub);
    await waitFor(`${hubUrl}/health`, 90_000, hub.output);
    const nodePort = await freePort();
    const node = ehds([
      'node',
      '--name',
      NODE_NAME,
      '--organisation',
      HOLDER_ORG,
      '--country',
      'FI',
      '--dataset-id',
      DATASET,
      '--data-dir',
      join(data, 'node'),
      '--hub',
      hubUrl,
      '--port',
      String(nodePort),
      '--allowed-origin',
      hubUrl,
      '--seed-patients',
      String(PERSONS),
      '--seed',
      String(FI_SEED),
      '--auto-publish',
    ]);
    procs.push(node);
    await waitFor(`http://127.0.0.1:${nodePort}/health`, 120_000, node.output);
    await approveDemoNodes(hubUrl, [NODE_NAME], 60_000);
    // The applicant picks the dataset from the catalogue: wait until the node has published it.
    await waitFor(`${hubUrl}/api/datasets/${DATASET}`, 90_000, node.output);
    journey.browser = await launchChromium();
  });

  afterAll(async () => {
    await journey.close();
    await Promise.all(procs.map((p) => p.stop()));
    await Promise.all(identity?.providers.map((p) => p.stop()) ?? []);
    if (data) rmSync(data, { recursive: true, force: true });
  });

  step('1. the data user fills every step of an application, sees it autosaved and submits it', async () => {
    user = await personPage('user');
    await signInAsDemo(user, hubUrl, 'user');
    await on(user, 'new application', async () => {
      await user.goto(`${hubUrl}/applications`);
      await user.getByTestId('new-application').click();
      await user.waitForURL(/\/applications\/[^/?]+/);
    });
    applicationUrl = user.url().split('?')[0]!;
    const status = user.getByTestId('application-status');
    expect(await status.innerText()).toBe('Draft');
    reference = (await user.locator('.app-meta code').first().innerText()).trim();
    expect(reference).toMatch(/^FI-APP-\d{4}-\d+$/);
    const next = () => user.getByTestId('next-step').click();

    await on(user, 'step (a) applicant and persons', async () => {
      await user.getByLabel('Title of the project').fill('Diabetes care pathways in Finland (e2e)');
      await user
        .getByLabel(/organisation.s activities/)
        .fill('BioNova develops decision support for diabetes care.');
      await user.getByTestId('add-person').click();
      const pi = user.getByTestId('person-0');
      await pi.getByLabel('Full name').fill('Marie Dubois');
      await pi.getByLabel('E-mail').fill('marie@bionova.example');
      expect(await pi.getByLabel('Role').inputValue()).toBe('principal_investigator');
      await user.getByTestId('add-person').click();
      const second = user.getByTestId('person-1');
      await second.getByLabel('Full name').fill('Paul Martin');
      await second.getByLabel('E-mail').fill('paul@bionova.example');
      await second.getByLabel('Role').selectOption('data_scientist');
      // Autosave: about a second after the last keystroke the hub has the draft.
      await waitText(user.getByTestId('autosave-status'), /Saved at/);
    });

    await on(user, 'step (b) purposes', async () => {
      await next();
      await user.getByRole('checkbox', { name: /Scientific research/ }).check();
      // Purposes (a)-(c) are reserved to verified public bodies (Art. 53(2)).
      expect(await user.getByRole('checkbox', { name: /Official statistics/ }).isDisabled()).toBe(true);
    });

    await on(user, 'step (c) use and benefit', async () => {
      await next();
      await user
        .getByLabel('Intended use and expected benefit')
        .fill('Model care pathways of type 2 diabetes to find where earlier intervention helps.');
    });

    await on(user, 'step (d) data: the dataset from the catalogue, variables, period', async () => {
      await next();
      await user.getByTestId('dataset-search').fill('Helsinki');
      await user.getByTestId('dataset-search').press('Enter');
      await user.getByTestId(`add-dataset-${DATASET}`).click();
      // The dataset's dictionary: open its first table and pick its first two variables.
      const chosen = user.locator('fieldset.card').filter({ hasText: DATASET });
      const table = chosen.locator('details.variable-table').first();
      await table.locator('summary').click();
      const boxes = table.getByRole('checkbox');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await waitText(chosen, /2 variables selected/);
      await user
        .getByLabel('Variables across datasets')
        .fill('person.year_of_birth, person.gender_concept_id');
      await user.getByLabel('Data from').fill('2015-01-01');
      await user.getByLabel('Data until').fill('2024-12-31');
      await user.getByLabel('Countries (optional)').fill('FI');
    });

    await on(user, 'step (e) pseudonymised, justified, with a legal basis', async () => {
      await next();
      await user.getByRole('radio', { name: /^Pseudonymised/ }).check();
      await user
        .getByLabel('Why anonymised data will not do')
        .fill('Visits must be linked per person over ten years to follow care pathways.');
      await user.getByLabel('GDPR Art. 6(1) legal basis').selectOption('6(1)(f)');
      await user.getByLabel(/Explanation of the legal basis/).fill('Legitimate interest in health research.');
    });

    await on(user, 'steps (f)-(g) safeguards', async () => {
      await next();
      await user
        .getByLabel('Safeguards against misuse and re-identification')
        .fill('Work only inside the SPE; every output passes disclosure control before release.');
    });

    await on(user, 'step (h) months in the SPE, justified', async () => {
      await next();
      await user.getByLabel('Months in the secure processing environment').fill('18');
      await user
        .getByLabel('Why you need this period')
        .fill('Two modelling rounds and an external validation.');
    });

    await on(user, 'step (i) tools', async () => {
      await next();
      await user.getByLabel('Software and tools').fill('R, Python');
      await user.getByLabel('CPU hours (optional)').fill('200');
    });

    await on(user, 'step (j) ethics', async () => {
      await next();
      await user.getByLabel('Ethics review (Art. 67(2)(j))').selectOption('approved');
      await user.getByLabel('Ethics committee').fill('TUKIJA (demo)');
      await user.getByLabel('Approval reference').fill('TUKIJA-2026-042');
    });

    await on(user, 'step (k) no opt-out exception', async () => {
      await next();
      expect(await user.getByLabel(/exception to the opt-out/).isChecked()).toBe(false);
    });

    await on(user, 'Art. 54: the five declarations', async () => {
      await next();
      const declarations = user
        .getByRole('group', { name: 'Prohibited uses (Art. 54)' })
        .getByRole('checkbox');
      expect(await declarations.count()).toBe(5);
      for (let i = 0; i < 5; i++) await declarations.nth(i).check();
    });

    await on(user, 'review: nothing missing, autosaved, submit', async () => {
      await next();
      await waitText(user.getByTestId('autosave-status'), /Saved at/);
      await waitText(
        user.getByTestId('completeness-checklist'),
        /Everything the regulation asks for is filled in/,
      );
      await user.getByTestId('submit-application').click();
      await waitText(status, /^Submitted$/);
    });
    // The file as submitted lists what was entered, by letter.
    const body = await user.innerText('main');
    expect(body).toContain('Marie Dubois');
    expect(body).toContain(DATASET);
    expect(body).toContain('TUKIJA-2026-042');
    expect(errorsSoFar()).toEqual([]);
  });

  step(
    '2. the HDAB finds the file in its work queue, starts pre-screening and asks for information',
    async () => {
      hdab = await personPage('hdab');
      // HDAB staff need a second factor: the demo sign-in computes the TOTP code from the demo secret.
      await signInAsDemo(hdab, hubUrl, 'hdab');
      await on(hdab, 'work queue', async () => {
        await hdab.goto(`${hubUrl}/backoffice`);
        const row = hdab.getByTestId(`queue-row-${reference}`);
        await waitText(row, /Submitted/);
        expect(await row.innerText()).toContain('Diabetes care pathways in Finland (e2e)');
        await row.getByRole('link', { name: reference }).click();
        await hdab.waitForURL(/\/backoffice\/[^/?]+/);
      });
      caseUrl = hdab.url();
      const status = hdab.getByTestId('case-status');
      await on(hdab, 'pre-screening', async () => {
        await waitText(status, /^Submitted$/);
        await hdab.getByTestId('action-start-pre-screening').click();
        await waitText(status, /^Pre-screening$/);
      });
      await on(hdab, 'request for information', async () => {
        await hdab
          .getByTestId('information-message')
          .fill('Please name the ethics committee decision date and add an ORCID iD for the PI.');
        await hdab.getByTestId('action-request-information').click();
        await waitText(status, /^Information requested$/);
      });
      expect(errorsSoFar()).toEqual([]);
    },
  );

  step('3. the data user reads the request, edits the file and answers', async () => {
    await on(user, 'answer', async () => {
      await user.goto(applicationUrl);
      const request = user.getByTestId('information-request');
      await waitText(request, /add an ORCID iD for the PI/);
      // The file is editable again while information is awaited (Art. 68(4)).
      await user.getByTestId('step-applicant').click();
      await user
        .getByTestId('person-0')
        .getByLabel(/ORCID iD/)
        .fill('0000-0002-1825-0097');
      await waitText(user.getByTestId('autosave-status'), /Saved at/);
      await user
        .getByTestId('information-answer')
        .fill('The PI ORCID iD is added; TUKIJA approved the study on 2026-03-02.');
      await request.getByRole('button', { name: 'Send the answer' }).click();
      // Back with the HDAB: pre-screening resumes.
      await waitText(user.getByTestId('application-status'), /^Pre-screening$/);
    });
    expect(await user.innerText('main')).toContain('0000-0002-1825-0097');
    expect(errorsSoFar()).toEqual([]);
  });

  step(
    '4. the HDAB assesses, gets the holder cost, sends the fee estimate, the user accepts, the HDAB grants',
    async () => {
      const status = hdab.getByTestId('case-status');
      await on(hdab, 'declare complete', async () => {
        await hdab.goto(caseUrl);
        await waitText(status, /^Pre-screening$/);
        expect(await hdab.innerText('main')).toContain('TUKIJA approved the study');
        await hdab.getByTestId('action-complete').click();
        await waitText(status, /^Being assessed$/);
      });

      await on(hdab, 'assessment checklist: every point met, justified', async () => {
        const criteria = hdab.locator('[data-testid^="criterion-"]');
        const n = await criteria.count();
        expect(n).toBe(9); // Art. 68(1)(a)-(h) and 68(2)
        for (let i = 0; i < n; i++) {
          const c = criteria.nth(i);
          await c.getByLabel('Met', { exact: true }).check();
          await c.getByLabel('Justification').fill(`Checked against the file (point ${i + 1}).`);
          await c.getByRole('button', { name: 'Record' }).click();
          await waitText(c, /Recorded by hdab: Met\./);
        }
        await waitText(
          hdab.getByTestId('assessment-summary'),
          /9 of 9 points recorded, 0 unconfirmed, 0 not met/,
        );
      });

      await on(hdab, 'ask the data holder for its cost', async () => {
        await hdab.getByTestId('ask-holder-costs').click();
        await waitText(
          hdab.getByTestId('holder-costs'),
          new RegExp(`${HOLDER_ORG.replace(/[()]/g, '\\$&')}[\\s\\S]*Waiting for an answer`),
        );
      });

      const holder = await personPage('holder-fi');
      await signInAsDemo(holder, hubUrl, 'holder-fi');
      await on(holder, 'the holder states its preparation cost', async () => {
        await holder.goto(`${hubUrl}/holder`);
        const form = holder.getByTestId(`cost-request-${reference}`);
        await form.getByTestId('cost-amount').fill('1500');
        await form.getByLabel('Note (optional)').fill('Extraction and pseudonymisation.');
        await form.getByRole('button', { name: 'Send the cost' }).click();
        await waitText(form, new RegExp(`Your cost for ${reference} was sent`));
      });

      await on(hdab, 'send the fee estimate', async () => {
        await hdab.reload();
        await waitText(hdab.getByTestId('holder-costs'), /1,500\.00|1 500,00|1500/);
        await hdab.getByTestId('send-fee-estimate').click();
        await waitText(hdab.getByTestId('fees'), /Not accepted yet/);
      });

      await on(user, 'the user accepts the estimate', async () => {
        await user.goto(applicationUrl);
        const fees = user.getByTestId('fee-estimate');
        await waitText(fees, /Data holder/);
        await fees.getByTestId('accept-fees').click();
        await waitText(fees, /You accepted this estimate/);
      });

      await on(hdab, 'grant with validity dates', async () => {
        await hdab.reload();
        await waitText(hdab.getByTestId('fees'), /Accepted by the applicant/);
        const form = hdab.getByTestId('decision-form');
        await form.getByTestId('outcome-GRANTED').check();
        await form.getByTestId('decision-reasons').fill('Every point of Art. 68(1) and 68(2) is met.');
        // Valid for about six months, so the renewal window (a request at least a month before
        // expiry, Art. 68(12)) is open.
        await form.getByTestId('decision-validFrom').fill(day(0));
        await form.getByTestId('decision-validUntil').fill(day(182));
        await form.getByTestId('issue-decision').click();
        const issued = await waitText(hdab.getByTestId('decision-issued'), /Permit \S+ issued/);
        permitId = /Permit (\S+) issued/.exec(issued)![1]!;
        await waitText(status, /^Granted$/);
        expect(await hdab.getByTestId('permit-number').innerText()).toBe(permitId);
      });

      await on(user, 'the user sees the grant', async () => {
        await user.goto(applicationUrl);
        await waitText(user.getByTestId('application-status'), /^Granted$/);
        expect(await user.getByTestId('decision-outcome').innerText()).toBe('Granted');
        expect(await user.getByTestId('permit-number').innerText()).toBe(permitId);
      });
      expect(errorsSoFar()).toEqual([]);
    },
  );

  step(
    '5. the node prepares the extract; the permit appears in the public register without signing in',
    async () => {
      // Before anyone opts out, the node's extract holds every person of the dataset (Art. 71(3)).
      const staff = await api('hdab');
      firstExtract = await extractOf(staff.permits, permitId);
      expect(firstExtract).toMatchObject({ persons: PERSONS, excludedByOptOut: 0, optOutApplied: true });

      const visitor = await personPage('public');
      await on(visitor, 'public register', async () => {
        await visitor.goto(`${hubUrl}/register`);
        // Art. 57(1)(j)(ii): the application as received, with the organisation, never the persons.
        const row = visitor.getByTestId(`register-row-${reference}`);
        await waitText(row, /\bgranted\b/i);
        expect(await row.innerText()).toContain('Diabetes care pathways in Finland (e2e)');
        expect(await row.innerText()).not.toContain('Marie Dubois');
        // Art. 57(1)(j)(iii): the decision with its reasons and the permit.
        await visitor.getByTestId('register-tab-decisions').click();
        const decision = visitor.getByTestId(`register-decision-${reference}`);
        await waitText(decision, /Every point of Art\. 68\(1\) and 68\(2\) is met/);
        expect(await decision.getByTestId('permit-number').first().innerText()).toBe(permitId);
        expect(await decision.getByTestId('register-permit-status').innerText()).toMatch(/in force|granted/i);
      });
      expect(errorsSoFar()).toEqual([]);
    },
    SWEEP_STEP_MS,
  );

  step('6. the user asks for the renewal, the HDAB renews (new permit number), then revokes it', async () => {
    const wishedEnd = day(365);
    await on(user, 'the applicant requests the renewal (Art. 68(12))', async () => {
      await user.goto(`${hubUrl}/permits/${encodeURIComponent(permitId)}`);
      await waitText(user.getByTestId('permit-status'), /^Granted$/);
      const renewal = user.getByTestId('permit-renewal');
      await waitText(renewal, /Ask by \d{4}-\d{2}-\d{2}/);
      await renewal.getByLabel('Wished new end date (optional)').fill(wishedEnd);
      await renewal
        .getByLabel('Why you need more time (optional)')
        .fill('External validation in a second cohort.');
      await renewal.getByTestId('request-renewal').click();
      await waitText(user.getByTestId('renewal-requested'), /Renewal requested on/);
    });

    const status = hdab.getByTestId('permit-status');
    await on(hdab, 'the HDAB renews', async () => {
      await hdab.goto(`${hubUrl}/permits/${encodeURIComponent(permitId)}`);
      await waitText(hdab.getByTestId('renewal-requested'), /Wished end: \d{4}-\d{2}-\d{2}/);
      const renew = hdab.getByTestId('renew');
      // The applicant's wished end is offered.
      expect(await renew.getByTestId('renew-until').inputValue()).toBe(wishedEnd);
      await renew
        .getByTestId('renew-reason')
        .fill('Renewal requested in time; the validation needs another year.');
      await renew.getByTestId('renew-submit').click();
      // A renewal is a new version with its own permit number (TEHDAS2 D6.4).
      await hdab.waitForURL((url) => !url.pathname.endsWith(`/permits/${encodeURIComponent(permitId)}`));
      renewedId = (await hdab.getByTestId('permit-number').innerText()).trim();
      expect(renewedId).not.toBe(permitId);
      expect(decodeURIComponent(new URL(hdab.url()).pathname)).toBe(`/permits/${renewedId}`);
      await waitText(status, /^Renewed$/);
      expect(await hdab.getByTestId('permit-validity').innerText()).toContain(wishedEnd);
    });

    await on(hdab, 'the HDAB revokes the renewed permit (Art. 63)', async () => {
      await hdab.getByTestId('revoke-start').click();
      await hdab.getByTestId('revoke-reason').fill('The applicant breached the output-checking condition.');
      await hdab.getByTestId('revoke-confirm-button').click();
      await waitText(status, /^Revoked$/);
      expect(await hdab.innerText('main')).toContain(`Permit ${renewedId} was revoked.`);
    });

    await on(user, 'the applicant sees the old version superseded and the new one revoked', async () => {
      await user.goto(`${hubUrl}/permits/${encodeURIComponent(permitId)}`);
      await waitText(user.getByTestId('superseded'), new RegExp(`The current version is ${renewedId}`));
      await user.goto(`${hubUrl}/permits/${encodeURIComponent(renewedId)}`);
      await waitText(user.getByTestId('permit-status'), /^Revoked$/);
      // The revocation comes as a signed notice the applicant can keep.
      await waitText(user.getByTestId('download-end-notice'), /signed notice of its end/);
    });

    const visitor = await personPage('public-after');
    await on(visitor, 'the register shows the revocation', async () => {
      await visitor.goto(`${hubUrl}/register?tab=decisions`);
      const decision = visitor.getByTestId(`register-decision-${reference}`);
      await waitText(decision.getByTestId('register-permit-status'), /revoked/i);
      // Both versions, with the revocation's reason (Art. 57(1)(j)(iv)).
      const text = await decision.innerText();
      expect(text).toContain(permitId);
      expect(text).toContain(renewedId);
      expect(text).toContain('The applicant breached the output-checking condition.');
    });
    expect(errorsSoFar()).toEqual([]);
  });

  step(
    '7. a citizen opts out with the national eID; a later permit’s extract leaves her out',
    async () => {
      const citizen = await personPage('citizen');
      await on(citizen, 'sign in with the demo national eID', async () => {
        await citizen.goto(`${hubUrl}/citizen`);
        await citizen.getByTestId('citizen-provider-demo-eid').click();
        // The provider's own pages: sign in, then allow the hub what it asks.
        await citizen.getByLabel('Username').fill('liisa');
        await citizen.getByLabel('Password').fill('demo-password');
        await citizen.getByRole('button', { name: 'Sign in' }).click();
        // A first sign-in: the provider asks for consent to share the national identifier.
        await citizen.getByRole('button', { name: 'Allow' }).click();
        await waitText(citizen.getByTestId('opt-out-status'), /You have not opted out/);
        expect(new URL(citizen.url()).origin).toBe(hubUrl);
      });

      await on(citizen, 'opt out (Art. 71)', async () => {
        await citizen.getByTestId('opt-out-change').click();
        await citizen.getByTestId('opt-out-confirm').click();
        await waitText(citizen.getByTestId('opt-out-receipt'), /Your opt-out is registered\. Receipt/);
        await waitText(citizen.getByTestId('opt-out-status'), /You have opted out since/);
        await waitText(citizen.getByTestId('opt-out-history'), /Opted out/);
      });

      // A second, later permit for the same dataset. The UI path was walked above; to keep the test
      // short this one goes through the hub's HTTP API, with the same demo accounts' sessions.
      const userApi = await api('user');
      const staff = await api('hdab');
      const holder = await api('holder-fi');
      const content = exampleApplication();
      content.title = 'Diabetes care pathways, follow-up (e2e)';
      content.datasets = [{ datasetId: DATASET, country: 'FI', variables: ['person.year_of_birth'] }];
      let app = await userApi.applications.create('application', content);
      app = await userApi.applications.submit(app.id);
      await staff.applications.transition(app.id, 'start-pre-screening');
      await staff.applications.transition(app.id, 'complete');
      for (const c of CRITERION_IDS) await staff.applications.assess(app.id, c, 'met', 'Checked (e2e).');
      await staff.applications.askHolderCosts(app.id);
      await holder.applications.answerCostRequest(app.id, 800, 'Extraction.');
      await staff.applications.sendFeeEstimate(app.id);
      await userApi.applications.acceptFeeEstimate(app.id);
      const decision = await staff.applications.decide(app.id, {
        outcome: 'GRANTED',
        reasons: 'Every point of Art. 68(1) and 68(2) is met.',
        validFrom: day(0),
        validUntil: day(182),
      });
      const laterId = decision.permitId!;
      expect(laterId).toBeTruthy();

      // The node leaves out the person who opted out before this permit was approved (Art. 71(3)).
      const later = await extractOf(staff.permits, laterId);
      expect(later).toMatchObject({
        status: 'prepared',
        persons: PERSONS - 1,
        excludedByOptOut: 1,
        optOutApplied: true,
      });
      // The earlier permit was approved before the opt-out: its extract (step 5) kept everyone, and the
      // hub's record of it is unchanged by the later opt-out.
      const earlier = (await staff.permits.extracts(permitId))!.nodes.find((n) => n.nodeName === NODE_NAME);
      expect(earlier).toMatchObject({ persons: firstExtract!.persons, excludedByOptOut: 0 });
      expect(later.persons).toBe(firstExtract!.persons - 1);

      await on(hdab, 'the HDAB sees the counts on the permit page', async () => {
        await hdab.goto(`${hubUrl}/permits/${encodeURIComponent(laterId)}`);
        const row = hdab.getByTestId('permit-extracts').getByRole('row', { name: new RegExp(NODE_NAME) });
        await row.waitFor();
        const cells = await row.getByRole('cell').allInnerTexts();
        // Status, datasets, persons, left out (opt-out), not matchable, …
        expect(cells.slice(0, 4)).toEqual(['Prepared', DATASET, String(PERSONS - 1), '1']);
      });
      await on(user, 'the data user sees the small exclusion count withheld', async () => {
        await user.goto(`${hubUrl}/permits/${encodeURIComponent(laterId)}`);
        const row = user.getByTestId('permit-extracts').getByRole('row', { name: new RegExp(NODE_NAME) });
        await row.waitFor();
        const cells = await row.getByRole('cell').allInnerTexts();
        expect(cells[2]).toBe(String(PERSONS - 1));
        expect(cells[3]).toBe('fewer than the small-cell threshold');
      });
      expect(errorsSoFar()).toEqual([]);
    },
    SWEEP_STEP_MS,
  );
});
