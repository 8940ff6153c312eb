import { join } from 'node:path';
import { it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { consoleErrors, pageText, tempDir } from './harness';

/**
 * The frame every browser journey shares: steps that build on each other (after a failure the later
 * ones are skipped, reported as such, instead of failing for the same reason), one browser context
 * per person with its console errors collected, and failures that carry the page they happened on.
 */
export class Journey {
  /** Set by the journey's setup once Chromium is up; without it every step is skipped. */
  browser: Browser | null = null;
  private readonly contexts: BrowserContext[] = [];
  private readonly pageErrors = new Map<Page, string[]>();
  private failedStep: string | null = null;

  /** `whyNoBrowser`: the skip reason when the setup found no browser (or another missing service). */
  constructor(private readonly whyNoBrowser = 'no Chromium (launchChromium said why; in CI it throws)') {}

  /** Every console error and uncaught exception of every page so far (a journey ends with none). */
  errorsSoFar(): string[] {
    return [...this.pageErrors.values()].flat();
  }

  /** A fresh browser context (its own cookies: one signed-in person), its console errors collected. */
  async personPage(label: string): Promise<Page> {
    const context = await this.browser!.newContext({ acceptDownloads: true });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    this.pageErrors.set(page, consoleErrors(page, label));
    return page;
  }

  /** One step of the journey (a vitest test). */
  step(name: string, body: () => Promise<void>, timeout?: number): void {
    it(
      name,
      async ({ skip, onTestFailed }) => {
        if (!this.browser) return skip(this.whyNoBrowser);
        if (this.failedStep) return skip(`an earlier step failed: ${this.failedStep}`);
        onTestFailed(() => {
          this.failedStep = name;
        });
        await body();
      },
      timeout,
    );
  }

  /** Runs part of a step; on failure the message carries a screenshot path and the page's text. */
  async on<T>(page: Page, what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (err) {
      const shot = join(tempDir('ehds-e2e-shot-'), 'page.png');
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      const logged = this.pageErrors.get(page) ?? [];
      throw new Error(
        `${what}: ${(err as Error).message}\nscreenshot: ${shot}\n${await pageText(page)}` +
          (logged.length ? `\nconsole errors:\n${logged.join('\n')}` : ''),
      );
    }
  }

  /** Closes every context and the browser. */
  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
  }
}
