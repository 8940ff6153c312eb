import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createApplicationsClient,
  createJobsClient,
  createPermitsClient,
  CRITERION_IDS,
  isJobFinal,
} from '@openehds/client';
import { exampleApplication } from '@openehds/core';
import { demoToken } from '../packages/cli/src/commands/demo/hub-admin';
import { startDemoIdentity, type DemoIdentity } from '../packages/cli/src/commands/demo/identity';
import { DEMO_NODES } from '../packages/cli/src/commands/demo/plan';
import { freePort, launchChromium, pageText, signInAsDemo, startDemoFederation, waitText } from './harness';
import type { DemoFederation } from './harness';
import { Journey } from './journey';

/**
 * Accessibility of the whole UI (issue 6 §7): every route of packages/web/src/App.tsx (and of each
 * `*routes.tsx` it includes) is opened by a role that can see it, with real records behind the
 * detail pages (a dataset, an application, a permit, its workspace, a job and its airlock request, a
 * use case, a case study, an organisation). On each page, once loaded:
 *  - axe-core (WCAG 2.0/2.1 A and AA rules) finds no serious or critical violation;
 *  - Tab from the top reaches the skip link first, which is visible when focused; following it puts
 *    focus on the main content, and the next Tab lands on a control inside it;
 *  - the focused control shows a focus indicator (its outline or box shadow differs from unfocused).
 * And one interactive form, the public cohort builder, is filled in and run with the keyboard only.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PERSONS = 150;
const FI = DEMO_NODES.find((n) => n.key === 'fi')!;

type Who = 'anonymous' | 'user' | 'hdab' | 'holder-fi' | 'admin' | 'citizen';

/** A page to check: a path, or one found as the first link matching `link` on the page at `from`. */
type Target = string | { from: string; link: RegExp; suffix?: string };

interface Finding {
  page: string;
  /** Who looked, and in which language when not English. */
  run: string;
  problem: string;
}

// A job that writes one small output, so the airlock holds a request for it.
const JOB_SCRIPT = `import csv
n = 0
with open('/data/person.csv') as f:
    n = sum(1 for _ in csv.DictReader(f))
with open('/output/persons.csv', 'w') as out:
    out.write('persons\\n%d\\n' % (10 * round(n / 10)))
print('counted', n)
`;

/** Polls `ok` every second until it holds (expect.poll is for tests only, not their setup). */
async function until(
  what: string,
  timeoutMs: number,
  ok: () => Promise<boolean>,
  seen: () => Promise<string> = async () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`not seen within ${timeoutMs} ms: ${what} ${await seen()}`);
}

