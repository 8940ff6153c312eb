import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { approveDemoNodes } from '../packages/cli/src/commands/demo/hub-admin';
import { ensureWebBuilt } from '../packages/cli/src/commands/demo/web-build';
import { ehds, freePort, launchChromium, REPO, tempDir, waitFor, waitForLocalApi } from './harness';

/**
 * The data holder's journey, through the real product: a hub and a node as separate processes over
 * HTTP, the built web UI in Debian's Chromium. A holder signs in, uploads a FHIR file to their node,
 * sees the quality label, publishes the dataset and finds it through the catalogue search.
 */
const conformance = process.env.EHDS_CONFORMANCE_DIR ?? join(REPO, '../shared/conformance');

describe('data holder journey', () => {
  let browser: Browser | null = null;
  const procs: ReturnType<typeof ehds>[] = [];
  let hubUrl = '';

  beforeAll(async () => {
    // Prepare: build the UI, start a hub and one node (empty store), approve the node.
    const webDir = await ensureWebBuilt(REPO);
    const data = tempDir('ehds-e2e-');
    const hubPort = await freePort();
    hubUrl = `http://127.0.0.1:${hubPort}`;
    const hub = ehds([
      'hub',
      '--port',
      String(hubPort),
      '--data-dir',
      join(data, 'hub'),
      '--seed-demo',
      '--web-dir',
      webDir,
    ]);
    procs.push(hub);
    await waitFor(`${hubUrl}/health`, 90_000, hub.output);
    const nodePort = await freePort();
    const node = ehds([
      'node',
      '--name',
      'E2E Biobank node',
      '--organisation',
      'Helsinki Biobank (demo)',
      '--country',
      'FI',
      '--dataset-id',
      'fi-e2e-biobank',
      '--data-dir',
      join(data, 'node'),
      '--hub',
      hubUrl,
      '--port',
      String(nodePort),
      '--allowed-origin',
      hubUrl,
    ]);
    procs.push(node);
    await waitFor(`http://127.0.0.1:${nodePort}/health`, 90_000, node.output);
    await approveDemoNodes(hubUrl, ['E2E Biobank node'], 60_000);
    // The node reports its local API once it learns it is approved; wait until the hub has it.
    await waitForLocalApi(hubUrl, 60_000, node.output);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(procs.map((p) => p.stop()));
  });

  it('signs in, uploads FHIR, sees the label, publishes and finds the dataset', async () => {
    if (!browser) return; // launchChromium printed why (outside CI only; in CI it throws)
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

    // Execute: sign in as the Finnish data holder.
    await page.goto(`${hubUrl}/sign-in`);
    await page.getByTestId('signin-username').fill('holder-fi');
    await page.getByTestId('signin-password').fill('demo-password');
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // Upload a Synthea FHIR bundle to the node, straight from the browser.
    await page.goto(`${hubUrl}/holder`);
    await page
      .getByTestId('upload-input')
      .waitFor({ timeout: 30_000 })
      .catch(async (err) => {
        await page.screenshot({ path: join(tempDir('ehds-e2e-shot-'), 'holder.png'), fullPage: true });
        throw new Error(
          `${(err as Error).message}\npage text: ${(await page.innerText('body')).slice(0, 2000)}`,
        );
      });
    const bundles = readdirSync(join(conformance, 'fixtures/synthea-r4')).filter((f) => f.endsWith('.json'));
    await page
      .getByTestId('upload-input')
      .setInputFiles(join(conformance, 'fixtures/synthea-r4', bundles[0]!));
    const upload = page.getByTestId('upload-button');
    if (await upload.count()) await upload.click();
    const report = page.getByTestId('upload-report');
    await report.waitFor({ timeout: 60_000 });
    await expect.poll(async () => report.innerText(), { timeout: 60_000 }).toMatch(/loaded/i);

    // Assert: the quality label is shown, with stars.
    const badge = page.getByTestId('quality-badge').first();
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.innerText()).toMatch(/star|★|\d/i);

    // Publish, then find the dataset through the catalogue search.
    await page.getByTestId('publish-button').click();
    await page.getByTestId('publish-result').waitFor({ timeout: 30_000 });
    await page.goto(`${hubUrl}/catalogue`);
    await page.getByTestId('catalogue-search').fill('Helsinki Biobank');
    await page.getByTestId('catalogue-search').press('Enter');
    const result = page.getByTestId('catalogue-result').first();
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('Helsinki Biobank');

    // The catalogue also answers as HealthDCAT-AP, and the data stayed at the node: the hub only
    // holds the description.
    const turtle = await (
      await fetch(`${hubUrl}/catalogue/datasets/fi-e2e-biobank`, { headers: { accept: 'text/turtle' } })
    ).text();
    expect(turtle).toContain('dcat:Dataset');
    expect(consoleErrors).toEqual([]);
  });
});
