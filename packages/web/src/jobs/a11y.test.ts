import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../feasibility/test-support';
import { JobsSection } from './JobsSection';

/** The jobs section's markup as the browser first gets it: every control labelled, ids unique. */
describe('JobsSection markup', () => {
  const render = (canSubmit: boolean) =>
    renderToStaticMarkup(
      createElement(
        MemoryRouter,
        null,
        createElement(JobsSection, { permitId: 'FI-2026-000001', canSubmit }),
      ),
    );

  it('labels every control of the submission form and ties hints to their fields', () => {
    const html = render(true);
    expectAccessible(html);
    for (const testId of ['job-language', 'job-script', 'job-file', 'job-args', 'job-backend', 'job-submit'])
      expect(html).toContain(`data-testid="${testId}"`);
    expect(html).toContain('<legend>Limits</legend>');
    expect(html).toMatch(/<section aria-labelledby="[^"]+" data-testid="jobs-section">/);
  });

  it('shows no form where the viewer may not submit (staff overseeing the workspace)', () => {
    const html = render(false);
    expect(html).not.toContain('data-testid="job-form"');
    expect(html).toContain('Jobs under this permit');
  });
});