describe('accessibility: every page passes axe-core, works with the keyboard and shows focus', () => {
  const journey = new Journey();
  let federation: DemoFederation | null = null;
  let identity: DemoIdentity | null = null;
  let hubUrl = '';
  // Records behind the detail pages.
  let draftId = '';
  let grantedId = '';
  let permitId = '';
  let jobId = '';
  let airlockId = '';
  const findings: Finding[] = [];
  const covered: string[] = [];

  /** The hub's API clients as a demo account (password, and TOTP for staff). */
  async function api(username: string) {
    const token = await demoToken(hubUrl, username);
    return {
      applications: createApplicationsClient({ baseUrl: hubUrl, token }),
      permits: createPermitsClient({ baseUrl: hubUrl, token }),
      jobs: createJobsClient({ baseUrl: hubUrl, token }),
    };
  }

  beforeAll(async () => {
    federation = await startDemoFederation({
      prefix: 'ehds-e2e-a11y-',
      persons: PERSONS,
      hubEnv: async (url) => {
        identity = await startDemoIdentity(url, { eid: await freePort(), ls: await freePort() });
        return { EHDS_OIDC_PROVIDERS: identity.hubProvidersJson };
      },
    });
    hubUrl = federation.hubUrl;

    // A draft application (the form's pages) and a granted one on the biobank's dataset (its case,
    // permit, workspace, a job and the job's airlock request), through the hub's API.
    const marie = await api('user');
    const hdab = await api('hdab');
    const holder = await api('holder-fi');
    const variables = ['person', 'condition_occurrence', 'observation_period'];
    const content = {
      ...exampleApplication(),
      datasets: [{ datasetId: FI.datasetId, country: FI.country, variables }],
      variables,
    };
    const draft = await marie.applications.create('application');
    draftId = (await marie.applications.saveContent(draft.id, content, draft.version)).id;
    const second = await marie.applications.create('application');
    grantedId = (await marie.applications.saveContent(second.id, content, second.version)).id;
    await marie.applications.submit(grantedId);
    await hdab.applications.transition(grantedId, 'start-pre-screening');
    await hdab.applications.transition(grantedId, 'complete');
    for (const criterion of CRITERION_IDS)
      await hdab.applications.assess(grantedId, criterion, 'met', `Checked ${criterion}.`);
    await hdab.applications.askHolderCosts(grantedId);
    await holder.applications.answerCostRequest(grantedId, 100);
    await hdab.applications.sendFeeEstimate(grantedId);
    await marie.applications.acceptFeeEstimate(grantedId);
    const decision = await hdab.applications.decide(grantedId, {
      outcome: 'GRANTED',
      reasons: 'All criteria of Art. 68(1) are met.',
      validFrom: new Date().toISOString().slice(0, 10),
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    permitId = decision.permitId!;
    await until('the biobank node prepared the extract', 180_000, async () =>
      Boolean((await hdab.permits.extracts(permitId))?.nodes.some((n) => n.status === 'prepared')),
    );
    const job = await marie.jobs.submit(permitId, { language: 'python', script: JOB_SCRIPT });
    jobId = job.id;
    await until(
      'the job made an airlock request',
      180_000,
      async () => (await marie.jobs.get(jobId)).airlock !== null,
      async () => JSON.stringify(await marie.jobs.get(jobId)),
    );
    airlockId = (await marie.jobs.get(jobId)).airlock!.id;
    expect(isJobFinal((await marie.jobs.get(jobId)).status)).toBe(true);
    journey.browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await journey.close();
    await federation?.stop();
    await Promise.all(identity?.providers.map((p) => p.stop()) ?? []);
    if (covered.length) console.info(`a11y: ${covered.length} pages checked:\n${covered.join('\n')}`);
  });

  /** Waits until the page has loaded: content in main, no loading message, the network quiet. */
  async function settle(page: Page): Promise<void> {
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              (document.getElementById('main')?.childElementCount ?? 0) > 0 &&
              !document.querySelector('main .loading, main [aria-busy="true"]'),
          ),
        { timeout: 60_000, interval: 250 },
      )
      .toBe(true);
    // Not an assertion: pages that poll never go quiet, and are checked as they are.
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  }

  /** axe-core's serious and critical violations of the page, one line each. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<AxeResult> } })
        .axe;
      interface AxeResult {
        violations: {
          id: string;
          impact: string | null;
          help: string;
          helpUrl: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      }
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map(
            (n) => `${JSON.stringify(n.target)} ${(n.failureSummary ?? '').split('\n')[1] ?? ''}`,
          ),
        }));
    }, WCAG_TAGS);
    return violations.map(
      (v) => `axe ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 8).join('\n      ')}`,
    );
  }

  /**
   * Every control of the page (up to 60), focused in turn after keyboard use (so :focus-visible
   * applies, as when tabbing), must look different focused: outline or box shadow.
   */
  async function focusSweep(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const look = (el: Element) => {
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return `${outline ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none'} | ${s.boxShadow}`;
      };
      const controls = [
        ...document.querySelectorAll<HTMLElement | SVGElement>(
          'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex="0"]',
        ),
      ]
        .filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]'))
        .slice(0, 60);
      const missing: string[] = [];
      for (const el of controls) {
        el.blur();
        const unfocused = look(el);
        el.focus();
        if (document.activeElement !== el) continue;
        if (look(el) === unfocused) {
          const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
          const id = el.getAttribute('data-testid') ?? el.id;
          missing.push(
            `focus: no visible focus indicator on ${el.tagName.toLowerCase()}${id ? ` [${id}]` : ''} "${text}"`,
          );
        }
        el.blur();
      }
      return missing.slice(0, 8);
    });
  }

  /** Whether the focused element shows a focus indicator: outline or box shadow unlike when unfocused. */
  async function focusShows(page: Page): Promise<string | null> {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'nothing is focused';
      const look = () => {
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return `${outline ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none'} | ${s.boxShadow}`;
      };
      const focused = look();
      el.blur();
      const unfocused = look();
      el.focus();
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      return focused === unfocused ? `no visible focus indicator on ${name} (${focused})` : null;
    });
  }

  /** Skip link first, focus visible, then into the main content. */
  async function keyboardProblems(page: Page): Promise<string[]> {
    const problems: string[] = [];
    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const main = document.getElementById('main');
        return {
          skip: !!el?.classList.contains('skip-link'),
          main: el === main,
          inMain: !!el && !!main && el !== main && main.contains(el),
          visible: !!el && el.getBoundingClientRect().bottom > 0 && el.getBoundingClientRect().height > 0,
          tag: el ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"` : 'none',
        };
      });
    // From the top of the document, as after a page load.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('Tab');
    const first = await active();
    if (!first.skip) return [`keyboard: the first Tab reaches ${first.tag}, not the skip link`];
    if (!first.visible) problems.push('keyboard: the skip link stays hidden when focused');
    const ring = await focusShows(page);
    if (ring) problems.push(`focus: ${ring}`);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await active()).main, { timeout: 5_000 })
      .toBe(true)
      .catch(() =>
        problems.push('keyboard: following the skip link does not move focus to the main content'),
      );
    const tabbable = await page.evaluate(
      () =>
        [
          ...document.querySelectorAll<HTMLElement>(
            '#main a[href], #main button:not([disabled]), #main input:not([disabled]):not([type="hidden"]), #main select:not([disabled]), #main textarea:not([disabled]), #main [tabindex="0"], #main summary',
          ),
        ].filter((e) => e.getClientRects().length > 0).length,
    );
    if (tabbable > 0) {
      await page.keyboard.press('Tab');
      const next = await active();
      if (!next.inMain) problems.push(`keyboard: Tab after the skip link reaches ${next.tag}, not the page`);
      else {
        const shown = await focusShows(page);
        if (shown) problems.push(`focus: ${shown}`);
      }
    }
    return problems;
  }

  /** Opens `target` as `run` (who, and the language) and records what it finds. */
  async function check(page: Page, run: string, signedIn: boolean, target: Target): Promise<void> {
    let path: string;
    if (typeof target === 'string') path = target;
    else {
      await page.goto(`${hubUrl}${target.from}`);
      await settle(page);
      const hrefs = await page
        .locator('main a[href]')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const found = hrefs.find((h) => target.link.test(h));
      if (!found) {
        findings.push({
          page: `${target.from} → ${target.link}`,
          run,
          problem: `no link matching ${target.link} on ${target.from} (links: ${hrefs.join(', ')})`,
        });
        return;
      }
      path = found + (target.suffix ?? '');
    }
    try {
      await page.goto(`${hubUrl}${path}`);
      await settle(page);
      if (new URL(page.url()).pathname === '/sign-in' && path !== '/sign-in' && signedIn)
        throw new Error('was sent to sign in');
      const problems = [
        ...(await keyboardProblems(page)),
        ...(await focusSweep(page)),
        ...(await axeViolations(page)),
      ];
      for (const problem of problems) findings.push({ page: path, run, problem });
      covered.push(`${run.padEnd(14)} ${path}`);
    } catch (err) {
      findings.push({
        page: path,
        run,
        problem: `did not load: ${(err as Error).message}\n${await pageText(page, 800)}`,
      });
    }
  }

  const report = (run: string) =>
    findings
      .filter((f) => f.run === run)
      .map((f) => `${f.page} (as ${f.run}):\n    ${f.problem}`)
      .join('\n');

  /** One signed-in person (or an anonymous visitor) opens each of their pages, in English or `locale`. */
  function pagesOf(who: Who, targets: () => Target[], locale?: 'de' | 'fr' | 'it'): void {
    const run = locale ? `${who}, ${locale}` : who;
    it(`as ${run}`, async ({ skip }) => {
      if (!journey.browser) return skip('no Chromium (launchChromium said why; in CI it throws)');
      const page = await journey.personPage(run);
      // The language switch stores the choice; a page load reads it (packages/web/src/i18n/locale.ts).
      if (locale)
        await page.context().addInitScript((l) => window.localStorage.setItem('openehds.locale', l), locale);
      if (who === 'citizen') {
        await page.goto(`${hubUrl}/citizen`);
        await page.getByTestId('citizen-provider-demo-eid').click();
        await page.getByLabel('Username').fill('liisa');
        await page.getByLabel('Password').fill('demo-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('button', { name: 'Allow' }).click();
        await waitText(page.getByTestId('opt-out-status'), /opted out/);
      } else if (who !== 'anonymous') await signInAsDemo(page, hubUrl, who);
      for (const target of targets()) await check(page, run, who !== 'anonymous', target);
      if (locale) expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(report(run), `accessibility problems found as ${run}`).toBe('');
    }, 300_000);
  }

  pagesOf('anonymous', () => [
    '/',
    '/sign-in',
    '/catalogue',
    `/catalogue/${FI.datasetId}`,
    '/citizen',
    '/feasibility',
    '/genomics',
    '/pathway',
    '/register',
    '/case-studies',
    { from: '/case-studies', link: /^\/case-studies\/(?!new$|mine$)[^/]+$/ },
    '/no-such-page',
  ]);

  pagesOf('user', () => [
    '/applications',
    `/applications/${draftId}`,
    `/applications/${grantedId}`,
    '/permits',
    `/permits/${encodeURIComponent(permitId)}`,
    '/workspaces',
    `/workspaces/${encodeURIComponent(permitId)}`,
    `/jobs/${jobId}`,
    '/outputs',
    `/airlock/${airlockId}`,
    '/account',
    '/kpi',
    '/roadmap',
    '/stakeholders',
    '/use-cases',
    '/use-cases/new',
    { from: '/use-cases', link: /^\/use-cases\/(?!new$)[^/]+$/ },
    '/case-studies/new',
    '/case-studies/mine',
    // The editor of one of her own case studies.
    { from: '/case-studies/mine', link: /^\/case-studies\/(?!new$)[^/]+$/, suffix: '/edit' },
    // A page of another role: the "not for you" notice.
    '/holder',
  ]);

  pagesOf('hdab', () => [
    '/backoffice',
    `/backoffice/${grantedId}`,
    '/backoffice/publication',
    '/backoffice/report',
    `/permits/${encodeURIComponent(permitId)}`,
    `/workspaces/${encodeURIComponent(permitId)}`,
    '/airlock',
    `/airlock/${airlockId}`,
    '/feasibility/queries',
    '/admin',
    '/admin/organisations',
    { from: '/admin/organisations', link: /^\/admin\/organisations\/[^/]+$/ },
    '/roadmap',
    '/kpi',
  ]);

  pagesOf('holder-fi', () => ['/holder', '/account', '/use-cases']);

  pagesOf('admin', () => ['/admin', '/admin/organisations', '/account']);

  pagesOf('citizen', () => ['/citizen', '/account', '/kpi']);

  // The other languages (the switch in the header): translated names and labels must still match
  // what is shown, and the page says its language.
  for (const locale of ['de', 'fr', 'it'] as const) {
    pagesOf('anonymous', () => ['/', '/sign-in', '/catalogue', '/feasibility', '/pathway'], locale);
    pagesOf('user', () => ['/applications', `/applications/${draftId}`, '/kpi'], locale);
  }

  it('the cohort builder is filled in and run with the keyboard only', async ({ skip }) => {
    if (!journey.browser) return skip('no Chromium (launchChromium said why; in CI it throws)');
    const page = await journey.personPage('keyboard');
    await page.goto(`${hubUrl}/feasibility`);
    await settle(page);
    const focusedTestId = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    /** Tabs until the control with this test id has focus (at most 120 presses). */
    const tabTo = async (testId: string) => {
      for (let i = 0; i < 120; i++) {
        if ((await focusedTestId()) === testId) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${testId}`);
    };
    await tabTo('inc-0-0-vocabulary');
    // A closed select changes its value with the arrow keys.
    for (let i = 0; i < 20; i++) {
      if ((await page.getByTestId('inc-0-0-vocabulary').inputValue()) === 'SNOMED') break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.getByTestId('inc-0-0-vocabulary').inputValue()).toBe('SNOMED');
    await tabTo('inc-0-0-codes');
    // Essential hypertension, in SNOMED CT.
    await page.keyboard.type('38341003');
    await tabTo('cohort-run');
    expect(await focusShows(page)).toBeNull();
    await page.keyboard.press('Enter');
    await page.getByTestId('feasibility-results').waitFor({ timeout: 120_000 });
    const rows = page.locator('[data-testid^="feasibility-node-"]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(DEMO_NODES.length);
    expect(await page.getByTestId('feasibility-total').innerText()).toMatch(/\d/);
    // The page with its answer passes axe-core too.
    expect((await axeViolations(page)).join('\n')).toBe('');
    expect(journey.errorsSoFar().filter((e) => e.startsWith('[keyboard]'))).toEqual([]);
  }, 300_000);
});
