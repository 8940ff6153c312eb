import { createCaseStudiesClient, createPermitsClient } from '@openehds/client';

/**
 * The hub clients of the case-study pages: same origin, so the session cookie travels; the permit
 * list feeds the "pre-fill from my permit" picker.
 */
export const caseStudiesApi = createCaseStudiesClient({ baseUrl: '', credentials: 'same-origin' });
export const permitsForPrefill = createPermitsClient({ baseUrl: '', credentials: 'same-origin' });
